import type { JsonSchema } from "@/lib/connectors/types";
import { choiceOptions, fieldSchema, formFields, isBooleanField, isObjectField } from "./fields";
import { propertiesOf } from "./json";
import type { PageSpec } from "./types";

/**
 * Browser autofill by the vendor's field name (dotted for nested fields): the
 * names are all we get, so they are matched here in one place.
 */
const AUTOCOMPLETE: Record<string, string> = {
  first_name: "given-name",
  insertion: "additional-name",
  name: "family-name",
  email: "email",
  username: "username",
  password: "new-password",
  birth_date: "bday",
  phone: "tel",
  "address.street": "address-line1",
  "address.postcode": "postal-code",
  "address.town": "address-level2",
  "address.country": "country",
};

const WIDGETS: Record<string, string> = { password: "password" };

/** Radio buttons show every option at once; beyond this many a select is easier to scan. */
const MAX_RADIO_OPTIONS = 5;

function fieldUi(schema: JsonSchema, path: string): Record<string, unknown> {
  const field = fieldSchema(schema, path);
  const entry: Record<string, unknown> = {};
  if (Object.hasOwn(AUTOCOMPLETE, path)) entry["ui:autocomplete"] = AUTOCOMPLETE[path];
  const options = choiceOptions(field);
  if (Object.hasOwn(WIDGETS, path)) entry["ui:widget"] = WIDGETS[path];
  else if (isBooleanField(field)) entry["ui:widget"] = "checkbox";
  else if (options && options.length <= MAX_RADIO_OPTIONS) entry["ui:widget"] = "radio";
  if (isObjectField(schema, path)) {
    for (const child of Object.keys(propertiesOf(field))) {
      const nested = fieldUi(schema, `${path}.${child}`);
      if (Object.keys(nested).length) entry[child] = nested;
    }
  }
  return entry;
}

/** The form's uiSchema: widgets and autofill hints per field; order comes from the pages. */
export function buildUiSchema(schema: JsonSchema, options: { hidden: string[] }): Record<string, unknown> {
  const hidden = new Set(options.hidden);
  const ui: Record<string, unknown> = {};
  for (const name of formFields(schema)) {
    const entry = hidden.has(name) ? { "ui:widget": "hidden" } : fieldUi(schema, name);
    if (Object.keys(entry).length) ui[name] = entry;
  }
  return ui;
}

/**
 * The uiSchema for one page: the page's field order. RJSF appends a field from a
 * conditional branch after all others; "ui:order" puts it where the page has it.
 */
export function pageUiSchema(uiSchema: Record<string, unknown>, page: PageSpec): Record<string, unknown> {
  return { ...uiSchema, "ui:order": [...page.fields, "*"] };
}
