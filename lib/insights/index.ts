import "server-only";
import { getDb } from "@/lib/db";
import { insightStore, type InsightStore } from "./store";

export { insightStore, type InsightStore } from "./store";

/** The app's insights store, on its database. */
export async function getInsights(): Promise<InsightStore> {
  return insightStore(await getDb());
}

/**
 * A browser that says "do not track" (Sec-GPC: 1, or DNT: 1) is counted in the totals
 * only: no session, no pages, no event kept.
 */
export function tracked(headers: Headers): boolean {
  return headers.get("sec-gpc")?.trim() !== "1" && headers.get("dnt")?.trim() !== "1";
}
