import { AppError } from "@/lib/errors";
import type { JsonSchema } from "@/lib/connectors/types";
import { log } from "@/lib/log";
import { compileSchema } from "./ajv";
import { checkValidationCost, dropUnusablePatterns } from "./cost";
import { DRAFT_07, isLocalRef, isObject, pointer } from "./json";

export { DRAFT_07 };

/**
 * Turns a vendor's schema into plain JSON Schema draft-07 the app can trust.
 *
 * Decisions:
 * - Limits (256 KB of JSON text, 32 levels of nesting, 1000 entries across all
 *   `properties` maps) are checked before anything else looks at the data. Depth is
 *   checked on the way down, so a cyclic or absurdly deep object fails as "too deep"
 *   instead of overflowing the stack.
 * - `__proto__`, `constructor` and `prototype` are refused as own keys anywhere, even
 *   as field names: merge helpers downstream (RJSF's included) would walk into them.
 * - Only local `$ref`s ("#" or "#/…") are accepted; nothing is ever fetched.
 * - The root `$id` is dropped: the result is our document, not the vendor's one at
 *   that URL, and a kept id would make Ajv resolve against a remote base and collide
 *   when the same schema is compiled twice. A nested `$id` is refused, because
 *   dropping it would silently re-point the `#/…` references below it.
 * - `$schema`: missing, or draft-04/-06/-07 of json-schema.org (slashes escaped or
 *   not, http or https, with or without "#") becomes draft-07 (anything draft-07
 *   cannot compile is refused by the final compile); any other URI is refused, since
 *   a 2019-09/2020-12 schema would compile but silently mean something else.
 * - `type: "date"` → string + format date; `"datetime"`/`"date-time"` → string +
 *   format date-time. A missing root `type` becomes "object"; any other is refused.
 * - `minimum`/`maximum` (whole, not negative) on a string-typed schema become
 *   `minLength`/`maxLength` unless those are set; on numbers nothing is touched.
 * - Validation cost is bounded (cost.ts): expanded size, enum length, no `$ref` cycles;
 *   patterns run in linear time (patterns.ts), and one that cannot is dropped and logged.
 */

const MAX_BYTES = 256 * 1024;
const MAX_DEPTH = 32;
const MAX_PROPERTIES = 1000;
const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);
const KNOWN_DRAFTS = /^https?:\/\/json-schema\.org\/draft-0[467]\/schema#?$/;

function unsafe(path: readonly string[], rule: string): AppError {
  return new AppError("schema_unsafe", `Vendor schema refused at ${pointer(path)}: ${rule}`);
}

interface CopyState {
  properties: number;
  /** A lower bound of the JSON text's size, so a huge object fails before it is copied whole. */
  bytes: number;
}

function count(state: CopyState, bytes: number): void {
  state.bytes += bytes;
  if (state.bytes > MAX_BYTES) throw unsafe([], `the schema is more than ${MAX_BYTES / 1024} KB of JSON`);
}

