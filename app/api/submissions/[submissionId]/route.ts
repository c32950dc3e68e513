import { AppError } from "@/lib/errors";
import { wordRejection } from "@/lib/forms/vendor-errors";
import { DEFAULT_LOCALE, LOCALES, translator } from "@/lib/i18n";
import { chooseLocale } from "@/lib/i18n/negotiate";
import { languageHints } from "@/lib/http/language";
import { limited } from "@/lib/http/limits";
import { json } from "@/lib/http/respond";
import { getSubmissions } from "@/lib/submissions";

type Context = { params: Promise<{ submissionId: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const GET = limited("read", async (request: Request, { params }: Context) => {
  const { submissionId } = await params;
  const status = UUID.test(submissionId) ? await (await getSubmissions()).status(submissionId) : undefined;
  if (!status) throw new AppError("not_found", translator("en")("unknownSubmission", { id: submissionId }));
  if (!status.errors) return json(status);
  // A refusal a connector gave as a rule (ruleText) is worded here, in the request's language.
  const t = translator(chooseLocale({ ...languageHints(request), offered: LOCALES, fallback: DEFAULT_LOCALE }));
  return json({ ...status, errors: wordRejection(status.errors, {}, {}, t) });
});
