#!/usr/bin/env node
// Benchmark: the insights' storage at a million events. Inserts BENCH_EVENTS events
// (default 1,000,000) as the endpoint does, in the wizard's batches, into a fresh
// database (SQLite in a temporary directory; PostgreSQL in a schema of its own when
// TEST_DATABASE_URL is set), then times the funnel query of the Insights page.
// Prints figures; it is not a test. The app's own TypeScript modules are loaded
// through Vite (the same resolution as the unit tests).
import { randomUUID } from "node:crypto";
import { createServer } from "vite";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const server = await createServer({ configFile: "vitest.config.mts", server: { middlewareMode: true, hmr: false }, appType: "custom", logLevel: "error" });
const load = (module) => server.ssrLoadModule(module);
const { testDatabases } = await load("/lib/testing/databases.ts");
const { insightStore } = await load("/lib/insights/store.ts");

const databases = testDatabases();
const database = databases.at(-1); // PostgreSQL when TEST_DATABASE_URL is set, else SQLite
const db = await database.open();
const store = insightStore(db);

// Sessions of a four-page form whose page 3 a condition shows to half of them; some leave
// on each page, some after a refusal. Spread over 30 days.
const DAY = 86_400_000;
const start = Date.now() - 30 * DAY;
function sessionBatches(index) {
  const skip3 = index % 2 === 0;
  const pages = skip3 ? [1, 2, 4] : [1, 2, 3, 4];
  const leaveAt = index % 5 === 0 ? 1 + (Math.floor(index / 5) % (pages.length - 1)) : undefined;
  const events = [{ type: "viewed" }, { type: "page", page: 1 }];
  for (let i = 1; i < pages.length; i++) {
    if (leaveAt === i) {
      if (index % 3 === 0) events.push({ type: "invalid", page: pages[i - 1], fields: [{ name: "username", kind: "taken" }] });
      return [events];
    }
    events.push({ type: "passed", page: pages[i - 1], ms: 2_000 + ((index * 7919) % 60_000) }, { type: "page", page: pages[i] });
  }
  const end = [{ type: "passed", page: 4, ms: 5_000 }, { type: "review", page: 5 }, { type: "submitted" }, { type: "delivered" }];
  return [events, end];
}

// Several visitors at once, as the endpoint sees them (SQLite serialises the writes anyway).
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
let inserted = 0;
let sessions = 0;
const began = performance.now();
let lastReport = began;
async function visitor() {
  while (inserted < EVENTS) {
    const index = sessions++;
    const session = randomUUID();
    const at = start + Math.floor((index / (EVENTS / 9)) * 30 * DAY);
    const embedded = index % 4 === 0;
    for (const events of sessionBatches(index)) {
      await store.record("bench", { session, embedded, ...(embedded ? { host: "https://club.example", campaign: { utm_source: "newsletter", utm_campaign: `c${index % 7}` } } : {}), events }, true, at);
      inserted += events.reduce((sum, event) => sum + (event.fields?.length ?? 1), 0);
    }
    if (performance.now() - lastReport > 10_000) {
      lastReport = performance.now();
      console.log(`  … ${inserted} events`);
    }
  }
}
await Promise.all(Array.from({ length: CONCURRENCY }, visitor));
const seconds = (performance.now() - began) / 1000;

const range = { from: start - DAY, to: Date.now() + DAY };
const timings = [];
let insights;
for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  insights = await store.form("bench", 4, range);
  timings.push(performance.now() - t0);
}
timings.sort((a, b) => a - b);
console.log(`insights on ${database.name}: ${inserted} events in ${sessions} form sessions`);
console.log(`  insert: ${(inserted / seconds).toFixed(0)} events/s (${seconds.toFixed(1)} s, batches as the wizard sends them, ${CONCURRENCY} at a time)`);
console.log(`  funnel, times, embeds, hosts and campaigns of one form (median of 3): ${timings[1].toFixed(0)} ms`);
console.log(`  funnel: ${insights.funnel.steps.map((step) => `page ${step.page} seen ${step.seen} left ${step.left}`).join("; ")}`);
await db.close();
await server.close();
