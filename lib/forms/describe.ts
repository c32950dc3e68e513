import type { JsonSchema } from "@/lib/connectors/types";
import type { Translate } from "@/lib/i18n";
import { longDate, utcToday } from "./dates";
import { choiceOptions, fieldSchema, fieldTitle, isBooleanField, isConsentField } from "./fields";
import { decodeSegment } from "./json";

/* Error wording shared by the server (lib/forms/validate.ts) and the browser (components/wizard). */

/** An Ajv error, or the RJSF error built from one (its `name` passed as `keyword`). */
export interface ErrorLike {
  keyword: string;
  params: Record<string, unknown>;
  /**
   * Ajv's JSON pointer ("/address/postcode", "" for the root). RJSF's dotted
   * `property` (".address.postcode", "email") is accepted too; RJSF has already
   * appended the missing property of a `required` error to it.
   */
  instancePath: string;
}

/** Fields named by the error's params rather than its path. */
function namedProperty(error: ErrorLike, pointerForm: boolean): unknown {
  const { keyword, params } = error;
  if (pointerForm && (keyword === "required" || keyword === "dependencies")) return params.missingProperty;
  if (keyword === "additionalProperties") return params.additionalProperty;
  if (keyword === "propertyNames") return params.propertyName;
  return undefined;
}

function fieldPath(error: ErrorLike): string {
  const pointerForm = error.instancePath === "" || error.instancePath.startsWith("/");
  const segments = pointerForm
    ? error.instancePath.split("/").slice(1).map(decodeSegment)
    : error.instancePath.replace(/^\./, "").split(".");
  const named = namedProperty(error, pointerForm);
  if (typeof named === "string") segments.push(named);
  return segments.filter((segment) => segment !== "").join(".");
}

function lengthMessage(error: ErrorLike, field: JsonSchema | undefined, params: Record<string, string | number>, t: Translate): string {
  if (field && field.minLength !== undefined && field.minLength === field.maxLength) return t("exactLength", params);
  return t(error.keyword === "minLength" ? "minLength" : "maxLength", params);
}

function phoneMessage(field: JsonSchema | undefined, params: Record<string, string | number>, t: Translate): string {
  const [national, international] = Array.isArray(field?.examples) ? field.examples : [];
  if (typeof national !== "string" || typeof international !== "string") return t("formatPhone", params);
  return t("formatPhoneExample", { ...params, national, international });
}

/** The formats named for rules JSON Schema cannot say (lib/forms/formats.ts), each with its own wording. */
const FORMAT_MESSAGES: Record<string, "formatIban" | "formatBic" | "formatUkPostcode" | "formatCountry" | "formatCountryOutsideUk"> = {
  iban: "formatIban",
  bic: "formatBic",
  "uk-postcode": "formatUkPostcode",
  country: "formatCountry",
  "country-outside-uk": "formatCountryOutsideUk",
};

function message(error: ErrorLike, field: JsonSchema | undefined, title: string, t: Translate): string {
  const limit = error.params.limit;
  const params = { field: title, limit: typeof limit === "number" || typeof limit === "string" ? limit : "" };
  const choice = choiceOptions(field) !== undefined;
  switch (error.keyword) {
    case "required":
    case "dependencies":
      return t(isConsentField(field) ? "requiredConsent" : choice ? "requiredChoice" : "required", params);
    case "type":
      if (choice) return t("enum", params);
      if (error.params.type === "integer") return t("typeInteger", params);
      return t(error.params.type === "number" ? "typeNumber" : "invalid", params);
    case "minLength":
    case "maxLength":
      return lengthMessage(error, field, params, t);
    case "minimum":
    case "maximum":
      return t(error.keyword, params);
    case "exclusiveMinimum":
    case "exclusiveMaximum": {
      // "more than 0" reads as "1 or more" for whole numbers; for others the limit itself is not allowed.
      if (field?.type !== "integer" || typeof limit !== "number") return t("invalid", params);
      if (error.keyword === "exclusiveMinimum") return t("minimum", { ...params, limit: Math.floor(limit) + 1 });
      return t("maximum", { ...params, limit: Math.ceil(limit) - 1 });
    }
    case "pattern":
      return t("pattern", params);
    case "formatMaximum":
      // A birth date's latest day is today (somewhere on Earth) unless the form asks for a minimum age.
      if (String(limit) >= utcToday()) return t("dateInPast", params);
      return t("dateOnOrBefore", { ...params, date: longDate(String(limit), t.locale ?? "en") });
    case "formatMinimum":
      return t("dateOnOrAfter", { ...params, date: longDate(String(limit), t.locale ?? "en") });
    case "format": {
      const format = String(error.params.format);
      if (format === "phone") return phoneMessage(field, params, t);
      if (format === "email" || format === "idn-email") return t("formatEmail", params);
      if (format === "date" || format === "date-time") return t("formatDate", params);
      if (Object.hasOwn(FORMAT_MESSAGES, format)) return t(FORMAT_MESSAGES[format], params);
      return t(format === "uri" || format === "uri-reference" || format === "iri" ? "formatUri" : "invalid", params);
    }
    case "not":
      // A box that may not be ticked with the other answers (`not: {const: true}`).
      return t(isBooleanField(field) ? "notAllowed" : "invalid", params);
    case "const":
      if (error.params.allowedValue === false && isBooleanField(field)) return t("notAllowed", params);
      return t(isConsentField(field) ? "requiredConsent" : choice ? "enum" : "const", params);
    case "enum":
      return t("enum", params);
    case "oneOf":
    case "anyOf":
      return t(choice ? "enum" : "invalid", params);
    default:
      return t("invalid", params);
  }
}

/** The one mapping from an Ajv/RJSF error to (dotted field path, message in the user's language). */
export function describeError(error: ErrorLike, schema: JsonSchema, t: Translate): { field: string; message: string } {
  const field = fieldPath(error);
  const formTitle = typeof schema.title === "string" ? schema.title : "";
  const title = field ? fieldTitle(schema, field) : formTitle;
  return { field, message: message(error, field ? fieldSchema(schema, field) : schema, title, t) };
}

/** The `if` keyword's own error ("must match \"then\" schema") names no field; the branch's errors do. */
export function isIgnoredError(error: { keyword: string }): boolean {
  return error.keyword === "if";
}
