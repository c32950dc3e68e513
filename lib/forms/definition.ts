import "server-only";
import { connectorFor, findForm, referenceKindFor, valueFormatsFor, type FormConfig } from "@/lib/config/forms";
import type { Connector, JsonSchema } from "@/lib/connectors/types";
import { AppError } from "@/lib/errors";
import { DEFAULT_LOCALE, LOCALES, translator, type Translate } from "@/lib/i18n";
import { chooseLocale, localeFor, type LanguageHints } from "@/lib/i18n/negotiate";
import { formFields } from "./fields";
import { propertiesOf } from "./json";
import { normaliseSchema } from "./normalise";
import { utcToday } from "./dates";
import { enrichForm } from "./enrich";
import { buildPages, pageSchema } from "./pages";
import type { FormDefinition } from "./types";
import { textIn, withFieldTexts } from "./texts";
import { buildUiSchema } from "./ui-schema";
import { passwordPaths } from "./passwords";

/**
 * Who fills the form in: the person ("public"), or a staff member for them ("staff",
 * the console's assisted registration). Staff see the fields the forms file hides from
 * the public (e.g. an action code) and are never asked a password: the server makes one.
 */
export type Audience = "public" | "staff";

export interface FormContext {
  form: FormConfig;
  connector: Connector;
  definition: FormDefinition;
  /** Translator in the language of this request (see localeFor). */
  t: Translate;
}

export type { LanguageHints };
export { localeFor };

/**
 * One definition per form and language, remembered with the raw schema object it came from:
 * a connector that serves its cached schema gets the cached definition, a
 * re-fetched schema (a new object) is normalised again.
 */
const cache = new Map<string, { raw: JsonSchema; day: string; definition: FormDefinition }>();

function build(form: FormConfig, connector: Connector, raw: JsonSchema, locale: string, audience: Audience): FormDefinition {
  const t = translator(locale);
  const text = (value: FormConfig["title"]) => textIn(value, locale, form.locale);
  const normalised = normaliseSchema(raw);
  const options = { locale, defaultCountry: form.defaultCountry, birthDates: form.birthDates, formats: valueFormatsFor(form) };
  const fields = formFields(normalised);
  const passwords = passwordPaths(normalised, buildUiSchema(normalised, { hidden: [] })).filter((path) => !path.includes("."));
  const hidden = audience === "staff" ? passwords : form.hidden.filter((name) => fields.includes(name));
  const enriched = enrichForm(normalised, buildUiSchema(normalised, { hidden }), options);
  const { schema, uiSchema } = withFieldTexts(enriched.schema, enriched.uiSchema, form.fields, locale, form.locale, connector.laterFields);
  const configured = form.pages?.map((page) => ({ title: text(page.title), fields: page.fields }));
  const pages = buildPages(schema, { pages: configured, hidden, t });
  // A page that cannot be cut out of the schema fails here, not in the browser.
  for (const page of pages) pageSchema(schema, page);
  // A hidden username is prefilled, so nobody types into a live check.
  const username = Object.hasOwn(propertiesOf(schema), "username") && !hidden.includes("username");
  const email = Object.hasOwn(propertiesOf(schema), "email") && !hidden.includes("email") && connector.checkEmail !== undefined;
  return {
    id: form.id,
    title: text(form.title),
    locale,
    locales: form.locales,
    schema,
    uiSchema,
    pages,
    checks: { ...(username && connector.isUsernameAvailable ? { username: "username" } : {}), ...(email ? { email: "email" } : {}) },
    hidden,
    referenceKind: referenceKindFor(form),
    ...(form.confirmation ? { confirmation: form.confirmation } : {}),
    ...(audience === "staff" ? { api: `/api/staff/forms/${encodeURIComponent(form.id)}`, generated: passwords } : {}),
  };
}

/** Everything a route handler needs for one form, in the request's language. Unknown form → AppError not_found. */
export async function getFormContext(formId: string, hints: LanguageHints = {}, audience: Audience = "public"): Promise<FormContext> {
  const form = findForm(formId);
  if (!form) throw new AppError("not_found", translator(chooseLocale({ ...hints, offered: LOCALES, fallback: DEFAULT_LOCALE }))("unknownForm", { formId }));
  const locale = localeFor(form, hints);
  const connector = connectorFor(form);
  const raw = await connector.schema();
  // Built again each day too: birth-date bounds are relative to today.
  const key = `${form.id}:${locale}:${audience}`;
  let entry = cache.get(key);
  if (!entry || entry.raw !== raw || entry.day !== utcToday()) {
    entry = { raw, day: utcToday(), definition: build(form, connector, raw, locale, audience) };
    cache.set(key, entry);
  }
  return { form, connector, definition: entry.definition, t: translator(locale) };
}

export async function getFormDefinition(formId: string, hints: LanguageHints = {}, audience: Audience = "public"): Promise<FormDefinition> {
  return (await getFormContext(formId, hints, audience)).definition;
}
