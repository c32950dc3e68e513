import { AUDIT_ACTIONS, auditPage } from "@/lib/audit";
import { auditFiltersOf, auditQuery } from "@/lib/http/staff-schemas";
import Nav from "../_console/Nav";
import StaffFilters, { ListPages, queryValues, type FilterField } from "../_console/StaffFilters";
import TableHead from "../_console/TableHead";
import { consoleTexts, filterProblem, requireStaffPage } from "../_console/guard";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The audit log (admins): who did what, when; filtered by action, person and dates. */
export default async function AuditPage({ searchParams }: Props) {
  const staff = await requireStaffPage("admin", "/staff/audit");
  const t = await consoleTexts();
  const raw = await queryValues(searchParams);
  const parsed = auditQuery.safeParse(raw);
  const { entries, older } = parsed.success ? await auditPage(auditFiltersOf(parsed.data), parsed.data.limit) : { entries: [], older: null };
  const fields: FilterField[] = [
    { name: "action", label: t("fieldAction"), choices: AUDIT_ACTIONS.map((action) => ({ value: action, label: t(`action_${action}`) })), none: t("anyAction") },
    { name: "who", label: t("fieldWho") },
    { name: "from", label: t("fieldFrom"), type: "date" },
    { name: "to", label: t("fieldTo"), type: "date" },
  ];
  return (
    <main className="fg-main fg-staff-main" id="main">
      <Nav staff={staff} t={t} />
      <h1 className="fg-heading">{t("auditTitle")}</h1>
      <StaffFilters
        label={t("filterAudit")}
        fields={fields}
        submit={t("filter")}
        values={raw}
        problem={parsed.success ? undefined : filterProblem(t, parsed.error, fields)}
      />
      <table className="fg-staff-table">
        <caption>{entries.length === 0 ? t("noEntry") : `${entries.length === 1 ? t("oneEntry") : t("entries", { count: entries.length })}${raw.after ? t("olderThanPrevious") : ""}${t("newestFirst")}`}</caption>
        <TableHead columns={[t("columnWhen"), t("columnWho"), t("columnAction"), t("columnAbout"), t("columnDetails")]} />
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-action={entry.action}>
              <td>{new Date(entry.at).toISOString().replace("T", " ").slice(0, 19)}</td>
              <td>{entry.actorEmail ?? ""}</td>
              <td>{t(`action_${entry.action}`)}</td>
              <td>{entry.target ?? ""}</td>
              <td>{entry.details ? Object.entries(entry.details).map(([key, detail]) => `${key}: ${String(detail)}`).join("; ") : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ListPages label={t("moreEntries")} query={raw} older={older} newest={t("newestEntries")} next={t("olderEntries")} />
    </main>
  );
}
