import type { SubmitProtection } from "@/lib/protection/types";
import { formApi, jsonHeaders, messagesOf, readJson, type SubmissionStatus } from "./api";
import type { Answers } from "./schema";
import type { FieldMessages } from "./paths";

// What only the end of the form calls (the submit, the status, the person's code): loaded with
// the last page's start (Wizard.tsx, loadEnd), not with the first.

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

export type SubmitOutcome =
  | { kind: "accepted"; submissionId: string; status: SubmissionStatus; reference?: string; challenge?: Challenge }
  | { kind: "rejected"; errors: FieldMessages; message?: string; submissionId?: string }
  | { kind: "failed"; message?: string }
  /** Sent sooner after the page loaded than the form allows: the same submit may go again after `ms`. */
  | { kind: "wait"; ms: number; message?: string };

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

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 5_000;

/** 1 s, 1.5 s, 2.25 s … capped at 5 s: quick for the usual case, gentle on a slow vendor. */
function nextDelay(delay: number): number {
  return Math.min(MAX_DELAY_MS, Math.round(delay * 1.5));
}

/** Asks after a submission still "received" until it moved on (delivered, rejected, failed, waiting for the person); returns the stop. */
export function watchSubmission(submissionId: string, onUpdate: (status: { status: SubmissionStatus; reference?: string; challenge?: Challenge }) => void): () => void {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout>;
  const poll = async (delay: number) => {
    const answer = await fetchSubmissionStatus(submissionId, controller.signal);
    if (controller.signal.aborted) return;
    if (answer && answer.status !== "received") return onUpdate(answer);
    timer = setTimeout(() => poll(nextDelay(delay)), delay);
  };
  timer = setTimeout(() => poll(FIRST_DELAY_MS), FIRST_DELAY_MS);
  return () => {
    clearTimeout(timer);
    controller.abort();
  };
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
