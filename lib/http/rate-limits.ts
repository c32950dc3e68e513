import type { Redis } from "ioredis";
import type pg from "pg";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  type RateLimiterRes,
} from "rate-limiter-flexible";
import type { LimitSpec } from "@/lib/config/env";

/**
 * Fixed-window limits per client address and per form (rate-limiter-flexible), in
 * memory for one instance or shared through PostgreSQL or Redis. Plain server code
 * without Next: the route side lives in limits.ts.
 */
export type LimitAction = "username" | "email" | "validate" | "submit" | "code" | "drafts" | "read" | "insights";
export type LimitScope = "address" | "form";
export type LimitSpecs = Record<LimitAction, Record<LimitScope, LimitSpec | null>>;

export type LimitStore = { kind: "memory" } | { kind: "postgres"; pool: pg.Pool } | { kind: "redis"; client: Redis };

export interface LimitDecision {
  allowed: boolean;
  /** RateLimit-Policy and RateLimit (IETF draft), plus Retry-After when refused. */
  headers: Record<string, string>;
  /** Seconds until the refusing window ends; 0 when allowed. */
  retryAfterSeconds: number;
}

export interface LimitsOptions {
  /** Keeps apps (and tests) sharing one store apart. */
  prefix?: string;
  /** A store slower than this counts as failed: the request goes through. */
  timeoutMs?: number;
  onStoreError?: (error: unknown) => void;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`rate limit store took over ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function newLimiter(store: LimitStore, spec: LimitSpec, keyPrefix: string): Promise<RateLimiterAbstract> {
  const base = { keyPrefix, points: spec.points, duration: spec.seconds };
  // Keys over the limit are refused from memory until their window ends: a flood costs the store nothing.
  const shared = { ...base, inMemoryBlockOnConsumed: spec.points + 1 };
  if (store.kind === "memory") return Promise.resolve(new RateLimiterMemory(base));
  if (store.kind === "redis") return Promise.resolve(new RateLimiterRedis({ ...shared, storeClient: store.client, rejectIfRedisNotReady: true }));
  return new Promise((resolve, reject) => {
    const limiter: RateLimiterPostgres = new RateLimiterPostgres(
      { ...shared, storeClient: store.pool, storeType: "pool", tableName: "rate_limits" },
      (error?: Error) => (error ? reject(error) : resolve(limiter)),
    );
  });
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

// Not `instanceof`: the server bundle may hold the library more than once (see lib/errors.ts).
const isRefusal = (error: unknown): error is RateLimiterRes =>
  !(error instanceof Error) && typeof (error as RateLimiterRes | null)?.msBeforeNext === "number";

export function createLimits(store: LimitStore, specs: LimitSpecs, options: LimitsOptions = {}) {
  const { prefix = "formgate", timeoutMs = 1_000, onStoreError = () => {} } = options;
  const limiters = new Map<string, Promise<RateLimiterAbstract>>();

  const limiterFor = (action: LimitAction, scope: LimitScope, spec: LimitSpec) => {
    const name = `${prefix}:${action}:${scope}`;
    let limiter = limiters.get(name);
    if (!limiter) {
      limiter = newLimiter(store, spec, name);
      // A store that could not be set up (its table, say) is tried again on the next request.
      limiter.catch(() => limiters.delete(name));
      limiters.set(name, limiter);
    }
    return limiter;
  };

  return {
    /** Consumes one request of `address` (and of `formId`, when given) for `action`. */
    async check(action: LimitAction, address: string, formId?: string): Promise<LimitDecision> {
      const steps = (["address", "form"] as const)
        .map((scope) => ({ scope, spec: specs[action][scope], key: scope === "address" ? address : formId }))
        .filter((step): step is { scope: LimitScope; spec: LimitSpec; key: string } => step.spec !== null && step.key !== undefined);
      const policy = steps.map(({ scope, spec }) => `"${scope}";q=${spec.points};w=${spec.seconds}`);
      const state: string[] = [];
      let refusedMs = 0;
      // In turn: an address over its own limit does not use up its form's.
      for (const { scope, spec, key } of steps) {
        try {
          const res = await withTimeout(limiterFor(action, scope, spec).then((limiter) => limiter.consume(key)), timeoutMs);
          state.push(`"${scope}";r=${res.remainingPoints};t=${seconds(res.msBeforeNext)}`);
        } catch (error) {
          if (!isRefusal(error)) {
            onStoreError(error);
            continue;
          }
          state.push(`"${scope}";r=0;t=${seconds(error.msBeforeNext)}`);
          refusedMs = Math.max(error.msBeforeNext, 1);
          break;
        }
      }
      const headers: Record<string, string> = {};
      if (policy.length > 0) headers["RateLimit-Policy"] = policy.join(", ");
      if (state.length > 0) headers.RateLimit = state.join(", ");
      if (refusedMs > 0) headers["Retry-After"] = String(seconds(refusedMs));
      return { allowed: refusedMs === 0, headers, retryAfterSeconds: refusedMs > 0 ? seconds(refusedMs) : 0 };
    },
  };
}

export type Limits = ReturnType<typeof createLimits>;
