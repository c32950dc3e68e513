import { sql } from "kysely";
import type { Db } from "@/lib/db/connect";
import type { InsightBatch } from "./events";
import { applyEvents, funnel, type Funnel, medianOf, newSession, pagesOf, pagesText, type SessionGroup, type SessionState } from "./funnel";

const DAY_MS = 86_400_000;

/** Another batch of the same session created it meanwhile: rolled back, and applied again. */
class SessionRace extends Error {}
export const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

export const campaignText = (campaign: InsightBatch["campaign"]) =>
  campaign ? [campaign.utm_source, campaign.utm_medium, campaign.utm_campaign].map((part) => part ?? "-").join(" / ") : null;

export interface Range {
  /** Inclusive, ms. */
  from: number;
  /** Exclusive, ms. */
  to: number;
}

export interface FormInsights {
  formId: string;
  funnel: Funnel;
  /** Median seconds on each page, from the raw events still kept. */
  medianSeconds: Array<{ page: number; seconds: number }>;
  embedded: number;
  fullPage: number;
  hosts: Array<{ host: string; count: number }>;
  campaigns: Array<{ campaign: string; count: number }>;
}

export interface RegistrationDay {
  day: string;
  formId: string;
  received: number;
  delivered: number;
  rejected: number;
  failed: number;
}

