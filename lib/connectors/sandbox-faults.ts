/**
 * Failure injection for the vendor sandboxes (not part of any vendor's API): lets tests
 * and demos make the "vendor" fail the way real networks do. Every sandbox takes the same
 * faults through its control API (`POST /_sandbox/faults`) and its `{VENDOR}_SANDBOX_FAULT`.
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

/** "503:3" → 503 for the next three requests; "down" → until cleared. For PROCURIOS_SANDBOX_FAULT. */
export function parseFaultSpec(spec: string): Fault {
  const [mode, count] = spec.trim().split(":");
  return faultSchema.parse({ mode, count: count === undefined ? undefined : Number(count) });
}

export class FaultSwitch {
  private fault?: Fault & { remaining?: number };

  /** `deliveryRoutes`: the sandbox's route names that `routes: "registration"` limits a fault to. */
  constructor(private readonly deliveryRoutes: ReadonlySet<string>) {}

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
