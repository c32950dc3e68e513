import { z } from "zod";
import { readJson } from "@/lib/http/body";
import { json } from "@/lib/http/respond";
import { staffRoute } from "@/lib/http/staff";
import { lookUp } from "@/lib/staff/lookups";

type Context = { params: Promise<{ formId: string }> };

const lookupBody = z.object({ key: z.string({ error: "must be the id, reference or email to look up" }).trim().min(1, { error: "must not be empty" }).max(320) });

/**
 * Looks a person up at the form's vendor: {outcome: "found", result} | {outcome: "not_found"}
 * | {outcome: "error", code, message} (502 for a refused configuration, 503 when the vendor is down).
 */
export const POST = staffRoute("staff", async (request: Request, { params }: Context, { staff, t, common }) => {
  const { key } = await readJson(request, lookupBody, common);
  const answer = await lookUp((await params).formId, key, staff, t);
  const status = answer.outcome !== "error" ? 200 : answer.code === "vendor_misconfigured" ? 502 : answer.code === "bad_request" ? 400 : 503;
  return json(answer, { status });
});
