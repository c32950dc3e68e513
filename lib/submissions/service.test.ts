import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ruleText } from "@/lib/connectors/types";
import type { Db } from "@/lib/db/connect";
import { AppError } from "@/lib/errors";
import { testDatabases } from "@/lib/testing/databases";
import { createSubmissions, IDEMPOTENCY_KEY_TTL_MS, requestHash } from "@/lib/submissions/service";
import { drain, harnessDeps, procuriosVendor, registration, submissionsOn } from "@/lib/testing/submissions-harness";

const REJECTED = "The registration could not be completed.";

describe.each(testDatabases())("durable submissions on $name", (database) => {
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
  beforeEach(async () => {
    vendor.sandbox.reset();
  });

  const submit = (key: string, data: Record<string, unknown>, settings = {}) =>
    submissionsOn(db, vendor, settings).submit({ formId: "members", idempotencyKey: key, data }, REJECTED);

  it("delivers inline and answers 201 with the vendor's reference", async () => {
    const answer = await submit("k-inline", registration());
    expect(answer.httpStatus).toBe(201);
    expect(answer.body).toMatchObject({ status: "delivered", reference: expect.stringMatching(/^\d+$/) });
    expect(vendor.sandbox.stats().registrationCount).toBe(1);
  });

  it("stores the answers encrypted", async () => {
    const data = registration();
    const answer = await submit("k-sealed", data);
    const row = await submissionsOn(db, vendor).store.byId(answer.body.submissionId);
    expect(row?.payload).toBeTruthy();
    expect(row?.payload).not.toContain(String(data.email));
    expect(row?.payload).not.toContain("correct horse");
  });

  it("replays the first answer for the same key and body, without a second vendor call", async () => {
    const data = registration();
    const first = await submit("k-replay", data);
    const again = await submit("k-replay", { ...data });
    expect(again.replayed).toBe(true);
    expect(again.httpStatus).toBe(first.httpStatus);
    expect(again.body).toEqual(first.body);
    expect(vendor.sandbox.stats().registrationCount).toBe(1);
  });

  it("refuses the same key with different answers", async () => {
    await submit("k-conflict", registration());
    await expect(submit("k-conflict", registration())).rejects.toMatchObject({ code: "idempotency_conflict" });
  });

  it("gives 20 concurrent submits with one key one registration and 20 identical answers", async () => {
    const data = registration();
    const answers = await Promise.all(Array.from({ length: 20 }, () => submit("k-burst", data)));
    expect(vendor.sandbox.stats().registrationCount).toBe(1);
    const bodies = answers.map((a) => JSON.stringify([a.httpStatus, a.body]));
    expect(new Set(bodies).size).toBe(1);
    expect(answers[0].httpStatus).toBe(201);
  });

  it("answers 422 with the vendor's field error when it refuses the data", async () => {
    const answer = await submit("k-taken", registration({ username: "jdevries" }));
    expect(answer.httpStatus).toBe(422);
    // Procurios' "Deze gebruikersnaam is al in gebruik" as the rule it means, worded by the route in the page's language.
    expect(answer.body).toMatchObject({ status: "rejected", errors: { username: ruleText({ keyword: "usernameTaken" }) } });
    const status = await submissionsOn(db, vendor).status(answer.body.submissionId);
    expect(status).toMatchObject({ status: "rejected", errors: { username: expect.any(String) } });
  });

  it("records a 2xx that reports a failed record as rejected with the vendor's fields, never as delivered", async () => {
    const acceptedButFailed = {
      schema: async () => ({ type: "object" }),
      deliver: async () => ({ reference: "CU000042", failedValidation: { Address: "Address details are missing" } }),
    };
    const service = createSubmissions({ ...harnessDeps(db, vendor), connectorFor: () => acceptedButFailed });
    const answer = await service.submit({ formId: "members", idempotencyKey: "k-2xx-failed", data: registration() }, REJECTED);
    expect(answer.httpStatus).toBe(422);
    expect(answer.body).toMatchObject({ status: "rejected", errors: { Address: "Address details are missing" } });
    expect(answer.body).not.toHaveProperty("reference");
    const status = await service.status(answer.body.submissionId);
    expect(status).toMatchObject({ status: "rejected", errors: { Address: "Address details are missing" } });
  });

  it("answers 202 when the vendor is down and delivers once it is back", async () => {
    await vendor.fault({ mode: "down" });
    const answer = await submit("k-down", registration(), { inlineWaitMs: 300 });
    expect(answer.httpStatus).toBe(202);
    expect(answer.body.status).toBe("received");
    await vendor.clearFaults();
    const service = submissionsOn(db, vendor);
    await drain([service]);
    expect(await service.status(answer.body.submissionId)).toMatchObject({ status: "delivered", reference: expect.any(String) });
    expect(vendor.sandbox.stats().registrationCount).toBe(1);
  });

  it.each([
    ["503 three times", { mode: "503", count: 3, retryAfterSeconds: 0 }],
    ["429 with Retry-After", { mode: "429", count: 1, retryAfterSeconds: 1 }],
    ["a timeout", { mode: "timeout", count: 1 }],
    ["a slow answer", { mode: "slow", count: 1, delayMs: 700 }],
    ["a dropped connection", { mode: "drop", count: 2 }],
  ])("ends delivered exactly once after %s", async (_name, fault) => {
    await vendor.fault({ ...fault, routes: "registration" });
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await submit(`k-fault-${fault.mode}-${i}`, registration(), { inlineWaitMs: 0 }));
    expect(answers.every((a) => a.httpStatus === 202)).toBe(true);
    const service = submissionsOn(db, vendor);
    await drain([service]);
    for (const answer of answers) {
      expect(await service.status(answer.body.submissionId)).toMatchObject({ status: "delivered" });
    }
    const names = vendor.sandbox.stats().registrations.map((r) => r.username);
    expect(names).toHaveLength(3);
    expect(new Set(names).size).toBe(3);
  });

  it("waits at least as long as Retry-After asks", async () => {
    await vendor.fault({ mode: "429", count: 1, retryAfterSeconds: 2, routes: "registration" });
    const answer = await submit("k-retry-after", registration(), { inlineWaitMs: 0 });
    const service = submissionsOn(db, vendor);
    await service.deliverDue(10);
    const row = await service.store.byId(answer.body.submissionId);
    expect(row?.status).toBe("received");
    expect(row!.next_attempt_at - row!.updated_at).toBeGreaterThanOrEqual(2_000);
    await drain([service]);
    expect(vendor.sandbox.stats().registrationCount).toBe(1);
  });

  it("resumes at the failed step: a pending confirmation never registers twice", async () => {
    const slow = await procuriosVendor({ completionDelayMs: 600 });
    try {
      const service = submissionsOn(db, slow, { inlineWaitMs: 0 });
      const answer = await service.submit({ formId: "members", idempotencyKey: "k-steps", data: registration() }, REJECTED);
      await service.deliverDue(1);
      const row = await service.store.byId(answer.body.submissionId);
      expect(JSON.parse(row!.steps)).toMatchObject({ register: { state: "done" }, complete: { state: "failed" } });
      await drain([service]);
      expect(await service.status(answer.body.submissionId)).toMatchObject({ status: "delivered" });
      expect(slow.sandbox.stats().registrationCount).toBe(1);
    } finally {
      await slow.server.close();
    }
  });

  it("pauses a form's deliveries while its vendor is down instead of calling it for each, then delivers each once", async () => {
    await vendor.fault({ mode: "down", routes: "registration" });
    const service = submissionsOn(db, vendor, { inlineWaitMs: 0, breaker: { threshold: 3, pauseMs: 400, maxPauseMs: 400 } });
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(await service.submit({ formId: "members", idempotencyKey: `k-pause-${i}`, data: registration() }, REJECTED));
    const registrationCalls = () => vendor.sandbox.stats().requests.register ?? 0;
    // A second of a worker claiming one at a time: without the breaker that is a vendor call every round.
    let rounds = 0;
    for (const until = Date.now() + 1_000; Date.now() < until; rounds++) {
      await service.deliverDue(1);
      await sleep(10);
    }
    expect(rounds).toBeGreaterThan(20);
    // Three outages pause the form; after each 400 ms pause one probe fails and pauses it again.
    expect(registrationCalls()).toBeGreaterThanOrEqual(3);
    expect(registrationCalls()).toBeLessThanOrEqual(6);
    const untouched = await Promise.all(answers.map((answer) => service.store.byId(answer.body.submissionId)));
    expect(untouched.filter((row) => row?.attempts === 0).length).toBeGreaterThanOrEqual(4);
    // The same service, the vendor back: the next probe closes the breaker and everything is delivered once.
    await vendor.clearFaults();
    await drain([service]);
    for (const answer of answers) expect(await service.status(answer.body.submissionId)).toMatchObject({ status: "delivered" });
    expect(vendor.sandbox.stats().registrationCount).toBe(10);
  });

  it("pauses deliveries for as long as a Retry-After asks, and skips the inline wait meanwhile", async () => {
    await vendor.fault({ mode: "503", count: 1, retryAfterSeconds: 1, routes: "registration" });
    const service = submissionsOn(db, vendor, { inlineWaitMs: 2_000 });
    const first = await service.submit({ formId: "members", idempotencyKey: "k-pause-ra-1", data: registration() }, REJECTED);
    expect(first.httpStatus).toBe(202);
    const started = Date.now();
    const second = await service.submit({ formId: "members", idempotencyKey: "k-pause-ra-2", data: registration() }, REJECTED);
    expect(second.httpStatus).toBe(202);
    expect(Date.now() - started).toBeLessThan(500);
    expect(vendor.sandbox.stats().requests.register).toBe(1);
    await drain([service]);
    expect(vendor.sandbox.stats().registrationCount).toBe(2);
  });

  it("dead-letters after the last attempt, keeps the submission, and replays it", async () => {
    await vendor.fault({ mode: "down", routes: "registration" });
    const service = submissionsOn(db, vendor, { inlineWaitMs: 0, maxAttempts: 2 });
    const answer = await service.submit({ formId: "members", idempotencyKey: "k-dead", data: registration() }, REJECTED);
    await drain([service]);
    expect(await service.status(answer.body.submissionId)).toEqual({ status: "failed" });
    expect((await service.store.listByStatus("failed")).map((r) => r.id)).toContain(answer.body.submissionId);
    await vendor.clearFaults();
    expect(await service.replay(answer.body.submissionId)).toBe(true);
    await drain([service]);
    expect(await service.status(answer.body.submissionId)).toMatchObject({ status: "delivered" });
    expect(vendor.sandbox.stats().registrationCount).toBe(1);
  });

  it("purges delivered answers after the retention period, keeping status and reference", async () => {
    const service = submissionsOn(db, vendor, { retentionMs: 0 });
    const answer = await service.submit({ formId: "members", idempotencyKey: "k-purge", data: registration() }, REJECTED);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await service.purgeExpired()).toBeGreaterThanOrEqual(1);
    const row = await service.store.byId(answer.body.submissionId);
    expect(row).toMatchObject({ payload: null, status: "delivered", reference: answer.body.reference });
  });

  it("lets two instances share 100 queued submissions, each delivered once", async () => {
    await vendor.fault({ mode: "down", routes: "registration" });
    const a = submissionsOn(db, vendor, { inlineWaitMs: 0 });
    const b = submissionsOn(db, vendor, { inlineWaitMs: 0 });
    const ids = [];
    for (let i = 0; i < 100; i++) {
      const answer = await (i % 2 ? a : b).submit({ formId: "members", idempotencyKey: `k-two-${i}`, data: registration() }, REJECTED);
      ids.push(answer.body.submissionId);
    }
    await vendor.clearFaults();
    await drain([a, b], 30_000);
    const stats = vendor.sandbox.stats();
    expect(stats.registrationCount).toBe(100);
    expect(new Set(stats.registrations.map((r) => r.username)).size).toBe(100);
    for (const id of ids) expect((await a.status(id))?.status).toBe("delivered");
  }, 40_000);

  it("is an AppError for unknown forms at delivery: dead-lettered, not lost", async () => {
    const service = submissionsOn(db, vendor, { inlineWaitMs: 0 });
    const answer = await service.submit({ formId: "gone", idempotencyKey: "k-gone", data: registration() }, REJECTED);
    await drain([service]);
    const row = await service.store.byId(answer.body.submissionId);
    expect(row).toMatchObject({ status: "failed", last_error: expect.stringContaining("no longer configured") });
    expect(AppError).toBeDefined();
  });
  it("runs the pre-check once per key: 20 concurrent submits get one answer even when the vendor has the name by then", async () => {
    const data = registration();
    const submissions = submissionsOn(db, vendor);
    // What the route's username pre-check does: ask the vendor, refuse a taken name.
    const precheck = async (answers: Record<string, unknown>) =>
      (await vendor.connector.isUsernameAvailable!(String(answers.username))) ? undefined : { username: "taken" };
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sleep(i * 15).then(() => submissions.submit({ formId: "members", idempotencyKey: "k-precheck", data }, REJECTED, precheck)),
      ),
    );
    expect(new Set(answers.map((a) => JSON.stringify([a.httpStatus, a.body]))).size).toBe(1);
    expect(answers[0].httpStatus).toBe(201);
    expect(vendor.sandbox.stats().registrationCount).toBe(1);
  });

  it("records a pre-check refusal as a rejected submission that replays the same 422", async () => {
    const data = registration();
    const submissions = submissionsOn(db, vendor);
    const precheck = async () => ({ username: "taken" });
    const first = await submissions.submit({ formId: "members", idempotencyKey: "k-refused", data }, REJECTED, precheck);
    const again = await submissions.submit({ formId: "members", idempotencyKey: "k-refused", data }, REJECTED, precheck);
    expect(first).toMatchObject({ httpStatus: 422, body: { status: "rejected", errors: { username: "taken" } } });
    expect(again).toEqual({ ...first, replayed: true });
    expect(vendor.sandbox.stats().registrationCount).toBe(0);
  });

  it("binds the key to the whole request: another campaign is another request", async () => {
    const submissions = submissionsOn(db, vendor);
    const data = registration();
    await submissions.submit({ formId: "members", idempotencyKey: "k-campaign", data, campaign: { utm_source: "a" } }, REJECTED);
    await expect(
      submissions.submit({ formId: "members", idempotencyKey: "k-campaign", data, campaign: { utm_source: "b" } }, REJECTED),
    ).rejects.toMatchObject({ code: "idempotency_conflict" });
  });

  it("answers 409 in progress while the first request with the key still holds it", async () => {
    const submissions = submissionsOn(db, vendor, { inlineWaitMs: 100 });
    const data = registration();
    // A first request on another instance, delivering inline: it holds the lease.
    await submissions.store.insert([
      { id: crypto.randomUUID(), formId: "members", idempotencyKey: "k-held", requestHash: requestHash("members", { data, campaign: {} }), payload: "x", campaign: null, now: Date.now(), lock: { by: "other", until: Date.now() + 60_000 } },
    ]);
    await expect(submissions.submit({ formId: "members", idempotencyKey: "k-held", data }, REJECTED)).rejects.toMatchObject({
      code: "conflict",
      retryAfterMs: 1_000,
    });
  });

  it("answers from the stored state when the first request died before its answer, the same for every retry", async () => {
    const submissions = submissionsOn(db, vendor, { inlineWaitMs: 100 });
    const data = registration();
    const id = crypto.randomUUID();
    // Its instance was killed after storing the row: no answer, no live lease.
    await submissions.store.insert([
      { id, formId: "members", idempotencyKey: "k-orphan", requestHash: requestHash("members", { data, campaign: {} }), payload: "x", campaign: null, now: Date.now() - 2_000, lock: { by: "dead", until: Date.now() - 1 } },
    ]);
    const first = await submissions.submit({ formId: "members", idempotencyKey: "k-orphan", data }, REJECTED);
    expect(first).toMatchObject({ httpStatus: 202, body: { submissionId: id, status: "received" }, replayed: true });
    expect(await submissions.submit({ formId: "members", idempotencyKey: "k-orphan", data }, REJECTED)).toEqual(first);
  });

  it("forgets a finished submission's key after a day, never one still being delivered", async () => {
    let clock = Date.now();
    const submissions = createSubmissions({ ...harnessDeps(db, vendor), now: () => clock });
    const delivered = await submissions.submit({ formId: "members", idempotencyKey: "k-expiring", data: registration() }, REJECTED);
    await vendor.fault({ mode: "down" });
    const queued = await submissions.submit({ formId: "members", idempotencyKey: "k-queued", data: registration() }, REJECTED);
    await vendor.clearFaults();
    clock += IDEMPOTENCY_KEY_TTL_MS + 1;
    await submissions.purgeExpired();
    expect((await submissions.store.byId(delivered.body.submissionId))?.idempotency_key).toBe(`released:${delivered.body.submissionId}`);
    expect((await submissions.store.byId(queued.body.submissionId))?.idempotency_key).toBe("k-queued");
    const reused = await submissions.submit({ formId: "members", idempotencyKey: "k-expiring", data: registration() }, REJECTED);
    expect(reused.replayed).toBe(false);
    expect(reused.body.submissionId).not.toBe(delivered.body.submissionId);
  });

});
