import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { DRAFT_07, normaliseSchema } from "./normalise";

const set42Text = readFileSync(new URL("./fixtures/set42.json", import.meta.url), "utf8");
const set42 = () => JSON.parse(set42Text) as Record<string, unknown>;

function refusal(raw: unknown): AppError {
  try {
    normaliseSchema(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("schema_unsafe");
    return error as AppError;
  }
  throw new Error("expected the schema to be refused");
}

function nested(depth: number): Record<string, unknown> {
  let node: Record<string, unknown> = { type: "string" };
  for (let i = 0; i < depth; i++) node = { type: "object", properties: { x: node } };
  return node;
}

describe("normaliseSchema: the documented set-42 schema", () => {
  const schema = normaliseSchema(set42());
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  const address = properties.address.properties as Record<string, Record<string, unknown>>;

  it("repairs the escaped $schema", () => {
    expect(set42().$schema).toBe("http:\\/\\/json-schema.org\\/draft-07\\/schema#");
    expect(schema.$schema).toBe(DRAFT_07);
  });

  it('turns "type": "date" into a string with format date', () => {
    expect(properties.birth_date).toEqual({ title: "Birth date", type: "string", format: "date" });
  });

  it("turns minimum/maximum on a string into minLength/maxLength", () => {
    expect(address.country).toEqual({ type: "string", title: "Country", minLength: 2, maxLength: 2 });
  });

  it("keeps everything else as the vendor sent it", () => {
    expect(Object.keys(properties)).toEqual(["first_name", "insertion", "name", "birth_date", "address", "action_code"]);
    expect(schema.required).toEqual(["name", "address"]);
    expect(address.number).toEqual({ type: "integer", title: "Number" });
  });

  it("also accepts the JSON text", () => {
    expect(normaliseSchema(set42Text)).toEqual(schema);
  });
});

describe("normaliseSchema: dialect", () => {
  it('maps "datetime" to format date-time, also inside branches and type lists', () => {
    const schema = normaliseSchema({
      properties: { at: { type: "datetime" }, maybe: { type: ["date", "null"] } },
      allOf: [{ if: { required: ["at"] }, then: { properties: { until: { type: "date-time" } } } }],
    });
    const properties = schema.properties as Record<string, unknown>;
    expect(properties.at).toEqual({ type: "string", format: "date-time" });
    expect(properties.maybe).toEqual({ type: ["string", "null"], format: "date" });
    expect((schema.allOf as { then: unknown }[])[0].then).toEqual({ properties: { until: { type: "string", format: "date-time" } } });
  });

  it("leaves minimum/maximum and exclusive limits on numbers alone", () => {
    const age = { type: "integer", minimum: 18, maximum: 120, exclusiveMinimum: 17, exclusiveMaximum: 121 };
    expect((normaliseSchema({ properties: { age } }).properties as Record<string, unknown>).age).toEqual(age);
  });

  it("keeps an explicit minLength over a string minimum", () => {
    const code = { type: "string", minimum: 2, minLength: 3 };
    expect((normaliseSchema({ properties: { code } }).properties as Record<string, unknown>).code).toEqual({ type: "string", minLength: 3 });
  });

  it("does not touch data that merely looks like a keyword", () => {
    const pick = { type: "object", default: { type: "date" }, properties: { type: { type: "string", const: "date" } } };
    expect((normaliseSchema({ properties: { pick } }).properties as Record<string, unknown>).pick).toEqual(pick);
  });

  it("sets draft-07 when $schema is missing, and accepts the usual spellings", () => {
    expect(normaliseSchema({ properties: {} }).$schema).toBe(DRAFT_07);
    expect(normaliseSchema({ $schema: "https://json-schema.org/draft-07/schema" }).$schema).toBe(DRAFT_07);
    expect(normaliseSchema({ $schema: "http://json-schema.org/draft-06/schema#" }).$schema).toBe(DRAFT_07);
  });

  it("refuses an unknown draft", () => {
    expect(refusal({ $schema: "https://json-schema.org/draft/2020-12/schema" }).message).toMatch(/#\/\$schema.*unknown \$schema/);
  });

  it("makes a form schema an object", () => {
    expect(normaliseSchema({ properties: { a: { type: "string" } } }).type).toBe("object");
    expect(refusal({ type: "string" }).message).toMatch(/#\/type: a form schema must describe an object/);
    expect(refusal([{ type: "object" }]).message).toMatch(/must be a JSON object/);
  });
});

describe("normaliseSchema: safety", () => {
  it('refuses an own "__proto__" key made by JSON.parse, naming its pointer', () => {
    const raw = JSON.parse('{"type":"object","properties":{"name":{"type":"string","__proto__":{"polluted":true}}}}');
    expect(Object.keys(raw.properties.name)).toContain("__proto__");
    expect(refusal(raw).message).toMatch(/#\/properties\/name\/__proto__: the key "__proto__" is not allowed/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses "constructor" and "prototype" anywhere, even as a field name', () => {
    expect(refusal({ properties: { constructor: { type: "string" } } }).message).toMatch(/#\/properties\/constructor/);
    expect(refusal({ definitions: { a: { prototype: {} } } }).message).toMatch(/#\/definitions\/a\/prototype/);
  });

  it("refuses a remote $ref and never fetches it", () => {
    const error = refusal({ properties: { a: { $ref: "https://evil.example/schema.json" } } });
    expect(error.message).toMatch(/#\/properties\/a\/\$ref: \$ref "https:\/\/evil.example\/schema.json" is refused/);
    expect(refusal({ properties: { a: { $ref: "other.json#/x" } } }).message).toMatch(/only local references/);
  });

  it("accepts a local $ref and refuses one that does not resolve", () => {
    const schema = normaliseSchema({ definitions: { s: { type: "string" } }, properties: { a: { $ref: "#/definitions/s" } } });
    expect((schema.properties as Record<string, unknown>).a).toEqual({ $ref: "#/definitions/s" });
    expect(refusal({ properties: { a: { $ref: "#/definitions/missing" } } }).message).toMatch(/not a valid JSON Schema/);
  });

  it("drops a remote root $id and refuses a nested one", () => {
    const schema = normaliseSchema({ $id: "https://vendor.example/sets/42", properties: {} });
    expect(schema).not.toHaveProperty("$id");
    expect(refusal({ properties: { a: { $id: "https://x.example/a", type: "string" } } }).message).toMatch(
      /#\/properties\/a\/\$id: a nested \$id is not allowed/,
    );
  });

  it("refuses nesting deeper than 32 levels", () => {
    expect(() => normaliseSchema(nested(15))).not.toThrow();
    expect(refusal(nested(16)).message).toMatch(/nesting is deeper than 32 levels/);
  });

  it("refuses a cyclic object as too deep instead of overflowing the stack", () => {
    const cyclic: Record<string, unknown> = { type: "object" };
    cyclic.properties = { self: cyclic };
    expect(refusal(cyclic).message).toMatch(/deeper than 32/);
  });

  it("refuses more than 256 KB of JSON, as text or as an object", () => {
    const big = { type: "object", description: "x".repeat(256 * 1024) };
    expect(refusal(big).message).toMatch(/^Vendor schema refused at #: the schema is more than 256 KB/);
    expect(refusal(JSON.stringify(big)).message).toMatch(/the schema is 257 KB of JSON; the limit is 256 KB/);
  });

  it("refuses more than 1000 properties in all", () => {
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i}`, { type: "string" }]));
    expect(() => normaliseSchema({ properties: { a: { type: "object", properties: many(500) }, ...many(498) } })).not.toThrow();
    const error = refusal({ properties: { a: { type: "object", properties: many(600) }, ...many(400) } });
    expect(error.message).toMatch(/#\/properties\/a\/properties: the schema has more than 1000 properties/);
  });

  it("refuses what Ajv cannot compile", () => {
    expect(refusal({ properties: { a: { type: "text" } } }).message).toMatch(/not a valid JSON Schema: .*type/);
  });

  it("drops a pattern no engine can run (the vendor still checks its own rule)", () => {
    const schema = normaliseSchema({ properties: { a: { type: "string", pattern: "([" } } });
    expect(schema.properties).toEqual({ a: { type: "string" } });
  });

  it("returns a fresh deep copy", () => {
    const raw = set42();
    const schema = normaliseSchema(raw);
    const rawAddress = (raw.properties as Record<string, Record<string, unknown>>).address;
    const address = (schema.properties as Record<string, Record<string, unknown>>).address;
    expect(address).not.toBe(rawAddress);
    expect(address.properties).not.toBe(rawAddress.properties);
    (address.properties as Record<string, unknown>).extra = {};
    expect(rawAddress.properties).not.toHaveProperty("extra");
    expect((rawAddress.properties as Record<string, Record<string, unknown>>).country.minimum).toBe(2);
    expect(raw.$schema).toBe("http:\\/\\/json-schema.org\\/draft-07\\/schema#");
  });
});
