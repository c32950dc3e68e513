import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "@/lib/db/connect";
import { log } from "@/lib/log";
import { testDatabases } from "@/lib/testing/databases";
import { procuriosVendor, registration, submissionsOn } from "@/lib/testing/submissions-harness";
import { startWorker } from "./worker";

describe("delivery worker", () => {
  let db: Db;
  let vendor: Awaited<ReturnType<typeof procuriosVendor>>;
  beforeAll(async () => {
    db = await testDatabases()[0].open();
    vendor = await procuriosVendor();
  });
  afterAll(async () => {
    await vendor.server.close();
    await db.close();
  });

  it("delivers queued submissions on its own, retries included, and stops cleanly", async () => {
    const submissions = submissionsOn(db, vendor, { inlineWaitMs: 0 });
    const purge = vi.fn(async () => 0);
    const expire = vi.fn(async () => 0);
    const worker = startWorker(submissions, { concurrency: 2, pollMs: 100, purgeEveryMs: 0, purge, expire, expireEveryMs: 0, log });
    const answers = [];
    for (let i = 0; i < 5; i++) {
      answers.push(await submissions.submit({ formId: "members", idempotencyKey: `w-${i}`, data: registration() }, "rejected"));
    }
    for (const answer of answers) {
      await vi.waitFor(async () => expect((await submissions.status(answer.body.submissionId))?.status).toBe("delivered"), { timeout: 10_000, interval: 50 });
    }
    expect(vendor.sandbox.stats().registrationCount).toBe(5);
    expect(purge).toHaveBeenCalled();
    // Registrations left waiting for the person are looked at on the worker's rounds too.
    expect(expire).toHaveBeenCalled();
    await worker.stop();
  });
});
