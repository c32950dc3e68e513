import "server-only";
import { env } from "@/lib/config/env";
import { type Db, migrate, openDb } from "./connect";

export type { Db };

const holder = globalThis as typeof globalThis & { __formgateDb?: Promise<Db> };

/** The app's database, opened and migrated once per process. */
export function getDb(): Promise<Db> {
  holder.__formgateDb ??= (async () => {
    const { DATABASE_URL, DATA_DIR } = env();
    const db = openDb({ url: DATABASE_URL, dataDir: DATA_DIR });
    await migrate(db);
    return db;
  })();
  return holder.__formgateDb;
}
