import { randomUUID } from "node:crypto";
import pg from "pg";
import { expect, test } from "@playwright/test";
import { validRegistration } from "@/lib/testing/registration";
import { createProcuriosSandbox } from "@/lib/connectors/procurios/sandbox";
import { controlHeaders, startSandboxServer, type SandboxServer } from "@/lib/testing/sandbox-server";
import { type AppServer, startApp, stopAll, tempDir, writeFormsConfig } from "./support/app-server";

// Real processes: production servers with their own sandbox outside them, so a
// kill -9 of the app leaves the vendor's count intact.
test.describe.configure({ mode: "serial", timeout: 180_000 });
test.afterEach(stopAll);

const TOKEN = "durability-token";
const POSTGRES = process.env.TEST_DATABASE_URL;
if (!POSTGRES && process.env.CI === "true") throw new Error("CI=true needs TEST_DATABASE_URL: the durability tests run on PostgreSQL too");

/** A fresh database for the apps of one test: a SQLite folder, or a PostgreSQL schema. */
async function database(kind: "sqlite" | "postgres"): Promise<{ env: Record<string, string>; drop(): Promise<void> }> {
  const dataDir = tempDir("formgate-durability-");
  if (kind === "sqlite") return { env: { DATA_DIR: dataDir }, drop: async () => {} };
  const schema = `e2e_${randomUUID().replace(/-/g, "").slice(0, 12)}`;
  const run = async (sql: string) => {
    const admin = new pg.Client({ connectionString: POSTGRES });
    await admin.connect();
    await admin.query(sql);
    await admin.end();
  };
  await run(`CREATE SCHEMA ${schema}`);
  const scoped = new URL(POSTGRES!);
  scoped.searchParams.set("options", `-c search_path=${schema}`);
  return { env: { DATABASE_URL: scoped.toString(), DATA_DIR: dataDir }, drop: () => run(`DROP SCHEMA ${schema} CASCADE`) };
}

const databases: Array<"sqlite" | "postgres"> = POSTGRES ? ["sqlite", "postgres"] : ["sqlite"];

function person(i: number, run: string) {
  return validRegistration(`crash.${run}.${i}`, { name: `Jansen ${i}` });
}

