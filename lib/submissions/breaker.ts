import type { Outcome } from "./retry";

export interface BreakerPolicy {
  /** Vendor outages in a row (timeouts, connection errors, 5xx, 429) that pause a form's deliveries. */
  threshold: number;
  /** The first pause; each pause that ends in another outage doubles it, up to `maxPauseMs`. */
  pauseMs: number;
  maxPauseMs: number;
}

export interface BreakerEvents {
  onPause: (formId: string, pauseMs: number) => void;
  onResume: (formId: string) => void;
}

interface State {
  outages: number;
  /** Pauses since the vendor last answered; after one, a single outage pauses again. */
  pauses: number;
  pausedUntil: number;
}

/**
 * A circuit breaker per form: once the vendor is plainly down, its queued
 * submissions wait (unclaimed, their attempts unspent) instead of each calling a
 * vendor that cannot answer. After the pause the next attempts are the probe: an
 * answer closes the breaker, another outage pauses again for twice as long. A
 * Retry-After from the vendor pauses at least that long.
 */
export function createBreaker(policy: BreakerPolicy, events: BreakerEvents, now: () => number = Date.now) {
  const states = new Map<string, State>();

  return {
    /** Whether deliveries of this form are paused now. */
    isPaused(formId: string): boolean {
      return (states.get(formId)?.pausedUntil ?? 0) > now();
    },

    /** Forms whose deliveries are paused now. */
    paused(): string[] {
      const at = now();
      return [...states].filter(([, state]) => state.pausedUntil > at).map(([formId]) => formId);
    },

    /** Learns from one delivery attempt's outcome. */
    record(formId: string, outcome: Outcome) {
      const state = states.get(formId);
      const outage = (outcome.kind === "retry" || outcome.kind === "failed") && outcome.error.code === "vendor_unavailable";
      if (!outage) {
        // The vendor answered (even "not finished yet" or a refusal): close.
        if (state) {
          states.delete(formId);
          if (state.pauses > 0) events.onResume(formId);
        }
        return;
      }
      const current = state ?? { outages: 0, pauses: 0, pausedUntil: 0 };
      states.set(formId, current);
      if (current.pausedUntil > now()) return; // attempts that were already under way
      current.outages++;
      const retryAfterMs = outcome.error.retryAfterMs ?? 0;
      if (current.outages < policy.threshold && current.pauses === 0 && retryAfterMs === 0) return;
      const pauseMs = Math.max(retryAfterMs, Math.min(policy.maxPauseMs, policy.pauseMs * 2 ** current.pauses));
      current.pauses++;
      current.outages = 0;
      current.pausedUntil = now() + pauseMs;
      events.onPause(formId, pauseMs);
    },
  };
}

export type Breaker = ReturnType<typeof createBreaker>;
