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

/** A call to the control API of one of the app's built-in sandboxes (Procurios unless named), with the token. */
export async function control(method: string, path: string, body?: unknown, vendor = "procurios"): Promise<Response> {
  const response = await fetch(`${APP_URL}/sandbox/${vendor}/_sandbox/${path}`, {
    method,
    headers: { Authorization: `Bearer ${SANDBOX_CONTROL_TOKEN}`, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${path}: HTTP ${response.status}`);
  return response;
}

/** What the app's built-in Procurios sandbox registered with these values. */
export async function sandboxRegistrations(match: { username?: string; name?: string }): Promise<SandboxRegistration[]> {
  const query = new URLSearchParams(match as Record<string, string>);
  const response = await control("GET", `registrations?${query}`);
  return ((await response.json()) as { registrations: SandboxRegistration[] }).registrations;
}

/** A fault of the built-in sandbox (see lib/connectors/sandbox-faults.ts); clear it with clearSandboxFaults. */
export async function sandboxFault(fault: Pick<Fault, "mode"> & Partial<Fault>, vendor?: string) {
  await control("POST", "faults", fault, vendor);
}

export async function clearSandboxFaults(vendor?: string) {
  await control("DELETE", "faults", undefined, vendor);
}
