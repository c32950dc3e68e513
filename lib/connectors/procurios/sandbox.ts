/**
 * A faithful simulator of Procurios' registration API (seeds/000), mounted by the app at
 * /sandbox/procurios and served on its own port by lib/testing/sandbox-server.ts.
 * No "server-only" here or in the sandbox-* files: Playwright runs this in plain Node, and
 * it holds nothing secret (the token below is the sandbox's well-known one).
 *
 * Decisions where the document is silent:
 * - auth is checked before the Accept header: no token → 401, then a wrong Accept → 406;
 * - an invalid registration POST answers like validate: 400 {page, errors};
 * - a body that is not a JSON object → 400 {error};
 * - unknown set → 404 {error}; registration not complete *and* unknown id → 404, empty body;
 * - registration and relation ids never restart, not even on reset, so a journal that
 *   outlives a reset cannot pick up someone else's registration.
 */
import type { Sandbox } from "@/lib/connectors/module";
import { mountedSandbox } from "@/lib/connectors/sandbox-control";
import { z } from "zod";
import { FaultSwitch, handleFaultControl } from "@/lib/connectors/sandbox-faults";
import { initiallyTakenUsernames, sandboxSets, schemaText, type SandboxSet } from "./sandbox-sets";
import { validateBody } from "./sandbox-validate";

const API_PREFIX = "/l/profile_api";
const MEDIA_TYPE = "application/vnd.procurios.profile+json";
export const SANDBOX_TOKEN = "sandbox-token";

export interface ProcuriosSandboxOptions {
  /** How long after the POST a registration becomes complete (default 2000 ms). */
  completionDelayMs?: number;
  /** A fault active from the start, e.g. "503:3" (mode:count). */
  fault?: string;
  /** The Bearer token to accept; default PROCURIOS_TOKEN from the environment, else "sandbox-token". */
  token?: string;
}

interface Registration {
  registrationId: number;
  relationId: number;
  setId: number;
  completesAt: number;
  username?: string;
  email?: string;
  phone?: string;
  actionCode?: number;
  name?: string;
  /** The names of the fields the registration arrived with (what the vendor would store). */
  fields: string[];
}

export interface SandboxStats {
  requests: Record<string, number>;
  registrations: Array<{ registrationId: number; username?: string; email?: string; phone?: string; name?: string; actionCode?: number; fields: string[] }>;
  registrationCount: number;
}

export interface ProcuriosSandbox extends Sandbox {
  stats(): SandboxStats;
  reset(): void;
}

/** A registration set as the vendor's admin configures it (control API `PUT sets/{id}`). */
const setSchema = z.strictObject({
  title: z.string().min(1).max(200),
  schema: z.record(z.string(), z.unknown()),
  pageBreaks: z.array(z.string()).optional(),
});

type Handler = (request: Request, params: string[]) => Promise<Response> | Response;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", ...headers } });

/** Accept must name the vendor's media type with version=1 (whitespace and case tolerated). */
function acceptsVendorType(header: string | null): boolean {
  return (header ?? "").split(",").some((range) => {
    const [type, ...params] = range.split(";").map((part) => part.trim().toLowerCase());
    return type === MEDIA_TYPE && params.some((param) => param.replace(/\s+/g, "") === "version=1");
  });
}

