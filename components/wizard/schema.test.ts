import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import { membersDefinition } from "./test-definition";
import { conditionHolds, enumTitle, needsValidator, omitPaths, passwordPaths } from "./schema";

describe("passwordPaths", () => {
  it("finds password fields by widget, by format, nested and inside conditional branches", () => {
    const schema = {
      type: "object",
      properties: { pin: { type: "string", format: "password" }, account: { type: "object", properties: { secret: { type: "string" } } } },
      allOf: [{ if: { properties: { a: { const: 1 } } }, then: { properties: { code: { type: "string", format: "password" } } } }],
    };
    expect(passwordPaths(schema, { account: { secret: { "ui:widget": "password" } } }).sort()).toEqual(["account.secret", "code", "pin"]);
  });

  it("finds the members form's password through its uiSchema", () => {
    const definition = membersDefinition();
    expect(passwordPaths(definition.schema, definition.uiSchema)).toEqual(["password"]);
  });
});

describe("omitPaths", () => {
  it("removes nested values without touching the original", () => {
    const data = { a: 1, b: { c: 2, d: 3 } };
    expect(omitPaths(data, ["b.c", "x.y"])).toEqual({ a: 1, b: { d: 3 } });
    expect(data.b.c).toBe(2);
  });
});

describe("enumTitle", () => {
  it("reads oneOf const titles and enumNames", () => {
    expect(enumTitle({ oneOf: [{ const: "student", title: "Student" }] }, "student")).toBe("Student");
    expect(enumTitle({ enum: ["f", "m"] }, "m", { "ui:enumNames": ["Female", "Male"] })).toBe("Male");
    expect(enumTitle({ enum: ["f"] }, "f")).toBeUndefined();
  });
});

describe("conditionHolds", () => {
  // The conditions of the demo forms (CRM.COM's sign-in, PurePro's payment and address) and the
  // keywords they are made of; each decided as ajv decides it, on answers that match and do not.
  const conditions = [
    { properties: { provider: { const: "PHONE" } }, required: ["provider"] },
    { properties: { PayMethod: { enum: ["Manual", "Cash", "Chaps"] } }, required: ["PayMethod"] },
    { properties: { InternationalAddress: { const: true } }, required: ["InternationalAddress"] },
    { properties: { kind: { const: "a" } } },
    { not: { anyOf: [{ required: ["Address2"] }, { required: ["Town"] }] } },
    { allOf: [{ required: ["a"] }, { properties: { a: { enum: [1, 2] } } }] },
    { oneOf: [{ properties: { a: { const: 1 } }, required: ["a"] }, { required: ["b"] }] },
    { properties: { nested: { properties: { on: { const: null } }, required: ["on"] } } },
  ];
  const answers = [{}, { provider: "PHONE" }, { provider: "EMAIL" }, { provider: undefined }, { PayMethod: "Cash" }, { PayMethod: "BACS" }, { InternationalAddress: true },
    { InternationalAddress: "true" }, { kind: "b" }, { kind: "a" }, { Town: "Leeds" }, { Address2: "" }, { a: 1 }, { a: 3 }, { a: 1, b: 2 }, { b: "x" }, { nested: {} },
    { nested: { on: null } }, { nested: "x" }, "text", null, [1]];
  const ajv = new Ajv({ strict: false });

  it.each(conditions.map((schema) => [JSON.stringify(schema), schema]))("decides %s as ajv does", (_, schema) => {
    const validate = ajv.compile(schema);
    for (const data of answers) expect([data, conditionHolds(schema, data)]).toEqual([data, validate(data)]);
  });

  it("leaves to the validator what it cannot decide", () => {
    for (const schema of [{ properties: { a: { type: "string" } } }, { properties: { a: { const: { x: 1 } } } }, { required: "a" }, { anyOf: [] }, { $ref: "#/definitions/x" }, true]) {
      expect(conditionHolds(schema, { a: "x" })).toBeUndefined();
    }
  });
});

describe("needsValidator", () => {
  it("is true for a page with a condition only the validator decides, at its root or inside its objects", () => {
    const address = { type: "object", properties: { Abroad: { type: "boolean" } }, if: { properties: { Abroad: { type: "boolean", const: true } } }, then: { properties: { Country: { type: "string" } } } };
    expect(needsValidator({ type: "object", properties: { Address: address } })).toBe(true);
    expect(needsValidator({ type: "object", properties: { contact: { anyOf: [{ type: "string" }, { type: "number" }] } } })).toBe(true);
    expect(needsValidator({ type: "object", properties: { a: { type: "string" } }, dependencies: { a: ["b"] } })).toBe(true);
  });

  it("is false for a plain page and for conditions conditionHolds decides (the demo forms')", () => {
    expect(needsValidator({ type: "object", properties: { email: { type: "string", format: "email" } } })).toBe(false);
    const address = { type: "object", properties: { Abroad: { type: "boolean" } }, if: { properties: { Abroad: { const: true } }, required: ["Abroad"] }, then: { properties: { Country: { type: "string" } } } };
    expect(needsValidator({ type: "object", properties: { Address: address } })).toBe(false);
    expect(needsValidator(membersDefinition().schema)).toBe(false);
  });
});