/** Insights storage: raw events (briefly), a row per form session, and counts per day. */
export function insightStore(db: Db) {
  const k = db.kysely;

  const count = async (rows: Array<{ form_id: string; day: string; type: string; page: number; field: string; kind: string }>) => {
    const merged = new Map<string, (typeof rows)[number] & { count: number }>();
    for (const row of rows) {
      const key = JSON.stringify([row.form_id, row.day, row.type, row.page, row.field, row.kind]);
      const entry = merged.get(key) ?? { ...row, count: 0 };
      entry.count += 1;
      merged.set(key, entry);
    }
    if (merged.size === 0) return;
    await k
      .insertInto("insight_daily")
      .values([...merged.values()])
      .onConflict((conflict) =>
        conflict.columns(["form_id", "day", "type", "page", "field", "kind"]).doUpdateSet({ count: sql<number>`insight_daily.count + excluded.count` }),
      )
      .execute();
  };

  return {
    /**
     * Records a batch. `tracked` false (the browser sent Sec-GPC or DNT): only the
     * totals per event type and day are counted; no event, no session is kept.
     */
    async record(formId: string, batch: InsightBatch, tracked: boolean, now = Date.now()): Promise<void> {
      const day = dayOf(now);
      if (!tracked) {
        await count(batch.events.map((event) => ({ form_id: formId, day, type: event.type, page: 0, field: "", kind: "" })));
        return;
      }
      // Two batches of one session at once (the page hidden as the outcome arrives): the one
      // that finds the session just created by the other is applied again, onto it.
      const apply = () => k.transaction().execute(async (trx) => {
        const rows = batch.events.flatMap((event): Array<{ form_id: string; session_id: string; at: number; type: string; page: number | null; ms: number | null; field: string | null; kind: string | null }> => {
          const base = { form_id: formId, session_id: batch.session, at: now, type: event.type, page: event.page ?? null, ms: event.ms ?? null };
          return event.fields?.length ? event.fields.map((field) => ({ ...base, field: field.name, kind: field.kind })) : [{ ...base, field: null, kind: null }];
        });
        await trx.insertInto("insight_events").values(rows).execute();
        const existing = await trx.selectFrom("insight_sessions").selectAll().where("session_id", "=", batch.session).executeTakeFirst();
        // A session id belongs to one form: another form's id is a new session's clash, not this one's.
        if (existing && existing.form_id !== formId) return;
        const before: SessionState = existing
          ? { pages: pagesOf(existing.pages), lastPage: existing.last_page, outcome: existing.outcome as SessionState["outcome"], endField: existing.end_field, endKind: existing.end_kind }
          : newSession();
        const after = applyEvents(before, batch.events);
        const values = {
          last_at: now,
          pages: pagesText(after.pages),
          last_page: after.lastPage,
          outcome: after.outcome,
          end_field: after.endField,
          end_kind: after.endKind,
        };
        if (existing) {
          await trx.updateTable("insight_sessions").set(values).where("session_id", "=", batch.session).execute();
          return;
        }
        const inserted = await trx
          .insertInto("insight_sessions")
          .values({ session_id: batch.session, form_id: formId, first_at: now, embedded: batch.embedded ? 1 : 0, host: batch.host ? new URL(batch.host).origin : null, campaign: campaignText(batch.campaign), ...values })
          .onConflict((conflict) => conflict.column("session_id").doNothing())
          .executeTakeFirst();
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new SessionRace();
      });
      await apply().catch((error: unknown) => (error instanceof SessionRace ? apply() : Promise.reject(error)));
      await count(
        batch.events.flatMap((event) =>
          (event.fields?.length ? event.fields : [{ name: "", kind: "" }]).map((field) => ({ form_id: formId, day, type: event.type, page: event.page ?? 0, field: field.name, kind: field.kind })),
        ),
      );
    },

    /** The funnel, times, embeds, hosts and campaigns of one form, for sessions started in `range`. */
    async form(formId: string, pageCount: number, range: Range): Promise<FormInsights> {
      const sessions = k.selectFrom("insight_sessions").where("form_id", "=", formId).where("first_at", ">=", range.from).where("first_at", "<", range.to);
      const groups = await sessions
        .select((eb) => ["pages", "last_page", "outcome", "end_field", "end_kind", eb.fn.countAll<number>().as("count")])
        .groupBy(["pages", "last_page", "outcome", "end_field", "end_kind"])
        .execute();
      const times = await k
        .selectFrom("insight_events")
        .select((eb) => ["page", sql<number>`ms / 1000`.as("seconds"), eb.fn.countAll<number>().as("count")])
        .where("form_id", "=", formId)
        .where("type", "=", "passed")
        .where("at", ">=", range.from)
        .where("at", "<", range.to)
        .where("ms", "is not", null)
        .groupBy(["page", sql`ms / 1000`])
        .execute();
      const where = await sessions.select((eb) => ["embedded", "host", "campaign", eb.fn.countAll<number>().as("count")]).groupBy(["embedded", "host", "campaign"]).execute();
      const tally = (key: (row: (typeof where)[number]) => string | null) => {
        const totals = new Map<string, number>();
        for (const row of where) {
          const value = key(row);
          if (value) totals.set(value, (totals.get(value) ?? 0) + Number(row.count));
        }
        return [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 10);
      };
      const byPage = new Map<number, Array<{ value: number; count: number }>>();
      for (const row of times) {
        if (row.page === null) continue;
        byPage.set(row.page, [...(byPage.get(row.page) ?? []), { value: Number(row.seconds), count: Number(row.count) }]);
      }
      return {
        formId,
        funnel: funnel(
          groups.map((group): SessionGroup => ({ pages: group.pages, lastPage: group.last_page, outcome: group.outcome, endField: group.end_field, endKind: group.end_kind, count: Number(group.count) })),
          pageCount,
        ),
        medianSeconds: [...byPage.entries()].sort((a, b) => a[0] - b[0]).map(([page, histogram]) => ({ page, seconds: medianOf(histogram)! })),
        embedded: where.filter((row) => row.embedded === 1).reduce((sum, row) => sum + Number(row.count), 0),
        fullPage: where.filter((row) => row.embedded !== 1).reduce((sum, row) => sum + Number(row.count), 0),
        hosts: tally((row) => row.host).map(([host, count]) => ({ host, count })),
        campaigns: tally((row) => row.campaign).map(([campaign, count]) => ({ campaign, count })),
      };
    },

    /** Registrations per day and form from the submissions themselves (received counts every one). */
    async registrations(range: Range, formId?: string): Promise<RegistrationDay[]> {
      let query = k.selectFrom("submissions").select(["form_id", "created_at", "status"]).where("created_at", ">=", range.from).where("created_at", "<", range.to);
      if (formId) query = query.where("form_id", "=", formId);
      const days = new Map<string, RegistrationDay>();
      for (const row of await query.execute()) {
        const day = dayOf(row.created_at);
        const key = `${day} ${row.form_id}`;
        const entry = days.get(key) ?? { day, formId: row.form_id, received: 0, delivered: 0, rejected: 0, failed: 0 };
        entry.received += 1;
        if (row.status === "delivered") entry.delivered += 1;
        if (row.status === "rejected") entry.rejected += 1;
        if (row.status === "failed" || row.status === "expired") entry.failed += 1;
        days.set(key, entry);
      }
      return [...days.values()].sort((a, b) => a.day.localeCompare(b.day) || a.formId.localeCompare(b.formId));
    },

    /** Event totals per form, type and day, counting the visitors who asked not to be tracked. */
    async totals(range: Range, formId?: string) {
      let query = k
        .selectFrom("insight_daily")
        .select((eb) => ["form_id", "type", eb.fn.sum<number>("count").as("count")])
        .where("day", ">=", dayOf(range.from))
        .where("day", "<", dayOf(range.to + DAY_MS - 1))
        .groupBy(["form_id", "type"]);
      if (formId) query = query.where("form_id", "=", formId);
      return (await query.execute()).map((row) => ({ formId: row.form_id, type: row.type, count: Number(row.count) }));
    },

    /** Drops raw events older than `before`; sessions and daily counts stay. */
    async purge(before: number): Promise<number> {
      const result = await k.deleteFrom("insight_events").where("at", "<", before).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type InsightStore = ReturnType<typeof insightStore>;
