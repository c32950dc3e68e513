import { AppError } from "@/lib/errors";
import { getFormContext } from "@/lib/forms/definition";
import { readJson } from "@/lib/http/body";
import { languageHints } from "@/lib/http/language";
import { limited, requestAddress } from "@/lib/http/limits";
import { json } from "@/lib/http/respond";
import { idempotencyKey, submitBody } from "@/lib/http/schemas";
import { submitForm } from "@/lib/submissions/submit-form";

type Context = { params: Promise<{ formId: string }> };

export const POST = limited("submit", async (request: Request, { params }: Context) => {
  const { formId } = await params;
  const context = await getFormContext(formId, languageHints(request));
  const { t } = context;
  const header = request.headers.get("idempotency-key");
  if (header !== null && !idempotencyKey.safeParse(header).success) {
    throw new AppError("bad_request", t("idempotencyKeyInvalid"));
  }
  const { data, campaign, protection, choices } = await readJson(request, submitBody, t);
  const answer = await submitForm(context, { data, campaign, choices, idempotencyKey: header ?? undefined, protection, address: requestAddress(request) });
  return json(answer.generatedKey ? { ...answer.body, idempotencyKey: answer.idempotencyKey } : answer.body, {
    status: answer.httpStatus,
    headers: {
      "Idempotency-Key": answer.idempotencyKey,
      ...(answer.replayed ? { "Idempotent-Replayed": "true" } : {}),
    },
  });
});
