import { checkPage } from "@/lib/forms/checks";
import { getFormContext } from "@/lib/forms/definition";
import { readJson } from "@/lib/http/body";
import { languageHints } from "@/lib/http/language";
import { limited } from "@/lib/http/limits";
import { json } from "@/lib/http/respond";
import { validateBody } from "@/lib/http/schemas";

type Context = { params: Promise<{ formId: string }> };

export const POST = limited("validate", async (request: Request, { params }: Context) => {
  const { formId } = await params;
  const context = await getFormContext(formId, languageHints(request));
  const { page, data } = await readJson(request, validateBody, context.t);
  return json(await checkPage(context, page, data));
});
