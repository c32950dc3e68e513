import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connect";
import { testDatabases } from "@/lib/testing/databases";
import { testRedisUrl } from "@/lib/testing/redis";
import { createLimits, type LimitSpecs, type LimitStore } from "./rate-limits";

const specs: LimitSpecs = {
  username: { address: { points: 3, seconds: 60 }, form: { points: 5, seconds: 60 } },
  email: { address: null, form: null },
  validate: { address: null, form: null },
  submit: { address: { points: 2, seconds: 60 }, form: null },
  code: { address: null, form: null },
  drafts: { address: null, form: null },
  read: { address: null, form: null },
  insights: { address: null, form: null },
};

const redisUrl = await testRedisUrl();
const postgres = testDatabases().find((database) => database.name === "postgres");
const cleanups: Array<() => Promise<unknown>> = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

const stores: Array<{ name: string; open: () => Promise<LimitStore> }> = [{ name: "memory", open: async () => ({ kind: "memory" }) }];
if (postgres) {
  let db: Promise<Db> | undefined;
  stores.push({
    name: "postgres",
    open: async () => {
      // One schema for the file; each test's limiters have their own prefix.
      if (!db) {
        db = postgres.open();
        cleanups.push(async () => (await db!).close());
      }
      return { kind: "postgres", pool: (await db).pool! };
    },
  });
}
if (redisUrl) {
  stores.push({
    name: "redis",
    open: async () => {
      const client = new Redis(redisUrl, { enableOfflineQueue: false });
      await new Promise((resolve) => client.once("ready", resolve));
      cleanups.push(() => client.quit());
      return { kind: "redis", client };
    },
  });
}

describe.each(stores)("rate limits in $name", ({ open }) => {
  it("serves an address its allowance, then refuses it with Retry-After and the RateLimit fields; another address is served", async () => {
    const limits = createLimits(await open(), specs, { prefix: `test-${randomUUID()}` });
    const first = await limits.check("submit", "192.0.2.1");
    expect(first).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
      headers: { "RateLimit-Policy": '"address";q=2;w=60', RateLimit: expect.stringMatching(/^"address";r=1;t=(59|60)$/) },
    });
    expect((await limits.check("submit", "192.0.2.1")).allowed).toBe(true);
    for (let i = 0; i < 3; i++) {
      const refused = await limits.check("submit", "192.0.2.1");
      expect(refused.allowed).toBe(false);
      expect(refused.retryAfterSeconds).toBeGreaterThan(50);
      expect(refused.headers["Retry-After"]).toBe(String(refused.retryAfterSeconds));
      expect(refused.headers.RateLimit).toMatch(/^"address";r=0;t=\d+$/);
    }
    expect((await limits.check("submit", "192.0.2.2")).allowed).toBe(true);
  });

  it("caps a form across addresses; an address over its own limit does not use up the form's", async () => {
    const limits = createLimits(await open(), specs, { prefix: `test-${randomUUID()}` });
    for (let i = 0; i < 6; i++) await limits.check("username", "198.51.100.1", "members"); // 3 served, 3 refused
    const second = await limits.check("username", "198.51.100.2", "members");
    expect(second.headers["RateLimit-Policy"]).toBe('"address";q=3;w=60, "form";q=5;w=60');
    expect(second.headers.RateLimit).toMatch(/^"address";r=2;t=\d+, "form";r=1;t=\d+$/);
    expect((await limits.check("username", "198.51.100.3", "members")).allowed).toBe(true);
    const capped = await limits.check("username", "198.51.100.4", "members");
    expect(capped.allowed).toBe(false);
    expect(capped.headers.RateLimit).toMatch(/^"address";r=2;t=\d+, "form";r=0;t=\d+$/);
    expect((await limits.check("username", "198.51.100.4", "demo")).allowed).toBe(true);
  });
});

describe("a rate limit store that fails", () => {
  it("lets requests through (fail open) and reports the error: Redis down", async () => {
    const client = new Redis("redis://127.0.0.1:1", { enableOfflineQueue: false, lazyConnect: true, retryStrategy: () => null });
    client.on("error", () => {});
    const errors: unknown[] = [];
    const limits = createLimits({ kind: "redis", client }, specs, { onStoreError: (error) => errors.push(error) });
    for (let i = 0; i < 5; i++) expect((await limits.check("submit", "192.0.2.1")).allowed).toBe(true);
    expect(errors).toHaveLength(5);
    client.disconnect();
  });

  it("lets requests through when PostgreSQL does not answer", async () => {
    const pool = new pg.Pool({ connectionString: "postgres://postgres@127.0.0.1:1/none", connectionTimeoutMillis: 200 });
    const errors: unknown[] = [];
    const limits = createLimits({ kind: "postgres", pool }, specs, { onStoreError: (error) => errors.push(error) });
    const decision = await limits.check("submit", "192.0.2.1");
    expect(decision).toEqual({ allowed: true, headers: { "RateLimit-Policy": '"address";q=2;w=60' }, retryAfterSeconds: 0 });
    expect(errors).toHaveLength(1);
    await pool.end();
  });
});
