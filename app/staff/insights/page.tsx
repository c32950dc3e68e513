import { loadConfig } from "@/lib/config/forms";
import { insightsQuery, queryProblem } from "@/lib/http/staff-schemas";
import { insightsReport, rangeOf } from "@/lib/insights/report";
import BarChart from "../_console/BarChart";
import Nav from "../_console/Nav";
import StaffFilters, { queryValues } from "../_console/StaffFilters";
import TableHead from "../_console/TableHead";
import { requireStaffPage } from "../_console/guard";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const percent = (part: number, whole: number) => (whole === 0 ? "–" : `${Math.round((100 * part) / whole)}%`);

/** Insights: registrations per day, each form's funnel by the pages people saw, why they left, where they came from. */
export default async function InsightsPage({ searchParams }: Props) {
  const staff = await requireStaffPage("staff", "/staff/insights");
  const raw = await queryValues(searchParams);
  const parsed = insightsQuery.safeParse(raw);
  const query = parsed.success ? parsed.data : {};
  const range = rangeOf(query.from, query.to);
  const report = await insightsReport(range, query.form);
  const { forms } = loadConfig();
  const from = day(range.from);
  const to = day(range.to - 1);
  const exportUrl = `/api/staff/insights/export?${new URLSearchParams({ from, to, ...(query.form ? { form: query.form } : {}) })}`;
  return (
    <main className="fg-main fg-staff-main" id="main">
      <Nav staff={staff} />
      <h1 className="fg-heading">Insights</h1>
      <p>
        Counted without cookies and without answers: one anonymous id per form session. Browsers that ask not to be tracked (Global Privacy Control, Do Not Track) are in the totals
        only. Registrations staff make for a person are not counted here.
      </p>
      <StaffFilters
        label="Filter the insights"
        fields={[
          { name: "form", label: "Form", choices: forms.map((form) => form.id), none: "All forms" },
          { name: "from", label: "From", type: "date" },
          { name: "to", label: "To", type: "date" },
        ]}
        values={{ form: query.form, from, to }}
        submit="Show"
        problem={parsed.success ? undefined : queryProblem(parsed.error)}
      />
      <p>
        <a href={exportUrl} download>Download these figures as CSV</a>
      </p>

      <section aria-labelledby="registrations">
        <h2 id="registrations">Registrations per day</h2>
        <table className="fg-staff-table" id="registrations-table">
          <caption>{report.registrations.length === 0 ? "No registration in this range." : `From ${from} to ${to}, from the submissions themselves`}</caption>
          <TableHead columns={["Day", "Form", "Received", "Delivered", "Rejected", "Failed"]} />
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
        <BarChart id="registrations-chart" title="Registrations received per day" bars={report.registrations.map((row) => ({ label: `${row.day} ${row.formId}`, value: row.received }))} />
      </section>

      {report.forms.map((form) => {
        const { funnel } = form;
        const review = funnel.steps.length;
        const pageName = (page: number) => (page === review ? "Review" : `${page}. ${form.pageTitles[page - 1] ?? `Page ${page}`}`);
        const sessions = form.embedded + form.fullPage;
        return (
          <section key={form.formId} aria-labelledby={`form-${form.formId}`} data-form={form.formId}>
            <h2 id={`form-${form.formId}`}>
              {form.title} ({form.formId})
            </h2>
            <p>
              {funnel.sessions} form sessions; {funnel.submitted} submitted, {funnel.delivered} delivered, {funnel.rejected} rejected, {funnel.failed} failed.
            </p>
            <table className="fg-staff-table" data-table="funnel">
              <caption>Funnel by the pages people saw (a page a condition skipped is no drop-off)</caption>
              <TableHead columns={["Page", "Sessions that saw it", "Left the form there", "Went on"]} />
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
            <BarChart id={`funnel-${form.formId}`} title={`Funnel of ${form.formId}: sessions per page`} bars={funnel.steps.map((step) => ({ label: pageName(step.page), value: step.seen }))} />

            <table className="fg-staff-table" data-table="left">
              <caption>Where sessions ended without submitting, and the last refusal they met (on that page or before)</caption>
              <TableHead columns={["Page", "Last refused field", "Error kind", "Sessions"]} />
              <tbody>
                {funnel.reasons.length === 0 ? (
                  <tr>
                    <td colSpan={4}>No session ended before submitting.</td>
                  </tr>
                ) : (
                  funnel.reasons.map((reason) => (
                    <tr key={`${reason.page}-${reason.field}-${reason.kind}`} data-page={reason.page}>
                      <td>{pageName(reason.page)}</td>
                      <td>{reason.field ?? "–"}</td>
                      <td>{reason.kind ?? "none"}</td>
                      <td>{reason.count}</td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>

            <BarChart id={`time-${form.formId}`} title="Median time per page" unit=" s" bars={form.medianSeconds.map((entry) => ({ label: pageName(entry.page), value: entry.seconds }))} />
            <BarChart
              id={`embedded-${form.formId}`}
              title={`Embedded or on the form's own page (${percent(form.embedded, sessions)} embedded)`}
              bars={[
                { label: "Embedded", value: form.embedded },
                { label: "Full page", value: form.fullPage },
              ]}
            />
            <BarChart id={`hosts-${form.formId}`} title="Top host sites" bars={form.hosts.map((host) => ({ label: host.host, value: host.count }))} />
            <BarChart id={`campaigns-${form.formId}`} title="Top campaigns (source / medium / campaign)" bars={form.campaigns.map((campaign) => ({ label: campaign.campaign, value: campaign.count }))} />
          </section>
        );
      })}

      <section aria-labelledby="totals">
        <h2 id="totals">Event totals</h2>
        <table className="fg-staff-table" id="totals-table">
          <caption>Every event, with the visitors who asked not to be tracked</caption>
          <TableHead columns={["Form", "Event", "Count"]} />
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
