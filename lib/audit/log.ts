import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import type { ListCursor } from "@/lib/db/schema";

export type AuditAction =
  | "sign_in"
  | "sign_in_failed"
  | "reveal"
  | "assisted_registration"
  | "retry"
  | "replay"
  | "erase"
  | "lookup"
  | "account_created"
  | "account_disabled"
  | "account_enabled"
  | "account_reset"
  | "account_role";

export const AUDIT_ACTIONS: readonly AuditAction[] = [
  "sign_in",
  "sign_in_failed",
  "reveal",
  "assisted_registration",
  "retry",
  "replay",
  "erase",
  "lookup",
  "account_created",
  "account_disabled",
  "account_enabled",
  "account_reset",
  "account_role",
];

export interface AuditEntry {
  actor: { id: string | null; email: string | null };
  action: AuditAction;
  target?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditFilters {
  action?: AuditAction;
  /** Matches the actor's email or the target exactly. */
  who?: string;
  from?: number;
  to?: number;
  /** Only entries after this one in the log's order (newest first): the next page. */
  after?: ListCursor;
}

/**
 * The audit log: who did what, when. Append-only by construction: this module is
 * the only one that touches the table, and it only inserts and reads.
 */
export function auditLog(db: Db, now: () => number = Date.now) {
  const k = db.kysely;
  return {
    async append(entry: AuditEntry): Promise<void> {
      await k
        .insertInto("audit_log")
        .values({
          id: randomUUID(),
          at: now(),
          actor_id: entry.actor.id,
          actor_email: entry.actor.email,
          action: entry.action,
          target: entry.target ?? null,
          details: entry.details ? JSON.stringify(entry.details) : null,
        })
        .execute();
    },

    async list(filters: AuditFilters = {}, limit = 200) {
      const rows = await k
        .selectFrom("audit_log")
        .selectAll()
        .$if(filters.action !== undefined, (q) => q.where("action", "=", filters.action!))
        .$if(filters.who !== undefined, (q) => q.where((eb) => eb.or([eb("actor_email", "=", filters.who!), eb("target", "=", filters.who!)])))
        .$if(filters.from !== undefined, (q) => q.where("at", ">=", filters.from!))
        .$if(filters.to !== undefined, (q) => q.where("at", "<", filters.to!))
        .$if(filters.after !== undefined, (q) => q.where((eb) => eb.or([eb("at", "<", filters.after!.at), eb.and([eb("at", "=", filters.after!.at), eb("id", "<", filters.after!.id)])])))
        .orderBy("at", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        at: row.at,
        actorId: row.actor_id,
        actorEmail: row.actor_email,
        action: row.action as AuditAction,
        target: row.target,
        details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
      }));
    },
  };
}

export type AuditLog = ReturnType<typeof auditLog>;
