import type { JsonSchema } from "@/lib/connectors/types";
import { AppError } from "@/lib/errors";
import { DRAFT_07, isObject, propertiesOf, resolveRef, stringList } from "./json";
import type { PageSpec } from "./types";

/**
 * The sub-schema the wizard renders for one page. Conditional parts (root
 * if/then/else, `allOf` entries, `dependencies`) are kept with their condition
 * intact but their branches cut down to this page's fields, and only where they
 * still say something about this page. A condition may read a field of another
 * page, so the wizard must give RJSF the whole form's data on every page.
 */
export function pageSchema(schema: JsonSchema, page: PageSpec): JsonSchema {
  const fields = new Set(page.fields);
  const all = propertiesOf(schema);
  const properties: Record<string, unknown> = {};
  for (const name of page.fields) if (Object.hasOwn(all, name)) properties[name] = all[name];

  const out: JsonSchema = { $schema: DRAFT_07, type: "object", properties };
  const required = stringList(schema.required).filter((name) => fields.has(name));
  if (required.length) out.required = required;

  if (schema.if !== undefined) {
    const conditional = Object.fromEntries(["if", "then", "else"].filter((key) => schema[key] !== undefined).map((key) => [key, schema[key]]));
    const part = restrict(conditional, fields);
    if (touches(part)) Object.assign(out, part);
  }
  if (Array.isArray(schema.allOf)) {
    const entries = schema.allOf.map((entry) => restrict(entry, fields)).filter(touches);
    if (entries.length) out.allOf = entries;
  }
  if (isObject(schema.dependencies)) {
    const dependencies = restrictDependencies(schema.dependencies, fields);
    if (Object.keys(dependencies).length) out.dependencies = dependencies;
  }
  return withReferences(schema, out);
}

function restrictDependencies(dependencies: Record<string, unknown>, fields: Set<string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(dependencies)) {
    if (Array.isArray(value)) {
      const names = stringList(value).filter((name) => fields.has(name));
      if (names.length && fields.has(key)) out[key] = names;
    } else if (isObject(value)) {
      const part = restrict(value, fields);
      if (fields.has(key) || touches(part)) out[key] = part;
    }
  }
  return out;
}

/** A branch cut down to `fields`; an `if` is left whole, since it only reads data. */
function restrict(schema: unknown, fields: Set<string>): unknown {
  if (!isObject(schema)) return schema;
  const out: JsonSchema = { ...schema };
  if (isObject(out.properties)) {
    out.properties = Object.fromEntries(Object.entries(out.properties).filter(([name]) => fields.has(name)));
  }
  if (Array.isArray(out.required)) out.required = stringList(out.required).filter((name) => fields.has(name));
  for (const key of ["then", "else"]) if (out[key] !== undefined) out[key] = restrict(out[key], fields);
  for (const key of ["allOf", "anyOf", "oneOf"]) {
    const list = out[key];
    if (Array.isArray(list)) out[key] = list.map((entry) => restrict(entry, fields));
  }
  if (isObject(out.dependencies)) out.dependencies = restrictDependencies(out.dependencies, fields);
  return out;
}

/** Whether a cut-down part still constrains or adds any of the page's fields. */
function touches(schema: unknown): boolean {
  if (!isObject(schema)) return false;
  if (typeof schema.$ref === "string") return true;
  if (Object.keys(propertiesOf(schema)).length || stringList(schema.required).length) return true;
  if (isObject(schema.dependencies) && Object.keys(schema.dependencies).length) return true;
  if (["then", "else"].some((key) => touches(schema[key]))) return true;
  return ["allOf", "anyOf", "oneOf"].some((key) => Array.isArray(schema[key]) && (schema[key] as unknown[]).some(touches));
}

const CONTAINERS = ["definitions", "$defs"];

/**
 * Makes the page's `$ref`s resolve inside the page schema: the `definitions`
 * (or `$defs`) are copied when referenced; a reference to anywhere else (e.g.
 * "#/properties/address") is replaced by a copy of its target. Every object and
 * array is rebuilt on the way, so the result shares nothing with `root`.
 */
function withReferences(root: JsonSchema, page: JsonSchema): JsonSchema {
  const used = new Set<string>();
  const visit = (node: unknown, trail: string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => visit(item, trail));
    if (!isObject(node)) return node;
    const ref = typeof node.$ref === "string" ? node.$ref : undefined;
    const container = ref && CONTAINERS.find((name) => ref.startsWith(`#/${name}/`));
    if (container) used.add(container);
    const inline = ref !== undefined && !container;
    let out: JsonSchema = {};
    if (inline) {
      if (trail.includes(ref)) {
        throw new AppError("schema_unsafe", `The schema's recursive $ref "${ref}" cannot be split into pages; move it under #/definitions`);
      }
      const target = visit(resolveRef(root, ref), [...trail, ref]);
      if (typeof target === "boolean" && Object.keys(node).length === 1) return target;
      if (!isObject(target)) throw new AppError("schema_unsafe", `The schema's $ref "${ref}" does not point at a schema`);
      out = target;
    }
    for (const [key, value] of Object.entries(node)) if (!(inline && key === "$ref")) out[key] = visit(value, trail);
    return out;
  };
  const result = visit(page, []) as JsonSchema;
  // Twice over: definitions copied in the first round may refer to the other container.
  for (let round = 0; round < CONTAINERS.length; round++) {
    for (const name of CONTAINERS) {
      if (used.has(name) && result[name] === undefined && isObject(root[name])) result[name] = visit(root[name], []);
    }
  }
  return result;
}
