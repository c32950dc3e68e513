import { AppError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff";
import { submissionAction } from "@/lib/http/staff-schemas";
import { hasRole } from "@/lib/staff/session";
import { actOnSubmission, revealSubmission } from "@/lib/staff/submissions";

type Context = { params: Promise<{ submissionId: string; action: string }> };

/**
 * reveal (any staff member; audited), retry, replay and erase (admins; audited).
 * An unknown action is a 404, like any path the API does not have.
 */
export const POST = staffRoute("staff", async (_request: Request, { params }: Context, { staff, t, common }) => {
  const { submissionId, action } = await params;
  const parsed = submissionAction.safeParse(action);
  if (!parsed.success) throw new AppError("not_found", t("unknownAction", { action }));
  if (parsed.data === "reveal") return json(await revealSubmission(submissionId, staff, t, common));
  if (!hasRole(staff, "admin")) return json({ error: t("adminRequired") }, { status: 403 });
  return json(await actOnSubmission(parsed.data, submissionId, staff, t));
});

