import "server-only";
import { lookupFields } from "@/lib/connectors/lookup";
import type { LookupResult } from "@/lib/connectors/types";

/**
 * A registration as DNL's lookup returns it (`payload`), as staff may see it. DNL sends
 * the account's password in plain text: it is dropped here, with any other field named
 * like a credential (lookupFields), before the record goes anywhere. `status` is DNL's
 * own ("new" in the document's example).
 */
export function registrationRecord(payload: Record<string, unknown>): LookupResult {
  const { password: _password, ...rest } = payload;
  const fields = lookupFields(rest);
  return typeof payload.status === "string" ? { fields, status: payload.status } : { fields };
}