async function readObject(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = JSON.parse(await request.text());
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function createProcuriosSandbox(options: ProcuriosSandboxOptions = {}): ProcuriosSandbox {
  const completionDelayMs = options.completionDelayMs ?? 2000;
  const faults = new FaultSwitch(new Set(["register", "registrationStatus"])).startWith(options.fault, "procurios");
  let registrations = new Map<number, Registration>();
  // The vendor's configuration: sets can be changed through the control API, as a vendor's admin would.
  let sets = new Map(sandboxSets);
  let taken = new Set(initiallyTakenUsernames);
  let requests: Record<string, number> = {};
  let nextRegistrationId = 100;
  let nextRelationId = 997234;

  const isTaken = (username: string) => taken.has(username.toLowerCase());
  const withSet = (handler: (set: SandboxSet, request: Request, params: string[]) => Promise<Response> | Response): Handler =>
    (request, params) => {
      const set = sets.get(Number(params[0]));
      return set ? handler(set, request, params) : json(404, { error: "Registration set not found" });
    };

  async function judge(set: SandboxSet, request: Request): Promise<Response | Record<string, unknown>> {
    const data = await readObject(request);
    if (!data) return json(400, { error: "The request body must be a JSON object" });
    const rejection = validateBody(set, data, isTaken);
    return rejection ? json(400, rejection) : data;
  }

  const routes: Array<{ name: string; method: string; pattern: RegExp; handler: Handler }> = [
    {
      name: "listSets",
      method: "GET",
      pattern: /^\/registrationset$/,
      handler: () => json(200, { registrationSet: [...sets.values()].map(({ id, title }) => ({ id, title })) }),
    },
    {
      name: "schema",
      method: "GET",
      pattern: /^\/registrationset\/(\d+)\/schema$/,
      handler: withSet((set) => new Response(schemaText(set), { headers: { "Content-Type": "application/json; charset=utf-8" } })),
    },
    {
      name: "validate",
      method: "POST",
      pattern: /^\/registrationset\/(\d+)\/validate$/,
      handler: withSet(async (set, request) => {
        const verdict = await judge(set, request);
        return verdict instanceof Response ? verdict : new Response(null, { status: 200 });
      }),
    },
    {
      name: "register",
      method: "POST",
      pattern: /^\/registrationset\/(\d+)\/registration$/,
      handler: withSet(async (set, request) => {
        const verdict = await judge(set, request);
        if (verdict instanceof Response) return verdict;
        const text = (key: string) => (typeof verdict[key] === "string" ? (verdict[key] as string) : undefined);
        const registration: Registration = {
          registrationId: nextRegistrationId++,
          relationId: nextRelationId++,
          setId: set.id,
          completesAt: Date.now() + completionDelayMs,
          username: text("username"),
          email: text("email"),
          phone: text("phone"),
          name: text("name"),
          actionCode: typeof verdict.action_code === "number" ? verdict.action_code : undefined,
          fields: Object.keys(verdict),
        };
        registrations.set(registration.registrationId, registration);
        if (registration.username) taken.add(registration.username.toLowerCase());
        return json(200, { registrationId: registration.registrationId });
      }),
    },
    {
      name: "registrationStatus",
      method: "GET",
      pattern: /^\/registrationset\/(\d+)\/registration\/(\d+)$/,
      handler: withSet((set, _request, params) => {
        const registration = registrations.get(Number(params[1]));
        if (!registration || registration.setId !== set.id || Date.now() < registration.completesAt) {
          return new Response(null, { status: 404 });
        }
        return json(200, { registrationId: registration.registrationId, relationId: registration.relationId });
      }),
    },
    {
      name: "usernameAvailable",
      method: "GET",
      pattern: /^\/isusernameavailable\/([^/]+)$/,
      handler: (_request, params) => json(200, { isAvailable: !isTaken(params[0]) }),
    },
  ];

  function vendorAnswer(request: Request, route: (typeof routes)[number] | undefined, params: string[]): Promise<Response> | Response {
    const token = options.token ?? process.env.PROCURIOS_TOKEN ?? SANDBOX_TOKEN;
    const authorization = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
    if (authorization?.[1] !== token) {
      return json(401, { error: "A valid access token is required" }, { "WWW-Authenticate": 'Bearer realm="profile_api"' });
    }
    if (!acceptsVendorType(request.headers.get("accept"))) {
      return json(406, { error: `Accept must be ${MEDIA_TYPE}; version=1` });
    }
    if (!route) return json(404, { error: "Not found" });
    if (request.method !== route.method) return json(405, { error: "Method not allowed" }, { Allow: route.method });
    return route.handler(request, params);
  }

  function stats(): SandboxStats {
    const list = [...registrations.values()].map(({ registrationId, username, email, phone, name, actionCode, fields }) => ({
      registrationId,
      username,
      email,
      phone,
      name,
      actionCode,
      fields,
    }));
    return { requests: { ...requests }, registrations: list, registrationCount: list.length };
  }

  function reset(): void {
    registrations = new Map();
    sets = new Map(sandboxSets);
    taken = new Set(initiallyTakenUsernames);
    requests = {};
    faults.clear();
  }

  async function control(request: Request, action: string): Promise<Response> {
    const call = `${request.method} ${action}`;
    // Over HTTP, counts only: no username, email or name ever leaves in stats.
    if (call === "GET stats") return json(200, { requests: stats().requests, registrationCount: registrations.size });
    if (call === "GET registrations") {
      // Lookups by what the caller already knows (a test that registered this username or name); never a list.
      const query = [...new URL(request.url).searchParams].filter(([key]) => ["username", "email", "name"].includes(key));
      const found = stats().registrations.filter((entry) => query.length > 0 && query.every(([key, value]) => entry[key as "name"] === value));
      return json(200, { registrations: found });
    }
    const setId = /^PUT sets\/(\d+)$/.exec(call)?.[1];
    if (setId) {
      const parsed = setSchema.safeParse(await readObject(request));
      if (!parsed.success) return json(400, { error: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") });
      sets.set(Number(setId), { id: Number(setId), pageBreaks: [], ...parsed.data });
      return new Response(null, { status: 204 });
    }
    return (await handleFaultControl(call, request, faults, reset)) ?? json(404, { error: "Unknown sandbox control call" });
  }

  async function handle(request: Request, rawPath: string): Promise<Response> {
    const path = rawPath.split("?")[0].replace(/\/+$/, "") || "/";
    if (path.startsWith("/_sandbox/")) return control(request, path.slice("/_sandbox/".length));
    if (path !== API_PREFIX && !path.startsWith(`${API_PREFIX}/`)) return json(404, { error: "Not found" });

    const apiPath = path.slice(API_PREFIX.length);
    let params: string[] = [];
    const route = routes.find((candidate) => {
      const match = candidate.pattern.exec(apiPath);
      if (match) params = match.slice(1).map(decodeSegment);
      return match !== null;
    });
    const name = route?.name ?? "unknown";
    requests[name] = (requests[name] ?? 0) + 1;
    return faults.answer(name, request, async () => vendorAnswer(request, route, params));
  }

  return { handle, stats, reset, defaultSecrets: { PROCURIOS_TOKEN: SANDBOX_TOKEN } };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The sandbox the app mounts at /sandbox/procurios. */
export const sandbox: Sandbox = mountedSandbox("procurios", { PROCURIOS_TOKEN: SANDBOX_TOKEN }, () => createProcuriosSandbox({ fault: process.env.PROCURIOS_SANDBOX_FAULT }));
