import type { JsonSchema } from "@/lib/connectors/types";
import { fieldSchema } from "./fields";
import { isObject, propertiesOf } from "./json";

/**
 * Only what the form asks for: keys the schema does not declare (at any level, an
 * address's parts included, conditional fields counted) are dropped, so an
 * `is_admin: true` slipped into a request is never stored or sent to the vendor.
 * An object field that declares no properties at all keeps what it was given.
 */
export function knownAnswers(schema: JsonSchema, data: Record<string, unknown>, prefix = ""): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const field = fieldSchema(schema, path);
    if (!field) continue;
    const kept = isObject(value) && Object.keys(propertiesOf(field)).length > 0 ? knownAnswers(schema, value, path) : value;
    Object.defineProperty(out, key, { value: kept, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
