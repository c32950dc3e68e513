import { requireAdmin } from "@/lib/http/admin";
import { limited } from "@/lib/http/limits";
import { json } from "@/lib/http/respond";
import { getRefusals } from "@/lib/protection";

/** Operator API: refused requests per form and reason ("-": not tied to a form), since the database was made. */
export const GET = limited("admin", async (request: Request) => {
  requireAdmin(request);
  return json({ refusals: await getRefusals().totals() });
});
