/**
 * A simulator of DNL's registration API (seeds/001), mounted by the app at /sandbox/dnl and
 * served on its own port by lib/testing/sandbox-server.ts. No "server-only": Playwright
 * runs it in plain Node; the token below is the sandbox's well-known one.
 *
 * Documented, and simulated as written:
 * - `GET /v1/registration/{id}` with `X-Auth-Token`: 200 {success: true, payload}; the
 *   payload holds the account's password in plain text, as DNL's does;
 * - no token → {error_type: "unauthenticated_error", success: false, error: {message:
 *   "No header X-Auth-Token present", code: 110, reason: "auth_token_not_provided"}};
 *   a wrong one → the same with code 120, "Incorrect token provided", "incorrect_token_provided";
 * - an unknown id → 404 {error_type: "Object not found", success: false}.
 * Inferred, where the document is silent (the connector agrees with each):
 * - the token errors' HTTP status is 401 (the document gives their bodies only);
 * - Accept is not checked: the document's own curl example sends none;
 * - SIGN-UP, not documented beyond "there is the Object_ID in return message":
 *   `POST /v1/registration` with the same token and the registration's writable fields
 *   as a flat JSON object → 200 {success: true, object_id}; DNL's own fields (id,
 *   status, signed_up_on, modified_on, products, ip_address, send_signup_notification,
 *   rate_send_from_email) are set by DNL, whatever the body says. A refused body →
 *   400 {error_type: "validation_error", success: false, error: {message, reason:
 *   "invalid_fields", fields: {field: message}}}, nothing stored: a required field
 *   missing ("This field is required."), an email or username that is not one, a
 *   password under 8 characters, a username already used ("Username already exists.");
 * - ids go on from the seeds and never restart, not even on reset.
 */
import type { Sandbox } from "@/lib/connectors/module";
import { mountedSandbox } from "@/lib/connectors/sandbox-control";
import { z } from "zod";
import { FaultSwitch, handleFaultControl } from "@/lib/connectors/sandbox-faults";
import { RECORD_FIELDS, SEED_REGISTRATIONS, type DnlRecord } from "./sandbox-seed";

export const SANDBOX_TOKEN = "dnl-sandbox-admin-token";

const REQUIRED = ["client_name", "username", "password", "main_email", "company", "phone", "address"];
const EMAILS = ["main_email", "noc_email", "rate_send_to_email", "billing_email"];
const DNL_OWN = new Set(["id", "status", "signed_up_on", "modified_on", "products", "ip_address", "send_signup_notification", "rate_send_from_email"]);

export interface DnlSandboxOptions {
  /** The admin token to accept; default DNL_TOKEN from the environment, else the well-known one. */
  token?: string;
  /** A fault active from the start, e.g. "503:3" (mode:count). */
  fault?: string;
}

