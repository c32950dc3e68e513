import Link from "next/link";
import { loadConfig } from "@/lib/config/forms";
import { textIn } from "@/lib/forms/texts";
import Nav from "../_console/Nav";
import { consoleTexts, requireStaffPage } from "../_console/guard";

/** Which form to fill in for the person. */
export default async function RegisterIndex() {
  const staff = await requireStaffPage("staff", "/staff/register");
  const t = await consoleTexts();
  const { forms } = loadConfig();
  return (
    <main className="fg-main fg-staff-main" id="main">
      <Nav staff={staff} t={t} />
      <h1 className="fg-heading">{t("registerTitle")}</h1>
      <p>{t("registerIntro")}</p>
      <ul className="fg-form-list">
        {forms.map((form) => (
          <li key={form.id}>
            <Link href={`/staff/register/${encodeURIComponent(form.id)}`}>{textIn(form.title, form.locale, form.locale)}</Link> ({form.id})
          </li>
        ))}
      </ul>
    </main>
  );
}
