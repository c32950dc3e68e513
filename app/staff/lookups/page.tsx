import { lookupForms } from "@/lib/staff/lookups";
import Nav from "../_console/Nav";
import { requireStaffPage } from "../_console/guard";
import Lookup from "./Lookup";

/** Look a person up at a form's vendor. */
export default async function LookupsPage() {
  const staff = await requireStaffPage("staff", "/staff/lookups");
  const forms = lookupForms();
  return (
    <main className="fg-main fg-staff-main" id="main">
      <Nav staff={staff} />
      <h1 className="fg-heading">Look a person up</h1>
      {forms.length === 0 ? <p>No configured form&apos;s vendor offers a lookup.</p> : <Lookup forms={forms} />}
    </main>
  );
}
