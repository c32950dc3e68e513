import { checkNext } from "@/lib/forms/checks";
import { getFormContext } from "@/lib/forms/definition";
import { readJson } from "@/lib/http/body";
import { languageHints } from "@/lib/http/language";
import { json } from "@/lib/http/respond";
import { validateBody } from "@/lib/http/schemas";
import { staffRoute } from "@/lib/http/staff";

type Context = { params: Promise<{ formId: string }> };

/** A page of the assisted registration, checked as the public form's pages are (lib/forms/checks.ts). */
export const POST = staffRoute("staff", async (request: Request, { params }: Context) => {
  const context = await getFormContext((await params).formId, languageHints(request), "staff");
  // Next's email check rides with the page's check, as on the public form (staff are not rate-limited).
  return json(await checkNext(context, await readJson(request, validateBody, context.t), async () => true));
});
