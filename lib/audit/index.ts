import "server-only";
import { getDb } from "@/lib/db";
import { pageOf } from "@/lib/db/schema";
import { auditLog, type AuditFilters, type AuditLog } from "./log";

export type { AuditAction, AuditEntry, AuditFilters, AuditLog } from "./log";
export { AUDIT_ACTIONS } from "./log";

/** The process's audit log, on the app's database. */
export async function getAudit(): Promise<AuditLog> {
  return auditLog(await getDb());
}

/** The console's page of the log, newest first, `limit` at a time; `older` is where the next page starts (null on the last). */
export async function auditPage(filters: AuditFilters, limit = 100) {
  const { rows, older } = pageOf(await (await getAudit()).list(filters, limit + 1), limit, (entry) => entry.at);
  return { entries: rows, older };
}
