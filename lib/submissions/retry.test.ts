import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { backoffMs, classify } from "./retry";

const policy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 10_000 };

describe("backoff", () => {
  it("doubles per attempt with jitter between half and the whole ceiling, capped", () => {
    expect(backoffMs(1, policy, () => 0)).toBe(500);
    expect(backoffMs(1, policy, () => 1)).toBe(1000);
    expect(backoffMs(3, policy, () => 1)).toBe(4000);
    expect(backoffMs(10, policy, () => 1)).toBe(10_000);
  });
});

describe("classifying delivery errors", () => {
  it("retries vendor outages and honours Retry-After", () => {
    const outcome = classify(new AppError("vendor_unavailable", "503", { retryAfterMs: 30_000 }), 1, policy);
    expect(outcome).toMatchObject({ kind: "retry", delayMs: 30_000 });
  });

  it("retries a registration that is not complete yet", () => {
    expect(classify(new AppError("vendor_pending", "not yet"), 1, policy).kind).toBe("retry");
  });

  it("dead-letters after the last attempt", () => {
    expect(classify(new AppError("vendor_unavailable", "503"), 5, policy).kind).toBe("failed");
  });

  it("rejects when the vendor refused the data, naming the fields", () => {
    const outcome = classify(new AppError("vendor_rejected", "400", { fields: { username: "taken" } }), 1, policy);
    expect(outcome).toEqual({ kind: "rejected", fields: { username: "taken" }, message: "400" });
  });

  it("dead-letters other permanent errors at once, and unknown errors too", () => {
    expect(classify(new AppError("vendor_rejected", "401"), 1, policy).kind).toBe("failed");
    expect(classify(new TypeError("boom"), 1, policy).kind).toBe("failed");
  });
});
