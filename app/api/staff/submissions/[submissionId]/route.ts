import { json } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff";
import { submissionDetail } from "@/lib/staff/submissions";

type Context = { params: Promise<{ submissionId: string }> };

/** One submission: its state, delivery timeline, and answers masked. */
export const GET = staffRoute("staff", async (_request: Request, { params }: Context, { t }) => {
  return json(await submissionDetail((await params).submissionId, t));
});
