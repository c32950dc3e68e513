import "server-only";
import type { FormData, JsonSchema } from "@/lib/connectors/types";

/**
 * Procurios' schema declares `address` as an object, yet the documented registration
 * and validate bodies send it as a positional array:
 *
 *   "address": ["Fortweg", 9, "", "3992LX", "Houten", "NL"]
 *
 * Mapping rule, read from that example against the schema of set 42:
 * - position i holds the value of the i-th property of the schema's `address.properties`,
 *   in the order the vendor's schema lists them (street, number, number_add, postcode,
 *   town, country) — never a fixed order of ours, since the schema is configurable;
 * - a part without a value is sent as "" (the example's empty `number_add`);
 * - values keep their JSON type: numbers stay numbers (the example's `9`).
 * The document shows no other object-typed field; we apply the same rule to every
 * top-level object property of the schema (see toVendorBody).
 */

function partNames(objectSchema: JsonSchema | undefined): string[] {
  const properties = objectSchema?.properties;
  return properties && typeof properties === "object" ? Object.keys(properties) : [];
}

export function toPositionalAddress(value: Record<string, unknown>, addressSchema: JsonSchema): unknown[] {
  return partNames(addressSchema).map((name) => {
    const part = value[name];
    return part === undefined || part === null ? "" : part;
  });
}

/** The inverse: "" parts are left out, so a missing part stays missing after a round trip. */
export function fromPositionalAddress(parts: readonly unknown[], addressSchema: JsonSchema): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  partNames(addressSchema).forEach((name, index) => {
    const part = parts[index];
    if (part !== undefined && part !== null && part !== "") result[name] = part;
  });
  return result;
}

/**
 * The vendor refuses an address with any part but the addition empty ("Vul een volledig
 * adres in": the document's example leaves only number_add blank), yet its schema marks no
 * part required. The form should say so on each part: the schema the app is given lists
 * them in `required` (a list the vendor already gives is kept).
 */
const OPTIONAL_PARTS = new Set(["number_add"]);

export function withRequiredParts(schema: JsonSchema): JsonSchema {
  if (!isPlainObject(schema.properties)) return schema;
  const properties = Object.fromEntries(
    Object.entries(schema.properties).map(([name, property]) => {
      if (!isPlainObject(property) || property.type !== "object" || property.required !== undefined) return [name, property];
      const required = partNames(property).filter((part) => !OPTIONAL_PARTS.has(part));
      return [name, required.length > 0 ? { ...property, required } : property];
    }),
  );
  return { ...schema, properties };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The form's answers in the shape Procurios' POST bodies expect (see the rule above). */
export function toVendorBody(data: FormData, schema: JsonSchema): Record<string, unknown> {
  const properties = isPlainObject(schema.properties) ? schema.properties : {};
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) {
    const property = properties[name];
    const isObjectField = isPlainObject(property) && property.type === "object";
    body[name] = isObjectField && isPlainObject(value) ? toPositionalAddress(value, property) : value;
  }
  return body;
}
