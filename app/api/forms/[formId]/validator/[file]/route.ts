import { AppError } from "@/lib/errors";
import { validatorModule } from "@/lib/forms/browser-form";
import { getFormContext } from "@/lib/forms/definition";
import { route } from "@/lib/http/respond";

type Context = { params: Promise<{ formId: string; file: string }> };

/** The browser's validators for one version of a form's schema (see lib/forms/browser-form.ts): named by content, so cached for good. */
export const GET = route(async (_request: Request, { params }: Context) => {
  const { formId, file } = await params;
  const context = await getFormContext(formId);
  const hash = /^([0-9a-f]{32})\.js$/.exec(file)?.[1];
  const code = hash ? validatorModule(context.definition, hash) : undefined;
  if (code === undefined) throw new AppError("not_found", context.t("unknownValidator"));
  return new Response(code, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" },
  });
});
