/**
 * A simulator of PurePro's customer API (seeds/004), mounted by the app at /sandbox/purepro
 * and served on its own port by lib/testing/sandbox-server.ts. No "server-only" (Playwright
 * runs it in plain Node); the token below is the sandbox's well-known one.
 *
 * Decisions where the document is silent (the connector agrees with each):
 * - auth: `Authorization: Bearer {token}` unless told another header (authHeader, authScheme);
 *   without it 401;
 * - add is POST, update PUT, both on /Customer/{account}/{businessUnit}; get is GET on
 *   …/{customerReference};
 * - a blank account, business unit or customer reference → 400 naming it; an unknown one → 404;
 * - a refused body → 400 {Errors: [{Property, Message}]}, nothing stored;
 * - a body that is stored but "displays as failed validation error" → 200 {Reference,
 *   Status: "ValidationError", ValidationErrors: [{Property, Message}]}; a clean one →
 *   200 {Reference, Status: "Active"};
 * - a blank Reference gets the next "CU" number; a Reference already used → 400;
 * - references never restart, not even on reset.
 */
import type { Sandbox } from "@/lib/connectors/module";
import { mountedSandbox } from "@/lib/connectors/sandbox-control";
import { FaultSwitch, handleFaultControl } from "@/lib/connectors/sandbox-faults";
import { judgeCustomer, type Body, type Messages } from "./sandbox-rules";

export const SANDBOX_TOKEN = "purepro-sandbox-token";
export const SANDBOX_ACCOUNT = "ACC1000001";
export const SANDBOX_BUSINESS_UNIT = "BU1000001";

export interface PureproSandboxOptions {
  /** The token to accept; default PUREPRO_TOKEN from the environment, else the well-known one. */
  token?: string;
  /** Where the token is expected; default "Authorization" with the "Bearer" scheme. */
  authHeader?: string;
  authScheme?: string;
  /** Account reference → its business unit references. */
  accounts?: Record<string, string[]>;
  /** A fault active from the start, e.g. "503:3" (mode:count). */
  fault?: string;
}

export interface CustomerRecord {
  account: string;
  businessUnit: string;
  reference: string;
  status: "Active" | "ValidationError";
  validationErrors: Messages;
  body: Body;
  backingData?: unknown;
}

export interface PureproSandbox extends Sandbox {
  customers(): CustomerRecord[];
  reset(): void;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers } });

const asList = (messages: Messages) => Object.entries(messages).map(([Property, Message]) => ({ Property, Message }));
const refused = (messages: Messages) => json(400, { Errors: asList(messages) });

async function readObject(request: Request): Promise<Body | undefined> {
  try {
    const body: unknown = JSON.parse(await request.text());
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Body) : undefined;
  } catch {
    return undefined;
  }
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

let nextNumber = 1;

