import { checkEmail } from "@/lib/forms/checks";
import { getFormContext } from "@/lib/forms/definition";
import { readJson } from "@/lib/http/body";
import { languageHints } from "@/lib/http/language";
import { limited } from "@/lib/http/limits";
import { json } from "@/lib/http/respond";
import { emailCheckBody } from "@/lib/http/schemas";

type Context = { params: Promise<{ formId: string }> };

/**
 * What the vendor knows of an email address: {verdict: "new" | "registered" |
 * "transferable" | "not_transferable" | null}. A POST, so the address stays out of URLs
 * and access logs; rate-limited per client and per form ("email"), and origin-checked,
 * so it is no tool for finding out which addresses are customers.
 */
export const POST = limited("email", async (request: Request, { params }: Context) => {
  const { formId } = await params;
  const context = await getFormContext(formId, languageHints(request));
  const { value } = await readJson(request, emailCheckBody, context.t);
  return json({ verdict: await checkEmail(context, value.trim()) });
});
