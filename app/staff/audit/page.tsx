import { AUDIT_ACTIONS, getAudit, type AuditAction } from "@/lib/audit";
import { auditQuery } from "@/lib/http/staff-schemas";
import Nav from "../_console/Nav";
import { requireStaffPage } from "../_console/guard";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The audit log (admins): who did what, when; filtered by action, person and dates. */
export default async function AuditPage({ searchParams }: Props) {
  const staff = await requireStaffPage("admin", "/staff/audit");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = auditQuery.safeParse(raw);
  const filters = parsed.success ? parsed.data : {};
  const entries = parsed.success
    ? await (await getAudit()).list({
        action: filters.action as AuditAction | undefined,
        who: filters.who,
        from: filters.from,
        to: filters.to === undefined ? undefined : filters.to + 86_400_000,
      })
    : [];
  const value = (name: string) => (typeof raw[name] === "string" ? raw[name] : "");
  return (
    <main className="fg-main fg-staff-main" id="main">
      <Nav staff={staff} />
      <h1 className="fg-heading">Audit log</h1>
      <form className="fg-staff-filters" method="get" role="search" aria-label="Filter the audit log">
        <label>
          Action
          <select name="action" defaultValue={value("action")}>
            <option value="">Any action</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>{action}</option>
            ))}
          </select>
        </label>
        <label>
          Who or what (email or submission id) <input name="who" defaultValue={value("who")} />
        </label>
        <label>
          From <input type="date" name="from" defaultValue={value("from")} />
        </label>
        <label>
          To <input type="date" name="to" defaultValue={value("to")} />
        </label>
        <button type="submit" className="fg-button">Filter</button>
      </form>
      {!parsed.success && <p className="fg-staff-error" role="alert">{parsed.error.issues[0].path.join(".")}: {parsed.error.issues[0].message}</p>}
      <table className="fg-staff-table">
        <caption>{entries.length === 0 ? "No entry matches." : `${entries.length} entries, newest first`}</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">About</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-action={entry.action}>
              <td>{new Date(entry.at).toISOString().replace("T", " ").slice(0, 19)}</td>
              <td>{entry.actorEmail ?? ""}</td>
              <td>{entry.action}</td>
              <td>{entry.target ?? ""}</td>
              <td>{entry.details ? Object.entries(entry.details).map(([key, detail]) => `${key}: ${String(detail)}`).join("; ") : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
