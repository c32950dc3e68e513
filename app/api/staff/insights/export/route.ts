import { insightsQuery, queryProblem } from "@/lib/http/staff-schemas";
import { json } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff";
import { insightsCsv, insightsReport, rangeOf } from "@/lib/insights/report";

/** GET /api/staff/insights/export?form=&from=&to=: the Insights page's figures as CSV. */
export const GET = staffRoute("staff", async (request: Request) => {
  const parsed = insightsQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return json({ error: queryProblem(parsed.error) }, { status: 400 });
  const { form, from, to } = parsed.data;
  const range = rangeOf(from, to);
  const csv = insightsCsv(await insightsReport(range, form));
  const name = `insights-${(form ?? "all").replace(/[^\w-]/g, "_")}-${new Date(range.from).toISOString().slice(0, 10)}.csv`;
  return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" } });
});
