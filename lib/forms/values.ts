import "server-only";
import type { FormData, JsonSchema, ValueFormats } from "@/lib/connectors/types";
import { isObject } from "./json";
import { pathsWithFormat } from "./kinds";
import { formatPhone, normalisePhone } from "./phone";

function mapAt(data: FormData, path: string[], map: (value: string) => string): FormData {
  const [head, ...rest] = path;
  const value = data[head];
  if (rest.length > 0) return isObject(value) ? { ...data, [head]: mapAt(value, rest, map) } : data;
  return typeof value === "string" ? { ...data, [head]: map(value) } : data;
}

function mapFormat(schema: JsonSchema, data: FormData, format: string, map: (value: string) => string): FormData {
  return pathsWithFormat(schema, format).reduce((out, path) => mapAt(out, path.split("."), map), data);
}

/** The answers as the app checks and keeps them: phone numbers in E.164, read with the form's country. */
export function prepareAnswers(schema: JsonSchema, data: FormData, defaultCountry?: string): FormData {
  return mapFormat(schema, data, "phone", (value) => normalisePhone(value, defaultCountry));
}

/** Checked answers in the shapes the vendor wants (its ValueFormats). Countries are codes of that kind already. */
export function vendorAnswers(schema: JsonSchema, data: FormData, formats: ValueFormats): FormData {
  return mapFormat(schema, data, "phone", (value) => formatPhone(value, formats.phone));
}
