import "server-only";
import { randomUUID } from "node:crypto";
import type { Connector, DeliveryChoices, FormData } from "@/lib/connectors/types";
import { AppError, isAppError } from "@/lib/errors";
import type { FormContext } from "@/lib/forms/definition";
import { knownAnswers } from "@/lib/forms/known";
import { stripEmpty, validateData } from "@/lib/forms/validate";
import { prepareAnswers, vendorAnswers } from "@/lib/forms/values";
import { valueFormatsFor } from "@/lib/config/forms";
import { env } from "@/lib/config/env";
import { wordRejection } from "@/lib/forms/vendor-errors";
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
  /** The person's choices for the delivery (e.g. transfer a record found by the email check). */
  choices?: DeliveryChoices;
  /**
   * A signed-in staff member registers the person (lib/staff/assisted.ts): stored with
   * the submission. The bot screening and the challenge are for anonymous visitors only.
   */
  assisted?: { by: string; attestation: Record<string, unknown> };
}

/**
 * A username taken since the user checked it, found before the vendor is called.
 * Bounded, so a slow vendor can't hold the answer; the vendor refuses a taken name
 * at delivery anyway.
 */
function usernamePrecheck(connector: Connector, field: string | undefined, t: FormContext["t"]) {
  const checkMs = Math.min(env().SUBMIT_INLINE_WAIT_MS, USERNAME_CHECK_MS);
  return async (data: FormData) => {
    const value = field ? data[field] : undefined;
    if (!field || typeof value !== "string" || !connector.isUsernameAvailable || checkMs === 0) return undefined;
    const available = await withDeadline(connector.isUsernameAvailable(value), checkMs);
    return available === false ? { [field]: t("usernameTaken", { value }) } : undefined;
  };
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
  if (!input.assisted) screenSubmit(context, input.protection);
  // What is checked is what is sent: only the form's own fields, blank answers absent,
  // phone numbers read with the form's country; then stored in the vendor's formats.
  const answers = prepareAnswers(definition.schema, stripEmpty(knownAnswers(definition.schema, input.data)) as FormData, context.form.defaultCountry);
  const errors = { ...disposableErrors(context, answers), ...validateData(definition.schema, answers, t) };
  if (Object.keys(errors).length > 0) throw new AppError("validation_failed", t("errorSummaryTitle"), { fields: errors });
  const data = vendorAnswers(definition.schema, answers, valueFormatsFor(context.form));

  const submissions = await getSubmissions();
  // A challenge token is good once: a replay of a stored submission (a retry, a double click) is not asked again.
  const isReplay = async () => Boolean(input.idempotencyKey && (await submissions.store.byKey(definition.id, input.idempotencyKey)));
  if (context.form.protection.challenge && !input.assisted && !(await isReplay())) await passChallenge(context, input.protection?.challenge, input.address);

  const idempotencyKey = input.idempotencyKey ?? randomUUID();
  const precheck = usernamePrecheck(connector, definition.checks.username, t);
  const answer = await submissions
    .submit({ formId: definition.id, idempotencyKey, data, campaign: input.campaign, choices: input.choices, assisted: input.assisted }, t("rejectedBody"), precheck)
    .catch((error: unknown) => {
      if (isAppError(error) && error.code === "idempotency_conflict") throw new AppError(error.code, t("idempotencyConflict"));
      if (isAppError(error) && error.code === "conflict") throw new AppError(error.code, t("idempotencyInProgress"), { retryAfterMs: error.retryAfterMs });
      throw error;
    });
  // A vendor's refusal may be a rule (ruleText): worded here, in this request's language.
  const worded = answer.body.errors && wordRejection(answer.body.errors, definition.schema, answers, t);
  return { ...answer, ...(worded ? { body: { ...answer.body, errors: worded } } : {}), idempotencyKey, generatedKey: !input.idempotencyKey };
}
