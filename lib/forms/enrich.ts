import "server-only";
import type { BirthDates } from "@/lib/config/schema";
import type { JsonSchema, ValueFormats } from "@/lib/connectors/types";
import { countryOptions } from "./countries";
import { birthDateBounds } from "./dates";
import { isObject, propertiesOf } from "./json";
import { fieldKinds } from "./kinds";
import { phoneExamples } from "./phone";

export interface EnrichOptions {
  /** The page's language: country names. */
  locale: string;
  defaultCountry?: string;
  birthDates: BirthDates;
  formats: ValueFormats;
  now?: number;
}

type Entry = Record<string, unknown>;

/** Updates the field at `path` wherever the schema defines it: its properties and its if/then/else branches. */
function updateField(schema: JsonSchema, path: string[], update: (field: JsonSchema) => JsonSchema): JsonSchema {
  const [head, ...rest] = path;
  const properties = propertiesOf(schema);
  const field = properties[head];
  let out = schema;
  if (isObject(field) && (rest.length === 0 || field.type === "object")) {
    const updated = rest.length > 0 ? updateField(field, rest, update) : update(field);
    out = { ...schema, properties: { ...properties, [head]: updated } };
  }
  for (const key of ["then", "else"] as const) {
    const branch = schema[key];
    if (isObject(branch)) out = { ...out, [key]: updateField(branch, path, update) };
  }
  return out;
}

function updateUi(ui: Entry, path: string[], entries: Entry, defaults: Entry = {}): Entry {
  const [head, ...rest] = path;
  const own = isObject(ui[head]) ? ui[head] : {};
  const updated = rest.length > 0 ? updateUi(own, rest, entries, defaults) : { ...defaults, ...own, ...entries };
  return { ...ui, [head]: updated };
}

/**
 * What the app adds to a vendor's fields it recognises (kinds.ts), for the server and the
 * browser alike: birth dates get the form's bounds (formatMinimum/formatMaximum), phone
 * numbers the "phone" format and an example in the form's country, countries the list of
 * codes the vendor takes, named in the page's language.
 */
export function enrichForm(schema: JsonSchema, uiSchema: Entry, options: EnrichOptions): { schema: JsonSchema; uiSchema: Entry } {
  const kinds = fieldKinds(schema, options.birthDates.fields);
  let out = schema;
  let ui = uiSchema;
  const bounds = birthDateBounds(options.birthDates, options.now);
  for (const path of kinds.birthDates.map((p) => p.split("."))) {
    out = updateField(out, path, (field) => ({ ...field, formatMinimum: bounds.min, formatMaximum: bounds.max }));
    ui = updateUi(ui, path, {}, { "ui:autocomplete": "bday" });
  }
  const examples = phoneExamples(options.defaultCountry);
  for (const path of kinds.phones.map((p) => p.split("."))) {
    out = updateField(out, path, (field) => ({ ...field, format: "phone", ...(examples && field.examples === undefined ? { examples } : {}) }));
    ui = updateUi(ui, path, { "ui:inputType": "tel" }, { "ui:autocomplete": "tel" });
  }
  // alpha-2 is the only code the contract has so far (ValueFormats.countryCode).
  const countries = countryOptions(options.locale);
  for (const path of kinds.countries.map((p) => p.split("."))) {
    // The list says more than the vendor's length (2 letters), and its message is the one to show.
    out = updateField(out, path, ({ minLength: _min, maxLength: _max, ...field }) => ({ ...field, enum: countries.codes }));
    ui = updateUi(ui, path, { "ui:enumNames": countries.names }, { "ui:autocomplete": "country" });
  }
  return { schema: out, uiSchema: ui };
}
