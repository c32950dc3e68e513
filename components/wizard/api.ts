import { rememberLanguages } from "@/lib/i18n/foreign";
import type { FieldMessages } from "./paths";
import type { Answers } from "./schema";

/** Client for the app's own public API (never a vendor); what only the end of the form calls is in submissionApi.ts. */

export type SubmissionStatus = "received" | "delivered" | "rejected" | "failed" | "awaiting_person" | "expired";

export type ServerValidation =
  /** `email`: the email check's verdict, when asked with the page (null: the vendor could not say). */
  | { ok: true; errors: FieldMessages; vendorChecked: boolean; email?: EmailVerdict | null }
  | { ok: false };

/**
 * The server answers in the page's language (its messages, its field titles): the
 * page's <html lang>, which HtmlLang keeps equal to the form's language.
 */
export const accept = () => ({ Accept: "application/json", "Accept-Language": document.documentElement.lang || "en" });
export const jsonHeaders = () => ({ "Content-Type": "application/json", ...accept() });
/**
 * Where a form's browser calls go: the definition's `api` (the staff console's assisted
 * registration has its own, behind the staff sign-in), else the public /api/forms/{id}.
 */
export const formApi = (definition: { id: string; api?: string }) => definition.api ?? `/api/forms/${encodeURIComponent(definition.id)}`;

export async function readJson(response: Response): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await response.json();
    return typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function messagesOf(value: unknown): FieldMessages {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** This page's errors from the server; `{ok:false}` when it could not answer (5xx, network, timeout). */
export async function validatePage(api: string, page: number, data: Answers, checks: "email"[]): Promise<ServerValidation> {
  try {
    const response = await fetch(`${api}/validate`, {
      method: "POST",
      headers: jsonHeaders(),
      body: JSON.stringify({ page, data, checks }),
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) return { ok: false };
    const body = await readJson(response);
    const errors = messagesOf(body.errors);
    rememberLanguages(errors, body.languages);
    return { ok: true, errors, vendorChecked: body.vendorChecked === true, email: (body.checks as { email?: EmailVerdict | null } | undefined)?.email };
  } catch {
    return { ok: false };
  }
}

/** true / false, or null when the availability could not be checked. Throws AbortError when aborted. */
export async function checkUsername(api: string, value: string, signal: AbortSignal): Promise<boolean | null> {
  try {
    const response = await fetch(`${api}/checks/username?value=${encodeURIComponent(value)}`, { signal, headers: accept() });
    if (!response.ok) return null;
    const { available } = await readJson(response);
    return typeof available === "boolean" ? available : null;
  } catch (error) {
    if (signal.aborted) throw error;
    return null;
  }
}

export type EmailVerdict = "new" | "registered" | "transferable" | "not_transferable";
