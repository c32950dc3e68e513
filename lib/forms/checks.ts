import "server-only";
import type { EmailVerdict, FormData } from "@/lib/connectors/types";
import { AppError, isAppError, type FieldErrors } from "@/lib/errors";
import { log } from "@/lib/log";
import { disposableErrors } from "@/lib/protection";
import type { FormContext } from "./definition";
import { knownAnswers } from "./known";
import { emailFieldOf } from "./page-model";
import { valueFormatsFor } from "@/lib/config/forms";
import { errorsForPage, mergeErrors, validateDetailed } from "./validate";
import { prepareAnswers, vendorAnswers } from "./values";
import { wordVendorErrors } from "./vendor-errors";

export interface PageCheck {
  errors: FieldErrors;
  /** Fields whose message is the vendor's own text in another language than the page's: field → its language. */
  languages?: Record<string, string>;
  /** False when the vendor could not be asked; the page was checked locally only. */
  vendorChecked: boolean;
}

/** One page's errors: our schema first, then the vendor's whole-set validate filtered to this page. */
export async function checkPage(context: FormContext, pageNumber: number, data: FormData): Promise<PageCheck> {
  const { definition, connector, t } = context;
  const page = definition.pages[pageNumber - 1];
  if (!page) throw new AppError("bad_request", t("badPage", { total: definition.pages.length }));
  // The vendor sees only the form's own fields, as on submit.
  data = prepareAnswers(definition.schema, knownAnswers(definition.schema, data), context.form.defaultCountry);
  const checked = validateDetailed(definition.schema, data, t);
  const local = { ...disposableErrors(context, data, pageNumber), ...errorsForPage(checked.errors, page) };
  if (!connector.validate) return { errors: local, vendorChecked: false };
  try {
    const answer = errorsForPage(await connector.validate(vendorAnswers(definition.schema, data, valueFormatsFor(context.form))), page);
    const vendor = wordVendorErrors(answer, definition.schema, data, t);
    const errors = mergeErrors(local, vendor.errors, checked.precise);
    const languages = Object.entries(vendor.languages).filter(([field]) => errors[field] === vendor.errors[field]);
    return { errors, vendorChecked: true, ...(languages.length ? { languages: Object.fromEntries(languages) } : {}) };
  } catch (error) {
    // The vendor being down must not stop someone filling in the form: the submit checks again.
    log.warn("vendor validation unavailable", { form: definition.id, code: isAppError(error) ? error.code : "error" });
    return { errors: local, vendorChecked: false };
  }
}

/** Whether a username is free: true/false, or null when the vendor could not say. */
export async function checkUsername({ connector, definition, t }: FormContext, value: string): Promise<boolean | null> {
  if (!definition.checks.username || !connector.isUsernameAvailable) throw new AppError("not_found", t("noUsernameCheck"));
  try {
    return await connector.isUsernameAvailable(value);
  } catch (error) {
    // A value that cannot go into the vendor's URL ("..", "a/b") is the request's fault.
    if (isAppError(error) && error.code === "bad_request") throw new AppError("bad_request", t("usernameUnusable"));
    log.warn("username check unavailable", { form: definition.id, code: isAppError(error) ? error.code : "error" });
    return null;
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The email check of a page's Next, answered with its errors (one request): the verdict on
 * the address the page asks (checkEmail), or undefined when it asks none, or none well formed
 * (its error says so). `allowed` counts the check against the email check's own limits.
 */
export async function pageEmailVerdict(context: FormContext, pageNumber: number, data: FormData, allowed: () => Promise<boolean>): Promise<EmailVerdict | null | undefined> {
  const field = emailFieldOf(context.definition);
  const value = field && context.definition.pages[pageNumber - 1]?.fields.includes(field) ? data[field] : undefined;
  if (!context.connector.checkEmail || typeof value !== "string" || !EMAIL.test(value.trim())) return undefined;
  // Over the limit, the person goes on unchecked (as when the vendor cannot say); the submit decides.
  return (await allowed()) ? checkEmail(context, value.trim()) : null;
}

/** A page's Next: its errors (checkPage), and the checks asked with them (`checks.email`: pageEmailVerdict). */
export async function checkNext(
  context: FormContext,
  { page, data, checks }: { page: number; data: FormData; checks?: "email"[] },
  emailAllowed: () => Promise<boolean>,
): Promise<PageCheck & { checks?: { email: EmailVerdict | null } }> {
  const [checked, email] = await Promise.all([checkPage(context, page, data), checks?.includes("email") ? pageEmailVerdict(context, page, data, emailAllowed) : undefined]);
  return email === undefined ? checked : { ...checked, checks: { email } };
}

/**
 * What the vendor knows of an email address (EmailVerdict), or null when it could not
 * say. The address is personal data: it is never logged, and only the verdict leaves.
 */
export async function checkEmail({ connector, definition, t }: FormContext, value: string): Promise<EmailVerdict | null> {
  if (!Object.values(definition.checks).includes("email") || !connector.checkEmail) throw new AppError("not_found", t("noEmailCheck"));
  if (!EMAIL.test(value)) throw new AppError("bad_request", t("formatEmail"), { fields: { value: t("formatEmail") } });
  try {
    return await connector.checkEmail(value);
  } catch (error) {
    log.warn("email check unavailable", { form: definition.id, code: isAppError(error) ? error.code : "error" });
    return null;
  }
}
