import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createBreaker } from "./breaker";
import type { Outcome } from "./retry";

const outage = (retryAfterMs?: number): Outcome => ({ kind: "retry", delayMs: 10, error: new AppError("vendor_unavailable", "down", { retryAfterMs }) });
const delivered: Outcome = { kind: "delivered", reference: "1" };

function setup() {
  let clock = 0;
  const events: string[] = [];
  const breaker = createBreaker(
    { threshold: 3, pauseMs: 1_000, maxPauseMs: 3_000 },
    { onPause: (form, ms) => events.push(`pause ${form} ${ms}`), onResume: (form) => events.push(`resume ${form}`) },
    () => clock,
  );
  return { breaker, events, advance: (ms: number) => (clock += ms) };
}

describe("delivery breaker", () => {
  it("pauses a form after `threshold` outages in a row, doubling each pause that ends in another outage", () => {
    const { breaker, events, advance } = setup();
    breaker.record("a", outage());
    breaker.record("a", outage());
    expect(breaker.isPaused("a")).toBe(false);
    breaker.record("a", outage());
    expect(breaker.paused()).toEqual(["a"]);
    advance(1_000);
    expect(breaker.isPaused("a")).toBe(false);
    breaker.record("a", outage()); // the probe fails: paused again at once, for twice as long
    advance(1_999);
    expect(breaker.isPaused("a")).toBe(true);
    advance(1);
    breaker.record("a", outage());
    expect(events).toEqual(["pause a 1000", "pause a 2000", "pause a 3000"]);
  });

  it("resumes when the vendor answers, and counts outages afresh", () => {
    const { breaker, events, advance } = setup();
    for (let i = 0; i < 3; i++) breaker.record("a", outage());
    advance(1_000);
    breaker.record("a", delivered);
    expect(events).toEqual(["pause a 1000", "resume a"]);
    breaker.record("a", outage());
    expect(breaker.isPaused("a")).toBe(false);
  });

  it("ignores outages of attempts that were under way when it paused, and other forms", () => {
    const { breaker, events } = setup();
    for (let i = 0; i < 6; i++) breaker.record("a", outage());
    expect(events).toEqual(["pause a 1000"]);
    expect(breaker.isPaused("b")).toBe(false);
  });

  it("pauses at once, for at least as long as the vendor's Retry-After asks", () => {
    const { breaker, events } = setup();
    breaker.record("a", outage(5_000));
    expect(events).toEqual(["pause a 5000"]);
  });

  it("is not tripped by refusals or a vendor that is still working", () => {
    const { breaker } = setup();
    const pending: Outcome = { kind: "retry", delayMs: 1_000, error: new AppError("vendor_pending", "not yet", { retryAfterMs: 1_000 }) };
    for (let i = 0; i < 5; i++) breaker.record("a", pending);
    expect(breaker.isPaused("a")).toBe(false);
  });
});
