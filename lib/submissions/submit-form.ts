import "server-only";
import { randomUUID } from "node:crypto";
import type { Connector, FormData } from "@/lib/connectors/types";
import { AppError, isAppError } from "@/lib/errors";
import type { FormContext } from "@/lib/forms/definition";
import { stripEmpty, validateData } from "@/lib/forms/validate";
import { env } from "@/lib/config/env";
import { disposableErrors, passChallenge, screenSubmit, type SubmitProtection } from "@/lib/protection";
import { getSubmissions, type SubmitAnswer } from "./index";

const USERNAME_CHECK_MS = 1_500;

/** The promise's value, or null if it fails or takes longer than `ms`. */
function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(null), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      () => (clearTimeout(timer), resolve(null)),
    );
  });
}

export interface SubmitFormInput {
  data: FormData;
  /** From the Idempotency-Key header; generated when absent. */
  idempotencyKey?: string;
  campaign?: Record<string, string>;
  /** The wizard's honeypot, "form started" token and challenge token. */
  protection?: SubmitProtection;
  /** The client's address, passed on to the challenge provider. */
  address?: string;
}

/**
 * A username taken since the user checked it, found before the answers are stored.
 * Bounded, so a slow vendor can't hold the answer (and skipped without an inline
 * wait); the vendor refuses a taken name at delivery anyway. A replay of a key
 * already used must answer as before, not find its own username taken.
 */
async function takenUsername(connector: Connector, field: string | undefined, data: FormData, isReplay: () => Promise<boolean>) {
  const value = field ? data[field] : undefined;
  const checkMs = Math.min(env().SUBMIT_INLINE_WAIT_MS, USERNAME_CHECK_MS);
  if (!field || typeof value !== "string" || !connector.isUsernameAvailable || checkMs === 0 || (await isReplay())) return undefined;
  const available = await withDeadline(connector.isUsernameAvailable(value), checkMs);
  return available === false ? { field, value } : undefined;
}

/**
 * Checks the whole form, then hands it to the outbox: stored before any vendor
 * call, delivered inline for a short while, else in the background.
 */
export async function submitForm(
  context: FormContext,
  input: SubmitFormInput,
): Promise<SubmitAnswer & { idempotencyKey: string; generatedKey: boolean; replayed: boolean }> {
  const { definition, connector, t } = context;
  screenSubmit(context, input.protection);
  // What is checked is what is sent: blank answers are absent answers.
  const data = stripEmpty(input.data) as FormData;
  const errors = { ...disposableErrors(context, data), ...validateData(definition.schema, data, t) };
  if (Object.keys(errors).length > 0) throw new AppError("validation_failed", t("errorSummaryTitle"), { fields: errors });

  const submissions = await getSubmissions();
  let replay: Promise<boolean> | undefined;
  const isReplay = () => (replay ??= (async () => Boolean(input.idempotencyKey && (await submissions.store.byKey(definition.id, input.idempotencyKey))))());
  const taken = await takenUsername(connector, definition.checks.username, data, isReplay);
  if (taken) throw new AppError("validation_failed", t("errorSummaryTitle"), { fields: { [taken.field]: t("usernameTaken", { value: taken.value }) } });
  // A challenge token is good once: a replay of a stored submission (a retry, a double click) is not asked again.
  if (context.form.protection.challenge && !(await isReplay())) await passChallenge(context, input.protection?.challenge, input.address);

  const idempotencyKey = input.idempotencyKey ?? randomUUID();
  const answer = await submissions
    .submit({ formId: definition.id, idempotencyKey, data, campaign: input.campaign }, t("rejectedBody"))
    .catch((error: unknown) => {
      if (isAppError(error) && error.code === "idempotency_conflict") throw new AppError(error.code, t("idempotencyConflict"));
      throw error;
    });
  return { ...answer, idempotencyKey, generatedKey: !input.idempotencyKey };
}
