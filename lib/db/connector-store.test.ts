import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabases } from "@/lib/testing/databases";
import type { Db } from "./connect";
import { connectorStore } from "./connector-store";

describe.each(testDatabases())("connector store on $name", (database) => {
  let db: Db;
  beforeAll(async () => void (db = await database.open()));
  afterAll(() => db.close());

  it("keeps one value per form and key, replacing it on save", async () => {
    const members = connectorStore(async () => db, "members");
    const demo = connectorStore(async () => db, "demo");
    expect(await members.load("schema")).toBeUndefined();
    await members.save("schema", { title: "v1" });
    await members.save("schema", { title: "v2" });
    await demo.save("schema", { title: "other" });
    expect(await members.load("schema")).toEqual({ title: "v2" });
    expect(await demo.load("schema")).toEqual({ title: "other" });
  });
});
