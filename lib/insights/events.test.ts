import { describe, expect, it } from "vitest";
import { errorKinds } from "@/components/wizard/insights";
import { insightBatch, MAX_INSIGHT_EVENTS } from "./events";

const session = "0b6f3a52-5a5e-4c8e-9d39-0c8f4b7f6a11";

describe("the insights event schema", () => {
  it("takes pages, field names and rule kinds", () => {
    const batch = { session, embedded: true, host: "https://club.example", campaign: { utm_source: "newsletter" }, events: [{ type: "viewed" }, { type: "invalid", page: 2, fields: [{ name: "username", kind: "taken" }] }] };
    expect(insightBatch.parse(batch)).toEqual(batch);
  });

  it.each([
    ["an answer inside an event", { type: "passed", page: 1, value: "anna@example.nl" }, "Unrecognized key"],
    ["an answer inside a field", { type: "invalid", page: 1, fields: [{ name: "email", kind: "format", value: "anna@" }] }, "Unrecognized key"],
    ["an answer as a field name", { type: "invalid", page: 1, fields: [{ name: "anna@example.nl", kind: "format" }] }, "must be a field name"],
    ["an unknown event", { type: "typed", page: 1 }, "type"],
    ["an unknown rule kind", { type: "invalid", page: 1, fields: [{ name: "email", kind: "spelling" }] }, "kind"],
  ])("refuses %s", (_, event, message) => {
    const result = insightBatch.safeParse({ session, embedded: false, events: [event] });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain(message);
  });

  it("refuses a session id that is not a random UUID, an answer next to the events, and too many events", () => {
    expect(insightBatch.safeParse({ session: "anna@example.nl", embedded: false, events: [{ type: "viewed" }] }).success).toBe(false);
    expect(insightBatch.safeParse({ session, embedded: false, answers: { email: "a@b.nl" }, events: [{ type: "viewed" }] }).success).toBe(false);
    expect(insightBatch.safeParse({ session, embedded: false, events: Array(MAX_INSIGHT_EVENTS + 1).fill({ type: "viewed" }) }).success).toBe(false);
  });
});

describe("error kinds", () => {
  it("tells an empty required field from a wrong format, a vendor's refusal and a taken name", () => {
    const kinds = errorKinds({
      browser: { first: "required", email: "format", "address.zip": "format" },
      server: { email: "vendor", iban: "vendor" },
      taken: { username: "taken" },
      data: { email: "anna@", address: { zip: "" }, username: "anna" },
    });
    expect(kinds).toEqual({ first: "required", email: "format", "address.zip": "required", iban: "vendor-refused", username: "taken" });
  });
});

describe("do not track", () => {
  it("counts a browser that sends Sec-GPC: 1 or DNT: 1 in the totals only", async () => {
    const { tracked } = await import(".");
    expect(tracked(new Headers())).toBe(true);
    expect(tracked(new Headers({ "Sec-GPC": "1" }))).toBe(false);
    expect(tracked(new Headers({ DNT: "1" }))).toBe(false);
    expect(tracked(new Headers({ DNT: "0" }))).toBe(true);
  });
});
