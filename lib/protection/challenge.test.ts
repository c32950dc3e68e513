import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { challengeSources, type ChallengeConfig, verifyChallenge } from "./challenge";

/** A local stand-in for the provider's siteverify: the real one cannot be reached from the tests. */
const received: Array<Record<string, string>> = [];
let status = 200;
const server = createServer(async (req: IncomingMessage, res) => {
  let body = "";
  for await (const chunk of req) body += chunk;
  const form = Object.fromEntries(new URLSearchParams(body));
  received.push(form);
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(form.response === "solved" && form.secret === "s3cret" ? { success: true } : { success: false, "error-codes": ["invalid-input-response"] }));
});
let url = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/siteverify`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

const turnstile: ChallengeConfig = { provider: "turnstile", siteKey: "site-key", secretEnv: "TURNSTILE_SECRET" };
const hcaptcha: ChallengeConfig = { provider: "hcaptcha", siteKey: "h-site-key", secretEnv: "HCAPTCHA_SECRET" };

describe("verifyChallenge against siteverify", () => {
  it("passes a solved token, sending the secret, the token and the client's address", async () => {
    expect(await verifyChallenge(turnstile, "solved", { secret: "s3cret", remoteIp: "192.0.2.7", url })).toBe("passed");
    expect(received.at(-1)).toEqual({ secret: "s3cret", response: "solved", remoteip: "192.0.2.7" });
    expect(await verifyChallenge(hcaptcha, "solved", { secret: "s3cret", remoteIp: "2001:db8::/64", url })).toBe("passed");
    expect(received.at(-1)).toEqual({ secret: "s3cret", response: "solved", sitekey: "h-site-key" });
  });

  it("fails a refused or missing token", async () => {
    expect(await verifyChallenge(turnstile, "guessed", { secret: "s3cret", url })).toBe("failed");
    const before = received.length;
    expect(await verifyChallenge(turnstile, undefined, { secret: "s3cret", url })).toBe("failed");
    expect(received.length).toBe(before);
  });

  it("is unavailable without a secret, or when siteverify errs or cannot be reached", async () => {
    expect(await verifyChallenge(turnstile, "solved", { secret: undefined, url })).toBe("unavailable");
    status = 500;
    expect(await verifyChallenge(turnstile, "solved", { secret: "s3cret", url })).toBe("unavailable");
    status = 200;
    expect(await verifyChallenge(turnstile, "solved", { secret: "s3cret", url: "http://127.0.0.1:1/siteverify" })).toBe("unavailable");
  });
});

describe("challengeSources", () => {
  it("lists the provider's hosts a form's CSP must allow, and nothing without a challenge", () => {
    expect(challengeSources({ protection: { challenge: turnstile } })).toEqual({
      script: ["https://challenges.cloudflare.com"],
      frame: ["https://challenges.cloudflare.com"],
      connect: [],
      style: [],
    });
    expect(challengeSources({ protection: { challenge: hcaptcha } }).connect).toEqual(["https://hcaptcha.com", "https://*.hcaptcha.com"]);
    expect(challengeSources({ protection: {} })).toEqual({ script: [], frame: [], connect: [], style: [] });
  });
});
