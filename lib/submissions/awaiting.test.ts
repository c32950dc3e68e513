import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CrmcomSandbox } from "@/lib/connectors/crmcom/sandbox";
import { byPhone, connect, serveSandbox } from "@/lib/connectors/crmcom/test-helpers";
import type { Db } from "@/lib/db/connect";
import { log } from "@/lib/log";
import { testDatabases } from "@/lib/testing/databases";
import type { SandboxServer } from "@/lib/testing/sandbox-server";
import { createSealer } from "./crypto";
import { createSubmissions, type SubmissionSettings } from "./service";
import { fastSettings } from "@/lib/testing/submissions-harness";

/** Registrations that wait for the person (a one-time code), on the real outbox and the CRM.COM sandbox over HTTP. */
describe.each(testDatabases())("deliveries that wait for the person on $name", (database) => {
  let db: Db;
  let sandbox: CrmcomSandbox;
  let server: SandboxServer;

  beforeAll(async () => {
    db = await database.open();
    ({ sandbox, server } = await serveSandbox());
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  const submissions = (settings: Partial<SubmissionSettings> = {}) => {
    const connector = connect(server);
    return createSubmissions({ db, sealer: createSealer(Buffer.alloc(32, 3)), connectorFor: () => connector, settings: { ...fastSettings, ...settings }, log });
  };
  let phones = 0;
  /** A Cypriot mobile number no other test of this run uses. */
  const phone = () => `+35799${String((Date.now() + ++phones * 7_919) % 1_000_000).padStart(6, "0")}`;

  it("waits as awaiting_person, not retried; a wrong code keeps it waiting; the right one delivers it, tokens sealed", async () => {
    const outbox = submissions();
    const number = phone();
    const answer = await outbox.submit({ formId: "crmcom", idempotencyKey: `k-${number}`, data: byPhone(number) }, "rejected");
    expect(answer.httpStatus).toBe(202);
    expect(answer.body).toMatchObject({ status: "awaiting_person", challenge: { kind: "otp", triesLeft: 3 } });
    expect(answer.body.challenge).not.toHaveProperty("round");
    const id = answer.body.submissionId;
    expect(await outbox.deliverDue(10)).toBe(0);
    expect(await outbox.status(id)).toMatchObject({ status: "awaiting_person", challenge: { destination: expect.stringMatching(/^\+35799\*\*\*/) } });

    const code = sandbox.outbox(number).at(-1)!.code!;
    const wrong = await outbox.answerPerson("crmcom", id, { code: code === "000000" ? "111111" : "000000" });
    expect(wrong).toMatchObject({ status: "awaiting_person", challenge: { problem: "wrong_code", triesLeft: 2 } });
    expect(await outbox.answerPerson("other-form", id, { code })).toBeUndefined();
    const done = await outbox.answerPerson("crmcom", id, { code });
    expect(done).toMatchObject({ status: "delivered", reference: expect.stringMatching(/^C-/) });

    const row = await outbox.store.byId(id);
    expect(row?.status).toBe("delivered");
    expect(row?.challenge).toBeNull();
    const steps = JSON.parse(row!.steps) as Record<string, { state: string; sealed?: string; result?: unknown }>;
    expect(steps.verify).toMatchObject({ state: "done", sealed: expect.stringMatching(/^v1\./) });
    expect(row!.steps).not.toMatch(/eyJ|auth_otp|authOtp/);
    // Answered again (a double click): the state, no second vendor call.
    expect(await outbox.answerPerson("crmcom", id, { code })).toMatchObject({ status: "delivered" });
    expect(sandbox.requests().validateOtp).toBe(2);
  });

  it("expires when the person does not answer in time, and says so", async () => {
    const outbox = submissions({ personWaitMs: 300 });
    const number = phone();
    const { body } = await outbox.submit({ formId: "crmcom", idempotencyKey: `k-${number}`, data: byPhone(number) }, "rejected");
    await sleep(350);
    expect(await outbox.expireWaiting()).toBeGreaterThanOrEqual(1);
    expect(await outbox.status(body.submissionId)).toEqual({ status: "expired" });
    expect(await outbox.answerPerson("crmcom", body.submissionId, { code: "123456" })).toEqual({ submissionId: body.submissionId, status: "expired" });
    expect((await outbox.list("expired")).map((row) => row.id)).toContain(body.submissionId);
  });
});
