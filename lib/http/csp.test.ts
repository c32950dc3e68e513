import { describe, expect, it } from "vitest";
import { CHALLENGE_PROVIDERS } from "@/lib/protection/challenge";
import { contentSecurityPolicy, newNonce } from "./csp";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((part) => [part.split(" ")[0], part.split(" ").slice(1)]));

describe("contentSecurityPolicy", () => {
  it("admits scripts by nonce and what they load, never inline or eval; styles by nonce; nothing framed or framing", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc" }));
    expect(policy["script-src"]).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(policy["style-src"]).toEqual(["'self'", "'nonce-abc'"]);
    expect(policy["default-src"]).toEqual(["'self'"]);
    expect(policy["connect-src"]).toEqual(["'self'"]);
    expect(policy["img-src"]).toEqual(["'self'"]);
    expect(policy["object-src"]).toEqual(["'none'"]);
    expect(policy["base-uri"]).toEqual(["'none'"]);
    expect(policy["form-action"]).toEqual(["'self'"]);
    expect(policy["frame-src"]).toEqual(["'none'"]);
    expect(policy["frame-ancestors"]).toEqual(["'none'"]);
    expect(policy).not.toHaveProperty("upgrade-insecure-requests");
    expect(JSON.stringify(policy)).not.toMatch(/unsafe/);
  });

  it("lets the embed's allowed origins frame it, and upgrades requests over HTTPS", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "n", frameAncestors: ["https://club.example", "https://*.club.example"], https: true }));
    expect(policy["frame-ancestors"]).toEqual(["https://club.example", "https://*.club.example"]);
    expect(policy).toHaveProperty("upgrade-insecure-requests");
  });

  it("takes a form's extra sources, e.g. a challenge widget's", () => {
    const turnstile = directives(contentSecurityPolicy({ nonce: "n", extra: CHALLENGE_PROVIDERS.turnstile.sources }));
    expect(turnstile["script-src"]).toEqual(["'self'", "'nonce-n'", "'strict-dynamic'", "https://challenges.cloudflare.com"]);
    expect(turnstile["frame-src"]).toEqual(["https://challenges.cloudflare.com"]);
    expect(turnstile["connect-src"]).toEqual(["'self'"]);
    const hcaptcha = directives(contentSecurityPolicy({ nonce: "n", extra: CHALLENGE_PROVIDERS.hcaptcha.sources }));
    for (const directive of ["frame-src", "style-src", "connect-src"]) {
      expect(hcaptcha[directive]).toEqual(expect.arrayContaining(["https://hcaptcha.com", "https://*.hcaptcha.com"]));
    }
  });
});

it("relaxes scripts and styles for next dev only", () => {
  const policy = directives(contentSecurityPolicy({ nonce: "n", dev: true }));
  expect(policy["script-src"]).toContain("'unsafe-eval'");
  expect(policy["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
});

describe("newNonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
