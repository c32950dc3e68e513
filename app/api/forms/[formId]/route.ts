import { getFormDefinition } from "@/lib/forms/definition";
import { languageHints } from "@/lib/http/language";
import { limited } from "@/lib/http/limits";
import { json } from "@/lib/http/respond";

type Context = { params: Promise<{ formId: string }> };

export const GET = limited("read", async (request: Request, { params }: Context) => {
  const { formId } = await params;
  return json(await getFormDefinition(formId, languageHints(request)));
});
