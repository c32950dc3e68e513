import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/errors";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * The operator API is for scripts and the coming staff console: a bearer token from
 * ADMIN_TOKEN, compared in constant time. Without ADMIN_TOKEN the API does not exist.
 */
export function requireAdmin(request: Request): void {
  const expected = env().ADMIN_TOKEN;
  if (!expected) throw new AppError("not_found", "Not found.");
  const given = request.headers.get("authorization")?.match(/^Bearer (.+)$/)?.[1] ?? "";
  if (!timingSafeEqual(digest(given), digest(expected))) throw new AppError("unauthorized", "A valid bearer token is required.");
}
