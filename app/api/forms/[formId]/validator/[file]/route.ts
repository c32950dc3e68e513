import { AppError } from "@/lib/errors";
import { validatorFile } from "@/lib/forms/browser-form";
import { getFormContext } from "@/lib/forms/definition";
import { languageHints } from "@/lib/http/language";
import { route } from "@/lib/http/respond";

type Context = { params: Promise<{ formId: string; file: string }> };

/** The browser's validators for one version of a form's schema, one part at a time (see lib/forms/browser-form.ts): named by content, so cached for good. */
export const GET = route(async (request: Request, { params }: Context) => {
  const { formId, file } = await params;
  const context = await getFormContext(formId, languageHints(request));
  const code = await validatorFile(formId, context.form.locales, file);
  if (code === undefined) throw new AppError("not_found", context.t("unknownValidator"));
  return new Response(code, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" },
  });
});
