import { loadConfig } from "@/lib/config/forms";
import { insightsQuery } from "@/lib/http/staff-schemas";
import { insightsReport, rangeOf } from "@/lib/insights/report";
import BarChart from "../_console/BarChart";
import Nav from "../_console/Nav";
import StaffFilters, { queryValues, type FilterField } from "../_console/StaffFilters";
import TableHead from "../_console/TableHead";
import { consoleTexts, filterProblem, requireStaffPage } from "../_console/guard";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const percent = (part: number, whole: number) => (whole === 0 ? "–" : `${Math.round((100 * part) / whole)}%`);

/** Insights: registrations per day, each form's funnel by the pages people saw, why they left, where they came from. */
export default async function InsightsPage({ searchParams }: Props) {
  const staff = await requireStaffPage("staff", "/staff/insights");
  const t = await consoleTexts();
  const raw = await queryValues(searchParams);
  const parsed = insightsQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const range = rangeOf(query.from, query.to);
  const report = await insightsReport(range, query.form);
  const { forms } = loadConfig();
  const from = day(range.from);
  const to = day(range.to - 1);
  const exportUrl = `/api/staff/insights/export?${new URLSearchParams({ from, to, ...(query.form ? { form: query.form } : {}) })}`;
  const fields: FilterField[] = [
    { name: "form", label: t("fieldForm"), choices: forms.map((form) => form.id), none: t("allForms") },
    { name: "from", label: t("fieldFrom"), type: "date" },
    { name: "to", label: t("fieldTo"), type: "date" },
  ];
  return (
    <main className="fg-main fg-staff-main" id="main">
      <Nav staff={staff} t={t} />
      <h1 className="fg-heading">{t("insightsTitle")}</h1>
      <p>{t("insightsIntro")}</p>
      <StaffFilters
        label={t("filterInsights")}
        fields={fields}
        values={{ form: query.form, from, to }}
        submit={t("show")}
        problem={parsed.success ? undefined : filterProblem(t, parsed.error, fields)}
      />
      <p>
        <a href={exportUrl} download>{t("downloadCsv")}</a>
      </p>

      <section aria-labelledby="registrations">
        <h2 id="registrations">{t("registrationsTitle")}</h2>
        <table className="fg-staff-table" id="registrations-table">
          <caption>{report.registrations.length === 0 ? t("noRegistration") : t("registrationsCaption", { from, to })}</caption>
          <TableHead columns={[t("columnDay"), t("columnForm"), t("columnReceived"), t("columnDelivered"), t("columnRejected"), t("columnFailed")]} />
          <tbody>
            {report.registrations.map((row) => (
              <tr key={`${row.day}-${row.formId}`} data-form={row.formId}>
                <td>{row.day}</td>
                <td>{row.formId}</td>
                <td>{row.received}</td>
                <td>{row.delivered}</td>
                <td>{row.rejected}</td>
                <td>{row.failed}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <BarChart t={t} id="registrations-chart" title={t("registrationsChart")} bars={report.registrations.map((row) => ({ label: `${row.day} ${row.formId}`, value: row.received }))} />
      </section>

      {report.forms.map((form) => {
        const { funnel } = form;
        const review = funnel.steps.length;
        const pageName = (page: number) => (page === review ? t("review") : `${page}. ${form.pageTitles[page - 1] ?? t("page", { page })}`);
        const sessions = form.embedded + form.fullPage;
        return (
          <section key={form.formId} aria-labelledby={`form-${form.formId}`} data-form={form.formId}>
            <h2 id={`form-${form.formId}`}>
              {form.title} ({form.formId})
            </h2>
            <p>{t("formSummary", { sessions: funnel.sessions, submitted: funnel.submitted, delivered: funnel.delivered, rejected: funnel.rejected, failed: funnel.failed })}</p>
            <table className="fg-staff-table" data-table="funnel">
              <caption>{t("funnelCaption")}</caption>
              <TableHead columns={[t("columnPage"), t("columnSeen"), t("columnLeft"), t("columnWentOn")]} />
              <tbody>
                {funnel.steps.map((step) => (
                  <tr key={step.page} data-page={step.page}>
                    <th scope="row">{pageName(step.page)}</th>
                    <td>{step.seen}</td>
                    <td>{step.left}</td>
                    <td>{percent(step.seen - step.left, step.seen)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <BarChart t={t} id={`funnel-${form.formId}`} title={t("funnelChart", { form: form.formId })} bars={funnel.steps.map((step) => ({ label: pageName(step.page), value: step.seen }))} />

            <table className="fg-staff-table" data-table="left">
              <caption>{t("leftCaption")}</caption>
              <TableHead columns={[t("columnPage"), t("columnRefusedField"), t("columnErrorKind"), t("columnSessions")]} />
              <tbody>
                {funnel.reasons.length === 0 ? (
                  <tr>
                    <td colSpan={4}>{t("noSessionEnded")}</td>
                  </tr>
                ) : (
                  funnel.reasons.map((reason) => (
                    <tr key={`${reason.page}-${reason.field}-${reason.kind}`} data-page={reason.page}>
                      <td>{pageName(reason.page)}</td>
                      <td>{reason.field ?? "–"}</td>
                      <td>{reason.kind ?? t("noErrorKind")}</td>
                      <td>{reason.count}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>

            <BarChart t={t} id={`time-${form.formId}`} title={t("timeChart")} unit=" s" bars={form.medianSeconds.map((entry) => ({ label: pageName(entry.page), value: entry.seconds }))} />
            <BarChart
              t={t}
              id={`embedded-${form.formId}`}
              title={t("embeddedChart", { share: percent(form.embedded, sessions) })}
              bars={[
                { label: t("embedded"), value: form.embedded },
                { label: t("fullPage"), value: form.fullPage },
              ]}
            />
            <BarChart t={t} id={`hosts-${form.formId}`} title={t("hostsChart")} bars={form.hosts.map((host) => ({ label: host.host, value: host.count }))} />
            <BarChart t={t} id={`campaigns-${form.formId}`} title={t("campaignsChart")} bars={form.campaigns.map((campaign) => ({ label: campaign.campaign, value: campaign.count }))} />
          </section>
        );
      })}

      <section aria-labelledby="totals">
        <h2 id="totals">{t("totalsTitle")}</h2>
        <table className="fg-staff-table" id="totals-table">
          <caption>{t("totalsCaption")}</caption>
          <TableHead columns={[t("columnForm"), t("columnEvent"), t("columnCount")]} />
          <tbody>
            {report.totals.map((total) => (
              <tr key={`${total.formId}-${total.type}`}>
                <td>{total.formId}</td>
                <td>{total.type}</td>
                <td>{total.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
