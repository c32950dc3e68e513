import type { Fault } from "@/lib/connectors/sandbox-faults";
import { APP_URL, SANDBOX_CONTROL_TOKEN } from "../../playwright.config";

export interface SandboxRegistration {
  registrationId: number;
  username?: string;
  email?: string;
  /** As the vendor received it. */
  phone?: string;
  name?: string;
  actionCode?: number;
  /** Names of the fields the vendor received. */
  fields: string[];
}

/**
 * A call to the control API of one of the app's built-in sandboxes (Procurios unless named), with the token;
 * on the suite's server unless `origin` names another (e2e/accessibility.spec.ts runs one of its own).
 */
export async function control(method: string, path: string, body?: unknown, vendor = "procurios", origin = APP_URL): Promise<Response> {
  const response = await fetch(`${origin}/sandbox/${vendor}/_sandbox/${path}`, {
    method,
    headers: { Authorization: `Bearer ${SANDBOX_CONTROL_TOKEN}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${path}: HTTP ${response.status}`);
  return response;
}

/** What the app's built-in Procurios sandbox registered with these values. */
export async function sandboxRegistrations(match: { username?: string; name?: string }, origin?: string): Promise<SandboxRegistration[]> {
  const query = new URLSearchParams(match as Record<string, string>);
  const response = await control("GET", `registrations?${query}`, undefined, undefined, origin);
  return ((await response.json()) as { registrations: SandboxRegistration[] }).registrations;
}

/** A fault of the built-in sandbox (see lib/connectors/sandbox-faults.ts); clear it with clearSandboxFaults. */
export async function sandboxFault(fault: Pick<Fault, "mode"> & Partial<Fault>, vendor?: string, origin?: string) {
  await control("POST", "faults", fault, vendor, origin);
}

export async function clearSandboxFaults(vendor?: string, origin?: string) {
  await control("DELETE", "faults", undefined, vendor, origin);
}
