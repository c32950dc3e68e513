import "server-only";
import { parseRetryAfter, timedFetch, unreachable } from "@/lib/connectors/http";
import { AppError, type FieldErrors } from "@/lib/errors";

/** PurePro's list of field messages ({Property, Message}), as our field → message. */
export function messagesOf(list: unknown): FieldErrors | undefined {
  if (!Array.isArray(list)) return undefined;
  const entries = list
    .filter((item): item is { Property: string; Message: string } => typeof item?.Property === "string" && typeof item?.Message === "string")
    .map(({ Property, Message }) => [Property, Message] as const);
  return entries.length ? Object.fromEntries(entries) : undefined;
}

export interface ClientConfig {
  /** Absolute {{publicApiUrl}}. */
  baseUrl: string;
  timeoutMs: number;
  fetch?: typeof fetch;
  /** The credential's header and its value; read per call so a rotated secret is picked up. */
  auth(): { header: string; value: string };
}

export interface VendorAnswer {
  status: number;
  body: unknown;
}

/** Thin HTTP for /Customer: credential, timeout, JSON, and the one mapping of failures to AppErrors. */
export class PureproClient {
  constructor(private readonly config: ClientConfig) {}

  async request(method: "GET" | "POST" | "PUT", path: string, options: { body?: unknown; pass?: number[] } = {}): Promise<VendorAnswer> {
    const { header, value } = this.config.auth();
    const headers: Record<string, string> = { Accept: "application/json", [header]: value };
    if (options.body !== undefined) headers["Content-Type"] = "application/json";
    const { timeoutMs } = this.config;
    let answer;
    try {
      answer = await timedFetch(`${this.config.baseUrl}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) }, timeoutMs, this.config.fetch);
    } catch (error) {
      throw unreachable("PurePro", error, timeoutMs);
    }
    const { status } = answer;
    let body: unknown;
    try {
      body = answer.text.trim() === "" ? undefined : JSON.parse(answer.text);
    } catch {
      if (status >= 200 && status < 300) throw new AppError("vendor_unavailable", `PurePro answered HTTP ${status} with a body that is not JSON`, { retryable: true });
    }
    if ((status >= 200 && status < 300) || options.pass?.includes(status)) return { status, body };
    if (status >= 500 || status === 429 || status === 408) {
      throw new AppError("vendor_unavailable", `PurePro is unavailable (HTTP ${status})`, { retryable: true, retryAfterMs: parseRetryAfter(answer.headers.get("retry-after")) });
    }
    // 401/403: our credential; 404: the account, business unit or URL; 405: the method. No person can fix these.
    if ([401, 403, 404, 405].includes(status)) {
      throw new AppError("vendor_misconfigured", `PurePro refused the request (HTTP ${status})`, { retryable: false });
    }
    const fields = status === 400 ? messagesOf((body as { Errors?: unknown } | undefined)?.Errors) : undefined;
    throw new AppError("vendor_rejected", `PurePro rejected the request (HTTP ${status})`, { fields, retryable: false });
  }
}
