import { getDb } from "@/lib/db";
import { json, route } from "@/lib/http/respond";

/** Liveness and database reachability, for load balancers and tests. */
export const GET = route(async () => {
  await getDb();
  return json({ ok: true });
});
