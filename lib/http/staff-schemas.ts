import { z } from "zod";
import { AUDIT_ACTIONS, type AuditAction, type AuditFilters } from "@/lib/audit/log";
import { CURSOR_PATTERN, parseCursor, SUBMISSION_STATUSES } from "@/lib/db/schema";

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
  .transform((value) => Date.parse(`${value}T00:00:00Z`));
const blank = (value: unknown) => (value === "" ? undefined : value);
/** A list's last day, inclusive: read as the moment it ends (the lists' `to` is exclusive). */
const lastDay = day.transform((start) => start + 86_400_000);
/** A page of a list: how many (100 unless fewer are asked for), and where the previous page ended (the list's `older`). */
const paging = {
  limit: z.preprocess(blank, z.coerce.number().int("must be a whole number").min(1, "must be 1 to 100").max(100, "must be 1 to 100").optional()),
  after: z.preprocess(blank, z.string().regex(CURSOR_PATTERN, "must be the list's own link to older entries").transform(parseCursor).optional()),
};

/** The submissions list's query: ?form=&status=&assisted=yes|no&from=&to=&q= (dates inclusive, UTC), a page at a time (&limit=&after=). */
export const submissionQuery = z.object({
  form: z.preprocess(blank, z.string().max(100).optional()),
  status: z.preprocess(blank, z.enum(SUBMISSION_STATUSES).optional()),
  assisted: z.preprocess(blank, z.enum(["yes", "no"]).optional()),
  from: z.preprocess(blank, day.optional()),
  to: z.preprocess(blank, lastDay.optional()),
  q: z.preprocess(blank, z.string().trim().max(200).optional()),
  ...paging,
});

export function filtersOf(query: z.output<typeof submissionQuery>) {
  return {
    formId: query.form,
    status: query.status,
    assisted: query.assisted === undefined ? undefined : query.assisted === "yes",
    from: query.from,
    to: query.to,
    search: query.q,
    after: query.after,
  };
}

export const auditQuery = z.object({
  action: z.preprocess(blank, z.enum(AUDIT_ACTIONS as [string, ...string[]]).optional()),
  who: z.preprocess(blank, z.string().trim().max(320).optional()),
  from: z.preprocess(blank, day.optional()),
  to: z.preprocess(blank, lastDay.optional()),
  ...paging,
});

export function auditFiltersOf(query: z.output<typeof auditQuery>): AuditFilters {
  return {
    action: query.action as AuditAction | undefined,
    who: query.who,
    from: query.from,
    to: query.to,
    after: query.after,
  };
}

export const submissionAction = z.enum(["reveal", "retry", "replay", "erase"]);

export const newAccount = z.object({
  email: z.string().trim().email("must be an email address").max(320),
  name: z.string().trim().max(200).optional(),
  role: z.enum(["staff", "admin"]),
  password: z.string().min(12, "must have at least 12 characters").max(1024).optional(),
});

export const accountChange = z.discriminatedUnion("change", [
  z.object({ change: z.literal("disable") }),
  z.object({ change: z.literal("enable") }),
  z.object({ change: z.literal("role"), role: z.enum(["staff", "admin"]) }),
  z.object({ change: z.literal("reset"), password: z.string().min(12, "must have at least 12 characters").max(1024) }),
]);

/** The first problem of a query string, as "field: message". */
export function queryProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue.path.join(".") || "query"}: ${issue.message}`;
}

/** The insights' query: ?form=&from=&to= (dates inclusive, UTC; the last 30 days when absent). */
export const insightsQuery = z.object({
  form: z.preprocess(blank, z.string().max(100).optional()),
  from: z.preprocess(blank, day.optional()),
  to: z.preprocess(blank, day.optional()),
});
