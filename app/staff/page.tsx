import Link from "next/link";
import Nav from "./_console/Nav";
import { requireStaffPage } from "./_console/guard";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The console's home: what staff can do here. */
export default async function StaffHome({ searchParams }: Props) {
  const staff = await requireStaffPage("staff", "/staff");
  const denied = (await searchParams).denied === "admin";
  return (
    <main className="fg-main fg-staff-main" id="main">
      <Nav staff={staff} />
      <h1 className="fg-heading">Staff console</h1>
      {denied && (
        <p className="fg-staff-error" role="alert">
          That page needs the admin role.
        </p>
      )}
      <ul className="fg-form-list">
        <li><Link href="/staff/register">Register a person</Link> at the desk or on the phone, with their consent.</li>
        <li><Link href="/staff/submissions">Follow up submissions</Link>: find one, see its delivery, {staff.role === "admin" ? "retry, replay or erase it" : "reveal its answers"}.</li>
        <li><Link href="/staff/lookups">Look a person up</Link> at a form&apos;s vendor.</li>
        {staff.role === "admin" && <li><Link href="/staff/audit">Audit log</Link> and <Link href="/staff/accounts">staff accounts</Link>.</li>}
      </ul>
    </main>
  );
}
