import "server-only";
import { AppError } from "@/lib/errors";

export interface TimedAnswer {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * One vendor call, answer and body read within `timeoutMs`; a timeout rejects with a
 * "TimeoutError". The timer is cleared as soon as the body is in: an uncleared one
 * (AbortSignal.timeout) keeps the whole request it was made in (Next's request
 * context, response and all) alive until it fires, which under load is thousands of
 * finished requests held in memory.
 */
export async function timedFetch(url: string, init: RequestInit, timeoutMs: number, fetcher: typeof fetch = fetch): Promise<TimedAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException(`no answer within ${timeoutMs} ms`, "TimeoutError")), timeoutMs);
  try {
    const response = await fetcher(url, { ...init, signal: controller.signal, cache: "no-store" });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } finally {
    clearTimeout(timer);
  }
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A vendor that could not be reached or did not answer in time, as every connector says it: unavailable, to try again later. */
export function unreachable(vendor: string, error: unknown, timeoutMs: number): AppError {
  const timedOut = (error as Error | undefined)?.name === "TimeoutError";
  const message = timedOut ? `${vendor} did not answer within ${timeoutMs} ms` : `Could not reach ${vendor} (connection failed)`;
  return new AppError("vendor_unavailable", message, { retryable: true, cause: error });
}
