import { createHash, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Connector, DeliveryChoices, FormData, PersonChallenge } from "@/lib/connectors/types";
import { batched } from "@/lib/db/batch";
import type { Db } from "@/lib/db/connect";
import type { SubmissionStatus } from "@/lib/db/schema";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { Logger } from "@/lib/log";
import { type BreakerPolicy, createBreaker } from "./breaker";
import type { Sealer } from "./crypto";
import { type AttemptDeps, attemptDelivery, sealedPayload } from "./deliver";
import type { Outcome, RetryPolicy } from "./retry";
import { type SubmissionRow, submissionStore } from "./store";

export interface SubmissionSettings extends RetryPolicy {
  /** How long a submit waits for the vendor before answering 202. */
  inlineWaitMs: number;
  /** How long a claim is held; longer than one whole delivery attempt. */
  leaseMs: number;
  retentionMs: number;
  /** When a vendor outage pauses a form's deliveries (see breaker.ts). */
  breaker?: BreakerPolicy;
  /** How long a submission may wait for the person (a one-time code) before it expires; default 30 minutes. */
  personWaitMs?: number;
}

/** What the person (and the browser) may see of a PersonChallenge: no vendor ids, no tokens. */
export type PublicChallenge = Omit<PersonChallenge, "round">;

export function publicChallenge({ round: _round, ...shown }: PersonChallenge): PublicChallenge {
  return shown;
}

const readChallenge = (text: string | null): PersonChallenge | undefined => (text ? (JSON.parse(text) as PersonChallenge) : undefined);

/** What the person's answer to a challenge led to (POST …/submissions/{id}/code). */
export interface PersonReply {
  submissionId: string;
  status: SubmissionStatus;
  reference?: string;
  /** Still waiting: what the person is asked now, with the problem of their last answer. */
  challenge?: PublicChallenge;
  /** The vendor refused the data after the code (a rule or a text per field). */
  errors?: FieldErrors;
}

/** How long a finished submission's Idempotency-Key is remembered (Stripe keeps keys 24 hours). */
export const IDEMPOTENCY_KEY_TTL_MS = 24 * 60 * 60_000;

const DEFAULT_BREAKER: BreakerPolicy = { threshold: 5, pauseMs: 2_000, maxPauseMs: 60_000 };

export interface SubmissionDeps {
  db: Db;
  sealer: Sealer;
  connectorFor: (formId: string) => Connector | undefined;
  settings: SubmissionSettings;
  log: Logger;
  instanceId?: string;
  now?: () => number;
  /** Called when a submission is queued for the background worker. */
  onQueued?: () => void;
}

/** The answer to a submit: replayed verbatim for the same idempotency key. */
export interface SubmitAnswer {
  httpStatus: 201 | 202 | 422;
  body: { submissionId: string; status: SubmissionStatus; reference?: string; error?: string; errors?: Record<string, string>; challenge?: PublicChallenge };
}

interface PendingSubmit {
  id: string;
  request: SubmitRequest;
  at: number;
  lock?: { by: string; until: number };
  queued?: SubmitAnswer;
}

export interface SubmitRequest {
  formId: string;
  idempotencyKey: string;
  data: FormData;
  campaign?: Record<string, string>;
  /** The person's choices for the delivery (DeliveryChoices), sealed with the answers. */
  choices?: DeliveryChoices;
  /** A staff member registered the person (assisted registration): who, and the attestation of consent. */
  assisted?: { by: string; attestation: Record<string, unknown> };
}

/** sha256 over the form and a key-sorted rendering of the whole request (answers and campaign). */
export function requestHash(formId: string, data: unknown): string {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === "object"
        ? Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]))
        : value;
  return createHash("sha256").update(JSON.stringify([formId, canonical(data)])).digest("hex");
}

function answerFor(row: Pick<SubmissionRow, "id">, outcome: Outcome | undefined, rejectedMessage: string): SubmitAnswer {
  if (outcome?.kind === "delivered") {
    return { httpStatus: 201, body: { submissionId: row.id, status: "delivered", reference: outcome.reference } };
  }
  if (outcome?.kind === "rejected") {
    return { httpStatus: 422, body: { submissionId: row.id, status: "rejected", error: rejectedMessage, errors: outcome.fields } };
  }
  if (outcome?.kind === "awaiting") {
    return { httpStatus: 202, body: { submissionId: row.id, status: "awaiting_person", challenge: publicChallenge(outcome.challenge) } };
  }
  return { httpStatus: 202, body: { submissionId: row.id, status: outcome?.kind === "failed" ? "failed" : "received" } };
}

