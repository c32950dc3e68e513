import "server-only";
import { appOrigin } from "@/lib/config/env";
import { translator, type Translate } from "@/lib/i18n";
import { staffLocale, staffTranslator, type StaffTranslate } from "@/lib/i18n/staff";
import { getStaffAccounts, staffSecret } from "@/lib/staff";
import type { StaffRole } from "@/lib/staff/accounts";
import { hasRole, parseCookies, sessionCookie, staffFromToken, type StaffMember } from "@/lib/staff/session";
import { languageHints } from "./language";
import { errorResponse, json } from "./respond";

export interface StaffRequest {
  staff: StaffMember;
  t: StaffTranslate;
  /** The app's common messages (body errors, form texts) in the same language. */
  common: Translate;
}

/** The staff member a request's session cookie belongs to, or null (no cookie, expired, revoked). */
export async function staffOf(request: Request): Promise<StaffMember | null> {
  return staffFromToken(sessionCookie(parseCookies(request.headers.get("cookie"))), staffSecret(), await getStaffAccounts());
}

/**
 * A state-changing staff call must come from the console's own pages: a browser
 * always sends Origin with one, so a missing Origin is refused too (unlike the
 * public API, scripts have no business here; they use the operator API).
 */
export function staffOriginAllowed(headers: Headers): boolean {
  const origin = headers.get("origin");
  if (!origin) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  return [headers.get("host"), headers.get("x-forwarded-host")?.split(",")[0].trim(), new URL(appOrigin()).host].includes(host);
}

const READS = new Set(["GET", "HEAD"]);

/**
 * Every /api/staff route handler is made with this: no session → 401, a role too low →
 * 403, a change from another origin → 403, each in the request's language; then the
 * handler, with the staff member. route-tree.test.ts checks that every route uses it.
 */
export function staffRoute<Context>(role: StaffRole, handler: (request: Request, context: Context, who: StaffRequest) => Promise<Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    const t = staffTranslator(languageHints(request));
    const common = translator(staffLocale(languageHints(request)));
    try {
      if (!READS.has(request.method) && !staffOriginAllowed(request.headers)) return json({ error: t("originRefused") }, { status: 403 });
      const staff = await staffOf(request);
      if (!staff) return json({ error: t("signInRequired") }, { status: 401 });
      if (!hasRole(staff, role)) return json({ error: t("adminRequired") }, { status: 403 });
      return await handler(request, context, { staff, t, common });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
