import "server-only";
import fastUri from "fast-uri";
import safeRegex from "safe-regex2";
import type { JsonSchema } from "@/lib/connectors/types";
import { isObject } from "./json";

/**
 * The browser's copy of a form schema. Vendor patterns are untrusted: the server
 * checks them with a linear-time engine, but the browser's validator runs them
 * with native RegExp, where a pattern such as (a+)+$ backtracks for ever. So every
 * pattern that safe-regex2 flags (or that is no valid "u" RegExp) is left out here;
 * the server's check on Next still reports it.
 */
export function browserSchema(schema: JsonSchema): JsonSchema {
  return strip(schema) as JsonSchema;
}

export function isBrowserSafePattern(pattern: string): boolean {
  try {
    new RegExp(pattern, "u");
  } catch {
    return false;
  }
  return safeRegex(pattern);
}

/**
 * A local `$ref` in the form RJSF's fast-uri gives it against the root "#" (percent-encoding
 * normalised), so the browser can leave references as they are (lib/bundle/uri.ts).
 */
export function normalRef(ref: string): string {
  let current = ref;
  try {
    for (let i = 0; i < 3 && fastUri.resolve("#", current) !== current; i++) current = fastUri.resolve("#", current);
  } catch {
    // malformed percent-encoding: RJSF fails on it alike on the server and in the browser
  }
  return current;
}

const SCHEMA_MAPS = new Set(["properties", "definitions", "$defs", "dependencies"]);
const SCHEMA_SINGLES = new Set(["additionalItems", "additionalProperties", "contains", "propertyNames", "if", "then", "else", "not", "items"]);
const SCHEMA_LISTS = new Set(["allOf", "anyOf", "oneOf", "items"]);

const mapValues = (map: Record<string, unknown>, keep: (key: string) => boolean) =>
  Object.fromEntries(Object.entries(map).filter(([key]) => keep(key)).map(([key, value]) => [key, strip(value)]));

/** Visits only positions that hold a schema: `enum`, `const` and `default` are data and stay as they are. */
function strip(schema: unknown): unknown {
  if (!isObject(schema)) return schema;
  const entries: [string, unknown][] = [];
  let droppedPatternProperty = false;
  for (const [key, value] of Object.entries(schema)) {
    if (key === "pattern" && typeof value === "string" && !isBrowserSafePattern(value)) continue;
    if (key === "$ref" && typeof value === "string") entries.push([key, normalRef(value)]);
    else if (key === "patternProperties" && isObject(value)) {
      const kept = mapValues(value, isBrowserSafePattern);
      droppedPatternProperty ||= Object.keys(kept).length < Object.keys(value).length;
      entries.push([key, kept]);
    } else if (SCHEMA_MAPS.has(key) && isObject(value)) entries.push([key, mapValues(value, () => true)]);
    else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) entries.push([key, value.map(strip)]);
    else if (SCHEMA_SINGLES.has(key)) entries.push([key, strip(value)]);
    else entries.push([key, value]);
  }
  // Names a dropped pattern matched would now meet additionalProperties: the browser lets them pass instead.
  const kept = droppedPatternProperty ? entries.filter(([key]) => key !== "additionalProperties") : entries;
  return hoistCondition(Object.fromEntries(kept));
}

const CONDITION = new Set(["if", "then", "else"]);

/**
 * `allOf: [{if, then, else}]` on a schema with no condition of its own is that condition:
 * the same rule, which RJSF resolves without its allOf merge, a part of the page the
 * browser then never loads (lib/bundle/all-of-merge.ts). Forms with several conditions keep their allOf.
 */
function hoistCondition(schema: Record<string, unknown>): Record<string, unknown> {
  const { allOf } = schema;
  if (!Array.isArray(allOf) || Object.keys(schema).some((key) => CONDITION.has(key))) return schema;
  const index = allOf.findIndex((entry) => isObject(entry) && "if" in entry && Object.keys(entry).every((key) => CONDITION.has(key)));
  if (index < 0) return schema;
  const rest = allOf.filter((_, i) => i !== index);
  const { allOf: _, ...out } = schema;
  return { ...out, ...(allOf[index] as Record<string, unknown>), ...(rest.length ? { allOf: rest } : {}) };
}
