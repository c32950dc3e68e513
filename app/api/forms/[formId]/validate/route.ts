import { checkNext } from "@/lib/forms/checks";
import { getFormContext } from "@/lib/forms/definition";
import { readJson } from "@/lib/http/body";
import { languageHints } from "@/lib/http/language";
import { alsoWithinLimits, limited } from "@/lib/http/limits";
import { json } from "@/lib/http/respond";
import { validateBody } from "@/lib/http/schemas";

type Context = { params: Promise<{ formId: string }> };

export const POST = limited("validate", async (request: Request, { params }: Context) => {
  const { formId } = await params;
  const context = await getFormContext(formId, languageHints(request));
  // Next's email check rides with the page's check: one request, under the email check's own limits.
  return json(await checkNext(context, await readJson(request, validateBody, context.t), () => alsoWithinLimits("email", request, formId)));
});
