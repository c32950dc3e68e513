import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connect";
import { pageOf, parseCursor } from "@/lib/db/schema";
import { testDatabases } from "@/lib/testing/databases";
import { auditLog } from "./log";

describe.each(testDatabases())("audit log on $name", (database) => {
  let db: Db;
  let clock = 1_000;
  beforeAll(async () => void (db = await database.open()));
  afterAll(() => db.close());

  it("appends entries and lists them newest first, filtered by action, who and dates", async () => {
    const audit = auditLog(db, () => clock);
    const ana = { id: "a1", email: "ana@club.example" };
    await audit.append({ actor: ana, action: "sign_in" });
    clock = 2_000;
    await audit.append({ actor: ana, action: "reveal", target: "sub-1", details: { form: "members" } });
    clock = 3_000;
    await audit.append({ actor: { id: null, email: "nobody@club.example" }, action: "sign_in_failed", details: { reason: "unknown account" } });
    expect((await audit.list()).map((entry) => entry.action)).toEqual(["sign_in_failed", "reveal", "sign_in"]);
    expect(await audit.list({ action: "reveal" })).toEqual([
      { id: expect.any(String), at: 2_000, actorId: "a1", actorEmail: "ana@club.example", action: "reveal", target: "sub-1", details: { form: "members" } },
    ]);
    expect((await audit.list({ who: "sub-1" })).map((entry) => entry.action)).toEqual(["reveal"]);
    expect((await audit.list({ who: "ana@club.example" })).length).toBe(2);
    expect((await audit.list({ from: 1_500, to: 3_000 })).map((entry) => entry.action)).toEqual(["reveal"]);
  });

  it("pages newest first, a page ending where the next starts: entries of the same millisecond in one order, none repeated or skipped", async () => {
    const audit = auditLog(db, () => clock);
    const bo = { id: "b1", email: "bo@club.example" };
    for (const at of [10_000, 10_000, 10_000, 9_000, 9_000, 8_000, 7_000]) {
      clock = at;
      await audit.append({ actor: bo, action: "lookup" });
    }
    const all = await audit.list({ who: bo.email });
    expect(all.map((entry) => entry.at)).toEqual([10_000, 10_000, 10_000, 9_000, 9_000, 8_000, 7_000]);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const { rows, older }: { rows: { id: string }[]; older: string | null } = pageOf(await audit.list({ who: bo.email, after: after ? parseCursor(after) : undefined }, 3), 2, (entry) => entry.at);
      seen.push(...rows.map((entry) => entry.id));
      after = older;
    } while (after && seen.length < 20);
    expect(seen).toEqual(all.map((entry) => entry.id));
  });

  it("has no way to change or remove an entry", () => {
    expect(Object.keys(auditLog(db))).toEqual(["append", "list"]);
  });
});

describe("append-only in code", () => {
  it("no module updates or deletes audit_log rows", () => {
    const files = ["lib", "app", "scripts"]
      .flatMap((dir) => readdirSync(dir, { recursive: true, encoding: "utf8" }).map((file) => path.join(dir, file)))
      .filter((file) => /\.(ts|tsx|mjs)$/.test(file) && !file.endsWith(".test.ts"));
    const offenders = files.filter((file) => {
      const text = readFileSync(file, "utf8");
      return /(updateTable|deleteFrom)\(\s*["']audit_log["']/.test(text) || /(UPDATE|DELETE\s+FROM)\s+"?audit_log/i.test(text);
    });
    expect(files.length).toBeGreaterThan(100);
    expect(offenders).toEqual([]);
  });
});
