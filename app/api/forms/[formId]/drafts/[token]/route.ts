import { AppError } from "@/lib/errors";
import { draftsFor } from "@/lib/drafts";
import { readJson } from "@/lib/http/body";
import { limited } from "@/lib/http/limits";
import { json } from "@/lib/http/respond";
import { draftBody } from "@/lib/http/schemas";

/** Server-side drafts for embedded forms that the browser gives no storage (see README, "Embedding"). */
type Context = { params: Promise<{ formId: string; token: string }> };

export const GET = limited("drafts", async (_request: Request, { params }: Context) => {
  const { formId, token } = await params;
  const drafts = await draftsFor(formId, token);
  const draft = await drafts.load();
  if (draft === undefined) throw new AppError("not_found", drafts.t("unknownDraft"));
  return json(draft);
});

export const PUT = limited("drafts", async (request: Request, { params }: Context) => {
  const { formId, token } = await params;
  const drafts = await draftsFor(formId, token);
  await drafts.save(await readJson(request, draftBody, drafts.t));
  return new Response(null, { status: 204 });
});

export const DELETE = limited("drafts", async (_request: Request, { params }: Context) => {
  const { formId, token } = await params;
  await (await draftsFor(formId, token)).remove();
  return new Response(null, { status: 204 });
});
