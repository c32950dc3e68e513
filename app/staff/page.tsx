import Link from "next/link";
import Nav from "./_console/Nav";
import { consoleTexts, requireStaffPage } from "./_console/guard";
import { rich } from "./_console/texts";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const link = (href: string) => (words: string) => <Link href={href}>{words}</Link>;

/** The console's home: what staff can do here. */
export default async function StaffHome({ searchParams }: Props) {
  const staff = await requireStaffPage("staff", "/staff");
  const t = await consoleTexts();
  const denied = (await searchParams).denied === "admin";
  return (
    <main className="fg-main fg-staff-main" id="main">
      <Nav staff={staff} t={t} />
      <h1 className="fg-heading">{t("consoleTitle")}</h1>
      {denied && (
        <p className="fg-staff-error" role="alert">
          {t("deniedAdmin")}
        </p>
      )}
      <ul className="fg-form-list">
        <li>{rich(t("homeRegister"), { register: link("/staff/register") })}</li>
        <li>{rich(t(staff.role === "admin" ? "homeSubmissionsAdmin" : "homeSubmissionsStaff"), { submissions: link("/staff/submissions") })}</li>
        <li>{rich(t("homeLookups"), { lookups: link("/staff/lookups") })}</li>
        {staff.role === "admin" && <li>{rich(t("homeAdmin"), { audit: link("/staff/audit"), accounts: link("/staff/accounts") })}</li>}
      </ul>
    </main>
  );
}
