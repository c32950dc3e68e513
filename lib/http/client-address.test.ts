import { request as httpRequest, createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { addressKey, clientAddress, trackPeers } from "./client-address";

const headers = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientAddress", () => {
  it("takes the entry appended by the last trusted hop, never one a client wrote before it", () => {
    // As the server sees it after trackPeers: whatever the client sent, then the socket's peer.
    const chain = "6.6.6.6, 7.7.7.7, 203.0.113.9, 10.0.0.2";
    expect(clientAddress(headers(chain), 0)).toBe("10.0.0.2");
    expect(clientAddress(headers(chain), 1)).toBe("203.0.113.9");
    expect(clientAddress(headers(chain), 2)).toBe("7.7.7.7");
    expect(clientAddress(headers("10.0.0.2"), 3)).toBe("10.0.0.2");
    expect(clientAddress(headers(), 0)).toBe("unknown");
  });

  it("keys IPv4-mapped addresses as IPv4, IPv6 by its /64, and strips ports", () => {
    expect(addressKey("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(addressKey("192.0.2.1:5678")).toBe("192.0.2.1");
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("[2001:db8:1:2::9]:443")).toBe("2001:db8:1:2::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
    expect(addressKey("not an address")).toBe("unknown");
  });
});

describe("trackPeers", () => {
  it("makes the server append the socket's address to X-Forwarded-For, so a client cannot replace it", async () => {
    trackPeers();
    const server = createServer((req, res) => res.end(String(req.headers["x-forwarded-for"])));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const get = (localAddress: string, xff?: string) =>
      new Promise<string>((resolve, reject) => {
        const req = httpRequest({ host: "127.0.0.1", port, localAddress, headers: xff ? { "x-forwarded-for": xff } : {} }, (res) => {
          let body = "";
          res.on("data", (chunk) => (body += chunk));
          res.on("end", () => resolve(body));
        });
        req.on("error", reject);
        req.end();
      });
    try {
      expect(await get("127.0.0.2")).toBe("127.0.0.2");
      const spoofed = await get("127.0.0.3", "1.2.3.4");
      expect(spoofed).toBe("1.2.3.4, 127.0.0.3");
      expect(clientAddress(headers(spoofed), 0)).toBe("127.0.0.3");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
