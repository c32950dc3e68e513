import { AppError } from "@/lib/errors";
import { validatorModule } from "@/lib/forms/browser-form";
import { getFormContext } from "@/lib/forms/definition";
import { languageHints } from "@/lib/http/language";
import { route } from "@/lib/http/respond";

type Context = { params: Promise<{ formId: string; file: string }> };

/** The browser's validators for one version of a form's schema, one part at a time (see lib/forms/browser-form.ts): named by content, so cached for good. */
export const GET = route(async (request: Request, { params }: Context) => {
  const { formId, file } = await params;
  const context = await getFormContext(formId, languageHints(request));
  const match = /^([0-9a-f]{32})\.(form|[1-9][0-9]?)\.js$/.exec(file);
  // Each language has its own schema texts, so its own module: the hash says which.
  let code: string | undefined;
  for (const locale of match ? context.form.locales : []) {
    const { definition } = await getFormContext(formId, { requested: locale });
    code ??= validatorModule(definition, match![1], match![2] === "form" ? "form" : Number(match![2]));
  }
  if (code === undefined) throw new AppError("not_found", context.t("unknownValidator"));
  return new Response(code, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "public, max-age=31536000, immutable" },
  });
});