/** Deep-copies JSON data while enforcing the structural safety rules. */
function copySafely(value: unknown, path: string[], depth: number, state: CopyState): unknown {
  if (typeof value === "string") count(state, value.length + 2);
  else count(state, 1);
  if (value === null || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw unsafe(path, "numbers must be finite");
    return value;
  }
  if (typeof value !== "object") throw unsafe(path, `a ${typeof value} is not JSON`);
  if (depth > MAX_DEPTH) throw unsafe(path, `nesting is deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(value)) {
    return value.map((item, index) => copySafely(item, [...path, String(index)], depth + 1, state));
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const here = [...path, key];
    count(state, key.length + 3);
    if (FORBIDDEN_KEYS.has(key)) throw unsafe(here, `the key "${key}" is not allowed`);
    const item = (value as Record<string, unknown>)[key];
    if (key === "$ref" && !isLocalRef(item)) {
      throw unsafe(here, `$ref ${JSON.stringify(item)} is refused: only local references ("#/…") are allowed, nothing is fetched`);
    }
    if (key === "$id" && path.length > 0) {
      throw unsafe(here, "a nested $id is not allowed (it would change what the references below it point at)");
    }
    if (key === "properties" && isObject(item)) {
      state.properties += Object.keys(item).length;
      if (state.properties > MAX_PROPERTIES) throw unsafe(here, `the schema has more than ${MAX_PROPERTIES} properties in all`);
    }
    out[key] = copySafely(item, here, depth + 1, state);
  }
  return out;
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

function checkSize(text: string): void {
  const bytes = byteLength(text);
  if (bytes > MAX_BYTES) {
    throw unsafe([], `the schema is ${Math.ceil(bytes / 1024)} KB of JSON; the limit is ${MAX_BYTES / 1024} KB`);
  }
}

const SCHEMA_MAPS = ["properties", "patternProperties", "definitions", "$defs", "dependencies"];
const SCHEMA_SINGLES = ["additionalItems", "additionalProperties", "contains", "propertyNames", "if", "then", "else", "not"];
const SCHEMA_LISTS = ["allOf", "anyOf", "oneOf"];
const TYPE_FORMATS: Record<string, string> = { date: "date", datetime: "date-time", "date-time": "date-time" };

function isStringTyped(schema: Record<string, unknown>): boolean {
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  return types.includes("string") && !types.includes("number") && !types.includes("integer");
}

/** Rewrites the vendor's dialect in place, visiting only positions that hold a schema. */
function fixDialect(schema: unknown): void {
  if (!isObject(schema)) return;
  const types = Array.isArray(schema.type) ? schema.type : [schema.type];
  const custom = types.find((type): type is string => typeof type === "string" && Object.hasOwn(TYPE_FORMATS, type));
  if (custom) {
    const mapped = [...new Set(types.map((type) => (type === custom ? "string" : type)))];
    schema.type = Array.isArray(schema.type) ? mapped : "string";
    schema.format = TYPE_FORMATS[custom];
  }
  if (isStringTyped(schema)) {
    for (const [from, to] of [["minimum", "minLength"], ["maximum", "maxLength"]] as const) {
      const limit = schema[from];
      if (Number.isInteger(limit) && (limit as number) >= 0) {
        if (schema[to] === undefined) schema[to] = limit;
        delete schema[from];
      }
    }
  }
  for (const key of SCHEMA_MAPS) {
    const map = schema[key];
    if (isObject(map)) Object.values(map).forEach(fixDialect);
  }
  for (const key of SCHEMA_SINGLES) fixDialect(schema[key]);
  for (const key of SCHEMA_LISTS) if (Array.isArray(schema[key])) (schema[key] as unknown[]).forEach(fixDialect);
  if (Array.isArray(schema.items)) schema.items.forEach(fixDialect);
  else fixDialect(schema.items);
}

function draftOf(value: unknown): string {
  if (value === undefined) return DRAFT_07;
  const uri = typeof value === "string" ? value.trim().replace(/\\+\//g, "/") : "";
  if (!KNOWN_DRAFTS.test(uri)) {
    throw unsafe(["$schema"], `unknown $schema ${JSON.stringify(value)}; only JSON Schema draft-07 is supported`);
  }
  return DRAFT_07;
}

/** See the decisions above. Accepts the parsed schema or its JSON text. */
export function normaliseSchema(raw: unknown): JsonSchema {
  if (typeof raw === "string") {
    checkSize(raw);
    try {
      raw = JSON.parse(raw);
    } catch (error) {
      throw unsafe([], `not JSON (${(error as Error).message})`);
    }
  }
  if (!isObject(raw)) throw unsafe([], "the schema must be a JSON object");
  const copy = copySafely(raw, [], 1, { properties: 0, bytes: 0 }) as Record<string, unknown>;
  checkSize(JSON.stringify(copy));

  const { $schema, ...rest } = copy;
  delete rest.$id;
  const schema: JsonSchema = { $schema: draftOf($schema), ...rest };
  if (schema.type === undefined) schema.type = "object";
  if (schema.type !== "object") throw unsafe(["type"], `a form schema must describe an object, not ${JSON.stringify(schema.type)}`);
  fixDialect(schema);
  checkValidationCost(schema);
  for (const at of dropUnusablePatterns(schema)) log.warn("vendor pattern dropped: it cannot run in bounded time", { at });

  try {
    compileSchema(schema);
  } catch (error) {
    throw new AppError("schema_unsafe", `Vendor schema refused: not a valid JSON Schema: ${(error as Error).message}`, { cause: error });
  }
  return schema;
}
