import "server-only";
import { loadConfig } from "@/lib/config/forms";
import { getFormContext } from "@/lib/forms/definition";
import { log } from "@/lib/log";
import { getInsights } from ".";
import type { FormInsights, Range, RegistrationDay } from "./store";

const DAY_MS = 86_400_000;

export interface InsightsReport {
  range: Range;
  registrations: RegistrationDay[];
  forms: Array<FormInsights & { title: string; pageTitles: string[] }>;
  /** Event totals per form and type, with the visitors who asked not to be tracked. */
  totals: Array<{ formId: string; type: string; count: number }>;
}

/** `from` and `to` are days (ms at 00:00 UTC), both included; the last 30 days by default. */
export function rangeOf(from?: number, to?: number, now = Date.now()): Range {
  const end = (to ?? Date.parse(new Date(now).toISOString().slice(0, 10))) + DAY_MS;
  return { from: from ?? end - 30 * DAY_MS, to: end };
}

/** What the staff console's Insights page and its CSV export show, for one form or all. */
export async function insightsReport(range: Range, formId?: string): Promise<InsightsReport> {
  const store = await getInsights();
  const forms = loadConfig().forms.filter((form) => !formId || form.id === formId);
  const perForm = await Promise.all(
    forms.map(async (form) => {
      // The page titles come from the form's definition (the vendor's schema); without it, numbers.
      const { title, pages } = await getFormContext(form.id, { acceptLanguage: "en" }).then(
        ({ definition }) => ({ title: definition.title, pages: definition.pages.map((page) => page.title) }),
        (error: unknown) => {
          log.warn("insights: form definition unavailable", { form: form.id, error: error instanceof Error ? error.message : String(error) });
          return { title: form.id, pages: [] as string[] };
        },
      );
      const insights = await store.form(form.id, pages.length, range);
      return { ...insights, title, pageTitles: pages };
    }),
  );
  return { range, registrations: await store.registrations(range, formId), forms: perForm, totals: await store.totals(range, formId) };
}

const cell = (value: unknown) => {
  const text = value === null || value === undefined ? "" : String(value);
  // Quoted, and a leading formula character defused (CSV injection in spreadsheets).
  return `"${(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text).replace(/"/g, '""')}"`;
};

/** The report as CSV: one section per table, each with its own header row. */
export function insightsCsv(report: InsightsReport): string {
  const rows: unknown[][] = [["section", "form", "day_or_page", "name", "value_1", "value_2", "value_3", "value_4"]];
  for (const day of report.registrations) rows.push(["registrations", day.formId, day.day, "received/delivered/rejected/failed", day.received, day.delivered, day.rejected, day.failed]);
  for (const form of report.forms) {
    for (const step of form.funnel.steps) rows.push(["funnel", form.formId, step.page, form.pageTitles[step.page - 1] ?? "review", step.seen, step.left, "", ""]);
    for (const reason of form.funnel.reasons) rows.push(["left", form.formId, reason.page, reason.field ?? "", reason.kind ?? "", reason.count, "", ""]);
    for (const time of form.medianSeconds) rows.push(["median_seconds", form.formId, time.page, "", time.seconds, "", "", ""]);
    rows.push(["embedded", form.formId, "", "embedded/full page", form.embedded, form.fullPage, "", ""]);
    for (const host of form.hosts) rows.push(["host", form.formId, "", host.host, host.count, "", "", ""]);
    for (const campaign of form.campaigns) rows.push(["campaign", form.formId, "", campaign.campaign, campaign.count, "", "", ""]);
  }
  for (const total of report.totals) rows.push(["total", total.formId, "", total.type, total.count, "", "", ""]);
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}
