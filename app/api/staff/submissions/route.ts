import { AppError } from "@/lib/errors";
import { json } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff";
import { filtersOf, queryProblem, submissionQuery } from "@/lib/http/staff-schemas";
import { listSubmissions } from "@/lib/staff/submissions";

/**
 * Submissions, newest first, filtered (form, status, assisted, dates) or found by id or reference; no
 * answers. `limit` at a time (100 at most): `older`, when not null, is the `after` that asks for the next page.
 */
export const GET = staffRoute("staff", async (request: Request) => {
  const parsed = submissionQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) throw new AppError("bad_request", queryProblem(parsed.error));
  return json(await listSubmissions(filtersOf(parsed.data), parsed.data.limit));
});
