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
