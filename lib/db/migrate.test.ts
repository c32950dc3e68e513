import pg from "pg";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { testDatabases } from "@/lib/testing/databases";
import { migrate } from "./connect";

describe.each(testDatabases())("migrations on $name", (database) => {
  it("migrate a database whose other schemas hold migration tables of their own, and a second run changes nothing", async () => {
    // On PostgreSQL: a schema left by another app (or a test run that was stopped) with Kysely's tables.
    const url = process.env.TEST_DATABASE_URL;
    const other = `other_${Math.random().toString(36).slice(2, 10)}`;
    const admin = database.name === "postgres" && url ? new pg.Client({ connectionString: url }) : undefined;
    await admin?.connect();
    await admin?.query(`CREATE SCHEMA ${other}; CREATE TABLE ${other}.kysely_migration (name text); CREATE TABLE ${other}.kysely_migration_lock (id text)`);
    try {
      const db = await database.open();
      try {
        await migrate(db);
        const { rows } = await sql<{ count: number | string }>`select count(*) as count from submissions`.execute(db.kysely);
        expect(Number(rows[0].count)).toBe(0);
      } finally {
        await db.close();
      }
    } finally {
      await admin?.query(`DROP SCHEMA ${other} CASCADE`);
      await admin?.end();
    }
  });
});
