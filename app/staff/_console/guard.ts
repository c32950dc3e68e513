import "server-only";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getStaffAccounts, staffSecret } from "@/lib/staff";
import type { StaffRole } from "@/lib/staff/accounts";
import { hasRole, sessionCookie, staffFromToken, type StaffMember } from "@/lib/staff/session";

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
