import { getFormContext } from "@/lib/forms/definition";
import { readJson } from "@/lib/http/body";
import { languageHints } from "@/lib/http/language";
import { limited } from "@/lib/http/limits";
import { json } from "@/lib/http/respond";
import { resendBody } from "@/lib/http/schemas";
import { answerPerson } from "@/lib/submissions/answer-person";

type Context = { params: Promise<{ formId: string; submissionId: string }> };

/** A new one-time code for a waiting registration; 429 with Retry-After until the vendor's cooldown is over. */
export const POST = limited("code", async (request: Request, { params }: Context) => {
  const { formId, submissionId } = await params;
  const context = await getFormContext(formId, languageHints(request));
  await readJson(request, resendBody, context.t);
  const answer = await answerPerson(context, submissionId, { resend: true });
  return json(answer.body, { status: answer.httpStatus, headers: answer.headers });
});
