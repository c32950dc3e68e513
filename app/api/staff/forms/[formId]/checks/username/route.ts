import { AppError } from "@/lib/errors";
import { checkUsername } from "@/lib/forms/checks";
import { getFormContext } from "@/lib/forms/definition";
import { languageHints } from "@/lib/http/language";
import { json } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff";

type Context = { params: Promise<{ formId: string }> };

/** The username check of the assisted registration: the public form's (lib/forms/checks.ts). */
export const GET = staffRoute("staff", async (request: Request, { params }: Context) => {
  const context = await getFormContext((await params).formId, languageHints(request), "staff");
  const value = new URL(request.url).searchParams.get("value")?.trim() ?? "";
  if (!value || value.length > 100) throw new AppError("bad_request", context.t("badValue", { limit: 100 }));
  return json({ available: await checkUsername(context, value) });
});
