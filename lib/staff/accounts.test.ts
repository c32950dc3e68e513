import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import type { Db } from "@/lib/db/connect";
import { testDatabases } from "@/lib/testing/databases";
import { staffAccounts } from "./accounts";
import { verifyPassword } from "./password";
import { staffFromToken } from "./session";

const secret = "s".repeat(40);
const token = (sub: string, sv: number) => encode({ token: { sub, sv }, secret });

describe.each(testDatabases())("staff accounts and sessions on $name", (database) => {
  let db: Db;
  beforeAll(async () => void (db = await database.open()));
  afterAll(() => db.close());

  it("creates accounts with hashed passwords, one per email", async () => {
    const accounts = staffAccounts(db);
    const row = await accounts.create({ email: " Ana@Club.example ", role: "admin", password: "a long password 1" });
    expect(row.email).toBe("ana@club.example");
    expect(await verifyPassword("a long password 1", (await accounts.byEmail("ANA@club.example"))!.password_hash)).toBe(true);
    await expect(accounts.create({ email: "ana@club.example", role: "staff", password: "another password" })).rejects.toMatchObject({ code: "conflict" });
    await expect(accounts.create({ email: "short@club.example", role: "staff", password: "short" })).rejects.toMatchObject({ code: "validation_failed" });
    expect(await accounts.count()).toBe(1);
  });

  it("ends a session at its next request once the account is disabled, reset or changes role", async () => {
    const accounts = staffAccounts(db);
    const row = await accounts.create({ email: "bob@club.example", role: "staff", password: "bob's password 1" });
    const first = await token(row.id, row.session_version);
    expect(await staffFromToken(first, secret, accounts)).toMatchObject({ id: row.id, role: "staff" });
    expect(await staffFromToken(first, "another secret, also forty characters..", accounts)).toBeNull();
    expect(await staffFromToken(undefined, secret, accounts)).toBeNull();

    const disabled = await accounts.setDisabled(row.id, true);
    expect(await staffFromToken(first, secret, accounts)).toBeNull();
    // Even a token minted for the new version: a disabled account has no session.
    expect(await staffFromToken(await token(row.id, disabled.session_version), secret, accounts)).toBeNull();

    const enabled = await accounts.setDisabled(row.id, false);
    expect(await staffFromToken(first, secret, accounts)).toBeNull();
    const second = await token(row.id, enabled.session_version);
    expect(await staffFromToken(second, secret, accounts)).toMatchObject({ role: "staff" });

    await accounts.setRole(row.id, "admin");
    expect(await staffFromToken(second, secret, accounts)).toBeNull();
    const promoted = (await accounts.byId(row.id))!;
    const third = await token(row.id, promoted.session_version);
    expect(await staffFromToken(third, secret, accounts)).toMatchObject({ role: "admin" });

    await accounts.resetPassword(row.id, "a brand new password");
    expect(await staffFromToken(third, secret, accounts)).toBeNull();
  });
});