/** What a submission's stored state says, for a request whose first answer was never stored. */
function answerFromRow(row: SubmissionRow, rejectedMessage: string): SubmitAnswer {
  if (row.status === "delivered") return answerFor(row, { kind: "delivered", reference: row.reference ?? "" }, rejectedMessage);
  if (row.status === "rejected") {
    const fields = row.field_errors ? (JSON.parse(row.field_errors) as FieldErrors) : {};
    return answerFor(row, { kind: "rejected", fields, message: rejectedMessage }, rejectedMessage);
  }
  const challenge = row.status === "awaiting_person" ? readChallenge(row.challenge) : undefined;
  if (challenge) return answerFor(row, { kind: "awaiting", challenge }, rejectedMessage);
  return { httpStatus: 202, body: { submissionId: row.id, status: row.status } };
}

const hasChoices = (choices: DeliveryChoices | undefined) => Boolean(choices && Object.values(choices).some((value) => value !== undefined));

export function createSubmissions(deps: SubmissionDeps) {
  const store = submissionStore(deps.db);
  const now = deps.now ?? Date.now;
  const instanceId = deps.instanceId ?? randomUUID();
  const { settings } = deps;
  const breaker = createBreaker(
    settings.breaker ?? DEFAULT_BREAKER,
    {
      onPause: (formId, pauseMs) => deps.log.warn("vendor unavailable: deliveries paused", { form: formId, pauseMs }),
      onResume: (formId) => deps.log.info("vendor answering again: deliveries resumed", { form: formId }),
    },
    now,
  );
  const attemptDeps: AttemptDeps = {
    store,
    sealer: deps.sealer,
    connectorFor: deps.connectorFor,
    policy: settings,
    leaseMs: settings.leaseMs,
    instanceId,
    log: deps.log,
    now,
    breaker,
    personWaitMs: settings.personWaitMs ?? 30 * 60_000,
  };

  /** Delivers inline until the deadline; a slower vendor call goes on in the background. */
  async function deliverInline(row: SubmissionRow): Promise<Outcome | undefined> {
    const deadline = now() + settings.inlineWaitMs;
    let current = row;
    for (;;) {
      await store.startAttempt(current.id, instanceId, now());
      current = { ...current, attempts: current.attempts + 1 };
      const attempt = attemptDelivery(current, attemptDeps);
      attempt.catch((error) => deps.log.error("recording a delivery attempt failed", { submission: current.id, error: String(error) }));
      const outcome = await Promise.race([attempt, sleep(Math.max(0, deadline - now())).then(() => undefined)]);
      if (!outcome) return undefined;
      if (outcome.kind !== "retry" || now() + outcome.delayMs >= deadline || breaker.isPaused(current.form_id)) {
        if (outcome.kind === "retry") deps.onQueued?.();
        return outcome;
      }
      await sleep(outcome.delayMs);
      const claimed = await store.claimForInline(current.id, instanceId, now(), settings.leaseMs);
      if (!claimed) return outcome; // the worker picked it up meanwhile
      current = claimed;
    }
  }

  /**
   * Stores a submit: hashed, sealed and inserted. Submits that arrive together are
   * handled as one group, one statement and one commit (group commit); each is
   * answered only once that commit is done.
   */
  const accept = batched(async (pending: PendingSubmit[]) => {
    const rows = pending.map(({ id, request, at, lock, queued }) => ({
      id,
      formId: request.formId,
      idempotencyKey: request.idempotencyKey,
      // Choices are part of what was asked: the same key with another choice is another request.
      requestHash: requestHash(request.formId, { data: request.data, campaign: request.campaign ?? {}, ...(hasChoices(request.choices) ? { choices: request.choices } : {}) }),
      payload: deps.sealer.seal(sealedPayload(request.data, request.choices)),
      campaign: request.campaign && Object.keys(request.campaign).length ? JSON.stringify(request.campaign) : null,
      now: at,
      lock,
      response: queued && JSON.stringify(queued),
      assisted: request.assisted && { by: request.assisted.by, attestation: deps.sealer.seal(request.assisted.attestation) },
    }));
    const inserted = await store.insert(rows);
    return rows.map((row, index) => ({ row: inserted[index], hash: row.requestHash }));
  });

  /** Claims up to `limit` due submissions for this instance, skipping paused forms. */
  const claim = (limit: number) => store.claimDue(instanceId, now(), settings.leaseMs, limit, breaker.paused());

  /**
   * The answer for a key already stored (Stripe's model): the first request's answer,
   * waited for while that request may still be delivering, then 409 "in progress". A
   * submission whose first request died before answering is answered from its state,
   * and that answer is stored, so every request with the key gets the same one.
   */
  async function storedAnswer(formId: string, key: string, rejectedMessage: string): Promise<SubmitAnswer> {
    const until = now() + settings.inlineWaitMs + 2_000;
    for (;;) {
      const row = await store.byKey(formId, key);
      if (!row) throw new AppError("conflict", "A request with this Idempotency-Key is still in progress.", { retryAfterMs: 1_000 });
      if (row.response) return JSON.parse(row.response) as SubmitAnswer;
      // The first request is gone once it holds no lease and its inline window is over
      // (between two inline attempts it holds none, but is still on its way to an answer).
      const unheld = row.locked_until === null || row.locked_until < now();
      if (unheld && now() > row.created_at + settings.inlineWaitMs + 1_000) {
        return JSON.parse(await store.saveResponse(row.id, JSON.stringify(answerFromRow(row, rejectedMessage)))) as SubmitAnswer;
      }
      if (now() > until) throw new AppError("conflict", "A request with this Idempotency-Key is still in progress.", { retryAfterMs: 1_000 });
      await sleep(25);
    }
  }

  /** A new submission the pre-check refused: recorded as rejected, so every replay gets the same 422. */
  async function rejectEarly(row: SubmissionRow, fields: FieldErrors, rejectedMessage: string): Promise<SubmitAnswer> {
    await store.finish(row.id, instanceId, {
      status: "rejected",
      steps: row.steps,
      fieldErrors: JSON.stringify(fields),
      lastError: `precheck: ${Object.keys(fields).join(", ")}`,
      now: now(),
    });
    return answerFor(row, { kind: "rejected", fields, message: rejectedMessage }, rejectedMessage);
  }

  /** One attempt of a queued submission now, unless another instance holds it. */
  async function attemptNow(id: string): Promise<Outcome | undefined> {
    const claimed = await store.claimForInline(id, instanceId, now(), settings.leaseMs);
    if (!claimed) return undefined;
    await store.startAttempt(id, instanceId, now());
    return attemptDelivery({ ...claimed, attempts: claimed.attempts + 1 }, attemptDeps);
  }

  return {
    instanceId,
    store,

    /**
     * `precheck` runs only for the request that stored the submission, before the vendor
     * is called (e.g. a username taken since it was checked), so concurrent requests with
     * one key never see each other's delivery.
     */
    async submit(
      request: SubmitRequest,
      rejectedMessage: string,
      precheck?: (data: FormData) => Promise<FieldErrors | undefined>,
    ): Promise<SubmitAnswer & { replayed: boolean }> {
      const at = now();
      // While the vendor is known to be down, don't make the person wait for it.
      const inline = settings.inlineWaitMs > 0 && !breaker.isPaused(request.formId);
      const id = randomUUID();
      // Without an inline wait the answer is known now: store it with the row, one write.
      const queued = inline ? undefined : answerFor({ id }, undefined, rejectedMessage);
      const { row, hash } = await accept({ id, request, at, lock: inline ? { by: instanceId, until: at + settings.leaseMs } : undefined, queued });
      if (!row) {
        const existing = await store.byKey(request.formId, request.idempotencyKey);
        if (existing && existing.request_hash !== hash) {
          throw new AppError("idempotency_conflict", "This Idempotency-Key was already used with different answers.");
        }
        return { ...(await storedAnswer(request.formId, request.idempotencyKey, rejectedMessage)), replayed: true };
      }
      if (queued) {
        deps.onQueued?.();
        return { ...queued, replayed: false };
      }
      const refused = await precheck?.(request.data);
      const answer = refused ? await rejectEarly(row, refused, rejectedMessage) : answerFor(row, await deliverInline(row), rejectedMessage);
      // A request with the same key may have answered from the row meanwhile: all give the stored answer.
      const stored = JSON.parse(await store.saveResponse(row.id, JSON.stringify(answer))) as SubmitAnswer;
      return { ...stored, replayed: false };
    },

    async status(id: string) {
      const row = await store.byId(id);
      if (!row) return undefined;
      return {
        status: row.status,
        ...(row.reference ? { reference: row.reference } : {}),
        ...(row.status === "rejected" && row.field_errors ? { errors: JSON.parse(row.field_errors) as Record<string, string> } : {}),
        ...(row.status === "awaiting_person" && row.challenge ? { challenge: publicChallenge(JSON.parse(row.challenge) as PersonChallenge) } : {}),
      };
    },

    /**
     * The person's answer to the challenge a submission waits on: their code, or a request
     * for a new one. The delivery goes on at once with it (through the journal), and the
     * answer says where it stands. `formId` must be the submission's form.
     */
    async answerPerson(formId: string, id: string, answer: { code?: string; resend?: boolean }): Promise<PersonReply | undefined> {
      const row = await store.byId(id);
      if (!row || row.form_id !== formId) return undefined;
      const claimed = row.status === "awaiting_person" ? await store.claimAwaiting(id, instanceId, now(), settings.leaseMs) : undefined;
      if (!claimed) {
        if (row.status === "awaiting_person" && row.next_attempt_at > now()) {
          throw new AppError("conflict", "This registration is being answered already.", { retryAfterMs: 1_000 });
        }
        if (row.status === "awaiting_person") await store.expireWaiting(now());
        const current = (await store.byId(id))!;
        return { submissionId: id, status: current.status, ...(current.reference ? { reference: current.reference } : {}) };
      }
      const challenge = readChallenge(claimed.challenge);
      if (!challenge) throw new AppError("internal", "a waiting submission without its challenge");
      const outcome = await attemptDelivery(claimed, attemptDeps, { challenge, ...answer });
      if (outcome.kind === "retry") deps.onQueued?.();
      switch (outcome.kind) {
        case "delivered":
          return { submissionId: id, status: "delivered", reference: outcome.reference };
        case "awaiting":
          return { submissionId: id, status: "awaiting_person", challenge: publicChallenge(outcome.challenge) };
        case "rejected":
          return { submissionId: id, status: "rejected", errors: outcome.fields };
        case "retry":
          return { submissionId: id, status: "received" };
        case "failed":
          return { submissionId: id, status: "failed" };
      }
    },

    /** Marks submissions left waiting for the person past their deadline "expired"; returns how many. */
    expireWaiting: () => store.expireWaiting(now()),

    claim,
    /** One delivery attempt of a claimed submission. */
    attempt: (row: SubmissionRow) => attemptDelivery(row, attemptDeps),

    /** Claims and delivers up to `limit` due submissions; returns how many it handled. */
    async deliverDue(limit: number): Promise<number> {
      const rows = await claim(limit);
      await Promise.all(rows.map((row) => attemptDelivery(row, attemptDeps)));
      return rows.length;
    },

    /** Puts a dead-lettered submission back in the queue; false if it is not dead-lettered. */
    async replay(id: string): Promise<boolean> {
      const requeued = await store.requeue(id, now());
      if (requeued) deps.onQueued?.();
      return requeued;
    },
    /** A replay from the console: back in the queue, and its first attempt at once (a probe, as retry). */
    async replayNow(id: string): Promise<Outcome["kind"] | undefined> {
      if (!(await store.requeue(id, now()))) return undefined;
      const outcome = await attemptNow(id);
      if (!outcome) deps.onQueued?.();
      return outcome?.kind ?? "retry";
    },
    /**
     * A staff member's "retry now": one attempt of a submission waiting for its next one,
     * at once. It is a probe, so it goes even while the form's deliveries are paused, and
     * an answer from the vendor closes the breaker. Undefined when the submission is not
     * waiting (delivered, dead-lettered, or being delivered right now).
     */
    async retry(id: string): Promise<Outcome["kind"] | undefined> {
      const row = await store.byId(id);
      if (!row || row.status !== "received" || !row.payload) return undefined;
      return (await attemptNow(id))?.kind;
    },
    /** Erases the answers on the person's request (see store.erase). */
    erase: (id: string) => store.erase(id, now()),
    async list(status: SubmissionStatus, limit?: number) {
      const rows = await store.listByStatus(status, limit);
      return rows.map((row) => ({
        id: row.id,
        formId: row.form_id,
        status: row.status,
        attempts: row.attempts,
        lastError: row.last_error,
        createdAt: new Date(row.created_at).toISOString(),
        updatedAt: new Date(row.updated_at).toISOString(),
      }));
    },
    /** Drops answers past the retention period and forgets finished idempotency keys after a day. */
    purgeExpired: async () =>
      (await store.purge(now() - settings.retentionMs, now())) +
      (await store.purgeAttempts(now() - settings.retentionMs)) +
      (await store.releaseKeys(now() - IDEMPOTENCY_KEY_TTL_MS)),
  };
}

export type Submissions = ReturnType<typeof createSubmissions>;
