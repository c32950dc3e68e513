import { retrieveSchema, type RJSFSchema, type ValidatorType } from "@rjsf/utils";
import type { JsonSchema } from "@/lib/connectors/types";
import { longDate } from "@/lib/forms/dates";
import type { FormDefinition } from "@/lib/forms/types";
import type { Translate } from "@/lib/i18n";
import { enumTitle, isEmptyAnswer, isPasswordField, isRecord, propertiesOf, type Answers } from "./schema";

export interface ReviewRow {
  /** Top-level field name; the Change link returns to it. */
  field: string;
  page: number;
  title: string;
  /** One line per answer; an object (an address) has one line per part. */
  lines: string[];
}

type Ui = Record<string, unknown>;
const uiOf = (uiSchema: Ui, name: string): Ui => (isRecord(uiSchema[name]) ? uiSchema[name] : {});


export function formatAnswer(value: unknown, schema: JsonSchema, ui: Ui, t: Translate, locale: string): string {
  // An unticked box is an answer too: "No".
  if (value === undefined && schema.type === "boolean") return t("no");
  if (isEmptyAnswer(value)) return t("notAnswered");
  if (isPasswordField(schema, ui)) return t("passwordHidden");
  if (typeof value === "boolean") return value ? t("yes") : t("no");
  const title = enumTitle(schema, value, ui);
  if (title !== undefined) return title;
  if (typeof value === "string" && schema.format === "date") return longDate(value, locale);
  // The language's decimal sign (1,5 in Dutch and French); no grouping, which would split a house number.
  if (typeof value === "number") return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 20 }).format(value);
  if (Array.isArray(value)) return value.map((item) => formatAnswer(item, isRecord(schema.items) ? schema.items : {}, {}, t, locale)).join(", ");
  return String(value);
}

function linesOf(value: unknown, schema: JsonSchema, ui: Ui, t: Translate, locale: string, resolve: (schema: JsonSchema, value: Answers) => JsonSchema): string[] {
  if (schema.type !== "object" || !isRecord(value)) return [formatAnswer(value, schema, ui, t, locale)];
  // The object's own conditions decide which parts it has (IBAN and BIC, or a sort code).
  const lines = Object.entries(propertiesOf(resolve(schema, value)))
    .filter(([name]) => !isEmptyAnswer(value[name]))
    .map(([name, part]) => `${(part.title as string | undefined) ?? name}: ${formatAnswer(value[name], part, uiOf(ui, name), t, locale)}`);
  return lines.length > 0 ? lines : [t("notAnswered")];
}

/**
 * Every answer the person gave, page by page, as the fields appear on the pages.
 * Conditional fields count only while their condition holds (resolved against the
 * answers), and hidden fields (a campaign code from the URL) are never shown.
 */
export function reviewRows(
  definition: FormDefinition,
  data: Answers,
  pageSchemaOf: (page: number) => JsonSchema,
  validatorOf: (page: number) => ValidatorType,
  t: Translate,
): ReviewRow[] {
  const hidden = new Set(definition.hidden);
  return definition.pages.flatMap((page, index) => {
    const pageSchema = pageSchemaOf(index + 1) as RJSFSchema;
    const resolved = propertiesOf(retrieveSchema(validatorOf(index + 1), pageSchema, pageSchema, data));
    const order = [...page.fields, ...Object.keys(resolved).filter((name) => !page.fields.includes(name))];
    return order
      .filter((name) => resolved[name] && !hidden.has(name) && uiOf(definition.uiSchema, name)["ui:widget"] !== "hidden")
      .map((name) => {
        const schema = resolved[name];
        const ui = uiOf(definition.uiSchema, name);
        const resolve = (part: JsonSchema, value: Answers) => retrieveSchema(validatorOf(index + 1), part as RJSFSchema, pageSchema, value) as JsonSchema;
        return { field: name, page: index, title: (schema.title as string | undefined) ?? name, lines: linesOf(data[name], schema, ui, t, definition.locale, resolve) };
      });
  });
}
