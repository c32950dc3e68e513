import { lookupForms } from "@/lib/staff/lookups";
import Nav from "../_console/Nav";
import { consoleTexts, requireStaffPage } from "../_console/guard";
import Lookup from "./Lookup";

/** Look a person up at a form's vendor. */
export default async function LookupsPage() {
  const staff = await requireStaffPage("staff", "/staff/lookups");
  const t = await consoleTexts();
  const forms = lookupForms();
  return (
    <main className="fg-main fg-staff-main" id="main">
      <Nav staff={staff} t={t} />
      <h1 className="fg-heading">{t("lookupsTitle")}</h1>
      {forms.length === 0 ? <p>{t("noLookupForms")}</p> : <Lookup forms={forms} locale={t.locale} />}
    </main>
  );
}
