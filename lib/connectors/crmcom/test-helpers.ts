import { controlHeaders, startSandboxServer, type SandboxServer } from "@/lib/testing/sandbox-server";
import type { CrmcomConnector } from "./connector";
import { crmcom } from "./index";
import { createCrmcomSandbox, type CrmcomSandbox } from "./sandbox";

export const API_KEY = "test-crmcom-api-key";
export const MOUNT = "/sandbox/crmcom";

/** An isolated sandbox on a random loopback port. */
export async function serveSandbox(): Promise<{ sandbox: CrmcomSandbox; server: SandboxServer }> {
  const sandbox = createCrmcomSandbox({ apiKey: API_KEY });
  return { sandbox, server: await startSandboxServer(sandbox, { mount: MOUNT }) };
}

/** A connector for the sandbox, over real HTTP. */
export function connect(server: SandboxServer, options: Record<string, unknown> = {}, apiKey = API_KEY): CrmcomConnector {
  const parsed = crmcom.optionsSchema.parse({
    baseUrl: MOUNT,
    apiKeyEnv: "CRMCOM_API_KEY",
    providers: ["EMAIL", "PHONE"],
    countries: ["CYP", "GRC", "GBR"],
    demographics: true,
    address: true,
    timeoutMs: 2_000,
    ...options,
  });
  return crmcom.create({
    formId: "crmcom",
    options: parsed,
    secret: (name) => (name === "CRMCOM_API_KEY" ? apiKey : undefined),
    resolveUrl: (url) => (url.startsWith("/") ? `${server.url.slice(0, -MOUNT.length)}${url}` : url),
  }) as CrmcomConnector;
}

export { memoryJournal } from "@/lib/testing/memory-journal";

export const control = (server: SandboxServer, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}/_sandbox/${path}`, { method, headers: controlHeaders(), body: body === undefined ? undefined : JSON.stringify(body) });

export function byEmail(email: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { provider: "EMAIL", email, password: "s3cret-pass", first_name: "Eleni", last_name: "Georgiou", service_acceptance: true, email_opt_in: true, ...overrides };
}

export function byPhone(phone: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { provider: "PHONE", phone, first_name: "Andreas", last_name: "Christou", service_acceptance: true, sms_opt_in: false, ...overrides };
}
