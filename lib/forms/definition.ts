import "server-only";
import { connectorFor, findForm, valueFormatsFor, type FormConfig } from "@/lib/config/forms";
import type { Connector, JsonSchema } from "@/lib/connectors/types";
import { AppError } from "@/lib/errors";
import { translator, type Translate } from "@/lib/i18n";
import { formFields } from "./fields";
import { propertiesOf } from "./json";
import { normaliseSchema } from "./normalise";
import { utcToday } from "./dates";
import { enrichForm } from "./enrich";
import { buildPages, pageSchema } from "./pages";
import type { FormDefinition } from "./types";
import { buildUiSchema } from "./ui-schema";

export interface FormContext {
  form: FormConfig;
  connector: Connector;
  definition: FormDefinition;
  /** Translator in the form's language. */
  t: Translate;
}

/**
 * One definition per form, remembered with the raw schema object it came from:
 * a connector that serves its cached schema gets the cached definition, a
 * re-fetched schema (a new object) is normalised again.
 */
const cache = new Map<string, { raw: JsonSchema; day: string; definition: FormDefinition }>();

function build(form: FormConfig, connector: Connector, raw: JsonSchema): FormDefinition {
  const t = translator(form.locale);
  const normalised = normaliseSchema(raw);
  const options = { locale: form.locale, defaultCountry: form.defaultCountry, birthDates: form.birthDates, formats: valueFormatsFor(form) };
  const fields = formFields(normalised);
  const hidden = form.hidden.filter((name) => fields.includes(name));
  const { schema, uiSchema } = enrichForm(normalised, buildUiSchema(normalised, { hidden }), options);
  const pages = buildPages(schema, { pages: form.pages, hidden, t });
  // A page that cannot be cut out of the schema fails here, not in the browser.
  for (const page of pages) pageSchema(schema, page);
  // A hidden username is prefilled, so nobody types into a live check.
  const username = Object.hasOwn(propertiesOf(schema), "username") && !hidden.includes("username");
  return {
    id: form.id,
    title: form.title,
    locale: form.locale,
    schema,
    uiSchema,
    pages,
    checks: username && connector.isUsernameAvailable ? { username: "username" } : {},
    hidden,
    ...(form.confirmation ? { confirmation: form.confirmation } : {}),
  };
}

/** Everything a route handler needs for one form. Unknown form → AppError not_found. */
export async function getFormContext(formId: string): Promise<FormContext> {
  const form = findForm(formId);
  if (!form) throw new AppError("not_found", translator(undefined)("unknownForm", { formId }));
  const connector = connectorFor(form);
  const raw = await connector.schema();
  // Built again each day too: birth-date bounds are relative to today.
  let entry = cache.get(form.id);
  if (!entry || entry.raw !== raw || entry.day !== utcToday()) {
    entry = { raw, day: utcToday(), definition: build(form, connector, raw) };
    cache.set(form.id, entry);
  }
  return { form, connector, definition: entry.definition, t: translator(form.locale) };
}

export async function getFormDefinition(formId: string): Promise<FormDefinition> {
  return (await getFormContext(formId)).definition;
}
