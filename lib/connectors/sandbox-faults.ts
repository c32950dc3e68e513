/**
 * Failure injection for the vendor sandboxes (not part of any vendor's API): lets tests
 * and demos make the "vendor" fail the way real networks do. Every sandbox takes the same
 * faults through its control API (`POST /_sandbox/faults`, see handleFaultControl) and its
 * `{VENDOR}_SANDBOX_FAULT` (see FaultSwitch.startWith).
 */
import { z } from "zod";

/** Marks a Response whose connection must be cut; lib/testing/sandbox-server.ts destroys the socket. */
export const DROP_HEADER = "x-sandbox-drop";
const MAX_HANG_MS = 120_000;

export const faultSchema = z
  .object({
    mode: z.enum(["503", "429", "timeout", "slow", "drop", "down"]),
    /** How many vendor requests it affects; omitted: until cleared. */
    count: z.number().int().positive().optional(),
    delayMs: z.number().int().min(0).max(MAX_HANG_MS).default(3000),
    retryAfterSeconds: z.number().int().min(0).default(1),
    /** "registration": only the sandbox's delivery calls (create, status), so forms still load and validate. */
    routes: z.enum(["all", "registration"]).default("all"),
    /** Only this one route of the sandbox (its own name for it, e.g. CRM.COM's "addAddress"): a failure midway through a delivery of several calls. */
    route: z.string().regex(/^[A-Za-z]{1,40}$/).optional(),
  })
  .strict();

export type Fault = z.infer<typeof faultSchema>;

/** "503:3" → 503 for the next three requests; "down" → until cleared. For `{VENDOR}_SANDBOX_FAULT`. */
export function parseFaultSpec(spec: string): Fault {
  const [mode, count] = spec.trim().split(":");
  return faultSchema.parse({ mode, count: count === undefined ? undefined : Number(count) });
}

export class FaultSwitch {
  private fault?: Fault & { remaining?: number };

  /** `deliveryRoutes`: the sandbox's route names that `routes: "registration"` limits a fault to. */
  constructor(private readonly deliveryRoutes: ReadonlySet<string>) {}

  /**
   * The fault a sandbox starts with: its `{VENDOR}_SANDBOX_FAULT` ("503:3"), if any. A malformed
   * spec is ignored with a warning rather than failing every request to the sandbox.
   */
  startWith(spec: string | undefined, vendor: string): this {
    if (!spec) return this;
    try {
      this.set(parseFaultSpec(spec));
    } catch {
      console.warn(`[${vendor} sandbox] ignoring fault spec "${spec}": expected mode[:count], e.g. 503:3`);
    }
    return this;
  }

  set(fault: Fault): void {
    this.fault = { ...fault, remaining: fault.count };
  }

  clear(): void {
    this.fault = undefined;
  }

  /** The fault that applies to this request, if any, counting it against `count`. */
  take(route: string): Fault | undefined {
    const fault = this.fault;
    if (!fault || (fault.routes === "registration" && !this.deliveryRoutes.has(route))) return undefined;
    if (fault.route !== undefined && fault.route !== route) return undefined;
    if (fault.remaining !== undefined && --fault.remaining <= 0) this.fault = undefined;
    return fault;
  }

  /** A vendor request's answer: as the fault that applies to its route dictates (see applyFault), else `proceed`'s. */
  answer(route: string, request: Request, proceed: () => Promise<Response>): Promise<Response> {
    const fault = this.take(route);
    return fault ? applyFault(fault, request, proceed) : proceed();
  }
}

const controlAnswer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8" } });

/**
 * The control calls every sandbox takes alike (`call` is "METHOD action", e.g. "POST faults"):
 * `POST faults` sets a fault (JSON, see faultSchema) and answers it back, or 400 with what is
 * wrong; `DELETE faults` clears it (204); `POST reset` runs the sandbox's reset (204).
 * Undefined for any other call: the sandbox's own (stats, lookups) or its 404.
 */
export async function handleFaultControl(call: string, request: Request, faults: FaultSwitch, reset: () => void): Promise<Response | undefined> {
  if (call === "POST reset") return reset(), new Response(null, { status: 204 });
  if (call === "DELETE faults") return faults.clear(), new Response(null, { status: 204 });
  if (call !== "POST faults") return undefined;
  const parsed = faultSchema.safeParse(await request.json().catch(() => undefined));
  if (!parsed.success) return controlAnswer(400, { error: parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ") });
  faults.set(parsed.data);
  return controlAnswer(200, parsed.data);
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

function unavailable(retryAfterSeconds?: number, status = 503): Response {
  const headers: Record<string, string> = { "Content-Type": "text/plain; charset=utf-8" };
  if (retryAfterSeconds !== undefined) headers["Retry-After"] = String(retryAfterSeconds);
  return new Response(status === 429 ? "Too Many Requests" : "Service Unavailable", { status, headers });
}

/** Answers `request` as the fault dictates; `proceed` is the normal answer (used by "slow"). */
export async function applyFault(fault: Fault, request: Request, proceed: () => Promise<Response>): Promise<Response> {
  switch (fault.mode) {
    case "503":
      return unavailable(fault.retryAfterSeconds);
    case "429":
      return unavailable(fault.retryAfterSeconds, 429);
    case "down":
      return unavailable();
    case "slow":
      await sleep(fault.delayMs, request.signal);
      return proceed();
    case "timeout":
      // Never answer: hold the request until the caller gives up.
      await sleep(MAX_HANG_MS, request.signal);
      return new Response(null, { status: 504 });
    case "drop": {
      // Standalone, the header makes the server destroy the socket; inside Next, the body
      // stream fails, which cuts the response off just the same for the client.
      const body = new ReadableStream({ start: (controller) => controller.error(new Error("connection dropped by the sandbox")) });
      return new Response(body, { status: 200, headers: { [DROP_HEADER]: "1" } });
    }
  }
}
