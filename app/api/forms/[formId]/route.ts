import { getFormDefinition } from "@/lib/forms/definition";
import { json, route } from "@/lib/http/respond";

type Context = { params: Promise<{ formId: string }> };

export const GET = route(async (_request: Request, { params }: Context) => {
  const { formId } = await params;
  return json(await getFormDefinition(formId));
});
