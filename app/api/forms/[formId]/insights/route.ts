import { AppError } from "@/lib/errors";
import { getFormContext } from "@/lib/forms/definition";
import { readJson } from "@/lib/http/body";
import { languageHints } from "@/lib/http/language";
import { limited } from "@/lib/http/limits";
import { getInsights, tracked } from "@/lib/insights";
import { insightBatch, MAX_INSIGHT_BYTES } from "@/lib/insights/events";

/**
 * The wizard's insights events, in batches (navigator.sendBeacon): checked against the
 * strict event schema and the form's own pages and field names, then counted. Answers
 * have no place in the schema: a batch carrying one is refused whole (README, "Insights").
 */
type Context = { params: Promise<{ formId: string }> };

export const POST = limited("insights", async (request: Request, { params }: Context) => {
  const { formId } = await params;
  const { form, definition, t } = await getFormContext(formId, languageHints(request));
  const batch = await readJson(request, insightBatch, t, { maxBytes: MAX_INSIGHT_BYTES, beacon: true });
  const fields = new Set(definition.pages.flatMap((page) => page.fields));
  const reviewPage = definition.pages.length + 1;
  batch.events.forEach((event, index) => {
    if (event.page !== undefined && event.page > reviewPage) throw new AppError("bad_request", t("insightsUnknownPage", { index, page: event.page }));
    // A nested field's error is named by its path (address.street): its first part is the page's field.
    const unknown = event.fields?.find((field) => !fields.has(field.name.split(".")[0]));
    if (unknown) throw new AppError("bad_request", t("insightsUnknownField", { index, field: unknown.name }));
  });
  await (await getInsights()).record(form.id, batch, tracked(request.headers));
  return new Response(null, { status: 204 });
});