export interface DnlSandbox extends Sandbox {
  /** The stored registrations, passwords included (as DNL holds them). */
  registrations(): DnlRecord[];
  requests(): Record<string, number>;
  reset(): void;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

const unauthenticated = (code: 110 | 120) =>
  json(401, {
    error_type: "unauthenticated_error",
    success: false,
    error:
      code === 110
        ? { message: "No header X-Auth-Token present", code, reason: "auth_token_not_provided" }
        : { message: "Incorrect token provided", code, reason: "incorrect_token_provided" },
  });

const notFound = () => json(404, { error_type: "Object not found", success: false });

async function readObject(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = JSON.parse(await request.text());
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const given = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : null);
const issues = (error: z.ZodError) => error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");
const withoutPassword = ({ password: _password, ...record }: DnlRecord) => record;

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

let nextId = 1000;

export function createDnlSandbox(options: DnlSandboxOptions = {}): DnlSandbox {
  const faults = new FaultSwitch(new Set(["register"])).startWith(options.fault, "dnl");
  let records = new Map<number, DnlRecord>(SEED_REGISTRATIONS.map((record) => [record.id, structuredClone(record)]));
  let requests: Record<string, number> = {};
  /** A token an admin rotated to through the control API; else the configured one. */
  let rotated: string | undefined;
  const expectedToken = () => rotated ?? options.token ?? process.env.DNL_TOKEN ?? SANDBOX_TOKEN;

  function register(body: Record<string, unknown>): Response {
    const fields: Record<string, string> = {};
    for (const field of REQUIRED) if (!given(body[field])) fields[field] = "This field is required.";
    for (const field of EMAILS) {
      const value = given(body[field]);
      if (value && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) fields[field] = "Enter a valid email address.";
    }
    const username = given(body.username);
    if (username && !/^[A-Za-z0-9._-]{3,40}$/.test(username)) fields.username = "Enter a valid username.";
    else if (username && [...records.values()].some((record) => record.username.toLowerCase() === username.toLowerCase())) fields.username = "Username already exists.";
    const password = given(body.password);
    if (password && password.length < 8) fields.password = "Ensure this field has at least 8 characters.";
    if (Object.keys(fields).length) {
      return json(400, { error_type: "validation_error", success: false, error: { message: "Invalid registration", reason: "invalid_fields", fields } });
    }
    const now = new Date().toISOString().replace("Z", "+00:00");
    const record = Object.fromEntries(RECORD_FIELDS.map((field) => [field, DNL_OWN.has(field) ? null : (given(body[field]) ?? null)])) as DnlRecord;
    Object.assign(record, { id: nextId++, status: "new", signed_up_on: now, modified_on: now, products: [], ip_address: [], send_signup_notification: 0 });
    records.set(record.id, record);
    return json(200, { success: true, object_id: record.id });
  }

  async function vendorAnswer(request: Request, id: string | undefined): Promise<Response> {
    const token = request.headers.get("x-auth-token")?.trim();
    if (!token) return unauthenticated(110);
    if (token !== expectedToken()) return unauthenticated(120);
    if (id === undefined) {
      const body = await readObject(request);
      if (!body) return json(400, { error_type: "validation_error", success: false, error: { message: "The body must be a JSON object", reason: "invalid_body" } });
      return register(body);
    }
    const record = /^\d+$/.test(id) ? records.get(Number(id)) : undefined;
    return record ? json(200, { success: true, payload: record }) : notFound();
  }

  const controlToken = z.strictObject({ token: z.string().min(1).max(500) });

  async function control(request: Request, action: string): Promise<Response> {
    const call = `${request.method} ${action}`;
    if (call === "GET stats") return json(200, { requests: { ...requests }, registrationCount: records.size });
    if (call === "GET registrations") {
      // Lookups by what the caller already knows (a test that registered this username); never a list, never a password.
      const username = new URL(request.url).searchParams.get("username");
      const found = [...records.values()].filter((record) => username !== null && record.username === username);
      return json(200, { registrations: found.map(withoutPassword) });
    }
    if (call === "PUT token") {
      // DNL's admin issued another token: the app's one is now "incorrect" (code 120) until reset.
      const parsed = controlToken.safeParse(await readObject(request));
      if (!parsed.success) return json(400, { error: issues(parsed.error) });
      rotated = parsed.data.token;
      return new Response(null, { status: 204 });
    }
    return (await handleFaultControl(call, request, faults, reset)) ?? json(404, { error: "Unknown sandbox control call" });
  }

  function reset(): void {
    records = new Map(SEED_REGISTRATIONS.map((record) => [record.id, structuredClone(record)]));
    requests = {};
    rotated = undefined;
    faults.clear();
  }

  async function handle(request: Request, rawPath: string): Promise<Response> {
    const path = rawPath.split("?")[0].replace(/\/+$/, "") || "/";
    if (path.startsWith("/_sandbox/")) return control(request, path.slice("/_sandbox/".length));
    const match = /^\/v1\/registration(?:\/([^/]+))?$/.exec(path);
    const name = !match ? "unknown" : match[1] === undefined ? "register" : "lookup";
    requests[name] = (requests[name] ?? 0) + 1;
    if (!match) return json(404, { detail: "Not found." });
    const method = match[1] === undefined ? "POST" : "GET";
    if (request.method !== method) return new Response(JSON.stringify({ detail: `Method "${request.method}" not allowed.` }), { status: 405, headers: { "Content-Type": "application/json", Allow: method } });
    return faults.answer(name, request, () => vendorAnswer(request, match[1] === undefined ? undefined : decode(match[1])));
  }

  return {
    handle,
    registrations: () => [...records.values()].map((record) => structuredClone(record)),
    requests: () => ({ ...requests }),
    reset,
    defaultSecrets: { DNL_TOKEN: SANDBOX_TOKEN },
  };
}

/** The sandbox the app mounts at /sandbox/dnl. */
export const sandbox: Sandbox = mountedSandbox("dnl", { DNL_TOKEN: SANDBOX_TOKEN }, () => createDnlSandbox({ fault: process.env.DNL_SANDBOX_FAULT }));
