import { rememberLanguages } from "@/lib/i18n/foreign";
import type { SubmitProtection } from "@/lib/protection/types";
import type { FieldMessages } from "./paths";
import type { Answers } from "./schema";

/** Client for the app's own public API (never a vendor). */

export type SubmissionStatus = "received" | "delivered" | "rejected" | "failed" | "awaiting_person" | "expired";

/** What a registration waiting for the person asks of them (the server's PublicChallenge): never a secret. */
export interface Challenge {
  kind: "otp";
  /** Where the code went, e.g. "+35799***834". */
  destination: string;
  expiresAt: number;
  resendAt: number;
  triesLeft: number;
  problem?: "wrong_code" | "expired" | "no_tries_left" | "resend_too_soon";
}

function challengeOf(value: unknown): Challenge | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const c = value as Record<string, unknown>;
  return typeof c.destination === "string" && typeof c.expiresAt === "number" && typeof c.resendAt === "number" && typeof c.triesLeft === "number"
    ? (c as unknown as Challenge)
    : undefined;
}

export type ServerValidation =
  | { ok: true; errors: FieldMessages; vendorChecked: boolean }
  | { ok: false };

export type SubmitOutcome =
  | { kind: "accepted"; submissionId: string; status: SubmissionStatus; reference?: string; challenge?: Challenge }
  | { kind: "rejected"; errors: FieldMessages; message?: string; submissionId?: string }
  | { kind: "failed"; message?: string }
  /** Sent sooner after the page loaded than the form allows: the same submit may go again after `ms`. */
  | { kind: "wait"; ms: number; message?: string };

/**
 * The server answers in the page's language (its messages, its field titles): the
 * page's <html lang>, which HtmlLang keeps equal to the form's language.
 */
const accept = () => ({ Accept: "application/json", "Accept-Language": document.documentElement.lang || "en" });
const jsonHeaders = () => ({ "Content-Type": "application/json", ...accept() });
/**
 * Where a form's browser calls go: the definition's `api` (the staff console's assisted
 * registration has its own, behind the staff sign-in), else the public /api/forms/{id}.
 */
export const formApi = (definition: { id: string; api?: string }) => definition.api ?? `/api/forms/${encodeURIComponent(definition.id)}`;

