import { afterEach, describe, expect, it } from "vitest";
import type { Sandbox } from "@/lib/connectors/module";
import { SANDBOX_DROP_HEADER, startSandboxServer, type SandboxServer } from "./sandbox-server";

let server: SandboxServer | undefined;
afterEach(() => server?.close());

describe("startSandboxServer", () => {
  it("passes the path below the mount, method, headers and body", async () => {
    const echo: Sandbox = {
      defaultSecrets: {},
      handle: async (request, path) => Response.json({ path, method: request.method, auth: request.headers.get("authorization"), body: await request.text() }, { status: 201 }),
    };
    server = await startSandboxServer(echo, { mount: "/sandbox/echo" });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/sandbox\/echo$/);
    const answer = await fetch(`${server.url}/a/b%2Fc?x=1`, { method: "POST", headers: { Authorization: "Bearer t" }, body: "hi" });
    expect(answer.status).toBe(201);
    expect(await answer.json()).toEqual({ path: "/a/b%2Fc", method: "POST", auth: "Bearer t", body: "hi" });
    expect((await fetch(server.url.replace("/sandbox/echo", "/elsewhere"))).status).toBe(404);
  });

  it("destroys the socket for a dropped response and for a failing body", async () => {
    let marked = true;
    const dropping: Sandbox = {
      defaultSecrets: {},
      handle: async () =>
        marked
          ? new Response("x", { headers: { [SANDBOX_DROP_HEADER]: "1" } })
          : new Response(new ReadableStream({ pull: (c) => c.error(new Error("boom")) })),
    };
    server = await startSandboxServer(dropping);
    await expect(fetch(server.url)).rejects.toThrow();
    marked = false;
    await expect(fetch(server.url).then((r) => r.text())).rejects.toThrow();
  });

  it("aborts the request's signal when the client leaves", async () => {
    let aborted: () => void = () => {};
    const gaveUp = new Promise<void>((resolve) => (aborted = resolve));
    const hanging: Sandbox = {
      defaultSecrets: {},
      handle: (request) => new Promise((resolve) => request.signal.addEventListener("abort", () => (aborted(), resolve(new Response(null))))),
    };
    server = await startSandboxServer(hanging);
    await expect(fetch(server.url, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    await gaveUp;
  });
});
