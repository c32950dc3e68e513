import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import SQLite from "better-sqlite3";
import { type Browser, expect, type FrameLocator, type Page, test } from "@playwright/test";
import { type AppServer, startApp, stopAll, tempDir } from "./support/app-server";
import { startHostServer, type HostServer } from "./support/host-server";
import { DELIVERED, fillAboutYou, fillAccount, fillAddress, goNext, next, progress, summary, uniqueUsername } from "./support/wizard";

// Insights, on a server of its own (E2E_PORT + 4, fresh DATA_DIR) so that no other spec's
// visitors are counted: three scripted visitors, then the staff console's Insights page.
// The club's site that embeds the form listens on E2E_PORT + 5. Both ports are this spec's
// alone: it runs beside the specs that share the suite's server (playwright.config.ts).

test.describe.configure({ mode: "serial", timeout: 90_000 });

const ADMIN = { email: "admin@club.example", password: "admin password 2026" };
const PORT = Number(process.env.E2E_PORT ?? 3100) + 4;
const HOST_PORT = Number(process.env.E2E_PORT ?? 3100) + 5;
const CAMPAIGN = { utm_source: "e2e-insights", utm_medium: "web", utm_campaign: "spring" };
const ANSWER = "anna.answer@example.nl";

let app: AppServer;
let host: HostServer;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = tempDir("formgate-insights-");
  app = await startApp(PORT, { DATA_DIR: dataDir, STAFF_ADMIN_EMAIL: ADMIN.email, STAFF_ADMIN_PASSWORD: ADMIN.password, MIN_FILL_MS: "0", SUBMIT_INLINE_WAIT_MS: "4000" });
  host = await startHostServer(HOST_PORT);
});
test.afterAll(async () => {
  await host?.close();
  stopAll();
});

/** What the app stored, read from its SQLite file. */
function stored<T>(query: string, ...values: unknown[]): T[] {
  const db = new SQLite(path.join(dataDir, "formgate.sqlite"), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(query).all(...values) as T[];
  } finally {
    db.close();
  }
}

const post = (page: Page, body: unknown, headers: Record<string, string> = {}) =>
  page.request.post(`${app.url}/api/forms/members/insights`, { headers: { "Content-Type": "text/plain", Origin: app.url, ...headers }, data: typeof body === "string" ? body : JSON.stringify(body) });

const session = "4d7c0a3e-9b1f-4c62-8f7e-2a6b5c3d1e0f";

test("the event endpoint refuses malformed, oversized and foreign batches, never stores an answer, and counts a do-not-track browser in the totals only", async ({ page }) => {
  const answer = await post(page, { session, embedded: false, events: [{ type: "passed", page: 1, email: ANSWER }] });
  expect(answer.status()).toBe(400);
  expect((await answer.json()).error).toMatch(/^events\.0: Unrecognized key: "email"/);
  const asField = await post(page, { session, embedded: false, events: [{ type: "invalid", page: 1, fields: [{ name: "first_name_anna", kind: "format" }] }] });
  expect(asField.status()).toBe(400);
  expect((await asField.json()).error).toBe("events.0.fields: first_name_anna is not a field of this form.");
  expect((await post(page, "{not json")).status()).toBe(400);
  const big = await post(page, { session, embedded: false, events: [{ type: "viewed" }], pad: "x".repeat(20_000) });
  expect(big.status()).toBe(413);
  expect((await big.json()).error).toBe("The request body is too large (at most 16384 bytes).");
  expect((await post(page, { session, embedded: false, events: [{ type: "viewed" }] }, { Origin: "http://127.0.0.2:9" })).status()).toBe(403);

  const quiet = await post(page, { session, embedded: false, events: [{ type: "viewed" }, { type: "page", page: 1 }] }, { "Sec-GPC": "1" });
  expect(quiet.status()).toBe(204);
  expect(stored("SELECT * FROM insight_sessions")).toEqual([]);
  expect(stored("SELECT * FROM insight_events")).toEqual([]);
  expect(stored<{ type: string; page: number; count: number }>("SELECT type, page, count FROM insight_daily ORDER BY type")).toEqual([
    { type: "page", page: 0, count: 1 },
    { type: "viewed", page: 0, count: 1 },
  ]);
  const everything = JSON.stringify([stored("SELECT * FROM insight_events"), stored("SELECT * FROM insight_sessions"), stored("SELECT * FROM insight_daily")]);
  expect(everything).not.toContain("anna");
});

async function visitor(browser: Browser): Promise<Page> {
  return (await browser.newContext({ baseURL: app.url })).newPage();
}

