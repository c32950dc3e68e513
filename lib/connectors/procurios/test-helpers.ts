import { startSandboxServer, type SandboxServer } from "@/lib/testing/sandbox-server";
import type { DeliveryJournal } from "@/lib/connectors/types";
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

/** The journal contract in a Map: a completed step is never run again. */
export function memoryJournal(): DeliveryJournal & { done: Map<string, unknown> } {
  const done = new Map<string, unknown>();
  return {
    done,
    async step<T>(name: string, fn: () => Promise<T>): Promise<T> {
      if (done.has(name)) return done.get(name) as T;
      const result = await fn();
      done.set(name, result);
      return result;
    },
  };
}

/** A valid registration for set 77, as the form holds it (address as an object). */
export function member(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return validRegistration("newmember", { email: "new@example.nl", ...overrides });
}
