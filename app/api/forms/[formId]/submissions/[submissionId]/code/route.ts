import { getFormContext } from "@/lib/forms/definition";
import { readJson } from "@/lib/http/body";
import { languageHints } from "@/lib/http/language";
import { limited } from "@/lib/http/limits";
import { json } from "@/lib/http/respond";
import { codeBody } from "@/lib/http/schemas";
import { answerPerson } from "@/lib/submissions/answer-person";

type Context = { params: Promise<{ formId: string; submissionId: string }> };

/** The one-time code a waiting registration needs (PersonChallenge): origin-checked, rate-limited per address and form ("code"). */
export const POST = limited("code", async (request: Request, { params }: Context) => {
  const { formId, submissionId } = await params;
  const context = await getFormContext(formId, languageHints(request));
  const { code } = await readJson(request, codeBody, context.t);
  const answer = await answerPerson(context, submissionId, { code });
  return json(answer.body, { status: answer.httpStatus, headers: answer.headers });
});
