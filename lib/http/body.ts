import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Translate } from "@/lib/i18n";

export const MAX_BODY_BYTES = 64 * 1024;
/** Answers are a form: a few levels (an address in an object) and short lists. */
export const MAX_BODY_DEPTH = 16;
export const MAX_ARRAY_ITEMS = 200;

/**
 * The first place where `value` is deeper or longer than a form's answers can be, or
 * undefined. Iterative, so a 10,000-level body cannot overflow the stack here, and
 * nothing after this check ever sees such a body.
 */
export function shapeProblem(value: unknown): "depth" | "items" | undefined {
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (depth > MAX_BODY_DEPTH) return "depth";
    const items = Array.isArray(node) ? node : Object.values(node);
    if (Array.isArray(node) && node.length > MAX_ARRAY_ITEMS) return "items";
    for (const item of items) stack.push([item, depth + 1]);
  }
  return undefined;
}

export interface ReadOptions {
  /** A smaller size limit than MAX_BODY_BYTES. */
  maxBytes?: number;
  /** Also JSON sent as text/plain: navigator.sendBeacon's string body, which needs no preflight. */
  beacon?: boolean;
}

/** Reads a JSON body: JSON content type, bounded size, parsed, then checked by `schema`. */
export async function readJson<T>(request: Request, schema: z.ZodType<T>, t: Translate, options: ReadOptions = {}): Promise<T> {
  const type = request.headers.get("content-type") ?? "";
  const json = /^application\/(?:[\w.+-]+\+)?json\b/i.test(type) || (options.beacon === true && /^text\/plain\b/i.test(type));
  if (!json) throw new AppError("unsupported_media_type", t("jsonOnly"));
  const limit = options.maxBytes ?? MAX_BODY_BYTES;
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > limit) throw new AppError("payload_too_large", t("bodyTooLarge", { limit }));
  const text = await readLimited(request, t, limit);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError("bad_request", t("badJson"));
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new AppError("bad_request", t("bodyNotObject"));
  const problem = shapeProblem(parsed);
  if (problem === "depth") throw new AppError("bad_request", t("bodyTooDeep", { limit: MAX_BODY_DEPTH }));
  if (problem === "items") throw new AppError("bad_request", t("bodyListTooLong", { limit: MAX_ARRAY_ITEMS }));
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    throw new AppError("bad_request", `${where}${issue.message}`);
  }
  return result.data;
}

async function readLimited(request: Request, t: Translate, limit: number): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError("payload_too_large", t("bodyTooLarge", { limit }));
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
