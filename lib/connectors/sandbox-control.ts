/**
 * The sandboxes' control API (`/_sandbox/…`: stats, faults, reset, lookups) is not the
 * vendor's: it is ours, and it can put the "vendor" down or list registrations. It asks
 * for a bearer token and, where it takes a body, JSON (so no plain form post from
 * another site can reach it). Checked where a sandbox is mounted: the app's
 * /sandbox/{vendor} route and lib/testing/sandbox-server.ts. No "server-only":
 * Playwright runs the standalone server in plain Node.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Sandbox } from "./module";

export const CONTROL_PREFIX = "/_sandbox/";

const digest = (value: string) => createHash("sha256").update(value).digest();
const refuse = (status: number, error: string, headers: Record<string, string> = {}) =>
  Response.json({ error }, { status, headers });

/** A refusal for a control call without the token or with a non-JSON body; undefined when it may proceed. */
export function guardControl(request: Request, path: string, token: string): Response | undefined {
  if (!path.startsWith(CONTROL_PREFIX)) return undefined;
  const given = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(given), digest(token))) {
    return refuse(401, "The sandbox control API needs its bearer token (SANDBOX_CONTROL_TOKEN).", { "WWW-Authenticate": 'Bearer realm="sandbox"' });
  }
  const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.method !== "DELETE";
  if (hasBody && !/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) {
    return refuse(415, "Send control calls as JSON (Content-Type: application/json).");
  }
  return undefined;
}

/**
 * The sandbox the app mounts at /sandbox/{vendor}: one instance per process, made on first
 * use and kept on globalThis, so that Next's separate bundles of the sandbox route (and hot
 * reloads) share its records and faults.
 */
export function mountedSandbox(vendor: string, defaultSecrets: Record<string, string>, create: () => Pick<Sandbox, "handle">): Sandbox {
  const key = Symbol.for(`formgate.sandbox.${vendor}`);
  const holder = globalThis as typeof globalThis & Record<symbol, Pick<Sandbox, "handle"> | undefined>;
  return {
    handle: (request, path) => (holder[key] ??= create()).handle(request, path),
    defaultSecrets,
  };
}
