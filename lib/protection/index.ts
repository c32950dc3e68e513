import "server-only";
import { env } from "@/lib/config/env";
import type { FormConfig } from "@/lib/config/schema";
import { getDb } from "@/lib/db";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { FormContext } from "@/lib/forms/definition";
import { errorsForPage } from "@/lib/forms/validate";
import { log } from "@/lib/log";
import { loadKey } from "@/lib/submissions/crypto";
import { verifyChallenge } from "./challenge";
import { disposableEmailErrors } from "./disposable";
import { type RefusalCounter, type RefusalReason, refusalCounter } from "./refusals";
import { startedTokens } from "./started";
import type { ClientProtection, SubmitProtection } from "./types";

export { challengeSources } from "./challenge";
export type { ClientProtection, SubmitProtection };

const holder = globalThis as typeof globalThis & {
  __formgateRefusals?: RefusalCounter;
  __formgateStarted?: ReturnType<typeof startedTokens>;
};

export function getRefusals(): RefusalCounter {
  holder.__formgateRefusals ??= refusalCounter(getDb);
  return holder.__formgateRefusals;
}

export function countRefusal(formId: string | undefined, reason: RefusalReason): void {
  getRefusals().count(formId, reason);
}

function tokens() {
  const e = env();
  holder.__formgateStarted ??= startedTokens(loadKey({ envKey: e.APP_ENCRYPTION_KEY, dataDir: e.DATA_DIR, warn: log.warn }));
  return holder.__formgateStarted;
}

/** For the pages that render the wizard (the full page and the embed). */
export function clientProtection(form: FormConfig): ClientProtection {
  const challenge = form.protection.challenge;
  return { started: tokens().issue(form.id), ...(challenge ? { challenge: { provider: challenge.provider, siteKey: challenge.siteKey } } : {}) };
}

function refuse(formId: string, reason: RefusalReason, message: string, retryAfterMs?: number): never {
  countRefusal(formId, reason);
  log.info("submit refused", { form: formId, reason });
  throw new AppError("forbidden", message, { retryAfterMs });
}

/**
 * The honeypot and the "form started" token, before anything else of a submit.
 * A token that is sent is always checked; a missing one (an API client) only
 * refuses the submit when the form requires it.
 */
export function screenSubmit({ form, t }: FormContext, protection: SubmitProtection | undefined): void {
  const rules = form.protection;
  if (rules.honeypot && protection?.website) refuse(form.id, "honeypot", t("submitRefused"));
  if (!protection?.started) {
    if (rules.requireToken) refuse(form.id, "token", t("submitRefused"));
    return;
  }
  const verdict = tokens().check(form.id, protection.started, rules.minFillMs ?? env().MIN_FILL_MS);
  if (verdict.ok) return;
  if (verdict.reason === "forged") refuse(form.id, "token", t("submitRefused"));
  refuse(form.id, "too_fast", t("tooFast"), verdict.waitMs);
}

/** The form's challenge, verified with the provider; nothing without one. Refuses closed. */
export async function passChallenge({ form, t }: FormContext, token: string | undefined, address?: string): Promise<void> {
  const challenge = form.protection.challenge;
  if (!challenge) return;
  const secret = process.env[challenge.secretEnv];
  const verdict = await verifyChallenge(challenge, token, { secret, remoteIp: address, url: env().CHALLENGE_VERIFY_URL });
  if (verdict === "passed") return;
  if (verdict === "failed") refuse(form.id, "challenge", t("challengeFailed"));
  log.error("challenge could not be verified", { form: form.id, provider: challenge.provider, secretSet: Boolean(secret) });
  throw new AppError("vendor_unavailable", t("challengeUnavailable"));
}

/** Disposable addresses in the email fields (of `page` only, when given), where the form refuses them. */
export function disposableErrors({ form, definition, t }: FormContext, data: Record<string, unknown>, page?: number): FieldErrors {
  if (!form.protection.refuseDisposableEmail) return {};
  const all = disposableEmailErrors(definition.schema, data, t);
  const spec = page === undefined ? undefined : definition.pages[page - 1];
  const errors = spec ? errorsForPage(all, spec) : all;
  if (Object.keys(errors).length > 0) countRefusal(form.id, "disposable_email");
  return errors;
}
