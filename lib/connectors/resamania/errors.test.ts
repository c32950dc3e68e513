import { describe, expect, it } from "vitest";
import { readRuleText, ruleText } from "@/lib/connectors/types";
import { fieldPath, readRefusal } from "./errors";
import { query } from "./client";

describe("email encoding", () => {
  it("sends + as %2B and @ as %40, as the document asks", () => {
    expect(query({ email: "john+test@email.tld" })).toBe("?email=john%2Btest%40email.tld");
    expect(query({ email: "a b&c=d@x.fr" })).toBe("?email=a%20b%26c%3Dd%40x.fr");
  });
});

describe("refusals", () => {
  it("reads a ConstraintViolationList: the used email and required fields by propertyPath", () => {
    const body = {
      "@type": "ConstraintViolationList",
      violations: [
        { propertyPath: "email", message: "api.error.contact.email-already-used", code: "api.error.contact.email-already-used" },
        { propertyPath: "mobile", message: "This value should not be blank.", code: "required" },
        { propertyPath: "address[postalCode]", message: "required" },
        { propertyPath: "birthDate", message: "This value is not a valid date.", code: "69819696" },
      ],
    };
    const { fields, required } = readRefusal(body);
    expect(fields.email.rule).toEqual({ keyword: "emailTaken" });
    expect(fields.mobile.rule).toEqual({ keyword: "required" });
    expect(fields["address.postalCode"].rule).toEqual({ keyword: "required" });
    expect(fields.birthDate).toEqual({ text: "This value is not a valid date." });
    expect(required).toEqual(["mobile", "address.postalCode"]);
  });

  it("recognises the email key wherever the body says it (an older 400, a plain message)", () => {
    expect(readRefusal({ "hydra:description": "api.error.contact.email-already-used" }).fields.email.rule).toEqual({ keyword: "emailTaken" });
    expect(readRefusal({ error: { message: "api.error.contact.email-already-used" } }).fields.email.rule).toEqual({ keyword: "emailTaken" });
    expect(readRefusal({ detail: "something else" }).fields).toEqual({});
    expect(readRefusal(undefined).fields).toEqual({});
  });

  it("turns property paths into the form's dotted paths", () => {
    expect(fieldPath("address.streetAddress")).toBe("address.streetAddress");
    expect(fieldPath("address[streetAddress]")).toBe("address.streetAddress");
  });

  it("carries a rule as a text and reads it back; other texts are not rules", () => {
    expect(readRuleText(ruleText({ keyword: "required" }))).toEqual({ keyword: "required" });
    expect(readRuleText("This value should not be blank.")).toBeUndefined();
    expect(readRuleText("formgate:rule:{broken")).toBeUndefined();
  });
});
