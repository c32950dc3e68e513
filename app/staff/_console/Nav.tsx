import Link from "next/link";
import type { StaffMember } from "@/lib/staff/session";
import SignOut from "./SignOut";

/** The console's header: where to go, who is signed in, and signing out. */
export default function Nav({ staff }: { staff: StaffMember }) {
  return (
    <header className="fg-staff-nav" lang="en">
      <nav aria-label="Staff console">
        <ul>
          <li><Link href="/staff">Console</Link></li>
          <li><Link href="/staff/register">Register a person</Link></li>
          <li><Link href="/staff/submissions">Submissions</Link></li>
          <li><Link href="/staff/lookups">Look up</Link></li>
          <li><Link href="/staff/insights">Insights</Link></li>
          {staff.role === "admin" && <li><Link href="/staff/audit">Audit log</Link></li>}
          {staff.role === "admin" && <li><Link href="/staff/accounts">Accounts</Link></li>}
        </ul>
      </nav>
      <p>
        Signed in as <strong>{staff.name}</strong> ({staff.role}) <SignOut />
      </p>
    </header>
  );
}
