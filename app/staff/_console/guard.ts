import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { getStaffAccounts, staffSecret } from "@/lib/staff";
import type { StaffRole } from "@/lib/staff/accounts";
import { hasRole, sessionCookie, staffFromToken, type StaffMember } from "@/lib/staff/session";
import { appLocale } from "../../_form/language";
import type { FilterField } from "./StaffFilters";
import { consoleText, type ConsoleText } from "./texts";

/**
 * Every console page starts with this: without a live session it sends the visitor
 * to the sign-in page (and back here after), with a role too low to the console's
 * home with a notice. route-tree.test.ts checks that every page calls it.
 */
export async function requireStaffPage(role: StaffRole, here: string): Promise<StaffMember> {
  const jar = await cookies();
  const token = sessionCookie(Object.fromEntries(jar.getAll().map((cookie) => [cookie.name, cookie.value])));
  const staff = await staffFromToken(token, staffSecret(), await getStaffAccounts());
  if (!staff) redirect(`/staff/sign-in?callbackUrl=${encodeURIComponent(here)}`);
  if (!hasRole(staff, role)) redirect("/staff?denied=admin");
  return staff;
}

/**
 * The console's words for this request: the browser's choice among the app's languages. It is
 * the page's <html lang>, except on an assisted registration's page, whose form speaks its own
 * (proxy.ts): there the console's parts say their `lang`.
 */
export async function consoleTexts(): Promise<ConsoleText> {
  return consoleText(await appLocale());
}

/**
 * Why a list page's query string was refused, in the console's language, naming the filter
 * by its label (the staff API says the same with the parameter's name: queryProblem).
 */
export function filterProblem(t: ConsoleText, error: z.ZodError, fields: readonly FilterField[]): string {
  const name = String(error.issues[0]?.path[0] ?? "");
  const field = fields.find((candidate) => candidate.name === name)?.label ?? (name === "limit" ? t("fieldLimit") : name === "after" ? t("fieldPage") : name);
  const kind = name === "from" || name === "to" ? "filterDate" : name === "limit" ? "filterLimit" : name === "after" ? "filterLink" : "filterChoice";
  return t(kind, { field });
}
