import "server-only";
import type { LookupFields } from "./types";

/** Names that hold a credential wherever they appear in a vendor's record: never shown to staff. */
const SECRET = /pass(word|wd|phrase)|secret|token|api[_-]?key|authori[sz]ation|^pin$/i;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A list as one display text: scalars joined, objects as "key: value" pairs (secrets left out). */
function listText(items: unknown[]): string | null {
  const parts = items.map((item) =>
    isRecord(item)
      ? Object.entries(item)
          .filter(([key, value]) => !SECRET.test(key) && !isRecord(value) && !Array.isArray(value))
          .map(([key, value]) => `${key}: ${String(value)}`)
          .join(", ")
      : String(item),
  );
  return parts.length ? parts.join("; ") : null;
}

/**
 * A vendor's record as staff may see it (LookupResult.fields): every field in the vendor's
 * order, nested objects flattened to dotted names, lists as one text, and every field
 * whose name says it holds a credential (password, token, secret…) dropped at any depth.
 * `drop`: further vendor names to leave out (links, internal ids).
 */
export function lookupFields(record: Record<string, unknown>, drop: ReadonlySet<string> = new Set(), prefix = ""): LookupFields {
  const fields: LookupFields = {};
  for (const [key, value] of Object.entries(record)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (SECRET.test(key) || drop.has(name) || value === undefined) continue;
    if (isRecord(value)) Object.assign(fields, lookupFields(value, drop, name));
    else if (Array.isArray(value)) fields[name] = listText(value);
    else if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") fields[name] = value;
    else fields[name] = String(value);
  }
  return fields;
}
