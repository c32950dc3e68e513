import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A club's website for the embed tests: plain HTML pages on a loopback port of
 * their own, reached as http://localhost:{port} (allowed by the demo forms) or
 * http://127.0.0.2:{port} (not allowed). Every page records the formgate:* events
 * that reach its document in window.__events, and the raw messages in window.__raw.
 */
export interface HostServer {
  port: number;
  origin(host?: "localhost" | "127.0.0.2"): string;
  /** Serves `body` at `path` on a page with this background and text colour. */
  page(path: string, body: string, colours?: { background: string; text: string }): void;
  close(): Promise<void>;
}

const EVENT_RECORDER = `<script>
window.__events = [];
for (const type of ["ready", "page", "validation-failed", "submitted", "verifying", "confirmed", "error"]) {
  document.addEventListener("formgate:" + type, (event) => window.__events.push({ type, detail: event.detail, host: event.target.id || event.target.className }));
}
// Every formgate message that reaches this window at all, whoever sent it and whatever embed.js makes of it.
window.__raw = [];
addEventListener("message", (event) => {
  const frame = [...document.querySelectorAll("iframe")].find((candidate) => candidate.contentWindow === event.source);
  if (event.data && event.data.formgate === 1) window.__raw.push({ type: event.data.type, from: frame ? frame.id || "loader" : "?" });
});
</script>`;

function html(body: string, { background, text }: { background: string; text: string }): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sports club</title>${EVENT_RECORDER}
<style>body{margin:0;padding:1.5rem;background:${background};color:${text};font:18px/1.5 Georgia,serif}main{max-width:46rem;margin:0 auto}</style>
</head><body><main><h1>Sports club</h1><p>Join us: it takes two minutes.</p>${body}<p>Club house open daily.</p></main></body></html>`;
}

/** `port`: 0 (default) picks a free one. */
export async function startHostServer(listenPort = 0): Promise<HostServer> {
  const pages = new Map<string, string>();
  const server = http.createServer((request, response) => {
    const page = pages.get(new URL(request.url ?? "/", "http://host").pathname);
    response.writeHead(page ? 200 : 404, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
    response.end(page ?? "not found");
  });
  // All of 127/8 is loopback: one listener answers localhost and 127.0.0.2 alike.
  await new Promise<void>((resolve) => server.listen(listenPort, "0.0.0.0", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    origin: (host = "localhost") => `http://${host}:${port}`,
    page: (path, body, colours = { background: "#ffffff", text: "#1b1b1b" }) => void pages.set(path, html(body, colours)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
