import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { validRegistration } from "@/lib/testing/registration";
import { APP_URL } from "../playwright.config";
import { type AppServer, startApp, stopAll, tempDir } from "./support/app-server";
import { DELIVERED, fillAboutYou, fillAddress, goNext, next, progress, uniqueUsername } from "./support/wizard";

// The staff console. The suite's server has no staff account: there, the sign-in page
// says how to make the first one, and every protected route refuses without a session.
// The rest runs on a server of its own (E2E_PORT + 1) whose first admin comes from the
// environment and whose deliveries wait long between attempts, so staff retry them.

test.describe.configure({ mode: "serial", timeout: 120_000 });

const ADMIN = { email: "admin@club.example", password: "admin password 2026" };
const STAFF = { email: "desk@club.example", password: "desk password 2026" };
const CONTROL = "staff-e2e-sandbox-control-token";
const PORT = Number(process.env.E2E_PORT ?? 3100) + 1;

/** WCAG 2.2 AA, as e2e/accessibility.spec.ts checks the forms. */
async function expectAccessible(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`), state).toEqual([]);
}

/** The protected routes, found by walking the route tree as route-tree.test.ts does, dynamic segments filled in. */
function protectedRoutes() {
  const walk = (dir: string, name: string) =>
    readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((file) => path.basename(file) === name)
      .map((file) => path.join(dir, file).split(path.sep).join("/"));
  const url = (file: string) =>
    `/${path.dirname(file).replace(/^app\//, "")}`.replace(/\[\.{3}\w+\]|\[(\w+)\]/g, (_, name: string) => (name === "action" ? "erase" : name === "file" ? "0.form.js" : "members"));
  const pages = walk("app/staff", "page.tsx").filter((file) => !file.includes("sign-in")).map((file) => url(file));
  const routes = walk("app/api/staff", "route.ts").flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/export const (GET|POST|PATCH|PUT|DELETE) = staffRoute/g)].map((match) => ({ method: match[1], path: url(file) })),
  );
  return { pages, routes };
}

test("with no staff account, the sign-in page says how to create the first one", async ({ page }) => {
  await page.goto("/staff/sign-in");
  const notice = page.getByRole("region", { name: "There is no staff account yet" });
  await expect(notice).toContainText("STAFF_ADMIN_EMAIL");
  await expect(notice).toContainText("npm run staff:add");
  await expect(page.getByLabel("Email address")).toBeVisible();
  await expectAccessible(page, "sign-in, no account yet");
});

test("every protected page and API route refuses without a session", async ({ request }) => {
  const { pages, routes } = protectedRoutes();
  expect(pages.length).toBeGreaterThanOrEqual(8);
  expect(routes.length).toBeGreaterThanOrEqual(10);
  for (const url of pages) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(307);
    expect(response.headers().location, url).toContain(`/staff/sign-in?callbackUrl=`);
  }
  for (const { method, path: url } of routes) {
    const response = await request.fetch(url, { method, headers: { Origin: APP_URL, "Content-Type": "application/json" }, data: method === "GET" ? undefined : "{}" });
    expect(response.status(), `${method} ${url}`).toBe(401);
    expect((await response.json()).error, `${method} ${url}`).toBe("Sign in to the staff console first.");
  }
  // A change from another site is refused before anything else.
  const forged = await request.post("/api/staff/submissions/x/erase", { headers: { Origin: "https://evil.example" } });
  expect(forged.status()).toBe(403);
});

