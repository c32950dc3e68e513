import Link from "next/link";
import { loadConfig } from "@/lib/config/forms";
import { SUBMISSION_STATUSES } from "@/lib/db/schema";
import { filtersOf, submissionQuery } from "@/lib/http/staff-schemas";
import { listSubmissions } from "@/lib/staff/submissions";
import Nav from "../_console/Nav";
import StaffFilters, { ListPages, queryValues, type FilterField } from "../_console/StaffFilters";
import TableHead from "../_console/TableHead";
import { consoleTexts, filterProblem, requireStaffPage } from "../_console/guard";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** Submissions, filtered by form, status, assisted or not and dates, or found by id or reference. */
export default async function SubmissionsPage({ searchParams }: Props) {
  const staff = await requireStaffPage("staff", "/staff/submissions");
  const t = await consoleTexts();
  const raw = await queryValues(searchParams);
  const parsed = submissionQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const { submissions: rows, older } = parsed.success ? await listSubmissions(filtersOf(parsed.data), parsed.data.limit) : { submissions: [], older: null };
  const { forms } = loadConfig();
  const fields: FilterField[] = [
    { name: "q", label: t("fieldSearch") },
    { name: "form", label: t("fieldForm"), choices: forms.map((form) => form.id), none: t("allForms") },
    { name: "status", label: t("fieldStatus"), choices: SUBMISSION_STATUSES.map((status) => ({ value: status, label: t(`status_${status}`) })), none: t("anyStatus") },
    {
      name: "assisted",
      label: t("fieldAssisted"),
      choices: [
        { value: "yes", label: t("assistedByStaff") },
        { value: "no", label: t("sentByPerson") },
      ],
      none: t("either"),
    },
    { name: "from", label: t("fieldFrom"), type: "date" },
    { name: "to", label: t("fieldTo"), type: "date" },
  ];
  return (
    <main className="fg-main fg-staff-main" id="main">
      <Nav staff={staff} t={t} />
      <h1 className="fg-heading">{t("submissionsTitle")}</h1>
      <StaffFilters
        label={t("filterSubmissions")}
        fields={fields}
        submit={t("filter")}
        values={raw}
        problem={parsed.success ? undefined : filterProblem(t, parsed.error, fields)}
      />
      <table className="fg-staff-table">
        <caption>
          {rows.length === 0
            ? t("noSubmission")
            : `${rows.length === 1 ? t("oneSubmission") : t("submissions", { count: rows.length })}${query.q ? t("submissionsFor", { search: query.q }) : ""}${query.after ? t("olderThanPrevious") : ""}${t("newestFirst")}`}
        </caption>
        <TableHead columns={[t("columnReceived"), t("columnForm"), t("columnStatus"), t("columnReference"), t("columnAttempts"), t("columnAssisted"), t("columnSubmission")]} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-submission={row.id}>
              <td>{row.createdAt.replace("T", " ").slice(0, 19)}</td>
              <td>{row.formId}</td>
              <td>{t(`status_${row.status}`)}{row.erased ? t("erasedMark") : ""}</td>
              <td>{row.reference ?? ""}</td>
              <td>{row.attempts}</td>
              <td>{row.assisted ? t("yes") : t("no")}</td>
              <td><Link href={`/staff/submissions/${row.id}`}>{row.id}</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
      <ListPages label={t("moreSubmissions")} query={raw} older={older} newest={t("newestSubmissions")} next={t("olderSubmissions")} />
    </main>
  );
}
