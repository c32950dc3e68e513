import type { RJSFSchema, RJSFValidationError, ValidatorType } from "@rjsf/utils";
import type { JsonSchema } from "@/lib/connectors/types";
import { stripEmpty, withEmptyGroups } from "@/lib/forms/answers";
import { describeError } from "@/lib/forms/describe";
import type { Translate } from "@/lib/i18n";
import type { FieldMessages } from "./paths";
import type { Answers } from "./schema";

// Keywords that only say "a sub-schema failed"; the sub-schema's own error says what is wrong.
// Not `not`: a failed `not` has no sub-schema error (its sub-schema passed), so its own is the only one.
const WRAPPER_KEYWORDS = new Set(["if", "then", "else", "allOf", "anyOf", "oneOf"]);

function segmentsOf(property: string | undefined): string[] {
  return (property ?? "").replace(/^\./, "").split(".").filter(Boolean);
}

/** RJSF flattens ajv's error into `property`; describeError wants ajv's own shape back. */
export function toAjvShape(error: RJSFValidationError): { keyword: string; params: Record<string, unknown>; instancePath: string } {
  const keyword = error.name ?? "";
  const params = (error.params ?? {}) as Record<string, unknown>;
  const segments = segmentsOf(error.property);
  if (keyword === "required" && typeof params.missingProperty === "string") segments.pop();
  const instancePath = segments.map((segment) => `/${segment.replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
  return { keyword, params, instancePath };
}

/** transformErrors for RJSF: every message comes from the catalogue through describeError. */
export function catalogueErrors(schema: JsonSchema, t: Translate) {
  return (errors: RJSFValidationError[]): RJSFValidationError[] =>
    errors
      .filter((error) => !WRAPPER_KEYWORDS.has(error.name ?? ""))
      .map((error) => {
        const { field, message } = describeError(toAjvShape(error), schema, t);
        return { ...error, property: `.${field}`, message, stack: message };
      });
}

/** The browser's verdict on one page (`validator` is the page's own, see validators.ts): dotted path → first message. */
export function validateInBrowser(validator: ValidatorType, pageSchema: JsonSchema, data: Answers, schema: JsonSchema, t: Translate): FieldMessages {
  // Blank answers count as missing, exactly as the server sees them (lib/forms stripEmpty).
  const { errors } = validator.validateFormData(withEmptyGroups(pageSchema, stripEmpty(data)), pageSchema as RJSFSchema, undefined, catalogueErrors(schema, t));
  const messages: FieldMessages = {};
  for (const error of errors) {
    const path = segmentsOf(error.property).join(".");
    if (path && error.message && !(path in messages)) messages[path] = error.message;
  }
  return messages;
}