test.describe("on a server with a first admin", () => {
  let app: AppServer;
  test.beforeAll(async () => {
    app = await startApp(PORT, {
      DATA_DIR: tempDir("formgate-staff-"),
      STAFF_ADMIN_EMAIL: ADMIN.email,
      STAFF_ADMIN_PASSWORD: ADMIN.password,
      SANDBOX_CONTROL_TOKEN: CONTROL,
      MIN_FILL_MS: "0",
      SUBMIT_INLINE_WAIT_MS: "4000",
      DELIVERY_BASE_DELAY_MS: "200",
      DELIVERY_MAX_ATTEMPTS: "4",
    });
  });
  test.afterAll(stopAll);

  const control = async (method: string, vendor: string, call: string, body?: unknown) => {
    const response = await fetch(`${app.url}/sandbox/${vendor}/_sandbox/${call}`, {
      method,
      headers: { Authorization: `Bearer ${CONTROL}`, "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.ok, `${method} ${call}`).toBe(true);
    return response;
  };

  async function signIn(browser: Browser, who: { email: string; password: string }): Promise<Page> {
    const page = await (await browser.newContext({ baseURL: app.url })).newPage();
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/staff\/sign-in\?callbackUrl=%2Fstaff$/);
    await expect(page.getByText("There is no staff account yet")).toHaveCount(0);
    await page.getByLabel("Email address").fill(who.email);
    await page.getByLabel("Password").fill(who.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Staff console");
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    return page;
  }

  const detail = (page: Page, fact: string) => page.locator(`[data-fact="${fact}"]`);
  const post = (request: APIRequestContext, url: string) => request.post(url, { headers: { Origin: app.url } });

  test("an admin registers a person with their consent, follows submissions, retries, replays, reveals and erases; all audited", async ({ browser }) => {
    // A wrong password says nothing about the account.
    const stranger = await (await browser.newContext({ baseURL: app.url })).newPage();
    await stranger.goto("/staff/sign-in");
    await stranger.getByLabel("Email address").fill(ADMIN.email);
    await stranger.getByLabel("Password").fill("not the password");
    await stranger.getByRole("button", { name: "Sign in" }).click();
    await expect(stranger.locator(".fg-staff-error")).toHaveText("The email address or the password is not right, or the account is disabled.");

    const page = await signIn(browser, ADMIN);

    // Assisted registration: the attestation first, then the members form with its hidden action code and no password.
    await page.getByRole("link", { name: "Register a person" }).first().click();
    await page.getByRole("link", { name: "Become a member" }).click();
    await page.getByRole("button", { name: "Continue to the form" }).click();
    await expect(page.locator(".fg-staff-error")).toContainText("Give the person's name");
    await expectAccessible(page, "attestation with its error");
    await page.getByLabel("The person's name").fill("Anna Jansen");
    await page.getByLabel("By phone").check();
    await page.getByLabel("The person agreed to the terms and the privacy notice").check();
    await page.getByRole("button", { name: "Continue to the form" }).click();
    await expect(page.locator("[data-attestation]")).toContainText("Anna Jansen, who agreed to the terms and the privacy notice by phone");

    const username = uniqueUsername("assisted");
    await page.getByLabel("Username").fill(username);
    await expect(page.locator("#root_username__status")).toHaveText(`${username} is available`);
    await page.getByLabel("Email address").fill(`${username}@example.nl`);
    await expect(page.getByLabel("Password")).toHaveCount(0);
    await goNext(page, "Step 2 of 4");
    await fillAboutYou(page);
    await goNext(page, "Step 3 of 4");
    await fillAddress(page);
    await goNext(page, "Step 4 of 4");
    await page.getByLabel("Senior", { exact: true }).check();
    await page.getByLabel("I accept the terms and conditions").check();
    await page.getByLabel("Entered via action").fill("4711");
    await next(page).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registration complete", DELIVERED);
    const tell = page.getByRole("region", { name: "What to tell Anna Jansen" });
    await expect(tell).toContainText("forgot password");
    const assistedId = (await tell.getAttribute("data-submission"))!;

    // The vendor got the action code and a password nobody typed.
    const sandbox = (await (await control("GET", "procurios", `registrations?username=${encodeURIComponent(username)}`)).json()) as { registrations: Array<{ actionCode?: number; fields: string[] }> };
    expect(sandbox.registrations).toHaveLength(1);
    expect(sandbox.registrations[0].actionCode).toBe(4711);
    expect(sandbox.registrations[0].fields).toContain("password");

    // In the list (assisted, delivered), and its detail: the timeline, the answers masked until revealed.
    await page.goto("/staff/submissions?assisted=yes");
    await expect(page.locator(`tr[data-submission="${assistedId}"]`)).toContainText("delivered");
    await expectAccessible(page, "the submissions list");
    await page.goto(`/staff/submissions?assisted=no&q=${assistedId}`);
    await expect(page.locator(`tr[data-submission="${assistedId}"]`)).toHaveCount(0);
    await page.goto(`/staff/submissions?q=${assistedId}`);
    await page.getByRole("link", { name: assistedId }).click();
    await expect(detail(page, "Status")).toHaveText("delivered");
    await expect(detail(page, "Assisted by")).toHaveText(`${ADMIN.email} (by phone)`);
    await expect(page.locator(".fg-staff-timeline")).toContainText(/attempt \d: delivered — reference \d+/);
    const answers = page.locator("[data-answers]");
    await expect(answers).toHaveAttribute("data-answers", "masked");
    await expect(answers).not.toContainText("Jansen");
    await page.getByRole("button", { name: /Reveal the answers/ }).click();
    await expect(answers).toHaveAttribute("data-answers", "revealed");
    await expect(answers).toContainText("Jansen");
    await expect(answers).toContainText("4711");
    await expect(answers.locator("dt", { hasText: "Entered via action" })).toHaveCount(1);
    await expect(answers).toContainText("Anna Jansen agreed to the terms and the privacy notice (by phone).");
    await expect(answers).not.toContainText("password");
    await expectAccessible(page, "a submission, revealed");

    // Erase on request: the answers go, the id, form, status and reference stay.
    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Erase the answers" }).click();
    await expect(page.getByText("The answers are no longer kept")).toBeVisible();
    await expect(detail(page, "Status")).toHaveText("delivered");
    await expect(detail(page, "Reference")).toHaveText(/\d+/);

    // A failing vendor: the person's own submit waits for its next attempt; the admin retries it, it fails
    // again and is dead-lettered; the vendor is back, the admin replays it, and it is delivered.
    // The vendor asks for ten minutes between attempts (Retry-After): only a staff retry brings the next one sooner.
    await control("POST", "procurios", "faults", { mode: "503", routes: "registration", retryAfterSeconds: 600 });
    const submit = await page.request.post("/api/forms/members/submit", { data: { data: validRegistration(uniqueUsername("failing")) } });
    expect(submit.status()).toBe(202);
    const failingId = ((await submit.json()) as { submissionId: string }).submissionId;
    await page.goto(`/staff/submissions/${failingId}`);
    await expect(detail(page, "Status")).toHaveText("received");
    await expect(page.locator(".fg-staff-timeline")).toContainText("attempt 1: retry — vendor_unavailable");
    for (const attempt of [2, 3, 4]) {
      await page.getByRole("button", { name: "Retry now" }).click();
      await expect(page.locator("p[role=status]")).toContainText("Tried again now.");
      await expect(async () => {
        await page.reload();
        await expect(page.locator(".fg-staff-timeline")).toContainText(`attempt ${attempt}: ${attempt < 4 ? "retry" : "failed"}`, { timeout: 1_000 });
        await expect(detail(page, "Status")).toHaveText(attempt < 4 ? "received" : "failed", { timeout: 1_000 });
      }).toPass({ timeout: 15_000 });
    }
    await control("DELETE", "procurios", "faults");
    await page.getByRole("button", { name: "Replay" }).click();
    await expect(page.locator("p[role=status]")).toContainText("Sent again.");
    await expect(async () => {
      await page.reload();
      await expect(detail(page, "Status")).toHaveText("delivered", { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });

    // The list a page at a time, its filters kept from page to page: the newest first (the replayed
    // one), the assisted one behind "Older submissions"; the API pages the same way.
    await page.goto("/staff/submissions?form=members&limit=1");
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.locator(`tr[data-submission="${failingId}"]`)).toHaveCount(1);
    const pages = page.getByRole("navigation", { name: "More submissions" });
    await expect(pages.getByRole("link", { name: "Newest submissions" })).toHaveCount(0);
    const seen = [failingId];
    while (!seen.includes(assistedId) && seen.length < 20) {
      await pages.getByRole("link", { name: "Older submissions" }).click();
      await expect(page).toHaveURL(/\?form=members&limit=1&after=\d+\./);
      await expect(page.locator("tbody tr")).toHaveCount(1);
      seen.push((await page.locator("tbody tr").getAttribute("data-submission"))!);
    }
    expect(seen).toContain(assistedId);
    expect(new Set(seen).size).toBe(seen.length);
    await expect(page.locator("caption")).toHaveText("1 submission, older than the previous page, newest first");
    await pages.getByRole("link", { name: "Newest submissions" }).click();
    await expect(page.locator(`tr[data-submission="${failingId}"]`)).toHaveCount(1);
    const first = (await (await page.request.get("/api/staff/submissions?form=members&limit=1")).json()) as { submissions: { id: string }[]; older: string };
    expect(first.submissions.map((row) => row.id)).toEqual([failingId]);
    const second = (await (await page.request.get(`/api/staff/submissions?form=members&limit=1&after=${first.older}`)).json()) as { submissions: { id: string }[] };
    expect(second.submissions.map((row) => row.id)).toEqual([seen[1]]);
    // Every status is a filter, the waiting ones too.
    await page.goto("/staff/submissions?status=awaiting_person");
    await expect(page.locator("caption")).toHaveText("No submission matches.");
    await expect(page.locator(".fg-staff-error")).toHaveCount(0);

    // The audit log has each of them, and is filterable.
    await page.goto("/staff/audit");
    for (const action of ["sign_in", "sign_in_failed", "assisted_registration", "reveal", "erase", "retry", "replay"]) {
      await expect(page.locator(`tr[data-action="${action}"]`).first(), action).toBeVisible();
    }
    await page.goto(`/staff/audit?who=${assistedId}`);
    await expect(page.locator("tbody tr")).toHaveCount(3); // registered, revealed, erased
    await expect(page.locator('tr[data-action="erase"]')).toContainText(ADMIN.email);
    await expectAccessible(page, "the audit log");
    // A page at a time too, the filters kept.
    await page.goto(`/staff/audit?who=${assistedId}&limit=2`);
    await expect(page.locator("tbody tr")).toHaveCount(2);
    await page.getByRole("navigation", { name: "More entries" }).getByRole("link", { name: "Older entries" }).click();
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.locator('tr[data-action="assisted_registration"]')).toHaveCount(1); // the oldest
    await expect(page.locator("caption")).toHaveText("1 entry, older than the previous page, newest first");

    // An account for the desk, with the staff role.
    await page.goto("/staff/accounts");
    await page.getByLabel("Email address").fill(STAFF.email);
    await page.getByLabel("Name", { exact: true }).fill("Desk");
    await page.getByLabel("Password (leave empty").fill(STAFF.password);
    await page.getByRole("button", { name: "Add the account" }).click();
    await expect(page.locator(`tr[data-account="${STAFF.email}"]`)).toContainText("staff");
    await expectAccessible(page, "staff accounts");

    // Staff without the admin role cannot replay, retry or erase, nor see the audit log.
    const desk = await signIn(browser, STAFF);
    await desk.goto(`/staff/submissions/${failingId}`);
    await expect(desk.getByRole("heading", { name: "Admin actions" })).toHaveCount(0);
    for (const action of ["replay", "erase", "retry"]) {
      const refused = await post(desk.request, `/api/staff/submissions/${failingId}/${action}`);
      expect(refused.status(), action).toBe(403);
      expect((await refused.json()).error).toBe("This needs the admin role.");
    }
    await desk.goto("/staff/audit");
    await expect(desk).toHaveURL(/\/staff\?denied=admin$/);
    expect((await desk.request.get("/api/staff/audit")).status()).toBe(403);

    // Disabling the account ends its session at its next request.
    await page.locator(`tr[data-account="${STAFF.email}"]`).getByRole("button", { name: "Disable" }).click();
    await expect(page.locator(`tr[data-account="${STAFF.email}"]`)).toContainText("disabled");
    expect((await desk.request.get("/api/staff/submissions")).status()).toBe(401);
    await desk.goto("/staff/submissions");
    await expect(desk).toHaveURL(/\/staff\/sign-in/);
  });

  test("the console speaks the staff member's language: French and Dutch, an assisted registration's form in theirs or the person's", async ({ browser }) => {
    const page = await (await browser.newContext({ baseURL: app.url, locale: "fr-FR" })).newPage();
    await page.goto("/staff");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Console du personnel : connexion");
    await expect(page).toHaveTitle("Connexion – console du personnel");
    await page.getByLabel("Adresse e-mail").fill(ADMIN.email);
    await page.getByLabel("Mot de passe").fill("not the password");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.locator(".fg-staff-error")).toHaveText("L’adresse e-mail ou le mot de passe n’est pas le bon, ou le compte est désactivé.");
    await page.getByLabel("Mot de passe").fill(ADMIN.password);
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Console du personnel");
    await expect(page.getByRole("navigation", { name: "Console du personnel" }).getByRole("link", { name: "Envois" })).toBeVisible();
    await expect(page.locator(".fg-staff-nav")).toContainText(`Connecté·e en tant que ${ADMIN.email} (administrateur)`);
    await expectAccessible(page, "the console's home, in French");

    // Lists: their filters, columns and statuses in French; the values sent stay the API's.
    await page.getByRole("link", { name: "Suivre les envois" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Envois");
    await expect(page.getByRole("columnheader", { name: "Reçu" })).toBeVisible();
    const status = page.getByLabel("Statut");
    await expect(status.locator('option[value="delivered"]')).toHaveText("transmis");
    await status.selectOption("delivered");
    await page.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/status=delivered/);
    await expect(page.locator("caption")).toHaveText(/^(Aucun envoi ne correspond\.|\d+ envois?, les plus récents d’abord)$/);
    const statuses = await page.locator("tbody tr td:nth-child(3)").allTextContents();
    expect(statuses.length).toBeGreaterThan(0); // the first test's registration, delivered (then erased)
    for (const cell of statuses) expect(cell).toMatch(/^transmis( \(effacé\))?$/);
    await page.goto("/staff/submissions?from=hier&status=delivered");
    await expect(page.locator(".fg-staff-error")).toHaveText("Du : doit être une date au format AAAA-MM-JJ");
    await expectAccessible(page, "the submissions, in French");

    // An assisted registration: the form in the staff member's language where it offers it, or in the
    // person's, chosen before the consent; the consent in the console's language.
    await page.goto("/staff/register/members");
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    const languages = page.getByRole("navigation", { name: "Le formulaire dans la langue de la personne" });
    await expect(languages.getByRole("link", { name: "Français" })).toHaveAttribute("aria-current", "true");
    await languages.getByRole("link", { name: "English" }).click();
    await expect(page).toHaveURL(/\/staff\/register\/members\?lang=en$/);
    await page.getByRole("button", { name: "Continuer vers le formulaire" }).click();
    await expect(page.locator(".fg-staff-error")).toHaveText(/^Indiquez le nom de la personne/);
    await page.getByLabel("Nom de la personne").fill("Anna [Desk] Jansen");
    await page.getByLabel("Par téléphone").check();
    await page.getByLabel("La personne a accepté les conditions et la politique de confidentialité").check();
    await page.getByRole("button", { name: "Continuer vers le formulaire" }).click();
    await expect(page.locator("[data-attestation]")).toContainText("Inscription de Anna [Desk] Jansen, qui a accepté les conditions et la politique de confidentialité par téléphone.");
    await expect(page.locator("[data-attestation] strong")).toHaveText("Anna [Desk] Jansen");
    // The page is the form's, in the person's language (its wizard asks the API in the page's); the console's parts say theirs.
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.locator(".fg-wizard h1")).toHaveText("Your account");
    await expect(page.locator("[data-attestation]")).toHaveAttribute("lang", "fr");
    await expect(page.locator(".fg-staff-nav")).toHaveAttribute("lang", "fr");
    await expectAccessible(page, "an assisted registration, the console in French");

    // The staff API's answers follow the same language.
    await page.goto("/staff/lookups");
    await page.getByLabel("Formulaire", { exact: true }).selectOption("dnl");
    await page.getByLabel("Identifiant de l’inscription").fill("987654");
    await page.getByRole("button", { name: "Rechercher", exact: true }).click();
    await expect(page.locator("[data-lookup]")).toHaveText("Introuvable : le fournisseur ne connaît pas cet enregistrement.");

    const dutch = await (await browser.newContext({ baseURL: app.url, locale: "nl-NL" })).newPage();
    await dutch.goto("/staff/sign-in");
    await expect(dutch.locator("html")).toHaveAttribute("lang", "nl");
    await expect(dutch.getByRole("heading", { level: 1 })).toHaveText("Medewerkersconsole: aanmelden");
    await dutch.getByLabel("E-mailadres").fill(ADMIN.email);
    await dutch.getByLabel("Wachtwoord").fill(ADMIN.password);
    await dutch.getByRole("button", { name: "Aanmelden" }).click();
    await expect(dutch.getByRole("heading", { level: 1 })).toHaveText("Medewerkersconsole");
    await dutch.getByRole("link", { name: "Auditlog" }).first().click();
    await expect(dutch.getByRole("heading", { level: 1 })).toHaveText("Auditlog");
    await expect(dutch.getByLabel("Actie").locator('option[value="sign_in"]')).toHaveText("aangemeld");
    await expect(dutch.locator('tr[data-action="sign_in"]').first()).toContainText("aangemeld");
    await expectAccessible(dutch, "the audit log, in Dutch");
  });

  test("a registration the vendor refuses after an outage: its status says why in the person's language, the console in the staff member's", async ({ browser }) => {
    // Two people choose the same username while Procurios is down: both are taken in and wait.
    const username = uniqueUsername("outage");
    await control("POST", "procurios", "faults", { mode: "503", routes: "registration", retryAfterSeconds: 600 });
    const ids: string[] = [];
    try {
      for (const email of [`${username}@example.nl`, `${username}.too@example.nl`]) {
        const submit = await fetch(`${app.url}/api/forms/members/submit`, {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ data: validRegistration(username, { email }) }),
        });
        expect(submit.status).toBe(202);
        ids.push(((await submit.json()) as { submissionId: string }).submissionId);
      }
    } finally {
      await control("DELETE", "procurios", "faults");
    }
    // Procurios is back; an admin sends the first now (the worker may have moved on to the second meanwhile).
    // The first gets the username; Procurios refuses the second.
    const page = await signIn(browser, ADMIN);
    const status = async (id: string) =>
      (await (await fetch(`${app.url}/api/submissions/${id}`, { headers: { "Accept-Language": "fr" } })).json()) as { status: string; errors?: Record<string, string> };
    for (const id of ids) {
      if ((await status(id)).status === "received") expect([200, 409]).toContain((await post(page.request, `/api/staff/submissions/${id}/retry`)).status());
      await expect.poll(async () => (await status(id)).status, { timeout: 20_000 }).not.toBe("received");
    }
    expect((await status(ids[0])).status).toBe("delivered");
    // Procurios said "Deze gebruikersnaam is al in gebruik"; the person asking in French reads French.
    expect(await status(ids[1])).toMatchObject({ status: "rejected", errors: { username: "Username n’est pas disponible" } });
    // Staff reveal the refusal in English, the username named.
    await page.goto(`/staff/submissions/${ids[1]}`);
    await expect(detail(page, "Status")).toHaveText("rejected");
    await page.getByRole("button", { name: /Reveal the answers/ }).click();
    const answers = page.locator("[data-answers]");
    await expect(answers).toHaveAttribute("data-answers", "revealed");
    await expect(answers).toContainText(`${username} is not available`);
    await expect(answers).not.toContainText("Deze gebruikersnaam");
  });

  test("an assisted registration on the club's form: its email check rides with Next's own, behind the staff sign-in", async ({ browser }) => {
    const page = await signIn(browser, ADMIN);
    const calls: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (/^\/api\/(staff\/)?forms\/club\/(validate|checks)/.test(path)) calls.push(`${path} ${JSON.stringify(request.postDataJSON()?.checks ?? [])}`);
    });
    await page.goto("/staff/register/club");
    await page.getByLabel("The person's name").fill("Camille Martin");
    await page.getByLabel("By phone").check();
    await page.getByLabel("The person agreed to the terms and the privacy notice").check();
    await page.getByRole("button", { name: "Continue to the form" }).click();
    // An address registered at this club stops the person kindly, as on the public form.
    await page.getByLabel("Email address").fill("deja.inscrit@example.fr");
    await next(page).click();
    await expect(page.locator("#root_email__error")).toContainText("You are already registered at this club with this email address");
    await expect(progress(page)).toHaveText("Step 1 of 3");
    await page.getByLabel("Email address").fill(`${uniqueUsername("desk")}@example.fr`);
    await goNext(page, "Step 2 of 3");
    expect(calls).toEqual(['/api/staff/forms/club/validate ["email"]', '/api/staff/forms/club/validate ["email"]']);
  });

  test("staff look a person up at DNL: a good id, a wrong id, and a token DNL no longer accepts", async ({ browser }) => {
    const page = await signIn(browser, ADMIN);
    await page.getByRole("link", { name: "Look up" }).first().click();
    await page.getByLabel("Form", { exact: true }).selectOption("dnl");
    const key = page.getByLabel("Registration id");
    const result = page.locator("[data-lookup]");

    await key.fill("242");
    await page.getByRole("button", { name: "Look up" }).click();
    await expect(result).toHaveAttribute("data-lookup", "found");
    await expect(result).toContainText("Lusmql");
    await expect(result).toContainText("lusmql@example.com");
    await expect(result).not.toContainText("Hdphfncu"); // DNL's plaintext password, dropped
    await expectAccessible(page, "a lookup's record");

    await key.fill("987654");
    await page.getByRole("button", { name: "Look up" }).click();
    await expect(result).toHaveAttribute("data-lookup", "not_found");
    await expect(result).toContainText("Not found");

    await control("PUT", "dnl", "token", { token: "a-token-issued-since" });
    try {
      await key.fill("242");
      await page.getByRole("button", { name: "Look up" }).click();
      await expect(result).toHaveAttribute("data-lookup", "error");
      await expect(result.locator(".fg-staff-error")).toContainText("an administrator must check the form's settings");
    } finally {
      await control("POST", "dnl", "reset");
    }

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/staff\/sign-in$/);
    expect((await page.request.get("/api/staff/submissions")).status()).toBe(401);
  });
});
