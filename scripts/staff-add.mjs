#!/usr/bin/env node
// Adds a staff account to the app's database (the first admin, or anyone later):
//   npm run staff:add -- --email ana@club.example --role admin [--name "Ana"]
// The password is asked for (not echoed), or read from STAFF_PASSWORD; run the app once
// before, so its tables exist. Same database as the app: DATABASE_URL, else DATA_DIR's SQLite.
import { randomBytes, randomUUID, scrypt } from "node:crypto";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";

// The same format and parameters as lib/staff/password.ts (scripts/staff-add.test.ts checks they agree).
const N = 2 ** 15, R = 8, P = 1, KEY = 32, SALT = 16;

export function hashPassword(password) {
  const salt = randomBytes(SALT);
  return new Promise((resolve, reject) =>
    scrypt(password.normalize("NFKC"), salt, KEY, { N, r: R, p: P, maxmem: 128 * N * R * 2 }, (error, key) =>
      error ? reject(error) : resolve(["scrypt", N, R, P, salt.toString("base64url"), key.toString("base64url")].join("$")),
    ),
  );
}

async function openDatabase(env) {
  const { Kysely, PostgresDialect, SqliteDialect } = await import("kysely");
  if (env.DATABASE_URL && /^postgres(ql)?:/.test(env.DATABASE_URL)) {
    const pg = (await import("pg")).default;
    return new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: env.DATABASE_URL, max: 1 }) }) });
  }
  const SQLite = (await import("better-sqlite3")).default;
  const file = path.join(env.DATA_DIR ?? ".data", "formgate.sqlite");
  return new Kysely({ dialect: new SqliteDialect({ database: new SQLite(file, { fileMustExist: true }) }) });
}

function askHidden(question) {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    rl._writeToOutput = (text) => (text.includes(question) ? process.stdout.write(text) : undefined);
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
  });
}

function checkArguments({ email, role }) {
  if (!/^[^@\s]+@[^@\s]+$/.test(email ?? "")) throw new Error("--email: give the account's email address");
  if (role !== "staff" && role !== "admin") throw new Error("--role: staff or admin");
}

export async function addStaff({ email, name, role, password, env = process.env }) {
  checkArguments({ email, role });
  if (!password || password.length < 12) throw new Error("the password must have at least 12 characters");
  let db;
  try {
    db = await openDatabase(env);
  } catch (error) {
    throw new Error(`cannot open the app's database (start the app once first): ${error.message}`);
  }
  try {
    const now = Date.now();
    const normalised = email.trim().toLowerCase();
    const taken = await db.selectFrom("staff_accounts").select("id").where("email", "=", normalised).executeTakeFirst();
    if (taken) throw new Error(`a staff account with the email ${normalised} exists already`);
    await db
      .insertInto("staff_accounts")
      .values({ id: randomUUID(), email: normalised, name: name?.trim() || normalised, role, password_hash: await hashPassword(password), disabled_at: null, session_version: 0, created_at: now, updated_at: now })
      .execute();
    // The audit log learns of it like of any account change; the actor is the server's operator.
    await db
      .insertInto("audit_log")
      .values({ id: randomUUID(), at: now, actor_id: null, actor_email: "npm run staff:add", action: "account_created", target: normalised, details: JSON.stringify({ role, password: true }) })
      .execute();
    return normalised;
  } catch (error) {
    if (/no such table|does not exist/.test(error.message)) throw new Error("the app's tables are missing: start the app once, then run this again");
    throw error;
  } finally {
    await db.destroy();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "staff" } } });
  try {
    checkArguments(values);
  } catch (error) {
    console.error(`staff:add: ${error.message}\nUsage: npm run staff:add -- --email ana@club.example [--role staff|admin] [--name "Ana"]`);
    process.exit(1);
  }
  const password = process.env.STAFF_PASSWORD ?? (await askHidden(`Password for ${values.email} (at least 12 characters): `));
  addStaff({ ...values, password }).then(
    (email) => console.log(`Staff account ${email} (${values.role}) added. Sign in at /staff/sign-in.`),
    (error) => {
      console.error(`staff:add: ${error.message}`);
      process.exit(1);
    },
  );
}
