import { type Selectable, sql } from "kysely";
import type { Db } from "@/lib/db/connect";
import type { ListCursor, SubmissionStatus, SubmissionsTable } from "@/lib/db/schema";

export type SubmissionRow = Selectable<SubmissionsTable>;

/** A released key becomes this prefix and the row's id: unique, and never a key a client sends (those are sent as is). */
const RELEASED_PREFIX = "released:";

export interface NewSubmission {
  id: string;
  formId: string;
  idempotencyKey: string;
  requestHash: string;
  payload: string;
  campaign: string | null;
  now: number;
  lock?: { by: string; until: number };
  /** The answer, when it is known before any vendor call. */
  response?: string;
  /** An assisted registration: the staff account and the sealed attestation. */
  assisted?: { by: string; attestation: string };
}

export interface SubmissionFilters {
  formId?: string;
  status?: SubmissionStatus;
  assisted?: boolean;
  /** created_at bounds, milliseconds: from inclusive, to exclusive. */
  from?: number;
  to?: number;
  /** A submission id or a vendor's reference, exactly. */
  search?: string;
  /** Only submissions after this one in the list's order (newest first): the next page of a long list. */
  after?: ListCursor;
}

/** Data access for the outbox; every write that follows a claim is fenced by the claimer's id. */
export function submissionStore(db: Db) {
  const k = db.kysely;

  return {
    /**
     * Inserts each submission unless its (form, key) exists, in one statement; returns
     * the new rows in order, undefined where the key is taken.
     */
    async insert(items: NewSubmission[]): Promise<Array<SubmissionRow | undefined>> {
      const rows: SubmissionRow[] = items.map((values) => ({
        id: values.id,
        form_id: values.formId,
        idempotency_key: values.idempotencyKey,
        request_hash: values.requestHash,
        status: "received",
        payload: values.payload,
        campaign: values.campaign,
        reference: null,
        field_errors: null,
        response: values.response ?? null,
        steps: "{}",
        attempts: 0,
        next_attempt_at: values.now,
        locked_until: values.lock?.until ?? null,
        locked_by: values.lock?.by ?? null,
        last_error: null,
        challenge: null,
        created_at: values.now,
        updated_at: values.now,
        delivered_at: null,
        purged_at: null,
        assisted_by: values.assisted?.by ?? null,
        attestation: values.assisted?.attestation ?? null,
        erased_at: null,
      }));
      // Only the ids come back (the rows are known): no answers read back over the wire.
      const inserted = await k
        .insertInto("submissions")
        .values(rows)
        .onConflict((oc) => oc.columns(["form_id", "idempotency_key"]).doNothing())
        .returning("id")
        .execute();
      const ids = new Set(inserted.map((row) => row.id));
      return rows.map((row) => (ids.has(row.id) ? row : undefined));
    },

    byKey(formId: string, idempotencyKey: string) {
      return k
        .selectFrom("submissions")
        .selectAll()
        .where("form_id", "=", formId)
        .where("idempotency_key", "=", idempotencyKey)
        .executeTakeFirst();
    },

    byId(id: string) {
      return k.selectFrom("submissions").selectAll().where("id", "=", id).executeTakeFirst();
    },

    /** Stores the answer for the key unless one is stored already; returns the one that is. */
    async saveResponse(id: string, response: string): Promise<string> {
      const result = await k.updateTable("submissions").set({ response }).where("id", "=", id).where("response", "is", null).executeTakeFirst();
      if (Number(result.numUpdatedRows) === 1) return response;
      const row = await k.selectFrom("submissions").select("response").where("id", "=", id).executeTakeFirst();
      return row?.response ?? response;
    },

    /**
     * Claims up to `limit` due submissions for `by`, except those of `pausedForms`. On
     * PostgreSQL the inner select skips rows other instances hold (FOR UPDATE SKIP
     * LOCKED); SQLite has one writer.
     */
    async claimDue(by: string, now: number, leaseMs: number, limit: number, pausedForms: string[] = []): Promise<SubmissionRow[]> {
      let due = k
        .selectFrom("submissions")
        .select("id")
        .where("status", "=", "received")
        .where("next_attempt_at", "<=", now)
        .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", now)]))
        .$if(pausedForms.length > 0, (query) => query.where("form_id", "not in", pausedForms))
        .orderBy("next_attempt_at")
        .limit(limit);
      if (db.dialect === "postgres") due = due.forUpdate().skipLocked();
      return k
        .updateTable("submissions")
        .set((eb) => ({ locked_by: by, locked_until: now + leaseMs, attempts: eb("attempts", "+", 1), updated_at: now }))
        .where("id", "in", due)
        .returningAll()
        .execute();
    },

    /** Takes a due, unclaimed submission back for another inline attempt. */
    claimForInline(id: string, by: string, now: number, leaseMs: number) {
      return k
        .updateTable("submissions")
        .set({ locked_by: by, locked_until: now + leaseMs, updated_at: now })
        .where("id", "=", id)
        .where("status", "=", "received")
        .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", now)]))
        .returningAll()
        .executeTakeFirst();
    },

    /** Counts the inline attempt a submit makes on a row it inserted locked. */
    async startAttempt(id: string, by: string, now: number) {
      await k
        .updateTable("submissions")
        .set((eb) => ({ attempts: eb("attempts", "+", 1), updated_at: now }))
        .where("id", "=", id)
        .where("locked_by", "=", by)
        .execute();
    },

    /** Writes journal progress and extends the lease; false if the lease was lost. */
    async saveSteps(id: string, by: string, steps: string, now: number, leaseMs: number): Promise<boolean> {
      const result = await k
        .updateTable("submissions")
        .set({ steps, locked_until: now + leaseMs, updated_at: now })
        .where("id", "=", id)
        .where("locked_by", "=", by)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** Ends an attempt: a final status, or back to the queue at `nextAttemptAt`. */
    async finish(
      id: string,
      by: string,
      outcome: {
        status: SubmissionStatus;
        now: number;
        /** The journal as the attempt left it. */
        steps: string;
        reference?: string;
        fieldErrors?: string;
        lastError?: string | null;
        nextAttemptAt?: number;
        /** The PersonChallenge of an "awaiting_person" submission (JSON). */
        challenge?: string;
      },
    ) {
      await k
        .updateTable("submissions")
        .set({
          status: outcome.status,
          steps: outcome.steps,
          reference: outcome.reference ?? null,
          field_errors: outcome.fieldErrors ?? null,
          last_error: outcome.lastError ?? null,
          challenge: outcome.challenge ?? null,
          next_attempt_at: outcome.nextAttemptAt ?? outcome.now,
          delivered_at: outcome.status === "delivered" ? outcome.now : null,
          locked_by: null,
          locked_until: null,
          updated_at: outcome.now,
        })
        .where("id", "=", id)
        .where("locked_by", "=", by)
        .execute();
    },

    /**
     * Takes a submission that waits for the person, for their answer (a code, a new code);
     * undefined when it waits no more, has expired (`next_attempt_at` is its deadline) or
     * is being answered already.
     */
    claimAwaiting(id: string, by: string, now: number, leaseMs: number) {
      return k
        .updateTable("submissions")
        .set({ locked_by: by, locked_until: now + leaseMs, updated_at: now })
        .where("id", "=", id)
        .where("status", "=", "awaiting_person")
        .where("next_attempt_at", ">", now)
        .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", now)]))
        .returningAll()
        .executeTakeFirst();
    },

    /** Submissions the person left waiting past their deadline become "expired" (kept, listed, not retried). */
    async expireWaiting(now: number): Promise<number> {
      const result = await k
        .updateTable("submissions")
        .set({ status: "expired", challenge: null, last_error: "awaiting_person: the person did not finish in time", updated_at: now })
        .where("status", "=", "awaiting_person")
        .where("next_attempt_at", "<=", now)
        .where((eb) => eb.or([eb("locked_until", "is", null), eb("locked_until", "<", now)]))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Dead letter back into the queue (staff replay). */
    async requeue(id: string, now: number): Promise<boolean> {
      const result = await k
        .updateTable("submissions")
        .set({ status: "received", attempts: 0, next_attempt_at: now, last_error: null, updated_at: now })
        .where("id", "=", id)
        .where("status", "=", "failed")
        .where("payload", "is not", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** One attempt's outcome, for the timeline. */
    async recordAttempt(entry: { submissionId: string; attempt: number; at: number; outcome: string; detail: string | null }) {
      await k
        .insertInto("delivery_attempts")
        .values({ submission_id: entry.submissionId, attempt: entry.attempt, at: entry.at, outcome: entry.outcome, detail: entry.detail })
        .execute();
    },

    attempts(id: string) {
      return k.selectFrom("delivery_attempts").selectAll().where("submission_id", "=", id).orderBy("at").execute();
    },

    /**
     * Erases a person's answers on their request: kept are the id, form, status,
     * reference, dates and who assisted; a submission still being delivered is left alone.
     */
    async erase(id: string, now: number): Promise<boolean> {
      const result = await k
        .updateTable("submissions")
        .set({ payload: null, campaign: null, field_errors: null, response: null, attestation: null, erased_at: now, purged_at: now, updated_at: now })
        .where("id", "=", id)
        .where("status", "in", ["delivered", "rejected", "failed"])
        .where("erased_at", "is", null)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    /** The staff console's list: newest first, no answers. */
    search(filters: SubmissionFilters, limit = 100) {
      return k
        .selectFrom("submissions")
        .select(["id", "form_id", "status", "reference", "attempts", "last_error", "assisted_by", "created_at", "updated_at", "erased_at"])
        .$if(filters.formId !== undefined, (q) => q.where("form_id", "=", filters.formId!))
        .$if(filters.status !== undefined, (q) => q.where("status", "=", filters.status!))
        .$if(filters.assisted === true, (q) => q.where("assisted_by", "is not", null))
        .$if(filters.assisted === false, (q) => q.where("assisted_by", "is", null))
        .$if(filters.from !== undefined, (q) => q.where("created_at", ">=", filters.from!))
        .$if(filters.to !== undefined, (q) => q.where("created_at", "<", filters.to!))
        .$if(filters.search !== undefined, (q) => q.where((eb) => eb.or([eb("id", "=", filters.search!), eb("reference", "=", filters.search!)])))
        .$if(filters.after !== undefined, (q) =>
          q.where((eb) => eb.or([eb("created_at", "<", filters.after!.at), eb.and([eb("created_at", "=", filters.after!.at), eb("id", "<", filters.after!.id)])])),
        )
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(limit)
        .execute();
    },

    listByStatus(status: SubmissionStatus, limit = 100) {
      return k
        .selectFrom("submissions")
        .select(["id", "form_id", "status", "attempts", "last_error", "created_at", "updated_at"])
        .where("status", "=", status)
        .orderBy("created_at", "desc")
        .limit(limit)
        .execute();
    },

    /**
     * Forgets the Idempotency-Key of submissions finished before `before`, so the key may
     * be used again; a submission still being delivered keeps its key.
     */
    async releaseKeys(before: number): Promise<number> {
      const result = await k
        .updateTable("submissions")
        .set({ idempotency_key: sql<string>`${sql.lit(RELEASED_PREFIX)} || id` })
        .where("status", "in", ["delivered", "rejected", "expired"])
        .where("created_at", "<", before)
        .where("idempotency_key", "not like", `${RELEASED_PREFIX}%`)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },

    /** Drops the delivery timeline of finished submissions older than the retention period (dead letters keep theirs). */
    async purgeAttempts(before: number): Promise<number> {
      const finished = k.selectFrom("submissions").select("id").where("status", "in", ["delivered", "rejected"]).where("updated_at", "<", before);
      const result = await k.deleteFrom("delivery_attempts").where("submission_id", "in", finished).executeTakeFirst();
      return Number(result.numDeletedRows);
    },

    /** Drops the answers of finished submissions older than the retention period. */
    async purge(before: number, now: number): Promise<number> {
      const result = await k
        .updateTable("submissions")
        .set({ payload: null, purged_at: now })
        .where("status", "in", ["delivered", "rejected", "expired"])
        .where("payload", "is not", null)
        .where("updated_at", "<", before)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}

export type SubmissionStore = ReturnType<typeof submissionStore>;
