import "server-only";
import { parseRetryAfter, timedFetch, unreachable } from "@/lib/connectors/http";

export { parseRetryAfter };
import { AppError, type FieldErrors } from "@/lib/errors";

export const ACCEPT = "application/vnd.procurios.profile+json; version=1";
const API_PATH = "/l/profile_api";

/** What went wrong with one call: an HTTP answer we do not accept, or no answer at all. */
export type VendorFailure =
  | { status: number; body: unknown; retryAfter?: string | null }
  | { error: unknown; timeoutMs: number };

function fieldErrorsOf(body: unknown): FieldErrors | undefined {
  const errors = (body as { errors?: unknown } | undefined)?.errors;
  if (!errors || typeof errors !== "object" || Array.isArray(errors)) return undefined;
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * The one place where Procurios failures become AppErrors. Vendor bodies never pass
 * through, except the field messages of a 400, which are meant for the user (Dutch).
 */
export function toAppError(failure: VendorFailure, now = Date.now()): AppError {
  if ("error" in failure) return unreachable("Procurios", failure.error, failure.timeoutMs);
  const { status, body } = failure;
  if (status >= 500 || status === 429 || status === 408) {
    return new AppError("vendor_unavailable", `Procurios is unavailable (HTTP ${status})`, {
      retryable: true,
      retryAfterMs: parseRetryAfter(failure.retryAfter, now),
    });
  }
  // 401/403/406 mean our token or headers are wrong, 404 that the set (or base URL) is:
  // no retry helps and no user can fix it.
  if ([401, 403, 404, 406].includes(status)) {
    return new AppError("vendor_misconfigured", `Procurios refused the request (HTTP ${status})`, { retryable: false });
  }
  const fields = status === 400 ? fieldErrorsOf(body) : undefined;
  return new AppError("vendor_rejected", `Procurios rejected the request (HTTP ${status})`, { fields, retryable: false });
}

export interface ClientConfig {
  /** Absolute base URL, without /l/profile_api. */
  baseUrl: string;
  timeoutMs: number;
  /** The transport (see ConnectorSetup.fetch); the global fetch when absent. */
  fetch?: typeof fetch;
  /** Read per call so a token rotated in the environment is picked up; throws when missing. */
  token(): string;
}

export interface VendorAnswer {
  status: number;
  body: unknown;
}

/** Thin HTTP for /l/profile_api: headers, timeout, JSON, and error mapping. */
export class ProcuriosClient {
  constructor(private readonly config: ClientConfig) {}

  /** Resolves for 2xx and for the statuses in `pass`; every other outcome throws an AppError. */
  async request(method: "GET" | "POST", path: string, options: { body?: unknown; pass?: number[] } = {}): Promise<VendorAnswer> {
    const headers: Record<string, string> = { Accept: ACCEPT, Authorization: `Bearer ${this.config.token()}` };
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    const { timeoutMs } = this.config;
    let status: number;
    let text: string;
    let retryAfter: string | null;
    try {
      const answer = await timedFetch(
        `${this.config.baseUrl}${API_PATH}${path}`,
        { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) },
        timeoutMs,
        this.config.fetch,
      );
      status = answer.status;
      retryAfter = answer.headers.get("retry-after");
      text = answer.text;
    } catch (error) {
      throw toAppError({ error, timeoutMs });
    }
    const body = parseJson(text);
    const ok = (status >= 200 && status < 300) || options.pass?.includes(status);
    if (!ok) throw toAppError({ status, body: body.ok ? body.value : undefined, retryAfter });
    if (!body.ok) {
      throw new AppError("vendor_unavailable", `Procurios answered HTTP ${status} with a body that is not JSON`, { retryable: true });
    }
    return { status, body: body.value };
  }
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === "") return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
