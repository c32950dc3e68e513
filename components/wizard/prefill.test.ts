import { describe, expect, it } from "vitest";
import { campaignFromSearchParams, coerce, prefillFromSearchParams } from "./prefill";

const schema = {
  type: "object",
  properties: {
    action_code: { type: "integer" },
    amount: { type: "number" },
    newsletter: { type: "boolean" },
    email: { type: "string" },
    password: { type: "string" },
    address: { type: "object", properties: { town: { type: "string" } } },
  },
};

describe("prefillFromSearchParams", () => {
  it("takes top-level fields only, coerced to the schema's type", () => {
    const answers = prefillFromSearchParams(
      { action_code: "123", amount: "12,5", newsletter: "yes", email: ["a@b.nl", "c@d.nl"], unknown: "x", address: "Houten" },
      schema,
    );
    expect(answers).toEqual({ action_code: 123, amount: 12.5, newsletter: true, email: "a@b.nl" });
  });

  it("takes a field only a condition asks for, never a conditional password, and no dotted path", () => {
    const conditional = {
      type: "object",
      properties: { provider: { type: "string", enum: ["EMAIL", "PHONE"] }, address: { type: "object", properties: { town: { type: "string" } } } },
      if: { properties: { provider: { const: "PHONE" } }, required: ["provider"] },
      then: { properties: { phone: { type: "string" } } },
      else: { properties: { email: { type: "string", format: "email" }, password: { type: "string", format: "password" } } },
    };
    expect(prefillFromSearchParams({ provider: "EMAIL", email: "a@b.nl", password: "x", phone: "0612345678", "address.town": "Houten" }, conditional)).toEqual({
      provider: "EMAIL",
      email: "a@b.nl",
      phone: "0612345678",
    });
  });

  it("drops values that are not of the field's type", () => {
    expect(prefillFromSearchParams({ action_code: "12a", newsletter: "maybe" }, schema)).toEqual({});
  });

  it("never prefills a password, by widget or by format", () => {
    expect(prefillFromSearchParams({ password: "x" }, schema, { password: { "ui:widget": "password" } })).toEqual({});
    const formatted = { type: "object", properties: { secret: { type: "string", format: "password" } } };
    expect(prefillFromSearchParams({ secret: "x" }, formatted)).toEqual({});
  });

  it("coerces integers strictly", () => {
    expect(coerce("-7", { type: "integer" })).toBe(-7);
    expect(coerce("7.5", { type: "integer" })).toBeUndefined();
    expect(coerce("0", { type: ["boolean", "null"] })).toBe(false);
  });
});

describe("campaignFromSearchParams", () => {
  it("takes the five utm_* values, trimmed and cut to 200 characters", () => {
    expect(campaignFromSearchParams({ utm_source: " club ", utm_medium: ["email", "x"], utm_id: "1", username: "anna", utm_term: "x".repeat(300) })).toEqual({
      utm_source: "club",
      utm_medium: "email",
      utm_term: "x".repeat(200),
    });
  });

  it("is undefined when there is none", () => {
    expect(campaignFromSearchParams({ utm_source: " ", action_code: "1" })).toBeUndefined();
  });
});
