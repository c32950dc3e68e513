import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from "vitest";
import type { Db } from "@/lib/db/connect";
import type { ListCursor } from "@/lib/db/schema";
import { testDatabases } from "@/lib/testing/databases";
import { drain, procuriosVendor, registration, submissionsOn } from "@/lib/testing/submissions-harness";

const REJECTED = "The registration could not be completed.";

/** What the staff console does with the outbox: assisted submissions, the timeline, search, retry now, replay now, erase. */
describe.each(testDatabases())("the outbox for staff on $name", (database) => {
  let db: Db;
  let vendor: Awaited<ReturnType<typeof procuriosVendor>>;

  beforeAll(async () => {
    db = await database.open();
    vendor = await procuriosVendor();
  });
  afterAll(async () => {
    await vendor.server.close();
    await db.close();
  });
  beforeEach(() => vendor.sandbox.reset());

  it("stores an assisted submission with its staff member and the sealed attestation, and records each attempt", async () => {
    const service = submissionsOn(db, vendor);
    const attestation = { person: "Anna Jansen", how: "phone", staffId: "staff-1" };
    const answer = await service.submit({ formId: "members", idempotencyKey: "assisted-1", data: registration(), assisted: { by: "staff-1", attestation } }, REJECTED);
    await drain([service]);
    const row = (await service.store.byId(answer.body.submissionId))!;
    expect(row.assisted_by).toBe("staff-1");
    expect(row.attestation).not.toContain("Anna");
    const attempts = await service.store.attempts(row.id);
    expect(attempts.at(-1)).toMatchObject({ outcome: "delivered", detail: `reference ${row.reference}` });
    expect(attempts.map((attempt) => attempt.attempt)).toEqual(attempts.map((_, index) => index + 1));

    expect((await service.store.search({ assisted: true })).map((found) => found.id)).toContain(row.id);
    expect((await service.store.search({ assisted: false })).map((found) => found.id)).not.toContain(row.id);
    expect((await service.store.search({ search: row.reference! })).map((found) => found.id)).toEqual([row.id]);
    expect((await service.store.search({ search: row.id, status: "failed" })).length).toBe(0);
    expect((await service.store.search({ from: row.created_at, to: row.created_at + 1, formId: "members" })).map((found) => found.id)).toContain(row.id);
    expect((await service.store.search({ to: row.created_at })).map((found) => found.id)).not.toContain(row.id);
  });

  it("pages through the list newest first: submissions of the same millisecond in one order, none repeated or skipped", async () => {
    const service = submissionsOn(db, vendor);
    const at = 4_000_000_000_000; // later than every other test's submissions, so these come first
    const times = [at, at, at, at - 1, at - 1, at - 2, at - 5];
    await service.store.insert(
      times.map((now, index) => ({ id: `page-${index}`, formId: "paging", idempotencyKey: `page-${index}`, requestHash: "h", payload: "{}", campaign: null, now })),
    );
    // Never delivered (the form is unknown): taken out again, so that no other test waits for them.
    onTestFinished(async () => void (await db.kysely.deleteFrom("submissions").where("form_id", "=", "paging").execute()));
    const seen: string[] = [];
    let after: ListCursor | undefined;
    for (let page = 0; page < 10; page++) {
      const rows = await service.store.search({ formId: "paging", after }, 2);
      if (rows.length === 0) break;
      seen.push(...rows.map((row) => row.id));
      const last = rows.at(-1)!;
      after = { at: Number(last.created_at), id: last.id };
    }
    expect(seen).toEqual(["page-2", "page-1", "page-0", "page-4", "page-3", "page-5", "page-6"]);
  });

  it("retries a waiting submission at once, even while the vendor's Retry-After pauses the form, and replays a dead letter at once", async () => {
    await vendor.fault({ mode: "503", retryAfterSeconds: 600, routes: "registration" });
    const service = submissionsOn(db, vendor, { maxAttempts: 2 });
    const { body } = await service.submit({ formId: "members", idempotencyKey: "retry-1", data: registration() }, REJECTED);
    expect((await service.store.byId(body.submissionId))!.status).toBe("received");
    // The worker would wait ten minutes; a staff retry does not.
    expect(await service.deliverDue(10)).toBe(0);
    expect(await service.retry(body.submissionId)).toBe("failed");
    expect((await service.store.byId(body.submissionId))!.status).toBe("failed");
    expect(await service.retry(body.submissionId)).toBeUndefined();
    expect((await service.store.attempts(body.submissionId)).map((attempt) => attempt.outcome)).toEqual(["retry", "failed"]);

    await vendor.clearFaults();
    expect(await service.replayNow(body.submissionId)).toMatch(/^(delivered|retry)$/);
    await drain([service]);
    expect((await service.store.byId(body.submissionId))!.status).toBe("delivered");
    expect(await service.replayNow(body.submissionId)).toBeUndefined();
    expect(vendor.sandbox.stats().registrationCount).toBe(1);
  });

  it("drops a finished submission's timeline with its answers after the retention period; a dead letter keeps its own", async () => {
    const service = submissionsOn(db, vendor, { retentionMs: 0 });
    const delivered = await service.submit({ formId: "members", idempotencyKey: "purge-timeline-1", data: registration() }, REJECTED);
    await drain([service]);
    await vendor.fault({ mode: "down", routes: "registration" });
    const dead = await submissionsOn(db, vendor, { retentionMs: 0, maxAttempts: 1 }).submit({ formId: "members", idempotencyKey: "purge-timeline-2", data: registration() }, REJECTED);
    await vendor.clearFaults();
    expect((await service.store.byId(dead.body.submissionId))!.status).toBe("failed");
    await new Promise((resolve) => setTimeout(resolve, 5));
    await service.purgeExpired();
    expect(await service.store.attempts(delivered.body.submissionId)).toEqual([]);
    expect((await service.store.attempts(dead.body.submissionId)).map((attempt) => attempt.outcome)).toEqual(["failed"]);
  });

  it("erases the answers on request, keeping id, form, status and reference; not while a submission is being delivered", async () => {
    const service = submissionsOn(db, vendor);
    const attestation = { person: "Anna Jansen", how: "in_person" };
    const answer = await service.submit({ formId: "members", idempotencyKey: "erase-1", data: registration(), assisted: { by: "staff-2", attestation } }, REJECTED);
    await drain([service]);
    const before = (await service.store.byId(answer.body.submissionId))!;
    expect(await service.erase(before.id)).toBe(true);
    const after = (await service.store.byId(before.id))!;
    expect(after).toMatchObject({ id: before.id, form_id: "members", status: "delivered", reference: before.reference, payload: null, attestation: null, response: null, assisted_by: "staff-2" });
    expect(after.erased_at).toEqual(expect.any(Number));
    expect(await service.erase(before.id)).toBe(false);

    await vendor.fault({ mode: "down", routes: "registration" });
    const waiting = await submissionsOn(db, vendor, { inlineWaitMs: 0 }).submit({ formId: "members", idempotencyKey: "erase-2", data: registration() }, REJECTED);
    expect(await service.erase(waiting.body.submissionId)).toBe(false);
    await vendor.clearFaults();
  });
});
