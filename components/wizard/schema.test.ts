import { describe, expect, it } from "vitest";
import { membersDefinition } from "./test-definition";
import { enumTitle, hasConditions, omitPaths, passwordPaths } from "./schema";

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

describe("hasConditions", () => {
  it("finds conditions at a page's root and inside its objects, and none on a plain page", () => {
    expect(hasConditions({ type: "object", properties: { kind: { type: "string" } }, if: { properties: { kind: { const: "a" } } } })).toBe(true);
    const address = { type: "object", properties: { Abroad: { type: "boolean" } }, if: { properties: { Abroad: { const: true } } }, then: { properties: { Country: { type: "string" } } } };
    expect(hasConditions({ type: "object", properties: { Address: address } })).toBe(true);
    expect(hasConditions({ type: "object", properties: { email: { type: "string", format: "email" } } })).toBe(false);
  });
});
