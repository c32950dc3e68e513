import { afterEach, describe, expect, it, vi } from "vitest";
import { FaultSwitch, handleFaultControl } from "./sandbox-faults";

const post = (body: string) => new Request("http://sandbox.test/_sandbox/faults", { method: "POST", headers: { "Content-Type": "application/json" }, body });
const bare = (method: string) => new Request("http://sandbox.test/_sandbox/x", { method });

describe("handleFaultControl", () => {
  it("sets a fault from JSON, with its defaults, and answers it back", async () => {
    const faults = new FaultSwitch(new Set(["register"]));
    const answer = await handleFaultControl("POST faults", post('{"mode":"503","count":1,"routes":"registration"}'), faults, () => {});
    expect(answer?.status).toBe(200);
    expect(answer?.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await answer?.json()).toEqual({ mode: "503", count: 1, delayMs: 3000, retryAfterSeconds: 1, routes: "registration" });
    expect(faults.take("lookup")).toBeUndefined();
    expect(faults.take("register")?.mode).toBe("503");
    expect(faults.take("register")).toBeUndefined();
  });

  it.each([
    ["not JSON", "{mode", /^body: /],
    ["an unknown mode", '{"mode":"418"}', /^mode: /],
    ["an unknown key", '{"mode":"down","forever":true}', /forever/],
    ["a list", '[{"mode":"down"}]', /^body: /],
  ])("refuses %s with 400 and what is wrong, leaving the faults as they were", async (_, body, error) => {
    const faults = new FaultSwitch(new Set());
    const answer = await handleFaultControl("POST faults", post(body), faults, () => {});
    expect(answer?.status).toBe(400);
    expect((await answer?.json()).error).toMatch(error);
    expect(faults.take("register")).toBeUndefined();
  });

  it("clears the faults on DELETE faults", async () => {
    const faults = new FaultSwitch(new Set());
    faults.set({ mode: "down", delayMs: 0, retryAfterSeconds: 1, routes: "all" });
    const answer = await handleFaultControl("DELETE faults", bare("DELETE"), faults, () => {});
    expect(answer?.status).toBe(204);
    expect(faults.take("register")).toBeUndefined();
  });

  it("runs the sandbox's reset on POST reset, and only then", async () => {
    const reset = vi.fn();
    const faults = new FaultSwitch(new Set());
    expect((await handleFaultControl("POST reset", bare("POST"), faults, reset))?.status).toBe(204);
    expect(reset).toHaveBeenCalledTimes(1);
    await handleFaultControl("DELETE faults", bare("DELETE"), faults, reset);
    expect(reset).toHaveBeenCalledTimes(1);
  });

  it.each(["GET stats", "GET faults", "PUT faults", "GET reset", "POST sets/1"])("leaves %s to the sandbox", async (call) => {
    const reset = vi.fn();
    const faults = new FaultSwitch(new Set());
    faults.set({ mode: "down", delayMs: 0, retryAfterSeconds: 1, routes: "all" });
    expect(await handleFaultControl(call, bare(call.split(" ")[0]), faults, reset)).toBeUndefined();
    expect(reset).not.toHaveBeenCalled();
    expect(faults.take("register")?.mode).toBe("down");
  });
});

describe("FaultSwitch.startWith", () => {
  afterEach(() => vi.restoreAllMocks());

  it("starts with the fault the spec names, for its count of requests", () => {
    const faults = new FaultSwitch(new Set()).startWith("429:2", "test");
    expect(faults.take("a")?.mode).toBe("429");
    expect(faults.take("b")?.mode).toBe("429");
    expect(faults.take("c")).toBeUndefined();
  });

  it("starts with none when there is no spec", () => {
    expect(new FaultSwitch(new Set()).startWith(undefined, "test").take("a")).toBeUndefined();
  });

  it("ignores a malformed spec with a warning that names the sandbox", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const faults = new FaultSwitch(new Set()).startWith("teapot:3", "dnl");
    expect(faults.take("a")).toBeUndefined();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('[dnl sandbox] ignoring fault spec "teapot:3"'));
  });
});

describe("FaultSwitch.answer", () => {
  const request = () => new Request("http://sandbox.test/register", { method: "POST" });

  it("gives the vendor's answer when no fault applies to the route", async () => {
    const faults = new FaultSwitch(new Set(["register"]));
    faults.set({ mode: "down", route: "lookup", delayMs: 0, retryAfterSeconds: 1, routes: "all" });
    const answer = await faults.answer("register", request(), async () => new Response("vendor", { status: 201 }));
    expect(answer.status).toBe(201);
    expect(await answer.text()).toBe("vendor");
  });

  it("answers as the fault dictates, without asking the vendor, for as many requests as it counts", async () => {
    const faults = new FaultSwitch(new Set(["register"]));
    faults.set({ mode: "503", count: 1, delayMs: 0, retryAfterSeconds: 7, routes: "all" });
    const proceed = vi.fn(async () => new Response("vendor"));
    const first = await faults.answer("register", request(), proceed);
    expect(first.status).toBe(503);
    expect(first.headers.get("retry-after")).toBe("7");
    expect(proceed).not.toHaveBeenCalled();
    expect((await faults.answer("register", request(), proceed)).status).toBe(200);
    expect(proceed).toHaveBeenCalledTimes(1);
  });
});
