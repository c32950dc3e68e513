import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createSealer, loadKey, parseKey } from "./crypto";

const key = Buffer.alloc(32, 7);

describe("sealing personal data", () => {
  it("round-trips a value and never stores it in clear", () => {
    const sealer = createSealer(key);
    const sealed = sealer.seal({ email: "ann@example.com", password: "hunter22" });
    expect(sealed).not.toContain("ann@example.com");
    expect(sealed).not.toContain("hunter22");
    expect(sealer.open(sealed)).toEqual({ email: "ann@example.com", password: "hunter22" });
  });

  it("uses a fresh IV each time", () => {
    const sealer = createSealer(key);
    expect(sealer.seal("same")).not.toBe(sealer.seal("same"));
  });

  it("refuses a tampered value or another key", () => {
    const sealed = createSealer(key).seal({ a: 1 });
    const parts = sealed.split(".");
    parts[3] = Buffer.from("tampered").toString("base64url");
    expect(() => createSealer(key).open(parts.join("."))).toThrow();
    expect(() => createSealer(Buffer.alloc(32, 8)).open(sealed)).toThrow();
  });

  it("parses hex and base64 keys and names the variable on a bad one", () => {
    expect(parseKey("07".repeat(32))).toEqual(key);
    expect(parseKey(key.toString("base64"))).toEqual(key);
    expect(() => parseKey("short")).toThrow(/APP_ENCRYPTION_KEY/);
  });

  it("generates a private key file once, with a warning, and reuses it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "formgate-key-"));
    const warnings: string[] = [];
    const first = loadKey({ dataDir: dir, warn: (m) => warnings.push(m) });
    const second = loadKey({ dataDir: dir, warn: (m) => warnings.push(m) });
    expect(first).toEqual(second);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/APP_ENCRYPTION_KEY is not set/);
    const file = path.join(dir, "encryption.key");
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(parseKey(readFileSync(file, "utf8"))).toEqual(first);
    rmSync(dir, { recursive: true, force: true });
  });
});
