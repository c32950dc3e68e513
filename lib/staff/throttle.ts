import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { LimitSpec } from "@/lib/config/env";
import { type LimitStore, newLimiter } from "@/lib/http/rate-limits";

export interface SignInThrottleOptions {
  /** Failed sign-ins allowed per account name in a window (counted whether the account exists or not). */
  account: LimitSpec;
  /** Failed sign-ins allowed per client address in a window. */
  address: LimitSpec;
  prefix?: string;
  onStoreError?: (error: unknown) => void;
}

/**
 * Sign-in throttling (rate-limiter-flexible, on the store the other limits use):
 * failures are counted per account name and per address; once either is used up,
 * sign-in is refused until its window ends, even with the right password. A good
 * sign-in clears its account's count. Unknown names are counted like known ones,
 * so the refusal says nothing about whether an account exists.
 */
export function signInThrottle(store: LimitStore, options: SignInThrottleOptions) {
  const prefix = options.prefix ?? "formgate:staff-sign-in";
  const limiters = new Map<string, Promise<RateLimiterAbstract>>();
  const limiter = (scope: "account" | "address") => {
    let found = limiters.get(scope);
    if (!found) {
      found = newLimiter(store, options[scope], `${prefix}:${scope}`);
      found.catch(() => limiters.delete(scope));
      limiters.set(scope, found);
    }
    return found;
  };
  const keys = (account: string, address: string) => [
    { scope: "account" as const, key: account.trim().toLowerCase() },
    { scope: "address" as const, key: address },
  ];
  const failOpen = <T>(promise: Promise<T>, fallback: T) =>
    promise.catch((error: unknown) => {
      options.onStoreError?.(error);
      return fallback;
    });

  return {
    /** Seconds to wait before another try, or 0 when a sign-in may be tried. */
    async blockedFor(account: string, address: string): Promise<number> {
      let wait = 0;
      for (const { scope, key } of keys(account, address)) {
        const res = await failOpen(limiter(scope).then((l) => l.get(key)), null);
        if (res && res.consumedPoints >= options[scope].points) wait = Math.max(wait, Math.ceil(res.msBeforeNext / 1000));
      }
      return wait;
    },
    async failed(account: string, address: string): Promise<void> {
      for (const { scope, key } of keys(account, address)) {
        // penalty counts without refusing (consume would reject once past the limit).
        await failOpen(limiter(scope).then((l) => l.penalty(key, 1)).then(() => undefined), undefined);
      }
    },
    async succeeded(account: string): Promise<void> {
      await failOpen(limiter("account").then((l) => l.delete(account.trim().toLowerCase())).then(() => undefined), undefined);
    },
  };
}

export type SignInThrottle = ReturnType<typeof signInThrottle>;
