import { AppError } from "@/lib/errors";
import { translator } from "@/lib/i18n";
import { limited } from "@/lib/http/limits";
import { json } from "@/lib/http/respond";
import { getSubmissions } from "@/lib/submissions";

type Context = { params: Promise<{ submissionId: string }> };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const GET = limited("read", async (_request: Request, { params }: Context) => {
  const { submissionId } = await params;
  const status = UUID.test(submissionId) ? await (await getSubmissions()).status(submissionId) : undefined;
  if (!status) throw new AppError("not_found", translator("en")("unknownSubmission", { id: submissionId }));
  return json(status);
});