async function readJson(response: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await response.json();
    return typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

function messagesOf(value: unknown): FieldMessages {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** This page's errors from the server; `{ok:false}` when it could not answer (5xx, network, timeout). */
export async function validatePage(api: string, page: number, data: Answers, signal?: AbortSignal): Promise<ServerValidation> {
  try {
    const response = await fetch(`${api}/validate`, {
      method: "POST",
      headers: jsonHeaders(),
      body: JSON.stringify({ page, data }),
      signal: signal ?? AbortSignal.timeout(15_000),
    });
    if (!response.ok) return { ok: false };
    const body = await readJson(response);
    const errors = messagesOf(body.errors);
    rememberLanguages(errors, body.languages);
    return { ok: true, errors, vendorChecked: body.vendorChecked === true };
  } catch {
    return { ok: false };
  }
}

/** true / false, or null when the availability could not be checked. Throws AbortError when aborted. */
export async function checkUsername(api: string, value: string, signal: AbortSignal): Promise<boolean | null> {
  try {
    const response = await fetch(`${api}/checks/username?value=${encodeURIComponent(value)}`, { signal, headers: accept() });
    if (!response.ok) return null;
    const { available } = await readJson(response);
    return typeof available === "boolean" ? available : null;
  } catch (error) {
    if (signal.aborted) throw error;
    return null;
  }
}

export type EmailVerdict = "new" | "registered" | "transferable" | "not_transferable";

/** What the vendor knows of an address, or null when it could not be checked. Throws AbortError when aborted. */
export async function checkEmail(api: string, value: string, signal: AbortSignal): Promise<EmailVerdict | null> {
  try {
    // A POST: the address stays out of URLs and logs.
    const response = await fetch(`${api}/checks/email`, { method: "POST", headers: jsonHeaders(), body: JSON.stringify({ value }), signal });
    if (!response.ok) return null;
    const { verdict } = await readJson(response);
    return typeof verdict === "string" && ["new", "registered", "transferable", "not_transferable"].includes(verdict) ? (verdict as EmailVerdict) : null;
  } catch (error) {
    if (signal.aborted) throw error;
    return null;
  }
}

/** The person's choices for the delivery, beside the answers (DeliveryChoices on the server). */
export interface Choices {
  transfer?: boolean;
}

/** Who agreed to the terms and the privacy notice, and how, as a staff member attests it. */
export interface Attestation {
  person: string;
  how: "in_person" | "phone";
}

/** `campaign` (utm_* tags) travels beside the answers: the server stores it and never hands it to the vendor. */
export async function submitRegistration(
  api: string,
  data: Answers,
  idempotencyKey: string,
  campaign?: Record<string, string>,
  protection?: SubmitProtection,
  choices?: Choices,
  /** An assisted registration's attestation of consent (the staff console's form). */
  attestation?: Attestation,
): Promise<SubmitOutcome> {
  let response: Response;
  try {
    response = await fetch(`${api}/submit`, {
      method: "POST",
      headers: { ...jsonHeaders(), "Idempotency-Key": idempotencyKey },
      body: JSON.stringify({ data, ...(campaign ? { campaign } : {}), ...(protection ? { protection } : {}), ...(choices ? { choices } : {}), ...(attestation ? { attestation } : {}) }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    return { kind: "failed" };
  }
  const body = await readJson(response);
  const submissionId = typeof body.submissionId === "string" ? body.submissionId : undefined;
  if ((response.status === 201 || response.status === 202) && submissionId) {
    const status = (body.status as SubmissionStatus | undefined) ?? (response.status === 201 ? "delivered" : "received");
    const reference = typeof body.reference === "string" || typeof body.reference === "number" ? String(body.reference) : undefined;
    return { kind: "accepted", submissionId, status, reference, challenge: challengeOf(body.challenge) };
  }
  const message = typeof body.error === "string" ? body.error : undefined;
  if (response.status === 422) return { kind: "rejected", errors: messagesOf(body.errors), message, submissionId };
  const retryAfter = Number(response.headers.get("Retry-After"));
  if (response.status === 403 && retryAfter > 0) return { kind: "wait", ms: retryAfter * 1000, message };
  return { kind: "failed", message: response.status < 500 ? message : undefined };
}

export async function fetchSubmissionStatus(submissionId: string, signal: AbortSignal): Promise<{ status: SubmissionStatus; reference?: string; challenge?: Challenge } | null> {
  try {
    const response = await fetch(`/api/submissions/${encodeURIComponent(submissionId)}`, { signal, headers: { Accept: "application/json" } });
    if (!response.ok) return null;
    const body = await readJson(response);
    const status = body.status as SubmissionStatus | undefined;
    if (!status) return null;
    const reference = body.reference === undefined || body.reference === null ? undefined : String(body.reference);
    return { status, reference, challenge: challengeOf(body.challenge) };
  } catch {
    return null;
  }
}

/** Where the person's answer to a challenge led: the registration's state, the new challenge, and the error on the code, if any. */
export type CodeOutcome =
  | { kind: "answered"; status: SubmissionStatus; reference?: string; challenge?: Challenge; error?: string; retryAfterMs?: number }
  | { kind: "failed"; message?: string };

/** The person's code (`code`), or a request for a new one (no `code`), for a registration waiting on them. */
export async function answerChallenge(formId: string, submissionId: string, code?: string): Promise<CodeOutcome> {
  // The public route in the console too: the submission's own unguessable id is what it takes.
  const path = `${formApi({ id: formId })}/submissions/${encodeURIComponent(submissionId)}/code${code === undefined ? "/resend" : ""}`;
  let response: Response;
  try {
    response = await fetch(path, { method: "POST", headers: jsonHeaders(), body: JSON.stringify(code === undefined ? {} : { code }), signal: AbortSignal.timeout(30_000) });
  } catch {
    return { kind: "failed" };
  }
  const body = await readJson(response);
  const status = body.status as SubmissionStatus | undefined;
  const fieldError = messagesOf(body.errors).code;
  const message = typeof body.error === "string" ? body.error : undefined;
  if (!status) return { kind: "failed", message: response.status < 500 ? (fieldError ?? message) : undefined };
  const reference = body.reference === undefined || body.reference === null ? undefined : String(body.reference);
  const retryAfter = Number(response.headers.get("Retry-After"));
  return {
    kind: "answered",
    status,
    reference,
    challenge: challengeOf(body.challenge),
    error: response.ok ? undefined : (fieldError ?? message),
    ...(retryAfter > 0 ? { retryAfterMs: retryAfter * 1000 } : {}),
  };
}
