import { describe, expect, it } from "vitest";
import { SUBMISSION_STATUSES } from "@/lib/db/schema";
import { auditFiltersOf, auditQuery, filtersOf, queryProblem, submissionQuery } from "./staff-schemas";

describe("the submissions list's query", () => {
  it("filters by every status a submission can have", () => {
    for (const status of SUBMISSION_STATUSES) expect(filtersOf(submissionQuery.parse({ status })).status).toBe(status);
    const refused = submissionQuery.safeParse({ status: "lost" });
    expect(refused.success || queryProblem(refused.error)).toMatch(/^status: /);
  });

  it("reads the link to older submissions as the time and id the previous page ended on, and refuses anything else", () => {
    expect(filtersOf(submissionQuery.parse({ after: "1764000000123.3f1c0a9e-1b2c-4d5e-8f90-123456789abc", form: "members" }))).toMatchObject({
      formId: "members",
      after: { at: 1764000000123, id: "3f1c0a9e-1b2c-4d5e-8f90-123456789abc" },
    });
    expect(filtersOf(submissionQuery.parse({ after: "" })).after).toBeUndefined();
    for (const after of ["1764000000123", "x.abc", "1764000000123.a b", "1.' or 1=1 --"]) {
      const refused = submissionQuery.safeParse({ after });
      expect(refused.success || queryProblem(refused.error)).toBe("after: must be the list's own link to older entries");
    }
  });

  it("takes a page's size from 1 to 100, and nothing else", () => {
    expect(submissionQuery.parse({ limit: "5" }).limit).toBe(5);
    expect(submissionQuery.parse({ limit: "" }).limit).toBeUndefined();
    for (const [limit, problem] of [["0", "must be 1 to 100"], ["101", "must be 1 to 100"], ["2.5", "must be a whole number"], ["many", "limit: "]] as const) {
      const refused = submissionQuery.safeParse({ limit });
      expect(refused.success || queryProblem(refused.error)).toContain(problem);
    }
  });

  it("reads its dates as whole days in UTC, the last one included", () => {
    expect(filtersOf(submissionQuery.parse({ from: "2026-12-01", to: "2026-12-07" }))).toMatchObject({ from: Date.parse("2026-12-01T00:00:00Z"), to: Date.parse("2026-12-08T00:00:00Z") });
    expect(auditFiltersOf(auditQuery.parse({ to: "2026-12-07" })).to).toBe(Date.parse("2026-12-08T00:00:00Z"));
  });
});
