import "server-only";
import { parseRetryAfter, timedFetch, unreachable } from "@/lib/connectors/http";
import { AppError } from "@/lib/errors";

/** A 4xx refusal of the data, with what the document says some carry: a code, a message and the attribute at fault. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly vendorMessage: string,
    readonly attribute?: string,
  ) {
    super(`CRM.COM refused the request (HTTP ${status}, ${code})`);
  }
}

/** A 401: the api_key, or the contact's token (expired, or refused). The connector tells which. */
export class Unauthorized extends Error {
  constructor(readonly code: string) {
    super(`CRM.COM refused the credentials (HTTP 401, ${code})`);
  }
}

export interface ClientConfig {
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** Read per call, so a rotated key is picked up; throws when missing. */
  apiKey(): string;
}

type Method = "GET" | "POST" | "PUT";

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const str = (value: unknown) => (typeof value === "string" ? value : undefined);

/**
 * Thin HTTP for the Self-Service API: the `api_key` header on every call, the contact's
 * token as `Authorization: Bearer …` on the contact calls, a timeout, JSON, error mapping.
 * No vendor body and no token ever goes into an error message.
 */
export class CrmcomClient {
  constructor(private readonly config: ClientConfig) {}

  async request(method: Method, path: string, options: { body?: unknown; token?: string } = {}): Promise<Record<string, unknown>> {
    const headers: Record<string, string> = { accept: "application/json", api_key: this.config.apiKey() };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const { timeoutMs } = this.config;
    let answer;
    try {
      answer = await timedFetch(`${this.config.baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) }, timeoutMs, this.config.fetch);
    } catch (error) {
      throw unreachable("CRM.COM", error, timeoutMs);
    }
    const { status } = answer;
    const body = answer.text.trim() === "" ? {} : parseJson(answer.text);
    if (status >= 200 && status < 300) {
      if (!body) throw new AppError("vendor_unavailable", `CRM.COM answered HTTP ${status} with a body that is not JSON`, { retryable: true });
      return body;
    }
    if (status >= 500 || status === 429 || status === 408) {
      throw new AppError("vendor_unavailable", `CRM.COM is unavailable (HTTP ${status})`, { retryable: true, retryAfterMs: parseRetryAfter(answer.headers.get("retry-after")) });
    }
    if (status === 401) throw new Unauthorized(str(body?.code) ?? "UNAUTHORIZED");
    // The key may not do this: an operator must act, the person cannot.
    if (status === 403) throw new AppError("vendor_misconfigured", `CRM.COM refused the request (HTTP 403, ${str(body?.code) ?? "FORBIDDEN"})`, { retryable: false });
    throw new Refusal(status, str(body?.code) ?? `HTTP_${status}`, str(body?.message) ?? "", str(body?.attribute));
  }
}
