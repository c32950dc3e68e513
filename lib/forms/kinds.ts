import type { JsonSchema } from "@/lib/connectors/types";
import { isObject, propertiesOf } from "./json";

/**
 * Fields the app knows how to ask for better than a text box, recognised by name or
 * title (vendors' schemas say no more than `"type": "string"`): birth dates (also those
 * a form lists), phone numbers and countries. Paths are dotted ("address.country").
 */
export interface FieldKinds {
  birthDates: string[];
  phones: string[];
  countries: string[];
}

const BIRTH_NAME = /^(birth_?date|date_?of_?birth|dob|birthday|born|geboortedatum)$/i;
const BIRTH_TITLE = /\b(birth|born)\b|geboorte/i;
const PHONE = /phone|mobile|telef|mobiel/i;
const COUNTRY_NAME = /^(country|country_?code|land)$/i;
const COUNTRY_TITLE = /^(country|land)$/i;

const isString = (field: JsonSchema) => field.type === "string";

/**
 * Every field, with those that exist only in an if/then/else branch (a form that asks a
 * phone number or an email address, as the person chooses), each path once.
 */
function walk(schema: JsonSchema, visit: (path: string, name: string, field: JsonSchema) => void, prefix = "", seen = new Set<string>()): void {
  for (const [name, field] of Object.entries(propertiesOf(schema))) {
    if (!isObject(field)) continue;
    const path = prefix ? `${prefix}.${name}` : name;
    if (field.type === "object") walk(field, visit, path, seen);
    else if (!seen.has(path)) {
      seen.add(path);
      visit(path, name, field);
    }
  }
  for (const branch of [schema.then, schema.else]) if (isObject(branch)) walk(branch, visit, prefix, seen);
}

export function fieldKinds(schema: JsonSchema, birthDateFields: string[] = []): FieldKinds {
  const kinds: FieldKinds = { birthDates: [], phones: [], countries: [] };
  walk(schema, (path, name, field) => {
    const title = typeof field.title === "string" ? field.title : "";
    if (field.format === "date" && (birthDateFields.includes(path) || BIRTH_NAME.test(name) || BIRTH_TITLE.test(title))) kinds.birthDates.push(path);
    else if (isString(field) && field.format === undefined && field.enum === undefined && (PHONE.test(name) || PHONE.test(title))) kinds.phones.push(path);
    // A field with a format says what it takes already (PurePro's country "as a code or a name").
    else if (isString(field) && field.format === undefined && field.enum === undefined && (COUNTRY_NAME.test(name) || COUNTRY_TITLE.test(title))) kinds.countries.push(path);
  });
  return kinds;
}

/** Dotted paths of the string fields with this format (such as "phone"). */
export function pathsWithFormat(schema: JsonSchema, format: string): string[] {
  const paths: string[] = [];
  walk(schema, (path, _name, field) => field.format === format && paths.push(path));
  return paths;
}
