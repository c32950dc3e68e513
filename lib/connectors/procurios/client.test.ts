import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { parseRetryAfter, toAppError } from "./client";

const NOW = Date.parse("2025-03-01T12:00:00Z");

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("7", NOW)).toBe(7000);
    expect(parseRetryAfter("Sat, 01 Mar 2025 12:00:30 GMT", NOW)).toBe(30_000);
    expect(parseRetryAfter("Sat, 01 Mar 2025 11:00:00 GMT", NOW)).toBe(0);
    expect(parseRetryAfter("soon", NOW)).toBeUndefined();
    expect(parseRetryAfter(null, NOW)).toBeUndefined();
  });
});

describe("toAppError", () => {
  it("makes 5xx, 429 and 408 retryable, with the vendor's Retry-After", () => {
    const busy = toAppError({ status: 503, body: undefined, retryAfter: "3" }, NOW);
    expect([busy.code, busy.retryable, busy.retryAfterMs, busy.status]).toEqual(["vendor_unavailable", true, 3000, 503]);
    const limited = toAppError({ status: 429, body: { error: "slow down" }, retryAfter: "Sat, 01 Mar 2025 12:01:00 GMT" }, NOW);
    expect([limited.code, limited.retryable, limited.retryAfterMs]).toEqual(["vendor_unavailable", true, 60_000]);
    expect(toAppError({ status: 500, body: undefined }).retryAfterMs).toBeUndefined();
    expect(toAppError({ status: 408, body: undefined }).retryable).toBe(true);
  });

  it("makes network failures and timeouts retryable", () => {
    const timeout = toAppError({ error: new DOMException("timed out", "TimeoutError"), timeoutMs: 250 });
    expect([timeout.code, timeout.retryable, timeout.message]).toEqual(["vendor_unavailable", true, "Procurios did not answer within 250 ms"]);
    const refused = toAppError({ error: new TypeError("fetch failed"), timeoutMs: 250 });
    expect([refused.code, refused.retryable]).toEqual(["vendor_unavailable", true]);
  });

  it("passes a 400's field messages through unchanged", () => {
    const error = toAppError({ status: 400, body: { page: 2, errors: { address: "Dit veld is verplicht", page: 3 } } });
    expect(error).toBeInstanceOf(AppError);
    expect([error.code, error.retryable, error.fields]).toEqual(["vendor_rejected", false, { address: "Dit veld is verplicht" }]);
    expect(toAppError({ status: 400, body: { error: "bad json" } }).fields).toBeUndefined();
  });

  it("treats refused credentials, headers or set ids as misconfiguration", () => {
    for (const status of [401, 403, 404, 406]) {
      const error = toAppError({ status, body: { error: "secret vendor detail" } });
      expect([error.code, error.retryable, error.status]).toEqual(["vendor_misconfigured", false, 502]);
      expect(error.message).toBe(`Procurios refused the request (HTTP ${status})`);
    }
    const other = toAppError({ status: 409, body: undefined });
    expect([other.code, other.retryable, other.fields]).toEqual(["vendor_rejected", false, undefined]);
  });
});
