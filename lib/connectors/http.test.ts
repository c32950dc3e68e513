import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { unreachable } from "./http";

describe("unreachable", () => {
  it("says a vendor did not answer in time, or could not be reached, as a failure to try again later", () => {
    const timeout = unreachable("PurePro", new DOMException("no answer within 10 ms", "TimeoutError"), 10);
    expect(timeout).toBeInstanceOf(AppError);
    expect(timeout).toMatchObject({ code: "vendor_unavailable", message: "PurePro did not answer within 10 ms", retryable: true });
    const refused = unreachable("DNL", new TypeError("fetch failed"), 10);
    expect(refused).toMatchObject({ code: "vendor_unavailable", message: "Could not reach DNL (connection failed)", retryable: true });
  });
});
