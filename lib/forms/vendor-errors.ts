import { readRuleText, type JsonSchema, type VendorErrors } from "@/lib/connectors/types";
import type { FieldErrors } from "@/lib/errors";
import type { Translate } from "@/lib/i18n";
import { describeError } from "./describe";
import { fieldTitle } from "./fields";

/** Country codes (alpha-2) as a list of names in the page's language: "Cyprus, Greece or United Kingdom". */
function countryList(codes: unknown, locale = "en"): string {
  const names = new Intl.DisplayNames([locale, "en"], { type: "region" });
  const list = Array.isArray(codes) ? codes.filter((code): code is string => typeof code === "string").map((code) => names.of(code) ?? code) : [];
  return new Intl.ListFormat([locale, "en"], { type: "disjunction" }).format(list);
}

export interface WordedErrors {
  errors: FieldErrors;
  /** Fields whose message stayed in the vendor's language, where that is not the page's: field → language. */
  languages: Record<string, string>;
}

const valueAt = (data: Record<string, unknown>, path: string): unknown =>
  path.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), data);

/**
 * A vendor's messages in the page's language: one whose meaning the connector knows is
 * worded by the app (describeError, as if our own check had found it); any other is
 * shown as the vendor wrote it, and its language is reported so the page can mark it.
 */
export function wordVendorErrors(vendor: VendorErrors, schema: JsonSchema, data: Record<string, unknown>, t: Translate): WordedErrors {
  const errors: FieldErrors = {};
  const languages: Record<string, string> = {};
  for (const [field, { text, lang, rule }] of Object.entries(vendor)) {
    if (rule?.keyword === "usernameTaken") {
      // Named by its value where the answers are at hand; by the field's title where they are not (a status asked after).
      const value = valueAt(data, field);
      errors[field] = t("usernameTaken", { value: value === undefined || value === "" ? fieldTitle(schema, field) : String(value) });
    } else if (rule?.keyword === "emailTaken") {
      errors[field] = t("emailTaken");
    } else if (rule?.keyword === "alreadyRegistered") {
      // An account exists with this address or number: the person may sign in instead.
      errors[field] = t("alreadyRegistered", { field: fieldTitle(schema, field) });
    } else if (rule?.keyword === "phoneCountry") {
      errors[field] = t("phoneCountry", { countries: countryList(rule.params?.countries, t.locale) });
    } else if (rule) {
      const segments = field.split(".");
      const required = rule.keyword === "required";
      const pointer = (required ? segments.slice(0, -1) : segments).map((segment) => `/${segment.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
      const params = required ? { ...rule.params, missingProperty: segments.at(-1) } : (rule.params ?? {});
      errors[field] = describeError({ keyword: rule.keyword, params, instancePath: pointer }, schema, t).message;
    } else {
      errors[field] = text;
      if (lang.split("-")[0] !== t.locale) languages[field] = lang;
    }
  }
  return { errors, languages };
}

/**
 * A delivery's field errors in the page's language: a rule (ruleText) is worded by the
 * app; a vendor's own text is kept as it came.
 */
export function wordRejection(fields: FieldErrors, schema: JsonSchema, data: Record<string, unknown>, t: Translate): FieldErrors {
  const vendor: VendorErrors = {};
  const out: FieldErrors = {};
  for (const [field, text] of Object.entries(fields)) {
    const rule = readRuleText(text);
    if (rule) vendor[field] = { text: "", lang: t.locale ?? "en", rule };
    else out[field] = text;
  }
  return { ...out, ...wordVendorErrors(vendor, schema, data, t).errors };
}