async function vendor() {
  const sandbox = createProcuriosSandbox({ token: TOKEN, completionDelayMs: 100 });
  const server = await startSandboxServer(sandbox, { mount: "/sandbox/procurios" });
  const control = (method: string, body?: unknown) =>
    fetch(`${server.url}/_sandbox/faults`, {
      method,
      headers: controlHeaders(),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return { sandbox, server, down: () => control("POST", { mode: "down" }), up: () => control("DELETE") };
}

function appEnv(sandbox: SandboxServer, extra: Record<string, string>) {
  return {
    FORMS_CONFIG: writeFormsConfig({
      forms: [{ id: "members", title: "Members", connector: "procurios", options: { baseUrl: sandbox.url, registrationSetId: 77, tokenEnv: "PROCURIOS_TOKEN", timeoutMs: 2000 } }],
    }),
    PROCURIOS_TOKEN: TOKEN,
    SUBMIT_INLINE_WAIT_MS: "300",
    DELIVERY_BASE_DELAY_MS: "200",
    DELIVERY_MAX_DELAY_MS: "1000",
    DELIVERY_MAX_ATTEMPTS: "1000",
    DELIVERY_LEASE_MS: "3000",
    APP_ENCRYPTION_KEY: "11".repeat(32),
    // Bursts of 50 and 100 registrations from one address, and status polls: load, not abuse.
    RATE_LIMITS: "0",
    ...extra,
  };
}

async function submit(app: AppServer, key: string, data: unknown): Promise<{ status: number; submissionId?: string } | undefined> {
  try {
    const response = await fetch(`${app.url}/api/forms/members/submit`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": key },
      body: JSON.stringify({ data }),
    });
    const body = (await response.json()) as { submissionId?: string };
    return { status: response.status, submissionId: body.submissionId };
  } catch {
    return undefined; // the server died under this request
  }
}

async function waitAllDelivered(app: AppServer, ids: string[], timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  let pending = ids;
  while (pending.length > 0) {
    const statuses = await Promise.all(pending.map((id) => fetch(`${app.url}/api/submissions/${id}`).then((r) => r.json())));
    pending = pending.filter((_, i) => statuses[i].status !== "delivered");
    if (pending.length === 0) return;
    if (Date.now() > until) throw new Error(`${pending.length} submissions not delivered`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

for (const kind of databases) test(`a kill -9 mid-burst loses nothing and doubles nothing (${kind})`, async () => {
  const { sandbox, server, down, up } = await vendor();
  const db = await database(kind);
  const env = appEnv(server, db.env);
  const run = randomUUID().slice(0, 8);
  const people = Array.from({ length: 50 }, (_, i) => ({ key: randomUUID(), data: person(i, run) }));

  let app = await startApp(3201, env);
  const served = await fetch(`${app.url}/api/forms/members`);
  expect(served.status, await served.clone().text()).toBe(200); // the form has been served once
  await down();
  const answers = new Map<string, string>();
  const burst = people.map(async (p, i) => {
    await new Promise((resolve) => setTimeout(resolve, i * 20));
    const answer = await submit(app, p.key, p.data);
    if (answer?.submissionId) answers.set(p.key, answer.submissionId);
  });
  // Kill the server while the burst is under way: some answered, some in flight, some not sent.
  while (answers.size < 10) await new Promise((resolve) => setTimeout(resolve, 5));
  await app.crash();
  await Promise.all(burst);
  expect(answers.size).toBeGreaterThan(0);
  expect(answers.size).toBeLessThan(50);

  app = await startApp(3201, env);
  try {
    // The browser retries what it got no answer for, with the same key.
    for (const p of people.filter((p) => !answers.has(p.key))) {
      const answer = await submit(app, p.key, p.data);
      expect(answer?.status).toBe(202);
      answers.set(p.key, answer!.submissionId!);
    }
    await up();
    await waitAllDelivered(app, [...answers.values()]);
    const names = sandbox.stats().registrations.map((r) => r.username);
    expect(names).toHaveLength(50);
    expect(new Set(names)).toEqual(new Set(people.map((p) => p.data.username)));
  } finally {
    await app.stop();
    await server.close();
    await db.drop();
  }
});

test("two instances on one database deliver 100 queued submissions once each", async () => {
  const { sandbox, server, down, up } = await vendor();
  // PostgreSQL where there is one; else both instances share one SQLite file.
  const db = await database(POSTGRES ? "postgres" : "sqlite");
  const env = appEnv(server, { ...db.env, SUBMIT_INLINE_WAIT_MS: "0" });
  const a = await startApp(3202, env);
  const b = await startApp(3203, env);
  try {
    for (const app of [a, b]) expect((await fetch(`${app.url}/api/forms/members`)).status).toBe(200);
    await down();
    const run = randomUUID().slice(0, 8);
    const ids: string[] = [];
    for (let i = 0; i < 100; i++) {
      const answer = await submit(i % 2 ? a : b, randomUUID(), person(i, run));
      expect(answer?.status).toBe(202);
      ids.push(answer!.submissionId!);
    }
    await up();
    await waitAllDelivered(a, ids);
    const names = sandbox.stats().registrations.map((r) => r.username);
    expect(names).toHaveLength(100);
    expect(new Set(names).size).toBe(100);
  } finally {
    await Promise.all([a.stop(), b.stop()]);
    await server.close();
    await db.drop();
  }
});

test("dead letters are listed and replayed through the operator API, and delivered once", async () => {
  const { sandbox, server, up } = await vendor();
  const adminToken = "operator-token-0123456789abcdef";
  const app = await startApp(3204, appEnv(server, { DATA_DIR: tempDir("formgate-dead-"), DELIVERY_MAX_ATTEMPTS: "2", ADMIN_TOKEN: adminToken }));
  const admin = { Authorization: `Bearer ${adminToken}` };
  try {
    expect((await fetch(`${app.url}/api/forms/members`)).status).toBe(200);
    // This configuration uses no built-in sandbox: its routes do not exist.
    expect((await fetch(`${app.url}/sandbox/procurios/l/profile_api/registrationset`)).status).toBe(404);
    await fetch(`${server.url}/_sandbox/faults`, { method: "POST", headers: controlHeaders(), body: JSON.stringify({ mode: "down", routes: "registration" }) });
    const answer = await submit(app, randomUUID(), person(0, randomUUID().slice(0, 8)));
    expect(answer?.status).toBe(202);
    const id = answer!.submissionId!;
    await expect.poll(async () => (await (await fetch(`${app.url}/api/submissions/${id}`)).json()).status, { timeout: 20_000 }).toBe("failed");

    expect((await fetch(`${app.url}/api/admin/submissions?status=failed`)).status).toBe(401);
    const listed = await (await fetch(`${app.url}/api/admin/submissions?status=failed`, { headers: admin })).json();
    expect(listed.submissions).toEqual([expect.objectContaining({ id, formId: "members", status: "failed", attempts: 2, lastError: expect.stringContaining("vendor_unavailable") })]);
    expect(JSON.stringify(listed)).not.toContain("example.nl"); // no answers in the list

    await up();
    const replay = await fetch(`${app.url}/api/admin/submissions/${id}/replay`, { method: "POST", headers: admin });
    expect(replay.status).toBe(200);
    expect((await fetch(`${app.url}/api/admin/submissions/${id}/replay`, { method: "POST", headers: admin })).status).toBe(409);
    await waitAllDelivered(app, [id], 20_000);
    expect(sandbox.stats().registrationCount).toBe(1);
  } finally {
    await app.stop();
    await server.close();
  }
});

test("a mistake in the forms configuration stops the app with the file, the JSON path and the problem", async () => {
  const file = writeFormsConfig({ forms: [{ id: "members", title: "Members", connector: "procurios", options: { baseUrl: "https://crm.example", registrationSetId: "42", tokenEnv: "PROCURIOS_TOKEN" } }] });
  const started = startApp(3205, { FORMS_CONFIG: file, DATA_DIR: tempDir("formgate-config-") });
  await expect(started).rejects.toThrow(`Invalid forms configuration in ${file} at forms[0].options.registrationSetId:`);
});
