import type { JsonSchema } from "@/lib/connectors/types";
import { conditionalParts } from "./conditions";
import { deref, isObject, propertiesOf } from "./json";

/**
 * Top-level field names in schema order. A field that exists only in a
 * conditional branch comes right after the field its condition reads (see
 * conditions.ts), so the form asks for student_number straight after membership;
 * without such a field it comes at the end.
 */
export function formFields(schema: JsonSchema): string[] {
  const following = new Map<string | undefined, string[]>();
  for (const part of conditionalParts(schema)) {
    const list = following.get(part.anchor) ?? [];
    list.push(...part.fields.keys());
    following.set(part.anchor, list);
  }
  const out: string[] = [];
  const visit = (name: string) => {
    if (out.includes(name)) return;
    out.push(name);
    (following.get(name) ?? []).forEach(visit);
  };
  Object.keys(propertiesOf(schema)).forEach(visit);
  (following.get(undefined) ?? []).forEach(visit);
  return out;
}

function childSchema(root: JsonSchema, parent: JsonSchema, segment: string): unknown {
  if (/^\d+$/.test(segment) && parent.items !== undefined) {
    return Array.isArray(parent.items) ? parent.items[Number(segment)] : parent.items;
  }
  const properties = propertiesOf(parent);
  if (Object.hasOwn(properties, segment)) return properties[segment];
  return conditionalParts(parent, root)
    .find((part) => part.fields.has(segment))
    ?.fields.get(segment);
}

/** The (dereferenced) schema of a dotted field path such as "address.postcode". */
export function fieldSchema(schema: JsonSchema, path: string): JsonSchema | undefined {
  let current: JsonSchema | undefined = schema;
  for (const segment of path.split(".")) {
    if (!current) return undefined;
    current = deref(schema, childSchema(schema, current, segment));
  }
  return current;
}

/** "first_name" → "First name", "numberAdd" → "Number add". */
export function humanise(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_\-.\s]+/g, " ")
    .trim()
    .toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : name;
}

export function fieldTitle(schema: JsonSchema, path: string): string {
  const title = fieldSchema(schema, path)?.title;
  if (typeof title === "string" && title.trim()) return title.trim();
  return humanise(path.split(".").pop() ?? path);
}

function types(schema: JsonSchema): unknown[] {
  return Array.isArray(schema.type) ? schema.type : [schema.type];
}

export function isObjectField(schema: JsonSchema, name: string): boolean {
  const field = fieldSchema(schema, name);
  if (!field) return false;
  return types(field).includes("object") || (field.type === undefined && isObject(field.properties));
}

/** The allowed values of a choice field (`enum`, or `oneOf`/`anyOf` of `const`s), else undefined. */
export function choiceOptions(field: JsonSchema | undefined): unknown[] | undefined {
  if (!field) return undefined;
  if (Array.isArray(field.enum)) return field.enum;
  for (const key of ["oneOf", "anyOf"]) {
    const list = field[key];
    if (Array.isArray(list) && list.length && list.every((option) => isObject(option) && "const" in option)) {
      return list.map((option) => (option as JsonSchema).const);
    }
  }
  return undefined;
}

/** A box the user must tick: a boolean that must be `true`. */
export function isConsentField(field: JsonSchema | undefined): boolean {
  return !!field && field.const === true && (field.type === undefined || types(field).includes("boolean"));
}

export function isBooleanField(field: JsonSchema | undefined): boolean {
  return !!field && types(field).includes("boolean");
}
