import Link from "next/link";
import { loadConfig } from "@/lib/config/forms";
import { SUBMISSION_STATUSES } from "@/lib/db/schema";
import { filtersOf, queryProblem, submissionQuery } from "@/lib/http/staff-schemas";
import { listSubmissions } from "@/lib/staff/submissions";
import Nav from "../_console/Nav";
import StaffFilters, { ListPages, queryValues } from "../_console/StaffFilters";
import TableHead from "../_console/TableHead";
import { requireStaffPage } from "../_console/guard";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const ASSISTED = [
  { value: "yes", label: "Assisted by staff" },
  { value: "no", label: "Sent by the person" },
];

/** Submissions, filtered by form, status, assisted or not and dates, or found by id or reference. */
export default async function SubmissionsPage({ searchParams }: Props) {
  const staff = await requireStaffPage("staff", "/staff/submissions");
  const raw = await queryValues(searchParams);
  const parsed = submissionQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const { submissions: rows, older } = parsed.success ? await listSubmissions(filtersOf(parsed.data), parsed.data.limit) : { submissions: [], older: null };
  const { forms } = loadConfig();
  return (
    <main className="fg-main fg-staff-main" id="main">
      <Nav staff={staff} />
      <h1 className="fg-heading">Submissions</h1>
      <StaffFilters
        label="Filter submissions"
        fields={[
          { name: "q", label: "Submission id or reference" },
          { name: "form", label: "Form", choices: forms.map((form) => form.id), none: "All forms" },
          { name: "status", label: "Status", choices: SUBMISSION_STATUSES, none: "Any status" },
          { name: "assisted", label: "Assisted", choices: ASSISTED, none: "Either" },
          { name: "from", label: "From", type: "date" },
          { name: "to", label: "To", type: "date" },
        ]}
        values={raw}
        problem={parsed.success ? undefined : queryProblem(parsed.error)}
      />
      <table className="fg-staff-table">
        <caption>
          {rows.length === 0
            ? "No submission matches."
            : `${rows.length} submission${rows.length === 1 ? "" : "s"}${query.q ? ` for ${query.q}` : ""}${query.after ? ", older than the previous page" : ""}, newest first`}
        </caption>
        <TableHead columns={["Received", "Form", "Status", "Reference", "Attempts", "Assisted", "Submission"]} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-submission={row.id}>
              <td>{row.createdAt.replace("T", " ").slice(0, 19)}</td>
              <td>{row.formId}</td>
              <td>{row.status}{row.erased ? " (erased)" : ""}</td>
              <td>{row.reference ?? ""}</td>
              <td>{row.attempts}</td>
              <td>{row.assisted ? "yes" : "no"}</td>
              <td><Link href={`/staff/submissions/${row.id}`}>{row.id}</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
      <ListPages label="More submissions" query={raw} older={older} newest="Newest submissions" next="Older submissions" />
    </main>
  );
}
