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
