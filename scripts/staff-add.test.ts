import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/lib/db/connect";
import { staffAccounts } from "@/lib/staff/accounts";
import { verifyPassword } from "@/lib/staff/password";
import { testDatabases } from "@/lib/testing/databases";
// @ts-expect-error: a plain Node script, without types
import { addStaff } from "./staff-add.mjs";

describe.each(testDatabases())("npm run staff:add on $name", (database) => {
  let db: Db & { url: string };
  beforeAll(async () => void (db = await database.open()));
  afterAll(() => db.close());

  const env = () => (db.url.startsWith("sqlite:") ? { DATA_DIR: db.url.slice("sqlite:".length) } : { DATABASE_URL: db.url });

  it("adds an account the app signs in with (the same hash format), audited, and refuses a taken email", async () => {
    expect(await addStaff({ email: "Ana@Club.example", role: "admin", password: "a long admin password", env: env() })).toBe("ana@club.example");
    const row = await staffAccounts(db).byEmail("ana@club.example");
    expect(row).toMatchObject({ role: "admin", disabled_at: null, session_version: 0 });
    expect(await verifyPassword("a long admin password", row!.password_hash)).toBe(true);
    const audit = await db.kysely.selectFrom("audit_log").selectAll().execute();
    expect(audit).toEqual([expect.objectContaining({ action: "account_created", target: "ana@club.example", actor_email: "npm run staff:add" })]);
    await expect(addStaff({ email: "ana@club.example", role: "staff", password: "another password!", env: env() })).rejects.toThrow("exists already");
  });

  it("checks its arguments", async () => {
    await expect(addStaff({ email: "nobody", role: "admin", password: "a long admin password", env: env() })).rejects.toThrow("--email");
    await expect(addStaff({ email: "b@club.example", role: "boss", password: "a long admin password", env: env() })).rejects.toThrow("--role");
    await expect(addStaff({ email: "b@club.example", role: "staff", password: "short", env: env() })).rejects.toThrow("12 characters");
  });
});
