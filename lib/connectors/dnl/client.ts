import "server-only";
import { parseRetryAfter, timedFetch, unreachable } from "@/lib/connectors/http";
import { AppError } from "@/lib/errors";

/** DNL's error envelope: `{error_type, success: false, error: {message, code, reason}}`. */
interface Envelope {
  success?: unknown;
  error_type?: unknown;
  error?: { code?: unknown; reason?: unknown; fields?: unknown };
}

export interface VendorAnswer {
  status: number;
  body: Envelope & Record<string, unknown>;
}

export interface ClientConfig {
  /** Absolute origin of /v1. */
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** The admin token, read per call so a rotated one is picked up; undefined when not set. */
  token(): string | undefined;
  tokenEnv: string;
}

/**
 * Thin HTTP for /v1: the documented headers, a timeout, JSON, and the one mapping of
 * DNL's answers to AppErrors. No DNL body passes through: a registration holds a
 * plaintext password, so an answer is never logged or put in an error.
 */
export class DnlClient {
  constructor(private readonly config: ClientConfig) {}

  /** Resolves for 2xx and for the statuses in `pass`; every other outcome throws an AppError. */
  async request(method: "GET" | "POST", path: string, options: { body?: unknown; pass?: number[] } = {}): Promise<VendorAnswer> {
    const { timeoutMs, tokenEnv } = this.config;
    const token = this.config.token();
    if (!token) throw new AppError("vendor_misconfigured", `The DNL admin token is not set: set the environment variable ${tokenEnv}`, { retryable: false });
    const headers: Record<string, string> = { accept: "application/json", "X-Auth-Token": token };
    if (options.body !== undefined) headers["content-type"] = "application/json";
    let answer;
    try {
      answer = await timedFetch(`${this.config.baseUrl}/v1${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) }, timeoutMs, this.config.fetch);
    } catch (error) {
      throw unreachable("DNL", error, timeoutMs);
    }
    const { status } = answer;
    let body: VendorAnswer["body"] | undefined;
    try {
      const parsed: unknown = answer.text.trim() === "" ? {} : JSON.parse(answer.text);
      body = parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as VendorAnswer["body"]) : undefined;
    } catch {
      body = undefined;
    }
    if (status >= 500 || status === 429 || status === 408) {
      throw new AppError("vendor_unavailable", `DNL is unavailable (HTTP ${status})`, { retryable: true, retryAfterMs: parseRetryAfter(answer.headers.get("retry-after")) });
    }
    // The token errors are recognised by DNL's own code, whatever HTTP status carries them
    // (the document gives the bodies, not the statuses).
    const code = body?.error?.code;
    if (code === 110) {
      throw new AppError("vendor_misconfigured", `DNL received no admin token (code 110, auth_token_not_provided): check that the X-Auth-Token header reaches DNL`, { retryable: false });
    }
    if (code === 120) {
      throw new AppError("vendor_misconfigured", `DNL refused the admin token (code 120, incorrect_token_provided): set ${tokenEnv} to a valid DNL admin token`, { retryable: false });
    }
    if (!body) throw new AppError("vendor_unavailable", `DNL answered HTTP ${status} with a body that is not a JSON object`, { retryable: true });
    if ((status >= 200 && status < 300 && body.success !== false) || options.pass?.includes(status)) return { status, body };
    if ([401, 403, 404, 405, 406].includes(status)) {
      throw new AppError("vendor_misconfigured", `DNL refused the request (HTTP ${status}): check the base URL and the admin token`, { retryable: false });
    }
    throw new AppError("vendor_rejected", `DNL rejected the request (HTTP ${status})`, { retryable: false });
  }
}
