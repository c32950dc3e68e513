import { listAccounts } from "@/lib/staff/manage";
import Nav from "../_console/Nav";
import { consoleTexts, requireStaffPage } from "../_console/guard";
import AccountForms from "./AccountForms";

/** Staff accounts (admins): add, disable, enable, reset, change role. */
export default async function AccountsPage() {
  const staff = await requireStaffPage("admin", "/staff/accounts");
  const t = await consoleTexts();
  return (
    <main className="fg-main fg-staff-main" id="main">
      <Nav staff={staff} t={t} />
      <h1 className="fg-heading">{t("accountsTitle")}</h1>
      <AccountForms accounts={await listAccounts()} self={staff.id} locale={t.locale} />
    </main>
  );
}
