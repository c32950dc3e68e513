import { controlHeaders, startSandboxServer, type SandboxServer } from "@/lib/testing/sandbox-server";
import type { ConnectorStore } from "@/lib/connectors/module";
import type { ResamaniaConnector } from "./connector";
import { resamania } from "./index";
import { createResamaniaSandbox, type ResamaniaSandbox } from "./sandbox";

export const TOKEN = "test-resamania-token";
export const MOUNT = "/sandbox/resamania";

/** An isolated sandbox on a random loopback port. */
export async function serveSandbox(): Promise<{ sandbox: ResamaniaSandbox; server: SandboxServer }> {
  const sandbox = createResamaniaSandbox({ token: TOKEN });
  return { sandbox, server: await startSandboxServer(sandbox, { mount: MOUNT }) };
}

/** A connector for the sandbox's club 1, over real HTTP. */
export function connect(server: SandboxServer, options: Record<string, unknown> = {}, store?: ConnectorStore): ResamaniaConnector {
  const parsed = resamania.optionsSchema.parse({
    baseUrl: MOUNT,
    clientToken: "demoapi",
    clubId: "1",
    networkNodeId: "1",
    sourceId: "7",
    tokenEnv: "RESAMANIA_TOKEN",
    network: true,
    timeoutMs: 2_000,
    ...options,
  });
  return resamania.create({
    formId: "club",
    options: parsed,
    secret: (name) => (name === "RESAMANIA_TOKEN" ? TOKEN : undefined),
    resolveUrl: (url) => (url.startsWith("/") ? `${server.url.slice(0, -MOUNT.length)}${url}` : url),
    store,
  }) as ResamaniaConnector;
}

export function memoryStore(): ConnectorStore & { values: Map<string, unknown> } {
  const values = new Map<string, unknown>();
  return { values, load: async (key) => values.get(key), save: async (key, value) => void values.set(key, value) };
}

export { memoryJournal } from "@/lib/testing/memory-journal";

export const control = (server: SandboxServer, method: string, path: string, body?: unknown) =>
  fetch(`${server.url}/_sandbox/${path}`, { method, headers: controlHeaders(), body: body === undefined ? undefined : JSON.stringify(body) });

export function person(email: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { email, givenName: "Camille", familyName: "Martin", birthDate: "1994-06-02", gender: "female", ...overrides };
}
