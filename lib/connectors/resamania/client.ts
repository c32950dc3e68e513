import "server-only";
import { timedFetch, unreachable } from "@/lib/connectors/http";
import { AppError } from "@/lib/errors";

/** The documented Accept header, sent as written in the document's curl examples. */
export const ACCEPT = "application/json, text/plain, */*";

export type VendorFailure = { status: number; body: unknown; retryAfter?: string | null } | { error: unknown; timeoutMs: number };

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Thrown for a 400/422 with the body kept, so the connector can read the refusal (errors.ts). */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`Resamania refused the request (HTTP ${status})`);
  }
}

/** Failures that are not a refusal of the data, as AppErrors. No vendor body passes through. */
export function toAppError(failure: VendorFailure, now = Date.now()): AppError {
  if ("error" in failure) return unreachable("Resamania", failure.error, failure.timeoutMs);
  const { status } = failure;
  if (status >= 500 || status === 429 || status === 408) {
    return new AppError("vendor_unavailable", `Resamania is unavailable (HTTP ${status})`, { retryable: true, retryAfterMs: parseRetryAfter(failure.retryAfter, now) });
  }
  // Our token, headers, club or client token are wrong: an operator must act.
  if ([401, 403, 406].includes(status)) {
    return new AppError("vendor_misconfigured", `Resamania refused the request (HTTP ${status})`, { retryable: false });
  }
  return new AppError("vendor_rejected", `Resamania rejected the request (HTTP ${status})`, { retryable: false });
}

export interface ClientConfig {
  /** Absolute API origin, without the client token. */
  baseUrl: string;
  clientToken: string;
  clubId: string;
  networkNodeId: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Read per call, so a rotated token is picked up; throws when missing. */
  token(): string;
}

export interface VendorAnswer {
  status: number;
  body: unknown;
}

type Method = "GET" | "POST" | "PUT";

/** Thin HTTP for /{clientToken}/…: exactly the documented headers, a timeout, JSON, error mapping. */
export class ResamaniaClient {
  constructor(private readonly config: ClientConfig) {}

  /**
   * Resolves for 2xx and the statuses in `pass`. A 400 or 422 throws a Refusal (its body
   * is read by the connector); anything else an AppError. `path` is below the client
   * token and already encoded (pathSegment, URLSearchParams-free query: see query()).
   */
  async request(method: Method, path: string, options: { body?: unknown; pass?: number[] } = {}): Promise<VendorAnswer> {
    const headers: Record<string, string> = {
      accept: ACCEPT,
      authorization: `Bearer ${this.config.token()}`,
      "x-user-club-id": this.config.clubId,
      "x-user-network-node-id": this.config.networkNodeId,
    };
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const { timeoutMs } = this.config;
    let answer;
    try {
      answer = await timedFetch(
        `${this.config.baseUrl}/${encodeURIComponent(this.config.clientToken)}${path}`,
        { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) },
        timeoutMs,
        this.config.fetch,
      );
    } catch (error) {
      throw toAppError({ error, timeoutMs });
    }
    const body = parseJson(answer.text);
    const { status } = answer;
    if ((status >= 200 && status < 300) || options.pass?.includes(status)) {
      if (!body.ok) throw new AppError("vendor_unavailable", `Resamania answered HTTP ${status} with a body that is not JSON`, { retryable: true });
      return { status, body: body.value };
    }
    if (status === 400 || status === 422) throw new Refusal(status, body.ok ? body.value : undefined);
    throw toAppError({ status, body: body.ok ? body.value : undefined, retryAfter: answer.headers.get("retry-after") });
  }
}

/**
 * `?email=` as the document wants it: encodeURIComponent, so "+" reaches the vendor as
 * %2B and "@" as %40 (URLSearchParams would send a space as "+", and a server reading
 * "+" as a space would look up another address).
 */
export function query(params: Record<string, string>): string {
  return `?${Object.entries(params).map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join("&")}`;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
