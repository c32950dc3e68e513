import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import { isIPv4, isIPv6 } from "node:net";

/**
 * The client's address for rate limits. Route handlers see headers only, and
 * Next's server fills `x-forwarded-for` with the socket's address only when the
 * request has none (`??=` in next/dist/server/base-server.js), so a client talking
 * to `next start` directly could name any address it likes. `trackPeers` (started
 * from instrumentation.ts) makes the server append the socket's address to the
 * header instead, as a proxy would: the last entry is then always the peer, and
 * each trusted proxy in front adds one more entry before it.
 */
export function trackPeers(): void {
  const holder = globalThis as typeof globalThis & { __formgatePeers?: boolean };
  if (holder.__formgatePeers) return;
  holder.__formgatePeers = true;
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    appendPeer(request.headers, request.socket.remoteAddress);
  });
}

export function appendPeer(headers: IncomingMessage["headers"], peer: string | undefined): void {
  const sent = headers["x-forwarded-for"];
  const prior = Array.isArray(sent) ? sent.join(", ") : sent;
  headers["x-forwarded-for"] = prior ? `${prior}, ${peer ?? "unknown"}` : (peer ?? "unknown");
}

/**
 * The address `trustProxy` hops in front of the app saw: 0 → the socket's peer
 * (the last entry), 1 → the entry the one proxy in front appended, and so on.
 * IPv6 addresses are keyed by their /64, the block one subscriber gets.
 */
export function clientAddress(headers: Headers, trustProxy: number): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (chain.length === 0) return "unknown";
  return addressKey(chain[Math.max(0, chain.length - 1 - trustProxy)]);
}

export function addressKey(entry: string): string {
  let address = entry.replace(/^\[(.*)\](?::\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1];
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return "unknown";
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head, tail = ""] = address.replace(/%.*$/, "").split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array(8 - left.length - right.length).fill("0"), ...right] : left;
  return groups.map((group) => (/\./.test(group) ? group : parseInt(group, 16).toString(16)));
}
