import Link from "next/link";
import { loadConfig } from "@/lib/config/forms";
import { textIn } from "@/lib/forms/texts";
import Nav from "../_console/Nav";
import { requireStaffPage } from "../_console/guard";

/** Which form to fill in for the person. */
export default async function RegisterIndex() {
  const staff = await requireStaffPage("staff", "/staff/register");
  const { forms } = loadConfig();
  return (
    <main className="fg-main fg-staff-main" id="main">
      <Nav staff={staff} />
      <h1 className="fg-heading">Register a person</h1>
      <p>Fill in the form for someone at the desk or on the phone. You see the fields the public form hides; a password the vendor needs is made for them.</p>
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
