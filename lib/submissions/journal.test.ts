import { describe, expect, it } from "vitest";
import { createSealer } from "./crypto";
import { createJournal, type Steps } from "./journal";

function journal(steps: Steps = {}, persistOk = true) {
  const saved: Steps[] = [];
  const inDoubt: string[] = [];
  const j = createJournal({
    steps,
    persist: async (s) => (saved.push(structuredClone(s)), persistOk),
    now: () => 1,
    onInDoubt: (name) => inDoubt.push(name),
  });
  return { j, saved, inDoubt };
}

describe("delivery journal", () => {
  it("marks a step started before the call and done with its result after", async () => {
    const { j, saved } = journal();
    const result = await j.step("register", async () => {
      expect(saved.at(-1)).toEqual({ register: { state: "started", at: 1 } });
      return { id: 7 };
    });
    expect(result).toEqual({ id: 7 });
    expect(saved.at(-1)).toEqual({ register: { state: "done", at: 1, result: { id: 7 } } });
  });

  it("never repeats a completed step", async () => {
    const { j } = journal({ register: { state: "done", at: 0, result: { id: 7 } } });
    let calls = 0;
    expect(await j.step("register", async () => (calls++, { id: 8 }))).toEqual({ id: 7 });
    expect(calls).toBe(0);
  });

  it("records a failed call as failed, not in doubt", async () => {
    const { j, saved, inDoubt } = journal();
    await expect(j.step("complete", async () => Promise.reject(new Error("404")))).rejects.toThrow("404");
    expect(j.steps).toEqual({ complete: { state: "failed", at: 1 } });
    expect(saved.at(-1)).toEqual({ complete: { state: "started", at: 1 } }); // written with the outcome, not here
    await j.step("complete", async () => "ok");
    expect(inDoubt).toEqual([]);
  });

  it("reports a step left started by a crash as in doubt, then runs it", async () => {
    const { j, inDoubt } = journal({ register: { state: "started", at: 0 } });
    expect(await j.step("register", async () => "sent again")).toBe("sent again");
    expect(inDoubt).toEqual(["register"]);
  });

  it("stops before calling the vendor when the claim was lost", async () => {
    const { j } = journal({}, false);
    let called = false;
    await expect(j.step("register", async () => (called = true))).rejects.toMatchObject({ code: "vendor_unavailable" });
    expect(called).toBe(false);
  });
});

describe("secret steps", () => {
  it("keep their result sealed, never in the journal's JSON, and give it back on the next attempt", async () => {
    const sealer = createSealer(Buffer.alloc(32, 7));
    const saved: Steps[] = [];
    const first = createJournal({ steps: {}, persist: async (s) => (saved.push(structuredClone(s)), true), now: () => 1, sealer });
    await first.step("verify", async () => ({ token: "eyJ.secret.token" }), { secret: true });
    const stored = JSON.stringify(saved.at(-1));
    expect(stored).not.toContain("eyJ.secret.token");
    expect(saved.at(-1)?.verify).toMatchObject({ state: "done", sealed: expect.stringMatching(/^v1\./) });
    const next = createJournal({ steps: saved.at(-1)!, persist: async () => true, now: () => 2, sealer });
    expect(await next.step("verify", async () => ({ token: "another" }), { secret: true })).toEqual({ token: "eyJ.secret.token" });
  });

  it("refuses to keep a secret without a sealer", async () => {
    const { j } = journal();
    await expect(j.step("verify", async () => "token", { secret: true })).rejects.toThrow(/secret/);
  });
});
