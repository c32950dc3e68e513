import "server-only";
import { AppError } from "@/lib/errors";
import type { FormContext } from "@/lib/forms/definition";
import { wordRejection } from "@/lib/forms/vendor-errors";
import type { MessageKey } from "@/lib/i18n";
import { getSubmissions } from "./index";
import type { PersonReply, PublicChallenge } from "./service";

/** What the person is told about their last answer, on the code field. */
const PROBLEMS: Record<NonNullable<PublicChallenge["problem"]>, MessageKey> = {
  wrong_code: "codeWrong",
  expired: "codeExpired",
  no_tries_left: "codeNoTries",
  resend_too_soon: "codeResendTooSoon",
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface PersonAnswerResponse {
  httpStatus: 200 | 202 | 422 | 429;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/**
 * The person's code, or their request for a new one, for a submission that waits on them:
 * the delivery goes on with it at once. A wrong code is an error on the code field (422),
 * never a failed registration; a new code asked too soon is a 429 with the wait.
 */
export async function answerPerson(context: FormContext, submissionId: string, answer: { code: string } | { resend: true }): Promise<PersonAnswerResponse> {
  const { t, definition } = context;
  if (!UUID.test(submissionId)) throw new AppError("not_found", t("unknownSubmission", { id: submissionId.slice(0, 100) }));
  if ("code" in answer) {
    const code = answer.code.replace(/[\s-]/g, "");
    if (!/^\d{4,8}$/.test(code)) throw new AppError("validation_failed", t("errorSummaryTitle"), { fields: { code: t(code === "" ? "codeRequired" : "codeFormat") } });
    answer = { code };
  }
  const reply: PersonReply | undefined = await (await getSubmissions()).answerPerson(definition.id, submissionId, answer).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "conflict") throw new AppError("conflict", t("idempotencyInProgress"), { retryAfterMs: error.retryAfterMs });
    throw error;
  });
  if (!reply) throw new AppError("not_found", t("unknownSubmission", { id: submissionId }));
  const { challenge, errors, ...rest } = reply;
  if (reply.status === "rejected" && errors) {
    return { httpStatus: 422, body: { ...rest, error: t("rejectedBody"), errors: wordRejection(errors, definition.schema, {}, t) } };
  }
  if (reply.status !== "awaiting_person" || !challenge) return { httpStatus: reply.status === "received" ? 202 : 200, body: rest };
  if (!challenge.problem) return { httpStatus: 200, body: { ...rest, challenge } };
  const message = t(PROBLEMS[challenge.problem]);
  if (challenge.problem === "resend_too_soon") {
    const seconds = Math.max(1, Math.ceil((challenge.resendAt - Date.now()) / 1000));
    return { httpStatus: 429, body: { ...rest, error: message, challenge }, headers: { "Retry-After": String(seconds) } };
  }
  return { httpStatus: 422, body: { ...rest, error: message, errors: { code: message }, challenge } };
}
