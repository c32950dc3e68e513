import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n";
import { MAX_ENUM_VALUES } from "./cost";
import { normaliseSchema } from "./normalise";
import { validateData } from "./validate";

const t = translator("en");

function refused(raw: unknown): string {
  try {
    normaliseSchema(raw);
  } catch (error) {
    expect((error as AppError).code).toBe("schema_unsafe");
    return (error as Error).message;
  }
  throw new Error("expected the schema to be refused");
}

/** Milliseconds one call takes. */
function timed(fn: () => unknown): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** The anyOf/$ref chain that doubled Ajv's work per level (12 s at 20 levels). */
function refChain(levels: number) {
  const definitions: Record<string, unknown> = { l0: { type: "string", minLength: 1 } };
  for (let i = 1; i <= levels; i++) definitions[`l${i}`] = { anyOf: [{ $ref: `#/definitions/l${i - 1}` }, { $ref: `#/definitions/l${i - 1}` }] };
  return { type: "object", definitions, properties: { name: { $ref: `#/definitions/l${levels}` } } };
}

describe("vendor schemas cannot make validation slow", () => {
  it("runs a catastrophic pattern in linear time (it took 4.4 s on a 26-character name)", () => {
    const schema = normaliseSchema({ type: "object", properties: { name: { type: "string", pattern: "^(a+)+$" } } });
    expect((schema.properties as Record<string, { pattern?: string }>).name.pattern).toBe("^(a+)+$");
    let errors = {};
    const ms = timed(() => (errors = validateData(schema, { name: `${"a".repeat(60_000)}!` }, t)));
    expect(errors).toEqual({ name: "Name is not in the right format" });
    expect(validateData(schema, { name: "aaaa" }, t)).toEqual({});
    expect(ms).toBeLessThan(1_000);
  });

  it("runs a catastrophic patternProperties key in linear time (it never answered)", () => {
    const schema = normaliseSchema({ type: "object", patternProperties: { "^(a|a)+$": { type: "number" } } });
    const ms = timed(() => validateData(schema, { [`${"a".repeat(99)}b`]: "x", aaa: "y" }, t));
    expect(validateData(schema, { aaa: "y" }, t)).toEqual({ aaa: "Aaa must be a number" });
    expect(ms).toBeLessThan(200);
  });

  it("keeps a lookahead pattern without nested quantifiers, drops one RE2 cannot run safely", () => {
    const schema = normaliseSchema({
      type: "object",
      properties: {
        password: { type: "string", pattern: "^(?=.*[0-9]).{8,}$" },
        code: { type: "string", pattern: "^((a+)+)(?=b)$" },
      },
    });
    const properties = schema.properties as Record<string, { pattern?: string }>;
    expect(properties.password.pattern).toBe("^(?=.*[0-9]).{8,}$");
    expect(properties.code.pattern).toBeUndefined();
    expect(validateData(schema, { password: "abcdefgh" }, t)).toEqual({ password: "Password is not in the right format" });
  });

  it("refuses an anyOf/$ref chain whose expanded size explodes, keeps a short one", () => {
    expect(refused(refChain(20))).toMatch(/validating it would take too long/);
    const schema = normaliseSchema(refChain(4));
    expect(validateData(schema, { name: "x" }, t)).toEqual({});
  });

  it("refuses $ref cycles", () => {
    expect(refused({ type: "object", definitions: { a: { anyOf: [{ $ref: "#/definitions/a" }] } }, properties: { x: { $ref: "#/definitions/a" } } })).toMatch(
      /\$ref cycle/,
    );
  });

  it(`refuses enums of more than ${MAX_ENUM_VALUES} values (20,000 took 3 s on first load)`, () => {
    const values = (n: number) => Array.from({ length: n }, (_, i) => `v${i}`);
    expect(refused({ type: "object", properties: { c: { type: "string", enum: values(20_000) } } })).toMatch(/#\/properties\/c\/enum: more than 1000 values/);
    expect(() => normaliseSchema({ type: "object", properties: { c: { type: "string", enum: values(250) } } })).not.toThrow();
  });
});
