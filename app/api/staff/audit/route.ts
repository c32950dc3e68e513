import { getAudit } from "@/lib/audit";
import type { AuditAction } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff";
import { auditQuery, queryProblem } from "@/lib/http/staff-schemas";

/** The audit log, newest first, filtered by action, who (actor or target) and dates; admins only. */
export const GET = staffRoute("admin", async (request: Request) => {
  const parsed = auditQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("bad_request", queryProblem(parsed.error));
  const { action, who, from, to } = parsed.data;
  const entries = await (await getAudit()).list({ action: action as AuditAction | undefined, who, from, to: to === undefined ? undefined : to + 86_400_000 });
  return json({ entries: entries.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() })) });
});
