import { AUDIT_ACTIONS, auditPage } from "@/lib/audit";
import { auditFiltersOf, auditQuery, queryProblem } from "@/lib/http/staff-schemas";
import Nav from "../_console/Nav";
import StaffFilters, { ListPages, queryValues } from "../_console/StaffFilters";
import TableHead from "../_console/TableHead";
import { requireStaffPage } from "../_console/guard";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The audit log (admins): who did what, when; filtered by action, person and dates. */
export default async function AuditPage({ searchParams }: Props) {
  const staff = await requireStaffPage("admin", "/staff/audit");
  const raw = await queryValues(searchParams);
  const parsed = auditQuery.safeParse(raw);
  const { entries, older } = parsed.success ? await auditPage(auditFiltersOf(parsed.data), parsed.data.limit) : { entries: [], older: null };
  return (
    <main className="fg-main fg-staff-main" id="main">
      <Nav staff={staff} />
      <h1 className="fg-heading">Audit log</h1>
      <StaffFilters
        label="Filter the audit log"
        fields={[
          { name: "action", label: "Action", choices: AUDIT_ACTIONS, none: "Any action" },
          { name: "who", label: "Who or what (email or submission id)" },
          { name: "from", label: "From", type: "date" },
          { name: "to", label: "To", type: "date" },
        ]}
        values={raw}
        problem={parsed.success ? undefined : queryProblem(parsed.error)}
      />
      <table className="fg-staff-table">
        <caption>{entries.length === 0 ? "No entry matches." : `${entries.length} ${entries.length === 1 ? "entry" : "entries"}${raw.after ? ", older than the previous page" : ""}, newest first`}</caption>
        <TableHead columns={["When", "Who", "Action", "About", "Details"]} />
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
      <ListPages label="More entries" query={raw} older={older} newest="Newest entries" next="Older entries" />
    </main>
  );
}
