import { AppError } from "@/lib/errors";
import { validatorFile } from "@/lib/forms/browser-form";
import { getFormContext } from "@/lib/forms/definition";
import { languageHints } from "@/lib/http/language";
import { staffRoute } from "@/lib/http/staff";

type Context = { params: Promise<{ formId: string; file: string }> };

/** The browser's validators of the assisted registration (its pages differ from the public form's). */
export const GET = staffRoute("staff", async (request: Request, { params }: Context) => {
  const { formId, file } = await params;
  const context = await getFormContext(formId, languageHints(request), "staff");
  const code = await validatorFile(formId, context.form.locales, file, "staff");
  if (code === undefined) throw new AppError("not_found", context.t("unknownValidator"));
  return new Response(code, { headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "private, max-age=31536000, immutable" } });
});
