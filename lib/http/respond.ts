import "server-only";
import { AppError, isAppError } from "@/lib/errors";
import { translator, type Translate } from "@/lib/i18n";
import { log } from "@/lib/log";

const NO_STORE = { "Cache-Control": "no-store" };

export function json(body: unknown, init: ResponseInit = {}): Response {
  const text = JSON.stringify(body);
  // A declared length lets the server skip gzip for small answers (below 1 KB it costs more than it saves).
  const headers = { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(text)), ...NO_STORE };
  return new Response(text, { ...init, headers: { ...headers, ...init.headers } });
}

/**
 * The one error mapper (formbricks' handle-api-error): AppErrors show their own
 * message and field errors; anything else is logged and answered with a fixed text.
 */
export function errorResponse(error: unknown, t: Translate = translator("en")): Response {
  if (isAppError(error)) {
    if (error.status >= 500) log.warn("request failed", { code: error.code, error: error.message });
    const message = error.status >= 500 && error.code !== "vendor_unavailable" ? t("internalError") : error.message;
    const headers: Record<string, string> = {};
    if (error.retryAfterMs) headers["Retry-After"] = String(Math.ceil(error.retryAfterMs / 1000));
    return json({ error: message, ...(error.fields ? { errors: error.fields } : {}) }, { status: error.status, headers });
  }
  log.error("unexpected error", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return json({ error: t("internalError") }, { status: 500 });
}

/** Wraps a route handler so every failure becomes a JSON answer, never an HTML 500. */
export function route<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>) {
  return async (...args: Args): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export { AppError };
