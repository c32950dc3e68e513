import { startSandboxServer, type SandboxServer } from "@/lib/testing/sandbox-server";
import { validRegistration } from "@/lib/testing/registration";
import { ACCEPT } from "./client";
import { createProcuriosSandbox, type ProcuriosSandbox, type ProcuriosSandboxOptions } from "./sandbox";

export const TOKEN = "sandbox-token";
export const vendorHeaders = { Accept: ACCEPT, Authorization: `Bearer ${TOKEN}` };

/** An isolated sandbox on a random loopback port. */
export async function serveSandbox(options: ProcuriosSandboxOptions = {}): Promise<{ sandbox: ProcuriosSandbox; server: SandboxServer }> {
  const sandbox = createProcuriosSandbox({ token: TOKEN, ...options });
  return { sandbox, server: await startSandboxServer(sandbox, { mount: "/sandbox/procurios" }) };
}

export { memoryJournal } from "@/lib/testing/memory-journal";

/** A valid registration for set 77, as the form holds it (address as an object). */
export function member(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return validRegistration("newmember", { email: "new@example.nl", ...overrides });
}