async function finish(scope: Page | FrameLocator) {
  await fillAboutYou(scope);
  await goNext(scope, "Step 3 of 4");
  await fillAddress(scope);
  await goNext(scope, "Step 4 of 4");
  await scope.getByLabel("Senior", { exact: true }).check();
  await scope.getByLabel("I accept the terms and conditions").check();
  await next(scope).click();
  await expect(scope.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await scope.getByRole("button", { name: "Submit" }).click();
  await expect(scope.getByRole("heading", { level: 1 })).toHaveText("Registration complete", DELIVERED);
}

test("three visitors: one completes, one leaves on page 2 after the vendor refused a username, one comes embedded from a campaign: Insights shows exactly that", async ({ browser }) => {
  // 1. On the form's own page, all the way.
  const first = await visitor(browser);
  await first.goto("/register/members");
  await fillAccount(first, uniqueUsername("insights"));
  await goNext(first, "Step 2 of 4");
  await finish(first);

  // 2. The vendor says the username is taken; another one passes; the visitor leaves on page 2.
  const second = await visitor(browser);
  await second.goto("/register/members");
  await second.getByLabel("Username").fill("jdevries");
  await expect(second.locator("#root_username__status")).toHaveText("jdevries is not available");
  await second.getByLabel("Email address").fill("jan@example.nl");
  await second.getByLabel("Password").fill("correct horse battery");
  await next(second).click();
  await expect(summary(second).getByRole("link")).toHaveText(["Username: jdevries is not available"]);
  await second.getByLabel("Username").fill(uniqueUsername("insights"));
  await goNext(second, "Step 2 of 4");
  await second.goto("about:blank"); // the page goes away: its events leave with a beacon

  // 3. Embedded on the club's site, reached through a campaign link.
  const third = await visitor(browser);
  host.page("/join", `<script src="${app.url}/embed.js" data-form="members" async></script>`);
  await third.goto(`${host.origin()}/join?${new URLSearchParams(CAMPAIGN)}`);
  const frame = third.frameLocator("iframe");
  await expect(progress(frame)).toHaveText("Step 1 of 4");
  await fillAccount(frame, uniqueUsername("insights"));
  await goNext(frame, "Step 2 of 4");
  await finish(frame);

  await expect.poll(() => stored<{ outcome: string }>("SELECT outcome FROM insight_sessions ORDER BY outcome").map((row) => row.outcome)).toEqual(["delivered", "delivered", "viewed"]);
  expect(JSON.stringify(stored("SELECT * FROM insight_events"))).not.toMatch(/jdevries|jan@example|correct horse|Anna|Jansen|Fortweg|3992LX/);

  // The staff console's Insights page.
  const staff = await visitor(browser);
  await staff.goto("/staff/insights");
  await expect(staff).toHaveURL(/\/staff\/sign-in\?callbackUrl=%2Fstaff%2Finsights$/);
  await staff.getByLabel("Email address").fill(ADMIN.email);
  await staff.getByLabel("Password").fill(ADMIN.password);
  await staff.getByRole("button", { name: "Sign in" }).click();
  await expect(staff.getByRole("heading", { level: 1 })).toHaveText("Insights");
  await staff.getByRole("combobox", { name: "Form" }).selectOption("members");
  await staff.getByRole("button", { name: "Show" }).click();
  await expect(staff).toHaveURL(/form=members/);

  const members = staff.locator("section[data-form=members]");
  await expect(members.getByText(/form sessions;/)).toHaveText("3 form sessions; 2 submitted, 2 delivered, 0 rejected, 0 failed.");
  const funnel = members.locator("table[data-table=funnel] tbody tr");
  await expect(funnel).toHaveText([
    "1. Your account30100%",
    "2. About you3167%",
    "3. Your address20100%",
    "4. Membership20100%",
    "Review20100%",
  ]);
  await expect(members.locator("table[data-table=left] tbody tr")).toHaveText(["2. About youusernametaken1"]);
  await expect(members.locator("table[data-chart='embedded-members'] tbody tr")).toHaveText(["Embedded1", "Full page2"]);
  await expect(members.locator("table[data-chart='hosts-members'] tbody tr")).toHaveText([`${host.origin()}1`]);
  await expect(members.locator("table[data-chart='campaigns-members'] tbody tr")).toHaveText(["e2e-insights / web / spring1"]);
  await expect(staff.locator("#registrations-table tbody tr")).toHaveText([new RegExp(`^\\d{4}-\\d{2}-\\d{2}members2200$`)]);
  // The do-not-track visitor of the first test is in the totals: four form views.
  await expect(staff.locator("#totals-table tbody tr").filter({ hasText: /^membersviewed/ })).toHaveText("membersviewed4");
  await expect(members.getByRole("img", { name: /^Funnel of members: sessions per page\. 1\. Your account: 3;/ })).toBeVisible();

  // WCAG 2.2 AA, as e2e/accessibility.spec.ts checks the forms: charts included.
  const { violations } = await new AxeBuilder({ page: staff }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`)).toEqual([]);

  const csv = await staff.request.get("/api/staff/insights/export?form=members");
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const text = await csv.text();
  expect(text).toContain(`"left","members","2","username","taken","1","",""`);
  expect(text).toContain(`"campaign","members","","e2e-insights / web / spring","1","",""`);
  expect(text).not.toContain("anna");
});
