import { isObject } from "./json";

function isBlank(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  return isObject(value) && Object.keys(value).length === 0;
}

/**
 * Answers as validation sees them: blank strings, nulls and objects left with no
 * parts (an untouched address) are removed, so a required field the user left
 * empty reads as missing whether the browser sent nothing, "", "  " or {}. Array
 * items keep their places. Keys are copied as own properties (a JSON "__proto__"
 * key stays data and never becomes a prototype).
 */
export function stripEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripEmpty);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    const stripped = stripEmpty(item);
    if (isBlank(stripped)) continue;
    Object.defineProperty(out, key, { value: stripped, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * A required group (an address) left empty is checked as an empty object, so each
 * required part is reported on its own field instead of one error for the group.
 */
export function withEmptyGroups(schema: unknown, data: unknown): unknown {
  if (!isObject(schema) || !isObject(data) || !Array.isArray(schema.required) || !isObject(schema.properties)) return data;
  const properties = schema.properties;
  const missing = schema.required.filter((name): name is string => {
    const group = typeof name === "string" && Object.hasOwn(properties, name) ? properties[name] : undefined;
    return isObject(group) && Array.isArray(group.required) && group.required.length > 0 && data[name] === undefined;
  });
  if (missing.length === 0) return data;
  const out = { ...data };
  for (const name of missing) Object.defineProperty(out, name, { value: {}, enumerable: true, writable: true, configurable: true });
  return out;
}
