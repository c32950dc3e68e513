import { randomUUID } from "node:crypto";
import type { Selectable } from "kysely";
import type { Db } from "@/lib/db/connect";
import type { StaffAccountsTable, StaffRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./password";

export type StaffAccountRow = Selectable<StaffAccountsTable>;
export type { StaffRole };

/** An account as the console shows it: never its hash. */
export interface StaffAccount {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  disabled: boolean;
  hasPassword: boolean;
  createdAt: number;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export function publicAccount(row: StaffAccountRow): StaffAccount {
  return { id: row.id, email: row.email, name: row.name, role: row.role, disabled: row.disabled_at !== null, hasPassword: row.password_hash !== null, createdAt: row.created_at };
}

function checkPassword(password: string | undefined) {
  if (password !== undefined && password.length < MIN_PASSWORD_LENGTH) {
    throw new AppError("validation_failed", `The password must have at least ${MIN_PASSWORD_LENGTH} characters.`, {
      fields: { password: `at least ${MIN_PASSWORD_LENGTH} characters` },
    });
  }
}

/** Staff accounts in the app's database. Every change that should end sessions bumps session_version. */
export function staffAccounts(db: Db, now: () => number = Date.now) {
  const k = db.kysely;
  const byId = (id: string) => k.selectFrom("staff_accounts").selectAll().where("id", "=", id).executeTakeFirst();

  async function bump(id: string, set: Partial<StaffAccountRow>): Promise<StaffAccountRow> {
    const at = now();
    const result = await k
      .updateTable("staff_accounts")
      .set((eb) => ({ ...set, session_version: eb("session_version", "+", 1), updated_at: at }))
      .where("id", "=", id)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw new AppError("not_found", `No staff account ${id}.`);
    return (await byId(id))!;
  }

  return {
    byId,
    byEmail: (email: string) => k.selectFrom("staff_accounts").selectAll().where("email", "=", normaliseEmail(email)).executeTakeFirst(),
    list: () => k.selectFrom("staff_accounts").selectAll().orderBy("email").execute(),
    async count(): Promise<number> {
      const row = await k.selectFrom("staff_accounts").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      return Number(row.n);
    },

    /** A new account; without a password it signs in only through OpenID Connect. An email taken → conflict. */
    async create(input: { email: string; name?: string; role: StaffRole; password?: string }): Promise<StaffAccountRow> {
      checkPassword(input.password);
      const at = now();
      const row: StaffAccountRow = {
        id: randomUUID(),
        email: normaliseEmail(input.email),
        name: input.name?.trim() || normaliseEmail(input.email),
        role: input.role,
        password_hash: input.password === undefined ? null : await hashPassword(input.password),
        disabled_at: null,
        session_version: 0,
        created_at: at,
        updated_at: at,
      };
      const inserted = await k.insertInto("staff_accounts").values(row).onConflict((oc) => oc.column("email").doNothing()).returning("id").execute();
      if (inserted.length === 0) throw new AppError("conflict", `A staff account with the email ${row.email} exists already.`, { fields: { email: "already used" } });
      return row;
    },

    setDisabled: (id: string, disabled: boolean) => bump(id, { disabled_at: disabled ? now() : null }),
    setRole: (id: string, role: StaffRole) => bump(id, { role }),
    async resetPassword(id: string, password: string): Promise<StaffAccountRow> {
      checkPassword(password);
      return bump(id, { password_hash: await hashPassword(password) });
    },
  };
}

export type StaffAccounts = ReturnType<typeof staffAccounts>;
