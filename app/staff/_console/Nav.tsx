import Link from "next/link";
import type { StaffMember } from "@/lib/staff/session";
import { SignOut } from "./auth-client";
import { rich, type ConsoleText } from "./texts";

/** The console's header: where to go, who is signed in, and signing out. */
export default function Nav({ staff, t }: { staff: StaffMember; t: ConsoleText }) {
  return (
    <header className="fg-staff-nav" lang={t.locale}>
      <nav aria-label={t("navLabel")}>
        <ul>
          <li><Link href="/staff">{t("navConsole")}</Link></li>
          <li><Link href="/staff/register">{t("navRegister")}</Link></li>
          <li><Link href="/staff/submissions">{t("navSubmissions")}</Link></li>
          <li><Link href="/staff/lookups">{t("navLookups")}</Link></li>
          <li><Link href="/staff/insights">{t("navInsights")}</Link></li>
          {staff.role === "admin" && <li><Link href="/staff/audit">{t("navAudit")}</Link></li>}
          {staff.role === "admin" && <li><Link href="/staff/accounts">{t("navAccounts")}</Link></li>}
        </ul>
      </nav>
      <p>
        {rich(t("signedInAs"), { name: (name) => <strong>{name}</strong> }, { name: staff.name, role: t(`role_${staff.role}`) })} <SignOut label={t("signOut")} />
      </p>
    </header>
  );
}
