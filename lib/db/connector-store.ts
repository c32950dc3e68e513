import type { ConnectorStore } from "@/lib/connectors/module";
import type { Db } from "./connect";

/** The database behind a connector's ConnectorStore, one row per (form, key). */
export function connectorStore(db: () => Promise<Db>, formId: string): ConnectorStore {
  return {
    async load(key) {
      const row = await (await db()).kysely
        .selectFrom("connector_store")
        .select("value")
        .where("form_id", "=", formId)
        .where("key", "=", key)
        .executeTakeFirst();
      return row ? JSON.parse(row.value) : undefined;
    },
    async save(key, value) {
      const row = { form_id: formId, key, value: JSON.stringify(value), updated_at: Date.now() };
      await (await db()).kysely
        .insertInto("connector_store")
        .values(row)
        .onConflict((oc) => oc.columns(["form_id", "key"]).doUpdateSet({ value: row.value, updated_at: row.updated_at }))
        .execute();
    },
  };
}
