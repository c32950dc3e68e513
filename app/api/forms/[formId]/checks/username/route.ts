import { AppError } from "@/lib/errors";
import { checkUsername } from "@/lib/forms/checks";
import { getFormContext } from "@/lib/forms/definition";
import { languageHints } from "@/lib/http/language";
import { limited } from "@/lib/http/limits";
import { json } from "@/lib/http/respond";

type Context = { params: Promise<{ formId: string }> };

const MAX_LENGTH = 100;

export const GET = limited("username", async (request: Request, { params }: Context) => {
  const { formId } = await params;
  const context = await getFormContext(formId, languageHints(request));
  const { t } = context;
  const value = new URL(request.url).searchParams.get("value")?.trim() ?? "";
  if (!value || value.length > MAX_LENGTH) throw new AppError("bad_request", t("badValue", { limit: MAX_LENGTH }));
  return json({ available: await checkUsername(context, value) });
});
