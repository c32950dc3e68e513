import type { FieldTexts, LocalizedText } from "@/lib/config/schema";
import type { JsonSchema } from "@/lib/connectors/types";
import { AppError } from "@/lib/errors";
import { fieldSchema } from "./fields";
import { isObject } from "./json";

/** A forms-file text in `locale`: a plain string is the same in every language; a missing language falls back to `fallback`'s. */
export function textIn(text: LocalizedText, locale: string, fallback: string): string {
  if (typeof text === "string") return text;
  const texts = text as Record<string, string | undefined>;
  return texts[locale] ?? texts[fallback] ?? Object.values(texts).find((value) => value !== undefined) ?? "";
}

type Ui = Record<string, unknown>;

function uiAt(uiSchema: Ui, path: string): Ui {
  let node = uiSchema;
  for (const segment of path.split(".")) {
    if (!isObject(node[segment])) node[segment] = {};
    node = node[segment] as Ui;
  }
  return node;
}

function applyOptions(field: JsonSchema, ui: Ui, options: Record<string, string>) {
  for (const key of ["oneOf", "anyOf"]) {
    const list = field[key];
    if (Array.isArray(list)) for (const option of list) if (isObject(option) && Object.hasOwn(options, String(option.const))) option.title = options[String(option.const)];
  }
  // Plain enums have no place for titles: RJSF reads their labels from ui:enumNames.
  if (Array.isArray(field.enum)) {
    const current = Array.isArray(ui["ui:enumNames"]) ? (ui["ui:enumNames"] as unknown[]) : [];
    ui["ui:enumNames"] = field.enum.map((value, index) => options[String(value)] ?? current[index] ?? String(value));
  }
}

/**
 * The form's own words over the vendor's, in one language: labels (the schema's
 * titles, which errors and the review name too), descriptions, help texts and
 * option labels. Works on copies; a field the schema does not have is a config error.
 */
export function withFieldTexts(
  schema: JsonSchema,
  uiSchema: Ui,
  fields: Record<string, FieldTexts>,
  locale: string,
  fallback: string,
  /** Fields the connector may add later (Connector.laterFields): their texts wait for them. */
  later: readonly string[] = [],
): { schema: JsonSchema; uiSchema: Ui } {
  const out = { schema: structuredClone(schema), uiSchema: structuredClone(uiSchema) };
  const text = (value: LocalizedText) => textIn(value, locale, fallback);
  for (const [path, texts] of Object.entries(fields)) {
    const field = fieldSchema(out.schema, path);
    if (!field && later.includes(path.split(".")[0])) continue;
    if (!field) throw new AppError("config_invalid", `fields names unknown field "${path}"`);
    if (texts.label) field.title = text(texts.label);
    if (texts.description) field.description = text(texts.description);
    const ui = uiAt(out.uiSchema, path);
    if (texts.help) ui["ui:help"] = text(texts.help);
    if (texts.options) applyOptions(field, ui, Object.fromEntries(Object.entries(texts.options).map(([value, label]) => [value, text(label)])));
  }
  return out;
}
