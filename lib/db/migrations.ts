import type { Kysely, Migration, MigrationProvider } from "kysely";

/**
 * Migrations live in code (not files) so the production bundle carries them and
 * they run at start on SQLite and PostgreSQL alike. Append only.
 */
const migrations: Record<string, Migration> = {
  "001_submissions": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("submissions")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("form_id", "text", (c) => c.notNull())
        .addColumn("idempotency_key", "text", (c) => c.notNull())
        .addColumn("request_hash", "text", (c) => c.notNull())
        .addColumn("status", "text", (c) => c.notNull())
        .addColumn("payload", "text")
        .addColumn("campaign", "text")
        .addColumn("reference", "text")
        .addColumn("field_errors", "text")
        .addColumn("response", "text")
        .addColumn("steps", "text", (c) => c.notNull().defaultTo("{}"))
        .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("next_attempt_at", "bigint", (c) => c.notNull())
        .addColumn("locked_until", "bigint")
        .addColumn("locked_by", "text")
        .addColumn("last_error", "text")
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .addColumn("delivered_at", "bigint")
        .addColumn("purged_at", "bigint")
        .addUniqueConstraint("submissions_idempotency", ["form_id", "idempotency_key"])
        .execute();
      await db.schema.createIndex("submissions_due").on("submissions").columns(["status", "next_attempt_at"]).execute();
    },
  },
  "002_connector_store": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("connector_store")
        .addColumn("form_id", "text", (c) => c.notNull())
        .addColumn("key", "text", (c) => c.notNull())
        .addColumn("value", "text", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("connector_store_pk", ["form_id", "key"])
        .execute();
    },
  },
  "003_drafts": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("drafts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("form_id", "text", (c) => c.notNull())
        .addColumn("payload", "text", (c) => c.notNull())
        .addColumn("expires_at", "bigint", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema.createIndex("drafts_expiry").on("drafts").column("expires_at").execute();
    },
  },
  "004_protection_refusals": {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable("protection_refusals")
        .addColumn("form_id", "text", (c) => c.notNull())
        .addColumn("reason", "text", (c) => c.notNull())
        .addColumn("count", "bigint", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("protection_refusals_pk", ["form_id", "reason"])
        .execute();
    },
  },
  "005_submission_challenge": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("submissions").addColumn("challenge", "text").execute();
    },
  },
  "006_staff": {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable("submissions").addColumn("assisted_by", "text").execute();
      await db.schema.alterTable("submissions").addColumn("attestation", "text").execute();
      await db.schema.alterTable("submissions").addColumn("erased_at", "bigint").execute();
      await db.schema.createIndex("submissions_created").on("submissions").column("created_at").execute();
      await db.schema
        .createTable("delivery_attempts")
        .addColumn("submission_id", "text", (c) => c.notNull())
        .addColumn("attempt", "integer", (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("detail", "text")
        .execute();
      await db.schema.createIndex("delivery_attempts_submission").on("delivery_attempts").columns(["submission_id", "at"]).execute();
      await db.schema
        .createTable("staff_accounts")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("email", "text", (c) => c.notNull().unique())
        .addColumn("name", "text", (c) => c.notNull())
        .addColumn("role", "text", (c) => c.notNull())
        .addColumn("password_hash", "text")
        .addColumn("disabled_at", "bigint")
        .addColumn("session_version", "integer", (c) => c.notNull().defaultTo(0))
        .addColumn("created_at", "bigint", (c) => c.notNull())
        .addColumn("updated_at", "bigint", (c) => c.notNull())
        .execute();
      await db.schema
        .createTable("audit_log")
        .addColumn("id", "text", (c) => c.primaryKey())
        .addColumn("at", "bigint", (c) => c.notNull())
        .addColumn("actor_id", "text")
        .addColumn("actor_email", "text")
        .addColumn("action", "text", (c) => c.notNull())
        .addColumn("target", "text")
        .addColumn("details", "text")
        .execute();
      await db.schema.createIndex("audit_log_at").on("audit_log").column("at").execute();
    },
  },
  "007_insights": {
    async up(db: Kysely<unknown>) {
      // Raw events, kept INSIGHTS_RETENTION_DAYS: no answers, no addresses, only an anonymous session id.
      await db.schema
        .createTable("insight_events")
        .addColumn("form_id", "text", (c) => c.notNull())
        .addColumn("session_id", "text", (c) => c.notNull())
        .addColumn("at", "bigint", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("page", "integer")
        .addColumn("field", "text")
        .addColumn("kind", "text")
        .addColumn("ms", "bigint")
        .execute();
      await db.schema.createIndex("insight_events_form_at").on("insight_events").columns(["form_id", "type", "at"]).execute();
      await db.schema.createIndex("insight_events_at").on("insight_events").column("at").execute();
      // One row per form session: what the funnel reads (pages actually seen, the last one, why it ended).
      await db.schema
        .createTable("insight_sessions")
        .addColumn("session_id", "text", (c) => c.primaryKey())
        .addColumn("form_id", "text", (c) => c.notNull())
        .addColumn("first_at", "bigint", (c) => c.notNull())
        .addColumn("last_at", "bigint", (c) => c.notNull())
        .addColumn("embedded", "integer", (c) => c.notNull())
        .addColumn("host", "text")
        .addColumn("campaign", "text")
        .addColumn("pages", "text", (c) => c.notNull())
        .addColumn("last_page", "integer", (c) => c.notNull())
        .addColumn("outcome", "text", (c) => c.notNull())
        .addColumn("end_field", "text")
        .addColumn("end_kind", "text")
        .execute();
      await db.schema.createIndex("insight_sessions_form_first").on("insight_sessions").columns(["form_id", "first_at"]).execute();
      // Counts per form, day, event type, page, field and error kind: kept, unlike the raw events.
      await db.schema
        .createTable("insight_daily")
        .addColumn("form_id", "text", (c) => c.notNull())
        .addColumn("day", "text", (c) => c.notNull())
        .addColumn("type", "text", (c) => c.notNull())
        .addColumn("page", "integer", (c) => c.notNull())
        .addColumn("field", "text", (c) => c.notNull())
        .addColumn("kind", "text", (c) => c.notNull())
        .addColumn("count", "bigint", (c) => c.notNull())
        .addPrimaryKeyConstraint("insight_daily_key", ["form_id", "day", "type", "page", "field", "kind"])
        .execute();
    },
  },
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
