import { AppError } from "@/lib/errors";
import { requireAdmin } from "@/lib/http/admin";
import { limited } from "@/lib/http/limits";
import { json } from "@/lib/http/respond";
import { getSubmissions } from "@/lib/submissions";

type Context = { params: Promise<{ submissionId: string }> };

/** Operator API: sends a dead-lettered submission again (same idempotency, journal kept). */
export const POST = limited("admin", async (request: Request, { params }: Context) => {
  requireAdmin(request);
  const { submissionId } = await params;
  const submissions = await getSubmissions();
  if (!(await submissions.replay(submissionId))) {
    throw new AppError("conflict", `Submission ${submissionId} is not dead-lettered (or its answers were purged).`);
  }
  return json({ submissionId, status: "received" });
});
