import "server-only";
import type { JsonSchema } from "@/lib/connectors/types";
import type { FieldErrors } from "@/lib/errors";
import type { Translate } from "@/lib/i18n";
import { compileSchema } from "./ajv";
import { stripEmpty, withEmptyGroups } from "./answers";
import { describeError, isIgnoredError } from "./describe";
import { formFields } from "./fields";
import type { PageSpec } from "./types";

export { stripEmpty } from "./answers";
export { describeError, isIgnoredError, type ErrorLike } from "./describe";

// Wrapper keywords only say "a branch failed"; a specific error on the same field says more.
const VAGUE = new Set(["oneOf", "anyOf", "allOf", "not"]);

// Errors about what a value is (a date that does not exist, a phone number that cannot) that
// the app words more precisely than a vendor's generic "not valid".
const PRECISE_FORMATS = new Set(["date", "date-time", "phone"]);
const isPrecise = (error: { keyword: string; params: Record<string, unknown> }) =>
  error.keyword === "formatMinimum" || error.keyword === "formatMaximum" || (error.keyword === "format" && PRECISE_FORMATS.has(String(error.params.format)));

/** validateData, and the fields whose message is about the value's own shape (see mergeErrors). */
export function validateDetailed(schema: JsonSchema, data: unknown, t: Translate): { errors: FieldErrors; precise: Set<string> } {
  const validate = compileSchema(schema);
  const precise = new Set<string>();
  if (validate(withEmptyGroups(schema, stripEmpty(data)))) return { errors: {}, precise };
  const errors = (validate.errors ?? [])
    .filter((error) => !isIgnoredError(error))
    .sort((a, b) => Number(VAGUE.has(a.keyword)) - Number(VAGUE.has(b.keyword)));
  const found = new Map<string, string>();
  for (const error of errors) {
    const { field, message } = describeError(error, schema, t);
    if (found.has(field)) continue;
    found.set(field, message);
    if (isPrecise(error)) precise.add(field);
  }
  const order = formFields(schema);
  const rank = (field: string) => {
    const index = order.indexOf(field.split(".")[0]);
    return index === -1 ? order.length : index;
  };
  return { errors: Object.fromEntries([...found].sort(([a], [b]) => rank(a) - rank(b))), precise };
}

/** One message per field (dotted paths), in form order; the first, most specific error of a field wins. */
export function validateData(schema: JsonSchema, data: unknown, t: Translate): FieldErrors {
  return validateDetailed(schema, data, t).errors;
}

/** Keeps the errors of this page's fields (how the vendor's whole-form answer is cut to one page). */
export function errorsForPage<T>(errors: Record<string, T>, page: PageSpec): Record<string, T> {
  const fields = new Set(page.fields);
  return Object.fromEntries(Object.entries(errors).filter(([key]) => fields.has(key.split(".")[0])));
}

/**
 * The vendor's message wins for a field (its own wording of its own rules), except where
 * ours is `precise` (a date that does not exist: the vendor's says no more). A vendor error
 * on a group ("address") gives way to local errors on its parts, which say which part to fix.
 */
export function mergeErrors(local: FieldErrors, vendor: FieldErrors, precise: ReadonlySet<string> = new Set()): FieldErrors {
  const localKeys = Object.keys(local);
  const hasParts = (key: string) => localKeys.some((own) => own.startsWith(`${key}.`));
  const kept = Object.entries(vendor).filter(([key]) => !precise.has(key) && !hasParts(key));
  return { ...local, ...Object.fromEntries(kept) };
}
