import { mkdirSync } from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from "kysely";
import pg from "pg";
import { migrationProvider } from "./migrations";
import type { Database } from "./schema";

// int8 (bigint) columns hold millisecond timestamps: well inside Number's range.
pg.types.setTypeParser(20, (value) => Number(value));

export type Dialect = "sqlite" | "postgres";

export interface Db {
  kysely: Kysely<Database>;
  dialect: Dialect;
  /** PostgreSQL's pool, shared with the rate limiter store. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

/** Opens PostgreSQL when `url` is a postgres URL, else the embedded SQLite file under `dataDir`. */
export function openDb(options: { url?: string; dataDir: string; sqliteFile?: string }): Db {
  if (options.url && /^postgres(ql)?:/.test(options.url)) {
    const pool = new pg.Pool({ connectionString: options.url, max: 10 });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { kysely, dialect: "postgres", pool, close: () => kysely.destroy() };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(/*turbopackIgnore: true*/ options.dataDir, options.sqliteFile ?? "formgate.sqlite");
  const database = new SQLite(file);
  database.pragma("journal_mode = WAL");
  // Durable against an app crash; a power cut may lose the last commits (README, "Which one").
  database.pragma("synchronous = NORMAL");
  database.pragma("busy_timeout = 5000");
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return { kysely, dialect: "sqlite", close: () => kysely.destroy() };
}

/**
 * Kysely prepares every query afresh; the app runs a handful of query shapes, so
 * prepared statements are kept by SQL text (values are bound per call).
 */
function withStatementCache(database: SQLite.Database): SQLite.Database {
  const statements = new Map<string, SQLite.Statement>();
  return new Proxy(database, {
    get(target, property, receiver) {
      if (property !== "prepare") {
        const value = Reflect.get(target, property, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      }
      return (source: string) => {
        let statement = statements.get(source);
        if (!statement) {
          statement = target.prepare(source);
          if (statements.size < 500) statements.set(source, statement);
        }
        return statement;
      };
    },
  });
}

export async function migrate(db: Db): Promise<void> {
  // On PostgreSQL, the migration's own tables in the connection's schema: Kysely otherwise finds
  // them in any schema of the database (another app's, or a test's) and skips making its own.
  const schema = db.dialect === "postgres" ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely)).rows[0]?.schema : undefined;
  const { error, results } = await new Migrator({ db: db.kysely, provider: migrationProvider, ...(schema ? { migrationTableSchema: schema } : {}) }).migrateToLatest();
  const failed = results?.find((result) => result.status === "Error");
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ""} failed: ${(error as Error)?.message ?? "unknown error"}`);
  }
}
