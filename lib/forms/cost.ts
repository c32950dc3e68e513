import { AppError } from "@/lib/errors";
import type { JsonSchema } from "@/lib/connectors/types";
import { isObject, pointer, resolveRef } from "./json";
import { isUsablePattern } from "./patterns";

/**
 * Bounds what validating one answer can cost, so a hostile or careless vendor schema
 * cannot hold the event loop. Ajv's work grows with the schema as it would be if
 * every `$ref` were pasted in place: a chain of anyOf/$ref levels doubles it per
 * level. That expanded size is counted (each node once, then reused) and capped;
 * a `$ref` cycle is refused, since forms never need recursion; long enums are capped.
 */
export const MAX_EXPANDED_NODES = 20_000;
export const MAX_ENUM_VALUES = 1_000;

const MAPS = ["properties", "patternProperties", "dependencies"];
const SINGLES = ["additionalItems", "additionalProperties", "contains", "propertyNames", "if", "then", "else", "not", "items"];
const LISTS = ["allOf", "anyOf", "oneOf", "items"];

function unsafe(path: readonly string[], rule: string): AppError {
  return new AppError("schema_unsafe", `Vendor schema refused at ${pointer(path)}: ${rule}`);
}

/** Every sub-schema directly under `node`, with its path segments. */
function children(node: Record<string, unknown>): Array<[string[], unknown]> {
  const out: Array<[string[], unknown]> = [];
  for (const key of MAPS) if (isObject(node[key])) for (const [name, child] of Object.entries(node[key])) out.push([[key, name], child]);
  for (const key of SINGLES) if (isObject(node[key])) out.push([[key], node[key]]);
  for (const key of LISTS) if (Array.isArray(node[key])) (node[key] as unknown[]).forEach((child, i) => out.push([[key, String(i)], child]));
  return out;
}

/** Throws schema_unsafe when the schema's expanded size, an enum or a `$ref` cycle is over the limits. */
export function checkValidationCost(root: JsonSchema): void {
  const size = new Map<unknown, number>();
  const open = new Set<unknown>();
  const visit = (node: unknown, path: string[]): number => {
    if (!isObject(node)) return 1;
    const known = size.get(node);
    if (known !== undefined) return known;
    if (open.has(node)) throw unsafe(path, "a $ref cycle (recursive schemas are not supported in forms)");
    open.add(node);
    for (const key of ["enum", "oneOf", "anyOf"]) {
      const list = node[key];
      if (Array.isArray(list) && list.length > MAX_ENUM_VALUES) throw unsafe([...path, key], `more than ${MAX_ENUM_VALUES} values`);
    }
    let total = 1;
    if (typeof node.$ref === "string") total += visit(resolveRef(root, node.$ref), [...path, "$ref"]);
    for (const [segments, child] of children(node)) total += visit(child, [...path, ...segments]);
    if (total > MAX_EXPANDED_NODES) throw unsafe(path, `validating it would take too long (more than ${MAX_EXPANDED_NODES} schema nodes once references are expanded)`);
    open.delete(node);
    size.set(node, total);
    return total;
  };
  visit(root, []);
}

/**
 * Removes each `pattern` (and `patternProperties` entry) the server cannot run in bounded
 * time; returns their paths for the log. The vendor still checks its own rule.
 */
export function dropUnusablePatterns(root: JsonSchema): string[] {
  const dropped: string[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown, path: string[]) => {
    if (!isObject(node) || seen.has(node)) return;
    seen.add(node);
    if (typeof node.pattern === "string" && !isUsablePattern(node.pattern)) {
      delete node.pattern;
      dropped.push(pointer([...path, "pattern"]));
    }
    if (isObject(node.patternProperties)) {
      for (const key of Object.keys(node.patternProperties)) {
        if (!isUsablePattern(key)) {
          delete node.patternProperties[key];
          dropped.push(pointer([...path, "patternProperties", key]));
        }
      }
    }
    for (const key of ["definitions", "$defs"]) if (isObject(node[key])) for (const [name, child] of Object.entries(node[key])) visit(child, [...path, key, name]);
    for (const [segments, child] of children(node)) visit(child, [...path, ...segments]);
  };
  visit(root, []);
  return dropped;
}
