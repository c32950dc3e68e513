import { z } from "zod";
import { AppError } from "@/lib/errors";
import { getFormContext } from "@/lib/forms/definition";
import { readJson } from "@/lib/http/body";
import { languageHints } from "@/lib/http/language";
import { json } from "@/lib/http/respond";
import { idempotencyKey, submitBody } from "@/lib/http/schemas";
import { staffRoute } from "@/lib/http/staff";
import { submitAssisted } from "@/lib/staff/assisted";
import { randomUUID } from "node:crypto";

type Context = { params: Promise<{ formId: string }> };

const assistedBody = submitBody.extend({
  attestation: z.object({
    person: z.string({ error: "must name the person" }).trim().min(1, { error: "must name the person" }).max(200),
    how: z.enum(["in_person", "phone"], { error: "must be in_person or phone" }),
  }),
});

/**
 * An assisted registration: the answers, and the attestation that the person agreed
 * to the terms and the privacy notice; a password the form asks for is generated here.
 */
export const POST = staffRoute("staff", async (request: Request, { params }: Context, { staff }) => {
  const context = await getFormContext((await params).formId, languageHints(request), "staff");
  const header = request.headers.get("idempotency-key");
  if (header !== null && !idempotencyKey.safeParse(header).success) throw new AppError("bad_request", context.t("idempotencyKeyInvalid"));
  const { data, choices, attestation } = await readJson(request, assistedBody, context.t);
  const key = header ?? randomUUID();
  const answer = await submitAssisted(context, { data, idempotencyKey: key, attestation, staff, choices });
  return json(
    { ...answer.body, passwordGenerated: answer.passwordGenerated },
    { status: answer.httpStatus, headers: { "Idempotency-Key": key, ...(answer.replayed ? { "Idempotent-Replayed": "true" } : {}) } },
  );
});
