import { describe, expect, it } from "vitest";
import { allowedOrigin, frameAncestors } from "./origins";

const demo = ["http://localhost:*", "http://127.0.0.1:*"];

describe("allowedOrigin", () => {
  it("admits an origin a pattern names, with any port where the pattern says *", () => {
    expect(allowedOrigin("http://localhost:5173", demo)).toBe("http://localhost:5173");
    expect(allowedOrigin("http://127.0.0.1:80", demo)).toBeUndefined(); // not an origin: URL drops :80
    expect(allowedOrigin("http://127.0.0.1", demo)).toBe("http://127.0.0.1");
  });

  it("refuses other hosts, ports and schemes", () => {
    expect(allowedOrigin("http://127.0.0.2:3000", demo)).toBeUndefined();
    expect(allowedOrigin("http://localhost.evil.example:3000", demo)).toBeUndefined();
    expect(allowedOrigin("https://club.example:8443", ["https://club.example"])).toBeUndefined();
    expect(allowedOrigin("http://club.example", ["https://club.example"])).toBeUndefined();
    expect(allowedOrigin("ftp://club.example", ["http://club.example"])).toBeUndefined();
  });

  it("reads https upgrades and subdomain wildcards as CSP does", () => {
    expect(allowedOrigin("https://club.example", ["http://club.example"])).toBe("https://club.example");
    expect(allowedOrigin("https://www.club.example", ["https://*.club.example"])).toBe("https://www.club.example");
    expect(allowedOrigin("https://club.example", ["https://*.club.example"])).toBeUndefined();
    expect(allowedOrigin("https://evilclub.example", ["https://*.club.example"])).toBeUndefined();
  });

  it("takes only an exact origin: no path, no user info, no junk", () => {
    for (const candidate of ["http://localhost:3000/", "http://localhost:3000/x", "http://a@localhost:3000", "null", "", undefined, 42]) {
      expect(allowedOrigin(candidate, demo)).toBeUndefined();
    }
  });
});

describe("frameAncestors", () => {
  it("lists the allowed origins, or 'none' when there are none", () => {
    expect(frameAncestors(demo)).toBe("frame-ancestors http://localhost:* http://127.0.0.1:*");
    expect(frameAncestors([])).toBe("frame-ancestors 'none'");
  });

  it("never passes a pattern that could smuggle another directive", () => {
    expect(frameAncestors(["https://a.example;script-src *"])).toBe("frame-ancestors 'none'");
    expect(frameAncestors(["https://a.example", "https://b.example,https://c"])).toBe("frame-ancestors https://a.example");
  });
});
