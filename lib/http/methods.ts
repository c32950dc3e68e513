import "server-only";
import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { translator } from "@/lib/i18n";
import { contentSecurityPolicy, newNonce } from "./csp";
import { isHttps, securityHeaders } from "./security-headers";

// Methods that Node accepts but a fetch Request cannot carry (undici throws on them),
// so Next fails with a bare 500 before the proxy or any route runs.
const UNREPRESENTABLE = new Set(["TRACE", "TRACK"]);
const ALLOW = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
const PATCHED = Symbol.for("formgate.refuseUnrepresentableMethods");

function refuse(request: IncomingMessage, response: ServerResponse): void {
  const path = (request.url ?? "/").split("?")[0];
  const scheme = (request.socket as { encrypted?: boolean }).encrypted ? "https:" : "http:";
  const https = isHttps(scheme, [request.headers["x-forwarded-proto"]].flat()[0] ?? null);
  const body = JSON.stringify({ error: translator(undefined)("methodNotAllowed", { method: request.method ?? "" }) });
  response.writeHead(405, {
    ...securityHeaders(path, https, contentSecurityPolicy({ nonce: newNonce(), https })),
    Allow: ALLOW,
    "Cache-Control": "no-store",
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
  });
  response.end(body);
  request.resume();
}

/**
 * Answers those methods with a JSON 405 at the HTTP server, the one layer that
 * sees them intact. Called once from instrumentation.ts, before Next serves requests.
 */
export function refuseUnrepresentableMethods(): void {
  const prototype = http.Server.prototype as http.Server & { [PATCHED]?: true };
  if (prototype[PATCHED]) return;
  const emit = prototype.emit;
  prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request" && UNREPRESENTABLE.has((args[0] as IncomingMessage).method ?? "")) {
      refuse(args[0] as IncomingMessage, args[1] as ServerResponse);
      return true;
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
  prototype[PATCHED] = true;
}
