import type { PersonChallenge } from "@/lib/connectors/types";
import { AppError, isAppError } from "@/lib/errors";

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export type Outcome =
  | { kind: "delivered"; reference: string }
  /** `reference`: the vendor kept a record that failed its validation (a 2xx that is a failure). */
  | { kind: "rejected"; fields: Record<string, string>; message: string; reference?: string }
  | { kind: "retry"; delayMs: number; error: AppError }
  /** The vendor waits for the person (PersonChallenge): kept "awaiting_person" until they answer or it expires. */
  | { kind: "awaiting"; challenge: PersonChallenge }
  | { kind: "failed"; error: AppError };

/** Exponential backoff with equal jitter: half fixed, half random, capped. */
export function backoffMs(attempt: number, policy: RetryPolicy, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The one place errors are classified. Retryable: timeouts, connection errors, 5xx,
 * 429 and "not finished yet" (the connector marks them). Vendor refusing the data:
 * rejected. Anything else permanent: dead letter at once, kept for a replay.
 */
export function classify(error: unknown, attempt: number, policy: RetryPolicy): Outcome {
  const appError = isAppError(error)
    ? error
    : new AppError("internal", error instanceof Error ? error.message : "unexpected error", { cause: error });
  if (appError.code === "vendor_rejected" && appError.fields && Object.keys(appError.fields).length > 0) {
    return { kind: "rejected", fields: appError.fields, message: appError.message };
  }
  if (!appError.retryable) return { kind: "failed", error: appError };
  if (attempt >= policy.maxAttempts) return { kind: "failed", error: appError };
  const delayMs = Math.max(appError.retryAfterMs ?? 0, backoffMs(attempt, policy));
  return { kind: "retry", delayMs, error: appError };
}
