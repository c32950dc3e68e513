import { describe, expect, it } from "vitest";
import { fixture } from "./fixtures/load";
import { fieldSchema, fieldTitle, formFields, humanise, isObjectField } from "./fields";
import { normaliseSchema } from "./normalise";

const set77 = fixture("set77");

describe("formFields", () => {
  it("lists set 42's fields in schema order", () => {
    expect(formFields(fixture("set42"))).toEqual(["first_name", "insertion", "name", "birth_date", "address", "action_code"]);
  });

  it("puts a field from an allOf if/then right after the field its condition reads", () => {
    expect(formFields(set77)).toEqual([
      "username", "email", "password", "first_name", "insertion", "name", "birth_date", "gender",
      "address", "phone", "membership", "student_number", "newsletter", "terms", "action_code",
    ]);
  });

  it("handles a root if/then/else and dependencies oneOf branches", () => {
    const schema = normaliseSchema({
      properties: { country: { type: "string" }, kind: { type: "string" }, email: { type: "string" } },
      if: { properties: { country: { const: "NL" } } },
      then: { properties: { postcode: { type: "string" } } },
      else: { properties: { zip: { type: "string" } } },
      dependencies: {
        kind: { oneOf: [{ properties: { kind: { const: "company" }, vat: { type: "string" } } }, { properties: { kind: { const: "person" } } }] },
      },
    });
    expect(formFields(schema)).toEqual(["country", "postcode", "zip", "kind", "vat", "email"]);
  });

  it("puts fields without a known condition field at the end, each only once", () => {
    const schema = normaliseSchema({
      properties: { a: { type: "string" }, b: { type: "string" } },
      allOf: [
        { properties: { extra: { type: "string" } } },
        { if: { properties: { ghost: { const: 1 } } }, then: { properties: { late: { type: "string" }, a: { minLength: 2 } } } },
        { if: { properties: { b: { const: "x" } } }, then: { properties: { late: { type: "string" } } } },
      ],
    });
    expect(formFields(schema)).toEqual(["a", "b", "extra", "late"]);
  });

  it("follows chained conditions", () => {
    const schema = normaliseSchema({
      properties: { a: { type: "string" }, z: { type: "string" } },
      allOf: [
        { if: { properties: { a: { const: "y" } }, required: ["a"] }, then: { properties: { b: { type: "string" } } } },
        { if: { properties: { b: { const: "y" } }, required: ["b"] }, then: { properties: { c: { type: "string" } } } },
      ],
    });
    expect(formFields(schema)).toEqual(["a", "b", "c", "z"]);
  });
});

describe("fieldTitle", () => {
  it("finds titles of nested and conditional fields", () => {
    expect(fieldTitle(set77, "address.postcode")).toBe("ZIP code");
    expect(fieldTitle(set77, "student_number")).toBe("Student number");
    expect(fieldTitle(set77, "terms")).toBe("I accept the terms and conditions");
  });

  it("follows local $refs", () => {
    const schema = normaliseSchema({
      definitions: { address: { type: "object", properties: { zip: { title: "Postal code", type: "string" } } } },
      properties: { home: { $ref: "#/definitions/address" }, list: { type: "array", items: { $ref: "#/definitions/address" } } },
    });
    expect(fieldTitle(schema, "home.zip")).toBe("Postal code");
    expect(fieldTitle(schema, "list.0.zip")).toBe("Postal code");
    expect(isObjectField(schema, "home")).toBe(true);
  });

  it("falls back to a humanised name", () => {
    expect(fieldTitle(set77, "address.unknown_part")).toBe("Unknown part");
    expect(fieldTitle(set77, "nope")).toBe("Nope");
    expect(humanise("numberAdd")).toBe("Number add");
    expect(humanise("first_name")).toBe("First name");
  });

  it("does not resolve inherited names", () => {
    expect(fieldSchema(set77, "toString")).toBeUndefined();
    expect(fieldTitle(set77, "hasOwnProperty")).toBe("Has own property");
  });
});

describe("isObjectField", () => {
  it("knows object fields", () => {
    expect(isObjectField(set77, "address")).toBe(true);
    expect(isObjectField(set77, "name")).toBe(false);
    expect(isObjectField(set77, "missing")).toBe(false);
  });
});
