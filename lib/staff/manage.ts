import "server-only";
import { getAudit } from "@/lib/audit";
import { AppError, isAppError } from "@/lib/errors";
import type { StaffTranslate } from "@/lib/i18n/staff";
import { normaliseEmail, publicAccount, type StaffAccount, type StaffRole } from "./accounts";
import { getStaffAccounts } from "./index";
import { MIN_PASSWORD_LENGTH } from "./password";

/** The accounts' own refusals, in the request's language. */
function worded(error: unknown, t: StaffTranslate, email?: string): unknown {
  if (!isAppError(error)) return error;
  if (error.code === "conflict" && email) return new AppError("conflict", t("accountExists", { email: normaliseEmail(email) }), { fields: { email: t("accountExists", { email: normaliseEmail(email) }) } });
  if (error.code === "validation_failed") return new AppError("validation_failed", t("passwordTooShort", { min: MIN_PASSWORD_LENGTH }), { fields: { password: t("passwordTooShort", { min: MIN_PASSWORD_LENGTH }) } });
  return error;
}
import type { StaffMember } from "./session";

export type AccountChange = { change: "disable" } | { change: "enable" } | { change: "role"; role: StaffRole } | { change: "reset"; password: string };

export async function listAccounts(): Promise<StaffAccount[]> {
  return (await (await getStaffAccounts()).list()).map(publicAccount);
}

/** An admin adds an account (audited; the password is never logged). */
export async function addAccount(input: { email: string; name?: string; role: StaffRole; password?: string }, by: StaffMember, t: StaffTranslate): Promise<StaffAccount> {
  const row = await (await getStaffAccounts()).create(input).catch((error: unknown) => {
    throw worded(error, t, input.email);
  });
  await (await getAudit()).append({ actor: by, action: "account_created", target: row.email, details: { role: row.role, password: input.password !== undefined } });
  return publicAccount(row);
}

/**
 * Disable, enable, change the role of or reset an account; each ends the account's
 * open sessions (session version) and is audited. An admin cannot lock themself out.
 */
export async function changeAccount(id: string, change: AccountChange, by: StaffMember, t: StaffTranslate): Promise<StaffAccount> {
  const accounts = await getStaffAccounts();
  const before = await accounts.byId(id);
  if (!before) throw new AppError("not_found", t("unknownAccount", { id }));
  if (id === by.id && (change.change === "disable" || (change.change === "role" && change.role !== "admin"))) throw new AppError("conflict", t("notYourself"));
  const row =
    change.change === "reset"
      ? await accounts.resetPassword(id, change.password).catch((error: unknown) => {
          throw worded(error, t);
        })
      : change.change === "role"
        ? await accounts.setRole(id, change.role)
        : await accounts.setDisabled(id, change.change === "disable");
  const action = change.change === "reset" ? "account_reset" : change.change === "role" ? "account_role" : change.change === "disable" ? "account_disabled" : "account_enabled";
  await (await getAudit()).append({ actor: by, action, target: row.email, details: change.change === "role" ? { from: before.role, to: change.role } : {} });
  return publicAccount(row);
}
