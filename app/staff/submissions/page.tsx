import Link from "next/link";
import { loadConfig } from "@/lib/config/forms";
import { filtersOf, submissionQuery } from "@/lib/http/staff-schemas";
import { listSubmissions } from "@/lib/staff/submissions";
import Nav from "../_console/Nav";
import { requireStaffPage } from "../_console/guard";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const STATUSES = ["received", "awaiting_person", "delivered", "rejected", "failed", "expired"] as const;

/** Submissions, filtered by form, status, assisted or not and dates, or found by id or reference. */
export default async function SubmissionsPage({ searchParams }: Props) {
  const staff = await requireStaffPage("staff", "/staff/submissions");
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = submissionQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const rows = parsed.success ? await listSubmissions(filtersOf(parsed.data)) : [];
  const { forms } = loadConfig();
  const value = (name: string) => (typeof raw[name] === "string" ? raw[name] : "");
  return (
    <main className="fg-main fg-staff-main" id="main">
      <Nav staff={staff} />
      <h1 className="fg-heading">Submissions</h1>
      <form className="fg-staff-filters" method="get" role="search" aria-label="Filter submissions">
        <label>
          Submission id or reference <input name="q" defaultValue={value("q")} />
        </label>
        <label>
          Form
          <select name="form" defaultValue={value("form")}>
            <option value="">All forms</option>
            {forms.map((form) => (
              <option key={form.id} value={form.id}>{form.id}</option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select name="status" defaultValue={value("status")}>
            <option value="">Any status</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>{status}</option>
            ))}
          </select>
        </label>
        <label>
          Assisted
          <select name="assisted" defaultValue={value("assisted")}>
            <option value="">Either</option>
            <option value="yes">Assisted by staff</option>
            <option value="no">Sent by the person</option>
          </select>
        </label>
        <label>
          From <input type="date" name="from" defaultValue={value("from")} />
        </label>
        <label>
          To <input type="date" name="to" defaultValue={value("to")} />
        </label>
        <button type="submit" className="fg-button">Filter</button>
      </form>
      {!parsed.success && (
        <p className="fg-staff-error" role="alert">
          {parsed.error.issues[0].path.join(".")}: {parsed.error.issues[0].message}
        </p>
      )}
      <table className="fg-staff-table">
        <caption>{rows.length === 0 ? "No submission matches." : `${rows.length} submission${rows.length === 1 ? "" : "s"}${query.q ? ` for ${query.q}` : ""}, newest first`}</caption>
        <thead>
          <tr>
            <th scope="col">Received</th>
            <th scope="col">Form</th>
            <th scope="col">Status</th>
            <th scope="col">Reference</th>
            <th scope="col">Attempts</th>
            <th scope="col">Assisted</th>
            <th scope="col">Submission</th>
          </tr>
        </thead>
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
    </main>
  );
}
