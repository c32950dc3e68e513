import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connect";
import { testDatabases } from "@/lib/testing/databases";
import type { InsightBatch, InsightEvent } from "./events";
import { insightStore } from "./store";

const DAY = Date.UTC(2026, 11, 7, 10);
const range = { from: DAY - 86_400_000, to: DAY + 86_400_000 };

/** Pages a session saw, in order, as the wizard reports them; then how it ended. */
function visit(pages: number[], end: InsightEvent[] = []): InsightEvent[] {
  const events: InsightEvent[] = [{ type: "viewed" }];
  pages.forEach((page, index) => {
    if (index > 0) events.push({ type: "passed", page: pages[index - 1], ms: 4_000 + index * 1_000 });
    events.push(page === 5 ? { type: "review", page } : { type: "page", page });
  });
  return [...events, ...end];
}

const batch = (events: InsightEvent[], extra: Partial<InsightBatch> = {}): InsightBatch => ({ session: randomUUID(), embedded: false, events, ...extra });

describe.each(testDatabases())("insights on $name", (database) => {
  let db: Db;
  beforeAll(async () => void (db = await database.open()));
  afterAll(() => db.close());

  it("counts a funnel by the pages people saw: page 3, skipped by a condition, is no drop-off", async () => {
    const store = insightStore(db);
    // A four-page form whose page 3 is shown only to some (a condition); the review is page 5.
    await store.record("clubs", batch(visit([1, 2, 4, 5], [{ type: "submitted" }, { type: "delivered" }])), true, DAY);
    await store.record("clubs", batch(visit([1, 2, 4, 5], [{ type: "submitted" }, { type: "delivered" }])), true, DAY);
    await store.record("clubs", batch(visit([1, 2, 3, 4, 5], [{ type: "submitted" }, { type: "rejected" }])), true, DAY);
    await store.record("clubs", batch(visit([1, 2, 3])), true, DAY);
    await store.record("clubs", batch(visit([1, 2], [{ type: "invalid", page: 2, fields: [{ name: "username", kind: "taken" }] }])), true, DAY);
    // Reported in two batches (the page was hidden in between): one session all the same. Its
    // username was refused on page 1; it went on, and left on page 4: the refusal is its last.
    const split = batch([...visit([1, 2, 4]).slice(0, 2), { type: "invalid", page: 1, fields: [{ name: "username", kind: "taken" }] }, ...visit([1, 2, 4]).slice(2, 4)]);
    await store.record("clubs", split, true, DAY);
    await store.record("clubs", { ...split, events: [{ type: "passed", page: 2, ms: 9_000 }, { type: "page", page: 4 }] }, true, DAY);

    const insights = await store.form("clubs", 4, range);
    expect(insights.funnel.sessions).toBe(6);
    expect(insights.funnel.steps).toEqual([
      { page: 1, seen: 6, left: 0 },
      { page: 2, seen: 6, left: 1 },
      { page: 3, seen: 2, left: 1 },
      { page: 4, seen: 4, left: 1 },
      { page: 5, seen: 3, left: 0 },
    ]);
    expect(insights.funnel).toMatchObject({ submitted: 3, delivered: 2, rejected: 1, failed: 0 });
    expect(insights.funnel.reasons).toEqual(
      expect.arrayContaining([
        { page: 2, field: "username", kind: "taken", count: 1 },
        { page: 3, field: null, kind: null, count: 1 },
        { page: 4, field: "username", kind: "taken", count: 1 },
      ]),
    );
    expect(insights.medianSeconds.find((entry) => entry.page === 1)).toEqual({ page: 1, seconds: 5 });
    expect(insights.fullPage).toBe(6);
  });

  it("keeps embeds' host sites and campaigns per session, and only totals for a browser that asked not to be tracked", async () => {
    const store = insightStore(db);
    const campaign = { utm_source: "newsletter", utm_medium: "email", utm_campaign: "spring" };
    await store.record("embeds", batch(visit([1]), { embedded: true, host: "https://club.example/join?x=1", campaign }), true, DAY);
    await store.record("embeds", batch(visit([1, 2])), false, DAY);
    const insights = await store.form("embeds", 3, range);
    expect(insights.funnel.sessions).toBe(1);
    expect(insights).toMatchObject({ embedded: 1, fullPage: 0, hosts: [{ host: "https://club.example", count: 1 }], campaigns: [{ campaign: "newsletter / email / spring", count: 1 }] });
    const totals = await store.totals(range, "embeds");
    expect(totals.find((row) => row.type === "viewed")?.count).toBe(2);
    expect(totals.find((row) => row.type === "page")?.count).toBe(3);
    expect(await db.kysely.selectFrom("insight_events").where("form_id", "=", "embeds").select("session_id").distinct().execute()).toHaveLength(1);
  });

  it("applies two batches of one new session sent at once, neither lost", async () => {
    const store = insightStore(db);
    const session = randomUUID();
    await Promise.all([1, 2].map((page) => store.record("race", { session, embedded: false, events: [{ type: "page", page }] }, true, DAY)));
    const rows = await db.kysely.selectFrom("insight_sessions").select(["pages"]).where("form_id", "=", "race").execute();
    expect(rows).toEqual([{ pages: ",1,2," }]);
    expect(await db.kysely.selectFrom("insight_events").select("page").where("form_id", "=", "race").execute()).toHaveLength(2);
  });

  it("aggregates refusals per form, day, page, field and kind, and purges raw events after the retention", async () => {
    const store = insightStore(db);
    await store.record("purged", batch([{ type: "invalid", page: 1, fields: [{ name: "email", kind: "format" }, { name: "name", kind: "required" }] }]), true, DAY);
    const daily = await db.kysely.selectFrom("insight_daily").selectAll().where("form_id", "=", "purged").orderBy("field").execute();
    expect(daily.map((row) => [row.day, row.type, row.page, row.field, row.kind, Number(row.count)])).toEqual([
      ["2026-12-07", "invalid", 1, "email", "format", 1],
      ["2026-12-07", "invalid", 1, "name", "required", 1],
    ]);
    expect(await store.purge(DAY + 1)).toBeGreaterThanOrEqual(2);
    expect(await db.kysely.selectFrom("insight_events").selectAll().execute()).toEqual([]);
    expect(await db.kysely.selectFrom("insight_daily").selectAll().where("form_id", "=", "purged").execute()).toHaveLength(2);
  });
});
