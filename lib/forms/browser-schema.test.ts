import { describe, expect, it } from "vitest";
import { browserSchema, isBrowserSafePattern } from "./browser-schema";

const EVIL = "^(a+)+$";

describe("isBrowserSafePattern", () => {
  it("keeps ordinary patterns and refuses catastrophic or invalid ones", () => {
    expect(isBrowserSafePattern("^[0-9]{4}[A-Z]{2}$")).toBe(true);
    expect(isBrowserSafePattern("^[a-z0-9._-]+$")).toBe(true);
    expect(isBrowserSafePattern(EVIL)).toBe(false);
    expect(isBrowserSafePattern("(x+x+)+y")).toBe(false);
    expect(isBrowserSafePattern("^(a|a)*$")).toBe(true); // safe-regex2 judges star height only
    expect(isBrowserSafePattern("[")).toBe(false);
    expect(isBrowserSafePattern("\\_")).toBe(false); // not a valid "u" RegExp
  });
});

describe("browserSchema", () => {
  it("drops unsafe patterns wherever a schema stands, and keeps safe ones", () => {
    const schema = {
      type: "object",
      properties: {
        postcode: { type: "string", pattern: "^[0-9]{4}[A-Z]{2}$" },
        nick: { type: "string", pattern: EVIL, minLength: 2 },
        tags: { type: "array", items: { type: "string", pattern: EVIL } },
        address: { type: "object", properties: { street: { type: "string", pattern: EVIL } } },
      },
      allOf: [{ if: { properties: { nick: { pattern: EVIL } } }, then: { properties: { code: { pattern: EVIL } } } }],
      definitions: { code: { type: "string", pattern: EVIL } },
      dependencies: { nick: { properties: { alias: { pattern: EVIL } } }, postcode: ["nick"] },
    };
    const out = browserSchema(schema);
    expect(JSON.stringify(out)).not.toContain(EVIL);
    expect(out.properties).toMatchObject({ postcode: { pattern: "^[0-9]{4}[A-Z]{2}$" }, nick: { type: "string", minLength: 2 } });
    expect((out.dependencies as Record<string, unknown>).postcode).toEqual(["nick"]);
    expect(JSON.stringify(schema)).toContain(EVIL); // the server's schema is left as it was
  });

  it("leaves data alone: a property named pattern, enum values, defaults", () => {
    const schema = {
      type: "object",
      properties: { pattern: { type: "string", enum: [EVIL], default: EVIL }, other: { const: { pattern: EVIL } } },
    };
    expect(browserSchema(schema)).toEqual(schema);
  });

  it("drops unsafe patternProperties names, and then lets unmatched names pass instead of refusing them", () => {
    const out = browserSchema({ type: "object", patternProperties: { "^x_[a-z]+$": { type: "string" }, [EVIL]: { type: "number" } }, additionalProperties: false });
    expect(out).toEqual({ type: "object", patternProperties: { "^x_[a-z]+$": { type: "string" } } });
    const safe = { type: "object", patternProperties: { "^x_[a-z]+$": { type: "string" } }, additionalProperties: false };
    expect(browserSchema(safe)).toEqual(safe);
  });
});

describe("browserSchema and conditions", () => {
  const condition = (value: string, field: string) => ({
    if: { properties: { kind: { const: value } }, required: ["kind"] },
    then: { properties: { [field]: { type: "string" } }, required: [field] },
  });
  const base = { type: "object", properties: { kind: { type: "string", enum: ["a", "b"] } } };

  it("turns an allOf of one condition into the condition itself", () => {
    expect(browserSchema({ ...base, allOf: [condition("a", "x")] })).toEqual({ ...base, ...condition("a", "x") });
  });

  it("keeps allOf where it says more: two conditions, or a schema with a condition of its own", () => {
    const two = { ...base, allOf: [condition("a", "x"), condition("b", "y")] };
    expect(browserSchema(two)).toEqual({ ...base, ...condition("a", "x"), allOf: [condition("b", "y")] });
    const own = { ...base, ...condition("b", "y"), allOf: [condition("a", "x")] };
    expect(browserSchema(own)).toEqual(own);
    const mixed = { ...base, allOf: [{ ...condition("a", "x"), required: ["kind"] }] };
    expect(browserSchema(mixed)).toEqual(mixed);
  });
});
