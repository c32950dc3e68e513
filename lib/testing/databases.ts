import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { type Db, migrate, openDb } from "@/lib/db/connect";

export interface TestDatabase {
  name: "sqlite" | "postgres";
  /** A fresh, migrated database (own file, or own PostgreSQL schema). */
  open(): Promise<Db & { url: string }>;
}

/**
 * The databases every storage test runs on: SQLite always; PostgreSQL when
 * TEST_DATABASE_URL is set. Under CI=true a missing PostgreSQL fails the run.
 */
export function testDatabases(): TestDatabase[] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.CI === "true") {
    throw new Error("CI=true but TEST_DATABASE_URL is not set: the PostgreSQL tests cannot run.");
  }
  const sqlite: TestDatabase = {
    name: "sqlite",
    async open() {
      const dir = mkdtempSync(path.join(tmpdir(), "formgate-test-"));
      const db = openDb({ dataDir: dir });
      await migrate(db);
      return {
        ...db,
        url: `sqlite:${dir}`,
        close: async () => {
          await db.close();
          rmSync(dir, { recursive: true, force: true });
        },
      };
    },
  };
  if (!url) return [sqlite];
  const postgres: TestDatabase = {
    name: "postgres",
    async open() {
      const schema = `test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      await admin.end();
      const scopedUrl = withSearchPath(url, schema);
      const db = openDb({ url: scopedUrl, dataDir: "" });
      await migrate(db);
      return {
        ...db,
        url: scopedUrl,
        close: async () => {
          await db.close();
          const cleanup = new pg.Client({ connectionString: url });
          await cleanup.connect();
          await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
          await cleanup.end();
        },
      };
    },
  };
  return [sqlite, postgres];
}

export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set("options", `-c search_path=${schema}`);
  return parsed.toString();
}
