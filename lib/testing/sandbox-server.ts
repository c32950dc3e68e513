/**
 * Serves any vendor Sandbox on its own loopback port: for unit tests (real HTTP, no
 * mocks) and for Playwright. Plain Node, no "server-only" (Playwright loads it as is).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Sandbox } from "@/lib/connectors/module";
import { guardControl } from "@/lib/connectors/sandbox-control";

/** A sandbox marks a Response with this header when the connection must be cut instead. */
export const SANDBOX_DROP_HEADER = "x-sandbox-drop";

export interface SandboxServer {
  /** Base URL including the mount, e.g. "http://127.0.0.1:41234/sandbox/procurios". */
  url: string;
  close(): Promise<void>;
}

export interface SandboxServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** Path prefix the sandbox answers under, e.g. "/sandbox/procurios"; default none. */
  mount?: string;
  /** Bearer token of the control API (/_sandbox/…); default SANDBOX_CONTROL_TOKEN below. */
  controlToken?: string;
}

/** The control token standalone test sandboxes accept unless told otherwise. */
export const SANDBOX_CONTROL_TOKEN = "sandbox-control-token-for-tests";
export const controlHeaders = (token = SANDBOX_CONTROL_TOKEN) => ({ Authorization: `Bearer ${token}`, "Content-Type": "application/json" });

async function toRequest(req: IncomingMessage, origin: string, signal: AbortSignal): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((item) => headers.append(name, item));
    else if (value !== undefined) headers.set(name, value);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const chunks: Buffer[] = [];
  if (hasBody) for await (const chunk of req) chunks.push(chunk as Buffer);
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: hasBody ? Buffer.concat(chunks) : undefined,
    signal,
  });
}

async function send(response: Response, res: ServerResponse): Promise<void> {
  if (response.headers.get(SANDBOX_DROP_HEADER)) {
    res.socket?.destroy();
    return;
  }
  res.writeHead(response.status, Object.fromEntries(response.headers));
  if (!response.body) return void res.end();
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
    res.end();
  } catch {
    // A body that fails midway is a dropped connection, not a short answer.
    res.socket?.destroy();
  }
}

export async function startSandboxServer(sandbox: Sandbox, options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const host = options.host ?? "127.0.0.1";
  const mount = (options.mount ?? "").replace(/\/+$/, "");
  const server = createServer(async (req, res) => {
    // Aborts a sandbox that is still holding the request (the "timeout" fault) once the client leaves.
    const controller = new AbortController();
    res.on("close", () => controller.abort());
    try {
      const origin = `http://${req.headers.host ?? host}`;
      const pathname = new URL(req.url ?? "/", origin).pathname;
      if (mount && pathname !== mount && !pathname.startsWith(`${mount}/`)) {
        res.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ error: "Not found" }));
        return;
      }
      const request = await toRequest(req, origin, controller.signal);
      const path = pathname.slice(mount.length) || "/";
      await send(guardControl(request, path, options.controlToken ?? SANDBOX_CONTROL_TOKEN) ?? (await sandbox.handle(request, path)), res);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error: `sandbox failure: ${(error as Error).message}` }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}${mount}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
