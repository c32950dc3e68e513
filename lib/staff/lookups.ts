import "server-only";
import { getAudit } from "@/lib/audit";
import { connectorFor, findForm, loadConfig } from "@/lib/config/forms";
import type { LookupKey, LookupResult } from "@/lib/connectors/types";
import { AppError, isAppError } from "@/lib/errors";
import { textIn } from "@/lib/forms/texts";
import type { StaffTranslate } from "@/lib/i18n/staff";
import { log } from "@/lib/log";
import type { StaffMember } from "./session";

export interface LookupForm {
  id: string;
  title: string;
  lookupBy: LookupKey;
}

/** The forms whose vendor offers a lookup (Connector.lookup), with what staff type to find someone. */
export function lookupForms(): LookupForm[] {
  return loadConfig().forms.flatMap((form) => {
    const connector = connectorFor(form);
    return connector.lookup && connector.lookupBy ? [{ id: form.id, title: textIn(form.title, form.locale, form.locale), lookupBy: connector.lookupBy }] : [];
  });
}

/** What the console shows for a lookup: the record, "not found", or why it could not be asked. */
export type LookupAnswer =
  | { outcome: "found"; result: LookupResult }
  | { outcome: "not_found" }
  | { outcome: "error"; code: "vendor_misconfigured" | "vendor_unavailable" | "bad_request"; message: string };

/**
 * Looks a person up at the form's vendor through its connector; the console has no
 * vendor code. A refused configuration (a wrong token) is said as such, for staff to
 * pass on to whoever configures the form. Written to the audit log without the key.
 */
export async function lookUp(formId: string, key: string, staff: StaffMember, t: StaffTranslate): Promise<LookupAnswer> {
  const form = findForm(formId);
  if (!form) throw new AppError("not_found", t("unknownForm", { formId }));
  const connector = connectorFor(form);
  if (!connector.lookup || !connector.lookupBy) throw new AppError("not_found", t("noLookup", { formId }));
  let answer: LookupAnswer;
  try {
    const result = await connector.lookup(key);
    answer = result ? { outcome: "found", result } : { outcome: "not_found" };
  } catch (error) {
    if (!isAppError(error)) throw error;
    log.warn("staff lookup failed", { form: formId, code: error.code });
    if (error.code === "vendor_misconfigured") answer = { outcome: "error", code: error.code, message: t("lookupMisconfigured", { message: error.message }) };
    else if (error.code === "bad_request" || error.code === "vendor_rejected") answer = { outcome: "error", code: "bad_request", message: error.message };
    else answer = { outcome: "error", code: "vendor_unavailable", message: t("lookupUnavailable", { message: error.message }) };
  }
  await (await getAudit()).append({ actor: staff, action: "lookup", target: formId, details: { by: connector.lookupBy, outcome: answer.outcome } });
  return answer;
}
