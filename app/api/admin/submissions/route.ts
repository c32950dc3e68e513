import { z } from "zod";
import { AppError } from "@/lib/errors";
import { requireAdmin } from "@/lib/http/admin";
import { limited } from "@/lib/http/limits";
import { json } from "@/lib/http/respond";
import { getSubmissions } from "@/lib/submissions";

const status = z.enum(["received", "delivered", "rejected", "failed", "awaiting_person", "expired"]);

/** Operator API: submissions by status (no answers), e.g. ?status=failed for the dead letters. */
export const GET = limited("admin", async (request: Request) => {
  requireAdmin(request);
  const parsed = status.safeParse(new URL(request.url).searchParams.get("status") ?? "failed");
  if (!parsed.success) throw new AppError("bad_request", "status must be received, delivered, rejected, failed, awaiting_person or expired.");
  return json({ submissions: await (await getSubmissions()).list(parsed.data) });
});
