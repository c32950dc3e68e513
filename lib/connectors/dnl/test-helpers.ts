import { controlHeaders, startSandboxServer, type SandboxServer } from "@/lib/testing/sandbox-server";
import type { DnlConnector } from "./connector";
import { dnl } from "./index";
import { createDnlSandbox, type DnlSandbox, type DnlSandboxOptions } from "./sandbox";

export const TOKEN = "dnl-test-admin-token";
export const MOUNT = "/sandbox/dnl";

/** An isolated sandbox on a random loopback port. */
export async function serveSandbox(options: DnlSandboxOptions = {}): Promise<{ sandbox: DnlSandbox; server: SandboxServer }> {
  const sandbox = createDnlSandbox({ token: TOKEN, ...options });
  return { sandbox, server: await startSandboxServer(sandbox, { mount: MOUNT }) };
}

/** A connector for the sandbox, over real HTTP; `transport` stands between them (e.g. a proxy that drops a header). */
export function connect(server: SandboxServer, options: Record<string, unknown> = {}, token = TOKEN, transport?: typeof fetch): DnlConnector {
  const parsed = dnl.optionsSchema.parse({ baseUrl: MOUNT, tokenEnv: "DNL_TOKEN", timeoutMs: 2_000, ...options });
  return dnl.create({
    formId: "dnl",
    options: parsed,
    secret: (name) => (name === "DNL_TOKEN" ? token : undefined),
    resolveUrl: (url) => (url.startsWith("/") ? `${server.url.slice(0, -MOUNT.length)}${url}` : url),
    fetch: transport,
  }) as DnlConnector;
}

export const control = (server: SandboxServer, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}/_sandbox/${path}`, { method, headers: controlHeaders(), body: body === undefined ? undefined : JSON.stringify(body) });

/** Valid answers to the DNL form, as the wizard holds them (address and billing as groups). */
export function signup(username: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    client_name: "Northwind Voice",
    username,
    password: "s3cret-Passw0rd",
    main_email: "ops@northwind.example",
    company: "Northwind Telecom B.V.",
    phone: "+31201234567",
    address: { street: "Herengracht 1", city: "Amsterdam", zip: "1015 BA", country: "NL" },
    billing: { email: "billing@northwind.example" },
    ...overrides,
  };
}

export { memoryJournal } from "@/lib/testing/memory-journal";
