import { describe, expect, it } from "vitest";
import { hashPassword, SCRYPT, verifyPassword } from "./password";

describe("staff password hashes (scrypt)", () => {
  it("hashes with a fresh salt and the written-down parameters, and verifies only the right password", async () => {
    const one = await hashPassword("correct horse battery");
    const two = await hashPassword("correct horse battery");
    expect(one).not.toBe(two);
    expect(one.split("$").slice(0, 4)).toEqual(["scrypt", String(SCRYPT.N), String(SCRYPT.r), String(SCRYPT.p)]);
    expect(one).not.toContain("correct");
    expect(await verifyPassword("correct horse battery", one)).toBe(true);
    expect(await verifyPassword("correct horse batterY", one)).toBe(false);
    expect(await verifyPassword("", one)).toBe(false);
  });

  it("says no for a missing or unreadable hash, after the same work", async () => {
    const started = performance.now();
    expect(await verifyPassword("anything at all", null)).toBe(false);
    const unknown = performance.now() - started;
    expect(await verifyPassword("anything at all", "plain:text")).toBe(false);
    const hash = await hashPassword("anything at all!");
    const began = performance.now();
    await verifyPassword("anything at all", hash);
    const known = performance.now() - began;
    // Both run scrypt with the same parameters: neither is an order of magnitude faster.
    expect(unknown).toBeGreaterThan(known / 5);
  });

  it("reads the parameters stored with a hash, so older hashes stay valid", async () => {
    const { scryptSync, randomBytes } = await import("node:crypto");
    const salt = randomBytes(16);
    const key = scryptSync("older password", salt, 32, { N: 1024, r: 8, p: 1 });
    expect(await verifyPassword("older password", `scrypt$1024$8$1$${salt.toString("base64url")}$${key.toString("base64url")}`)).toBe(true);
  });
});
