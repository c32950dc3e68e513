import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connect";
import { testDatabases } from "@/lib/testing/databases";
import { refusalCounter } from "./refusals";

describe.each(testDatabases())("refusal counts on $name", (database) => {
  let db: Db;
  beforeAll(async () => void (db = await database.open()));
  afterAll(() => db.close());

  it("adds up per form and reason, across flushes and counters (instances)", async () => {
    const one = refusalCounter(async () => db, { flushEveryMs: 60_000 });
    const two = refusalCounter(async () => db, { flushEveryMs: 60_000 });
    for (let i = 0; i < 3; i++) one.count("members", "rate_limit");
    one.count("members", "honeypot");
    one.count(undefined, "origin");
    await one.flush();
    two.count("members", "rate_limit");
    two.count("demo", "too_fast");
    expect(await two.totals()).toEqual({
      "-": { origin: 1 },
      demo: { too_fast: 1 },
      members: { honeypot: 1, rate_limit: 4 },
    });
  });
});
