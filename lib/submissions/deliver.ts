import { isAwaiting, type AwaitingPerson, type Connector, type DeliveryChoices, type DeliveryResult, type FormData, type PersonAnswer } from "@/lib/connectors/types";
import { AppError } from "@/lib/errors";
import type { Logger } from "@/lib/log";
import type { Breaker } from "./breaker";
import type { Sealer } from "./crypto";
import { createJournal, type Steps } from "./journal";
import { classify, type Outcome, type RetryPolicy } from "./retry";
import type { SubmissionRow, SubmissionStore } from "./store";

export interface AttemptDeps {
  store: SubmissionStore;
  sealer: Sealer;
  connectorFor: (formId: string) => Connector | undefined;
  policy: RetryPolicy;
  leaseMs: number;
  instanceId: string;
  log: Logger;
  now: () => number;
  breaker: Breaker;
  /** How long a submission may wait for the person (a one-time code) before it expires. */
  personWaitMs: number;
}

/**
 * The person's choices travel in the sealed payload beside the answers, under a key no
 * form field can have ("$" is not a field name the forms file accepts); submissions
 * without choices are sealed as before, answers only.
 */
const CHOICES_KEY = "$choices";

export function sealedPayload(data: FormData, choices?: DeliveryChoices): FormData {
  const given = choices && Object.values(choices).some((value) => value !== undefined);
  return given ? { ...data, [CHOICES_KEY]: choices } : data;
}

export function openedPayload(payload: FormData): { data: FormData; choices?: DeliveryChoices } {
  if (!Object.hasOwn(payload, CHOICES_KEY)) return { data: payload };
  const { [CHOICES_KEY]: choices, ...data } = payload;
  return { data, choices: choices as DeliveryChoices };
}

/**
 * One delivery attempt of a claimed submission (attempts already counted): runs
 * the connector with a persisted journal and records the outcome. `person`: what the
 * person answered to the challenge the submission waits on (see PersonChallenge).
 */
export async function attemptDelivery(row: SubmissionRow, deps: AttemptDeps, person?: PersonAnswer): Promise<Outcome> {
  const { store, instanceId, now } = deps;
  const journal = createJournal({
    steps: JSON.parse(row.steps) as Steps,
    persist: (steps) => store.saveSteps(row.id, instanceId, JSON.stringify(steps), now(), deps.leaseMs),
    now,
    onInDoubt: (step) => deps.log.warn("resending an in-doubt step", { submission: row.id, step }),
    sealer: deps.sealer,
  });
  let outcome: Outcome;
  try {
    const connector = deps.connectorFor(row.form_id);
    if (!connector) throw new AppError("internal", `form "${row.form_id}" is no longer configured`);
    if (!row.payload) throw new AppError("internal", "the answers were purged");
    const { data, choices } = openedPayload(deps.sealer.open<FormData>(row.payload));
    const result = await connector.deliver(data, journal, choices, person);
    outcome = outcomeOf(result);
  } catch (error) {
    outcome = classify(error, row.attempts, deps.policy);
  }
  // A person's answer says nothing of the vendor's health (a wrong code is no outage).
  if (outcome.kind !== "awaiting") deps.breaker.record(row.form_id, outcome);
  await record(row, outcome, JSON.stringify(journal.steps), deps);
  return outcome;
}

/** A 2xx that reports a failed record is a rejection with the vendor's fields (see DeliveryResult.failedValidation). */
function outcomeOf(result: DeliveryResult | AwaitingPerson): Outcome {
  if (isAwaiting(result)) return { kind: "awaiting", challenge: result.awaiting };
  const failed = result.failedValidation;
  if (!failed || Object.keys(failed).length === 0) return { kind: "delivered", reference: result.reference };
  return { kind: "rejected", fields: failed, message: "the vendor kept the record as failing its validation", reference: result.reference };
}

/** What the timeline shows of an outcome: codes, messages, a reference, field names; never answers. */
function attemptDetail(outcome: Outcome): string | null {
  switch (outcome.kind) {
    case "delivered":
      return outcome.reference ? `reference ${outcome.reference}` : null;
    case "rejected":
      return `refused: ${Object.keys(outcome.fields).join(", ")}`;
    case "awaiting":
      return `waiting for the person: a code sent to ${outcome.challenge.destination}`;
    default:
      return `${outcome.error.code}: ${outcome.error.message}`;
  }
}

async function record(row: SubmissionRow, outcome: Outcome, steps: string, deps: AttemptDeps) {
  const at = deps.now();
  await finishAttempt(row, outcome, steps, at, deps);
  // After the submission's own state: the timeline never shows an outcome the submission does not have yet.
  await deps.store
    .recordAttempt({ submissionId: row.id, attempt: row.attempts, at, outcome: outcome.kind, detail: attemptDetail(outcome) })
    .catch((error: unknown) => deps.log.warn("recording an attempt for the timeline failed", { submission: row.id, error: String(error) }));
}

async function finishAttempt(row: SubmissionRow, outcome: Outcome, steps: string, at: number, deps: AttemptDeps) {
  const fields = { submission: row.id, form: row.form_id, attempt: row.attempts };
  switch (outcome.kind) {
    case "delivered":
      await deps.store.finish(row.id, deps.instanceId, { status: "delivered", reference: outcome.reference, steps, now: at });
      deps.log.info("submission delivered", fields);
      return;
    case "rejected":
      await deps.store.finish(row.id, deps.instanceId, {
        status: "rejected",
        steps,
        fieldErrors: JSON.stringify(outcome.fields),
        lastError: `vendor_rejected: ${Object.keys(outcome.fields).join(", ")}${outcome.reference === undefined ? "" : ` (answered 2xx; record ${outcome.reference} failed the vendor's validation)`}`,
        now: at,
      });
      deps.log.info("submission rejected by the vendor", { ...fields, fields: Object.keys(outcome.fields), ...(outcome.reference === undefined ? {} : { failedRecord: outcome.reference }) });
      return;
    case "awaiting": {
      // The deadline is set when the waiting starts; the person's answers do not move it.
      const deadline = row.status === "awaiting_person" ? row.next_attempt_at : at + deps.personWaitMs;
      await deps.store.finish(row.id, deps.instanceId, { status: "awaiting_person", steps, challenge: JSON.stringify(outcome.challenge), nextAttemptAt: deadline, now: at });
      deps.log.info("submission awaits the person", { ...fields, ...(outcome.challenge.problem ? { problem: outcome.challenge.problem } : {}) });
      return;
    }
    case "retry":
      await deps.store.finish(row.id, deps.instanceId, {
        status: "received",
        steps,
        lastError: `${outcome.error.code}: ${outcome.error.message}`,
        nextAttemptAt: at + outcome.delayMs,
        now: at,
      });
      deps.log.info("delivery will be retried", { ...fields, code: outcome.error.code, delayMs: outcome.delayMs });
      return;
    case "failed":
      await deps.store.finish(row.id, deps.instanceId, {
        status: "failed",
        steps,
        lastError: `${outcome.error.code}: ${outcome.error.message}`,
        now: at,
      });
      deps.log.error("submission dead-lettered", { ...fields, code: outcome.error.code, error: outcome.error.message });
  }
}
