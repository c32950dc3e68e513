import "server-only";
import type { JsonSchema } from "@/lib/connectors/types";
import type { FieldErrors } from "@/lib/errors";
import type { Translate } from "@/lib/i18n";
import { compileSchema } from "./ajv";
import { stripEmpty } from "./answers";
import { describeError, isIgnoredError } from "./describe";
import { formFields } from "./fields";
import type { PageSpec } from "./types";

export { stripEmpty } from "./answers";
export { describeError, isIgnoredError, type ErrorLike } from "./describe";

// Wrapper keywords only say "a branch failed"; a specific error on the same field says more.
const VAGUE = new Set(["oneOf", "anyOf", "allOf", "not"]);

/** One message per field (dotted paths), in form order; the first, most specific error of a field wins. */
export function validateData(schema: JsonSchema, data: unknown, t: Translate): FieldErrors {
  const validate = compileSchema(schema);
  if (validate(stripEmpty(data))) return {};
  const errors = (validate.errors ?? [])
    .filter((error) => !isIgnoredError(error))
    .sort((a, b) => Number(VAGUE.has(a.keyword)) - Number(VAGUE.has(b.keyword)));
  const found = new Map<string, string>();
  for (const error of errors) {
    const { field, message } = describeError(error, schema, t);
    if (!found.has(field)) found.set(field, message);
  }
  const order = formFields(schema);
  const rank = (field: string) => {
    const index = order.indexOf(field.split(".")[0]);
    return index === -1 ? order.length : index;
  };
  return Object.fromEntries([...found].sort(([a], [b]) => rank(a) - rank(b)));
}

/** Keeps the errors of this page's fields (how the vendor's whole-form answer is cut to one page). */
export function errorsForPage(errors: FieldErrors, page: PageSpec): FieldErrors {
  const fields = new Set(page.fields);
  return Object.fromEntries(Object.entries(errors).filter(([key]) => fields.has(key.split(".")[0])));
}

/** The vendor's message wins for a field, and a vendor error on "address" replaces local ones under "address.*". */
export function mergeErrors(local: FieldErrors, vendor: FieldErrors): FieldErrors {
  const vendorKeys = Object.keys(vendor);
  const covered = (key: string) => vendorKeys.some((v) => key === v || key.startsWith(`${v}.`));
  const kept = Object.entries(local).filter(([key]) => !covered(key));
  return { ...Object.fromEntries(kept), ...vendor };
}
