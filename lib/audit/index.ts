import "server-only";
import { getDb } from "@/lib/db";
import { auditLog, type AuditLog } from "./log";

export type { AuditAction, AuditEntry, AuditFilters, AuditLog } from "./log";
export { AUDIT_ACTIONS } from "./log";

/** The process's audit log, on the app's database. */
export async function getAudit(): Promise<AuditLog> {
  return auditLog(await getDb());
}
