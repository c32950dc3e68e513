import { auditPage } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff";
import { auditFiltersOf, auditQuery, queryProblem } from "@/lib/http/staff-schemas";

/**
 * The audit log, newest first, filtered by action, who (actor or target) and dates; admins only.
 * `limit` at a time (100 at most): `older`, when not null, is the `after` that asks for the next page.
 */
export const GET = staffRoute("admin", async (request: Request) => {
  const parsed = auditQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("bad_request", queryProblem(parsed.error));
  const { entries, older } = await auditPage(auditFiltersOf(parsed.data), parsed.data.limit);
  return json({ entries: entries.map((entry) => ({ ...entry, at: new Date(entry.at).toISOString() })), older });
});
