/**
 * The app's one error type. Connectors translate vendor failures into it, route
 * handlers translate it into HTTP (lib/http/respond.ts). `retryable` drives the
 * delivery worker: timeouts, connection errors, 5xx and 429 are retried, the
 * rest is permanent.
 */
export type AppErrorCode =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "too_many_requests"
  | "conflict"
  | "not_found"
  | "payload_too_large"
  | "unsupported_media_type"
  | "validation_failed"
  | "idempotency_conflict"
  | "config_invalid"
  | "schema_unsafe"
  | "vendor_unavailable"
  | "vendor_rejected"
  | "vendor_pending"
  | "vendor_misconfigured"
  | "internal";

const STATUS: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  too_many_requests: 429,
  conflict: 409,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  validation_failed: 422,
  idempotency_conflict: 422,
  config_invalid: 500,
  schema_unsafe: 502,
  vendor_unavailable: 503,
  vendor_rejected: 422,
  vendor_pending: 503,
  // The vendor refused our credentials, headers or configured ids: an operator must act.
  vendor_misconfigured: 502,
  internal: 500,
};

export type FieldErrors = Record<string, string>;

export interface AppErrorOptions {
  /** Field name → message, shown at the field. */
  fields?: FieldErrors;
  /** Whether trying again later may succeed. Defaults from the code. */
  retryable?: boolean;
  /** Milliseconds the vendor asked us to wait (Retry-After). */
  retryAfterMs?: number;
  cause?: unknown;
}

// A registry symbol, not `instanceof`: the server bundle may hold this module more than
// once (instrumentation and each route are separate chunks), and an error thrown by one
// copy must still be recognised by another.
const BRAND = Symbol.for("formgate.AppError");

export class AppError extends Error {
  readonly [BRAND] = true;
  readonly code: AppErrorCode;
  readonly fields?: FieldErrors;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
    this.retryable = options.retryable ?? (code === "vendor_unavailable" || code === "vendor_pending");
    this.retryAfterMs = options.retryAfterMs;
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[BRAND] === true;
}
