import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connect";
import { createSealer } from "@/lib/submissions/crypto";
import { testDatabases } from "@/lib/testing/databases";
import { DRAFT_TTL_MS, draftStore } from "./store";

const token = "k".repeat(40);

describe.each(testDatabases())("server-side drafts on $name", (database) => {
  let db: Db;
  let clock = 1_000;
  const store = () => draftStore(db, createSealer(Buffer.alloc(32, 3)), () => clock);
  beforeAll(async () => void (db = await database.open()));
  afterAll(() => db.close());

  it("saves, replaces, loads and removes a draft, sealed and keyed by a hash of the token", async () => {
    await store().save("members", token, { data: { email: "a@example.nl" }, step: 1 });
    await store().save("members", token, { data: { email: "b@example.nl" }, step: 2 });
    expect(await store().load("members", token)).toEqual({ data: { email: "b@example.nl" }, step: 2 });
    expect(await store().load("demo", token)).toBeUndefined();
    const rows = await db.kysely.selectFrom("drafts").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain("b@example.nl");
    await store().remove("members", token);
    expect(await store().load("members", token)).toBeUndefined();
  });

  it("forgets drafts a day after their last change", async () => {
    await store().save("members", token, { step: 1 });
    clock += DRAFT_TTL_MS + 1;
    expect(await store().load("members", token)).toBeUndefined();
    expect(await store().purgeExpired()).toBe(1);
  });
});
