import { createHash } from "node:crypto";
import type { Db } from "@/lib/db/connect";
import type { Sealer } from "@/lib/submissions/crypto";

/** How long an untouched draft is kept. */
export const DRAFT_TTL_MS = 24 * 60 * 60_000;

/** The client's token, as 24+ random bytes in base64url. */
export const DRAFT_TOKEN = /^[A-Za-z0-9_-]{32,128}$/;

/** Only a hash of the token is stored: the database alone cannot open a draft. */
const idOf = (formId: string, token: string) => createHash("sha256").update(`${formId}\n${token}`).digest("hex");

/**
 * Drafts behind an opaque token, for forms in frames where the browser gives no
 * storage (third-party cookies blocked). Sealed like submissions; passwords are
 * never part of a draft (the wizard leaves them out).
 */
export function draftStore(db: Db, sealer: Sealer, now: () => number = Date.now) {
  const k = db.kysely;
  return {
    async load(formId: string, token: string): Promise<unknown> {
      const row = await k
        .selectFrom("drafts")
        .select("payload")
        .where("id", "=", idOf(formId, token))
        .where("expires_at", ">", now())
        .executeTakeFirst();
      return row ? sealer.open(row.payload) : undefined;
    },
    async save(formId: string, token: string, draft: unknown): Promise<void> {
      const at = now();
      const row = { id: idOf(formId, token), form_id: formId, payload: sealer.seal(draft), expires_at: at + DRAFT_TTL_MS, updated_at: at };
      await k
        .insertInto("drafts")
        .values(row)
        .onConflict((oc) => oc.column("id").doUpdateSet({ payload: row.payload, expires_at: row.expires_at, updated_at: at }))
        .execute();
    },
    async remove(formId: string, token: string): Promise<void> {
      await k.deleteFrom("drafts").where("id", "=", idOf(formId, token)).execute();
    },
    async purgeExpired(): Promise<number> {
      const result = await k.deleteFrom("drafts").where("expires_at", "<=", now()).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

export type DraftStore = ReturnType<typeof draftStore>;