export function createPureproSandbox(options: PureproSandboxOptions = {}): PureproSandbox {
  const accounts = options.accounts ?? { [SANDBOX_ACCOUNT]: [SANDBOX_BUSINESS_UNIT] };
  const header = (options.authHeader ?? "Authorization").toLowerCase();
  const scheme = options.authScheme ?? "Bearer";
  const faults = new FaultSwitch(new Set(["add", "update"])).startWith(options.fault, "purepro");
  let records = new Map<string, CustomerRecord>();
  let requests: Record<string, number> = {};

  const key = (account: string, unit: string, reference: string) => JSON.stringify([account, unit, reference.toLowerCase()]);

  function authorised(request: Request): boolean {
    const token = options.token ?? process.env.PUREPRO_TOKEN ?? SANDBOX_TOKEN;
    const given = (request.headers.get(header) ?? "").trim();
    if (!scheme) return given === token;
    const match = /^(\S+)\s+(\S+)$/.exec(given);
    return match !== null && match[1].toLowerCase() === scheme.toLowerCase() && match[2] === token;
  }

  /** The account and business unit of the path: blank → 400, unknown → 404. */
  function scope(account: string, unit: string): Response | undefined {
    const blank: Messages = {};
    if (!account.trim()) blank.Account = "Account cannot be left blank";
    if (!unit.trim()) blank.BusinessUnit = "Business Unit cannot be left blank";
    if (Object.keys(blank).length) return refused(blank);
    if (!Object.hasOwn(accounts, account)) return json(404, { Message: "Account not found" });
    if (!accounts[account].includes(unit)) return json(404, { Message: "Business unit not found" });
    return undefined;
  }

  function add(account: string, unit: string, body: Body): Response {
    const { errors, failed } = judgeCustomer(body);
    const given = typeof body.Reference === "string" ? body.Reference.trim() : "";
    if (given && records.has(key(account, unit, given))) errors.Reference ??= "A customer with this reference already exists";
    if (Object.keys(errors).length) return refused(errors);
    const reference = given || `CU${String(nextNumber++).padStart(6, "0")}`;
    const status = Object.keys(failed).length ? "ValidationError" : "Active";
    records.set(key(account, unit, reference), { account, businessUnit: unit, reference, status, validationErrors: failed, body: { ...body, Reference: reference } });
    return answer(records.get(key(account, unit, reference))!);
  }

  function update(account: string, unit: string, body: Body): Response {
    const reference = typeof body.Reference === "string" ? body.Reference.trim() : "";
    if (!reference) return refused({ Reference: "You must input a customer reference" });
    const record = records.get(key(account, unit, reference));
    if (!record) return json(404, { Message: "Customer not found" });
    const { backingData, ...fields } = body;
    const merged = { ...record.body, ...fields, Reference: record.reference };
    const { errors, failed } = judgeCustomer(merged, { update: true });
    if (Object.keys(errors).length) return refused(errors);
    Object.assign(record, { body: merged, status: Object.keys(failed).length ? "ValidationError" : "Active", validationErrors: failed });
    if (backingData !== undefined) record.backingData = backingData;
    return answer(record);
  }

  const answer = (record: CustomerRecord) =>
    json(200, {
      Reference: record.reference,
      Status: record.status,
      ...(record.status === "ValidationError" ? { ValidationErrors: asList(record.validationErrors) } : {}),
    });

  async function vendorAnswer(request: Request, segments: string[]): Promise<Response> {
    if (!authorised(request)) return json(401, { Message: "Authorization has been denied for this request." });
    const [account, unit, reference] = segments;
    const problem = scope(account, unit);
    if (problem) return problem;
    if (segments.length === 3) {
      if (request.method !== "GET") return json(405, { Message: "Method not allowed" }, { Allow: "GET" });
      if (!reference.trim()) return refused({ Customer: "Customer cannot be left blank" });
      const record = records.get(key(account, unit, reference));
      if (!record) return json(404, { Message: "Customer not found" });
      return json(200, { ...record.body, Status: record.status, ValidationErrors: asList(record.validationErrors), ...(record.backingData === undefined ? {} : { backingData: record.backingData }) });
    }
    if (request.method !== "POST" && request.method !== "PUT") return json(405, { Message: "Method not allowed" }, { Allow: "POST, PUT" });
    const body = await readObject(request);
    if (!body) return refused({ body: "The request body must be a JSON object" });
    return request.method === "POST" ? add(account, unit, body) : update(account, unit, body);
  }

  async function control(request: Request, action: string): Promise<Response> {
    const call = `${request.method} ${action}`;
    if (call === "GET stats") return json(200, { requests: { ...requests }, customerCount: records.size });
    if (call === "GET customers") {
      // Lookups by what the caller already knows (a test that registered this name); never a list.
      const name = new URL(request.url).searchParams.get("name");
      const found = [...records.values()].filter((record) => name !== null && record.body.Name === name);
      return json(200, { customers: found });
    }
    return (await handleFaultControl(call, request, faults, reset)) ?? json(404, { error: "Unknown sandbox control call" });
  }

  function reset(): void {
    records = new Map();
    requests = {};
    faults.clear();
  }

  async function handle(request: Request, rawPath: string): Promise<Response> {
    const path = rawPath.split("?")[0];
    if (path.startsWith("/_sandbox/")) return control(request, path.slice("/_sandbox/".length).replace(/\/+$/, ""));
    const segments = path.split("/").slice(1).map(decode);
    if (segments[0] !== "Customer" || segments.length < 3 || segments.length > 4) return json(404, { Message: "Not found" });
    const name = segments.length === 4 ? "get" : request.method === "PUT" ? "update" : "add";
    requests[name] = (requests[name] ?? 0) + 1;
    return faults.answer(name, request, () => vendorAnswer(request, segments.slice(1)));
  }

  return { handle, customers: () => [...records.values()], reset, defaultSecrets: { PUREPRO_TOKEN: SANDBOX_TOKEN } };
}

/** The sandbox the app mounts at /sandbox/purepro. */
export const sandbox: Sandbox = mountedSandbox("purepro", { PUREPRO_TOKEN: SANDBOX_TOKEN }, () => createPureproSandbox({ fault: process.env.PUREPRO_SANDBOX_FAULT }));
