import { sql } from "kysely";
import type { Db } from "@/lib/db/connect";

export type RefusalReason = "rate_limit" | "origin" | "honeypot" | "too_fast" | "token" | "disposable_email" | "challenge";

/** Requests not tied to a form (a submission's status, the operator API). */
export const NO_FORM = "-";

/**
 * Refusals per form and reason, for operators. Counted in memory and added to the
 * database every few seconds, so a flood of refused requests is not a flood of
 * writes; a crash (or a failed write) loses at most the last few seconds of counts.
 */
export function refusalCounter(db: () => Promise<Db>, options: { flushEveryMs?: number; now?: () => number } = {}) {
  const { flushEveryMs = 5_000, now = Date.now } = options;
  let pending = new Map<string, { formId: string; reason: RefusalReason; count: number }>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const rows = [...pending.values()];
    pending = new Map();
    if (rows.length === 0) return;
    const k = (await db()).kysely;
    const at = now();
    for (const { formId, reason, count } of rows) {
      await k
        .insertInto("protection_refusals")
        .values({ form_id: formId, reason, count, updated_at: at })
        .onConflict((oc) =>
          oc.columns(["form_id", "reason"]).doUpdateSet({ count: sql`protection_refusals.count + ${count}`, updated_at: at }),
        )
        .execute();
    }
  }

  return {
    count(formId: string | undefined, reason: RefusalReason): void {
      const id = formId ?? NO_FORM;
      const key = `${id}\n${reason}`;
      const row = pending.get(key) ?? { formId: id, reason, count: 0 };
      row.count += 1;
      pending.set(key, row);
      timer ??= setTimeout(() => void flush().catch(() => {}), flushEveryMs);
      timer.unref?.();
    },
    flush,
    /** Counts so far, { formId: { reason: count } }. */
    async totals(): Promise<Record<string, Record<string, number>>> {
      await flush();
      const rows = await (await db()).kysely
        .selectFrom("protection_refusals")
        .select(["form_id", "reason", "count"])
        .orderBy("form_id")
        .orderBy("reason")
        .execute();
      const out: Record<string, Record<string, number>> = {};
      for (const row of rows) (out[row.form_id] ??= {})[row.reason] = Number(row.count);
      return out;
    },
  };
}

export type RefusalCounter = ReturnType<typeof refusalCounter>;
