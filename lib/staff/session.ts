import { decode } from "next-auth/jwt";
import type { StaffAccounts, StaffRole } from "./accounts";

/** The staff member behind a request, as the database says now (role, enabled). */
export interface StaffMember {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
}

/** next-auth's session cookie names (plain, and __Secure- when the app runs behind HTTPS). */
export const SESSION_COOKIES = ["__Secure-next-auth.session-token", "next-auth.session-token"];

/** The session cookie's value among a request's cookies (next-auth may split a long one into .0, .1, …). */
export function sessionCookie(cookies: Record<string, string>): string | undefined {
  for (const name of SESSION_COOKIES) {
    if (cookies[name]) return cookies[name];
    const chunks = Object.keys(cookies)
      .filter((key) => key.startsWith(`${name}.`))
      .sort((a, b) => Number(a.slice(name.length + 1)) - Number(b.slice(name.length + 1)));
    if (chunks.length > 0) return chunks.map((key) => cookies[key]).join("");
  }
  return undefined;
}

export function parseCookies(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at < 1) continue;
    try {
      cookies[part.slice(0, at).trim()] = decodeURIComponent(part.slice(at + 1).trim());
    } catch {
      // a cookie that is not ours
    }
  }
  return cookies;
}

/**
 * The staff member a session token belongs to, checked against the database on every
 * request: a disabled account, or one whose session version moved on (disabled, reset,
 * role changed), has no session any more.
 */
export async function staffFromToken(token: string | undefined, secret: string, accounts: StaffAccounts): Promise<StaffMember | null> {
  if (!token) return null;
  const claims = await decode({ token, secret }).catch(() => null);
  if (!claims?.sub || typeof claims.sv !== "number") return null;
  const row = await accounts.byId(claims.sub);
  if (!row || row.disabled_at !== null || row.session_version !== claims.sv) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

export const hasRole = (member: StaffMember, role: StaffRole) => role === "staff" || member.role === "admin";
