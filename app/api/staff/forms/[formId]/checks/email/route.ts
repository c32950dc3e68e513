import { checkEmail } from "@/lib/forms/checks";
import { getFormContext } from "@/lib/forms/definition";
import { readJson } from "@/lib/http/body";
import { languageHints } from "@/lib/http/language";
import { json } from "@/lib/http/respond";
import { emailCheckBody } from "@/lib/http/schemas";
import { staffRoute } from "@/lib/http/staff";

type Context = { params: Promise<{ formId: string }> };

/** The email check of the assisted registration: the public form's (lib/forms/checks.ts). */
export const POST = staffRoute("staff", async (request: Request, { params }: Context) => {
  const context = await getFormContext((await params).formId, languageHints(request), "staff");
  const { value } = await readJson(request, emailCheckBody, context.t);
  return json({ verdict: await checkEmail(context, value.trim()) });
});
