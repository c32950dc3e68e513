import { afterEach, describe, expect, it, vi } from "vitest";

async function freshEnv(vars: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
  return (await import("./env")).env;
}

afterEach(() => void vi.unstubAllEnvs());

describe("rate limit settings", () => {
  it("read as requests per window, with defaults and off", async () => {
    const env = (await freshEnv({ RATE_LIMIT_SUBMIT: "5/30s", RATE_LIMIT_VALIDATE: "off", RATE_LIMIT_READ: "1000/h" }))();
    expect(env.RATE_LIMIT_SUBMIT).toEqual({ points: 5, seconds: 30 });
    expect(env.RATE_LIMIT_VALIDATE).toBeNull();
    expect(env.RATE_LIMIT_READ).toEqual({ points: 1000, seconds: 3600 });
    expect(env.RATE_LIMIT_USERNAME).toEqual({ points: 30, seconds: 60 });
    expect(env.TRUST_PROXY).toBe(0);
  });

  it("stop the app with the variable's name when malformed", async () => {
    const env = await freshEnv({ RATE_LIMIT_USERNAME: "lots" });
    expect(() => env()).toThrow(/RATE_LIMIT_USERNAME: must be "<requests>\/<window>"/);
  });
});

describe("NEXTAUTH_SECRET", () => {
  const freshSecret = async (vars: Record<string, string>) => {
    vi.resetModules();
    vi.unstubAllEnvs();
    for (const [name, value] of Object.entries(vars)) vi.stubEnv(name, value);
    return (await import("./env")).nextAuthSecret;
  };

  it("is the environment's, else one generated once into DATA_DIR for the out-of-the-box start", async () => {
    const { mkdtempSync, readFileSync, rmSync, statSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const dir = mkdtempSync(path.join(tmpdir(), "formgate-secret-"));
    try {
      expect((await freshSecret({ NEXTAUTH_SECRET: "x".repeat(32), DATA_DIR: dir }))()).toBe("x".repeat(32));
      const warnings: string[] = [];
      const made = (await freshSecret({ DATA_DIR: dir, NODE_ENV: "production" }))((message) => warnings.push(message));
      expect(made.length).toBeGreaterThanOrEqual(40);
      expect(readFileSync(path.join(dir, "nextauth.secret"), "utf8")).toBe(made);
      expect(statSync(path.join(dir, "nextauth.secret")).mode & 0o777).toBe(0o600);
      expect(warnings).toEqual([expect.stringContaining("NEXTAUTH_SECRET is not set")]);
      expect((await freshSecret({ DATA_DIR: dir }))()).toBe(made);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is required in production on a shared database or behind https", async () => {
    const onPostgres = await freshSecret({ NODE_ENV: "production", DATABASE_URL: "postgres://db.example/formgate" });
    expect(() => onPostgres()).toThrow(/NEXTAUTH_SECRET: required in production/);
    const behindHttps = await freshSecret({ NODE_ENV: "production", APP_URL: "https://forms.club.example" });
    expect(() => behindHttps()).toThrow(/NEXTAUTH_SECRET/);
    const short = await freshSecret({ NEXTAUTH_SECRET: "too short" });
    expect(() => short()).toThrow(/NEXTAUTH_SECRET: must be at least 32 characters/);
  });
});
