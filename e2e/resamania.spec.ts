import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { fr } from "@/lib/i18n/fr";
import { randomUUID } from "node:crypto";
import { createResamaniaSandbox } from "@/lib/connectors/resamania/sandbox";
import { controlHeaders, startSandboxServer } from "@/lib/testing/sandbox-server";
import { startApp, stopAll, tempDir, writeFormsConfig } from "./support/app-server";
import { control } from "./support/sandbox";
import { dateGroup, DELIVERED, progress, summary, uniqueUsername } from "./support/wizard";

/**
 * The fitness club's form (Resamania, French first) against the app's built-in
 * sandbox, whose club network the README lists: this club (1), Toulon (2), Marseille (3).
 */
const resamania = (method: string, path: string, body?: unknown) => control(method, path, body, "resamania");
const next = (page: Page) => page.getByRole("button", { name: /^(Suivant|Continuer)$/ });
const send = (page: Page) => page.getByRole("button", { name: /^(Envoyer|Réessayer)$/ });
const emailField = (page: Page) => page.getByLabel("Adresse e-mail");

async function contactsOf(email: string): Promise<Array<{ number: string; clubId: string; state: string; mobile: string | null }>> {
  return (await (await resamania("GET", `contacts?email=${encodeURIComponent(email)}`)).json()).contacts;
}

async function aboutYou(page: Page) {
  await page.getByLabel("Prénom").fill("Camille");
  await page.getByLabel("Nom", { exact: true }).fill("Martin");
  const birthDate = dateGroup(page, "Date de naissance");
  await birthDate.getByLabel(fr.dateDay).fill("2");
  await birthDate.getByLabel(fr.dateMonth).fill("6");
  await birthDate.getByLabel(fr.dateYear).fill("1994");
  await page.getByLabel("Femme", { exact: true }).check();
  await next(page).click();
  await expect(progress(page)).toHaveText("Étape 3 sur 3");
}

async function address(page: Page) {
  await page.getByLabel("Numéro et rue").fill("52 chemin du test");
  await page.getByLabel("Code postal").fill("83390");
  await page.getByLabel("Ville").fill("Toulon");
  await page.getByLabel("Pays").selectOption({ label: "France" });
  await next(page).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.reviewTitle);
}

async function emailPage(page: Page, email: string) {
  await page.goto("/register/club");
  await expect(progress(page)).toHaveText("Étape 1 sur 3");
  await emailField(page).fill(email);
  await next(page).click();
}

const unique = (prefix: string) => `${uniqueUsername(prefix)}@example.fr`;

test.describe("the fitness club's form (Resamania), in French", () => {
  // A French browser: the form's default language is French, and it offers English too.
  test.use({ locale: "fr-FR" });

  test("a new person signs up and gets their contact number", async ({ page }) => {
    // Each Next is one request: page 1's email check rides with its validation, and is not asked again.
    const calls: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith("/api/forms/club/") && !path.includes("/validator/")) calls.push(`${path.slice("/api/forms/club/".length)} ${JSON.stringify(request.postDataJSON()?.checks ?? [])}`);
    });
    const email = unique("nouveau");
    await emailPage(page, email);
    await expect(progress(page)).toHaveText("Étape 2 sur 3");
    expect(calls).toEqual(['validate ["email"]']);
    await page.getByRole("button", { name: fr.back }).click();
    await next(page).click();
    await expect(progress(page)).toHaveText("Étape 2 sur 3");
    expect(calls).toEqual(['validate ["email"]', "validate []"]);
    await aboutYou(page);
    await address(page);
    await send(page).click();
    await expect(page.getByRole("heading", { name: fr.completeTitle })).toBeVisible(DELIVERED);
    const [contact] = await contactsOf(email);
    await expect(page.locator(".fg-panel--success")).toContainText(contact.number);
    expect(contact).toMatchObject({ clubId: "1", state: "prospect" });
  });

  test("an email already registered at this club is stopped on page 1, kindly and without the contact's data", async ({ page }) => {
    await emailPage(page, "deja.inscrit@example.fr");
    await expect(summary(page)).toBeFocused();
    await expect(summary(page).getByRole("link")).toHaveText([fr.emailRegistered]);
    await expect(page.locator("#root_email__error")).toContainText(fr.emailRegistered);
    await expect(emailField(page)).toHaveAttribute("aria-invalid", "true");
    await expect(progress(page)).toHaveText("Étape 1 sur 3");
    await expect(page.locator("body")).not.toContainText("John");
    // A former client of another club of the chain cannot be moved here either.
    await emailField(page).fill("ancien.marseille@example.fr");
    await next(page).click();
    await expect(summary(page).getByRole("link")).toHaveText([fr.emailNotTransferable]);
    await expect(progress(page)).toHaveText("Étape 1 sur 3");
  });

  test("the email widget says it is checking only once the check takes a while, as Next's button does", async ({ page }) => {
    await page.goto("/register/club");
    await expect(progress(page)).toHaveText("Étape 1 sur 3");
    // Every state the status line takes, however briefly, with how long after Next's click.
    await page.evaluate(() => {
      const w = window as unknown as { said: Array<[string, number]>; clicked: number };
      w.said = [];
      document.addEventListener("click", () => (w.clicked = performance.now()), true);
      const status = document.getElementById("root_email__status")!;
      new MutationObserver(() => w.said.push([status.textContent ?? "", performance.now() - w.clicked])).observe(status, { childList: true, characterData: true, subtree: true });
    });
    const checkingSaid = () =>
      page.evaluate((checking) => (window as unknown as { said: Array<[string, number]> }).said.filter(([text]) => text === checking).map(([, after]) => after), fr.checking);
    // An answer in time moves on with nothing said in between (whatever this machine's speed, never within 150 ms).
    await emailField(page).fill(unique("rapide"));
    await next(page).click();
    await expect(progress(page)).toHaveText("Étape 2 sur 3");
    for (const after of await checkingSaid()) expect(after).toBeGreaterThanOrEqual(150);
    // A slow one: the widget says so while it waits, in its polite live region.
    await page.getByRole("button", { name: fr.back }).click();
    await expect(progress(page)).toHaveText("Étape 1 sur 3");
    // The check rides with the page's own (one request for Next).
    await page.route("**/validate", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    await emailField(page).fill(unique("lente"));
    await next(page).click();
    await expect(page.locator("#root_email__status")).toHaveText(fr.checking);
    await expect(progress(page)).toHaveText("Étape 2 sur 3");
    for (const after of await checkingSaid()) expect(after).toBeGreaterThanOrEqual(150);
  });

  test("a prospect of another club chooses to continue, and the sandbox migrates them once", async ({ page }) => {
    const email = unique("prospect");
    expect((await resamania("POST", "contacts", { email, clubId: "2", state: "prospect" })).status).toBe(201);
    await emailPage(page, email);
    const status = page.locator("#root_email__status");
    await expect(status).toHaveText(fr.emailTransferable);
    await expect(status).toHaveAttribute("aria-live", "polite");
    await expect(summary(page).getByRole("link")).toHaveText([fr.emailTransferChoose]);
    // The verdict and its choice pass axe (WCAG 2.2 AA), and the choice is reached by its label.
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(violations.map((violation) => violation.id)).toEqual([]);
    await page.getByLabel(fr.emailTransferLabel).check();
    await next(page).click();
    await expect(progress(page)).toHaveText("Étape 2 sur 3");
    // The choice survives a reload (it is kept in the draft with the answers).
    await page.reload();
    await expect(progress(page)).toHaveText("Étape 2 sur 3");
    await aboutYou(page);
    await address(page);
    await send(page).click();
    await expect(page.getByRole("heading", { name: fr.completeTitle })).toBeVisible(DELIVERED);
    const migrations = (await (await resamania("GET", `migrations?email=${encodeURIComponent(email)}`)).json()).migrations;
    expect(migrations).toEqual([expect.objectContaining({ club: "1" })]);
    const contacts = await contactsOf(email);
    expect(contacts).toEqual([expect.objectContaining({ clubId: "1", state: "prospect" })]);
    await expect(page.locator(".fg-panel--success")).toContainText(contacts[0].number);
  });

  test("an email registered between the check and the submit lands back on page 1 with the error", async ({ page }) => {
    const email = unique("entre-temps");
    await emailPage(page, email);
    await expect(progress(page)).toHaveText("Étape 2 sur 3");
    await aboutYou(page);
    await address(page);
    expect((await resamania("POST", "contacts", { email, clubId: "1" })).status).toBe(201);
    await send(page).click();
    await expect(progress(page)).toHaveText("Étape 1 sur 3");
    await expect(summary(page).getByRole("link")).toHaveText([fr.emailTaken]);
    await expect(page.locator("#root_email__error")).toContainText(fr.emailTaken);
    expect(await contactsOf(email)).toHaveLength(1);
  });

  test("the vendor unavailable during the submit: received, then delivered once", async ({ page }) => {
    const email = unique("panne");
    await emailPage(page, email);
    await aboutYou(page);
    await address(page);
    await resamania("POST", "faults", { mode: "down", routes: "registration" });
    try {
      await send(page).click();
      await expect(page.getByRole("heading", { name: fr.receivedTitle })).toBeVisible({ timeout: 15_000 });
      expect(await contactsOf(email)).toHaveLength(0);
    } finally {
      await resamania("DELETE", "faults");
    }
    await expect(page.getByRole("heading", { name: fr.completeTitle })).toBeVisible({ timeout: 40_000 });
    expect(await contactsOf(email)).toHaveLength(1);
  });

  // Last: the form keeps the field it learned for the rest of this server's life.
  test("a field the club's configuration requires appears on the fly, and the submit then succeeds", async ({ page }) => {
    const email = unique("mobile");
    await resamania("PUT", "required", { fields: ["mobile"] });
    try {
      await emailPage(page, email);
      await aboutYou(page);
      await expect(page.getByLabel("Téléphone mobile")).toHaveCount(0);
      await address(page);
      await send(page).click();
      // The page loads again with the field, and the person is taken to it.
      const mobile = page.getByLabel("Téléphone mobile");
      await expect(mobile).toBeVisible();
      await expect(progress(page)).toHaveText("Étape 3 sur 3");
      await expect(summary(page)).toContainText("Téléphone mobile");
      await expect(page.locator("#root_mobile__error")).toContainText(fr.required.replace("{field}", "Téléphone mobile"));
      await expect(page.getByLabel("Numéro et rue")).toHaveValue("52 chemin du test");
      await mobile.fill("06 12 34 56 78");
      await next(page).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(fr.reviewTitle);
      await send(page).click();
      await expect(page.getByRole("heading", { name: fr.completeTitle })).toBeVisible(DELIVERED);
      expect(await contactsOf(email)).toEqual([expect.objectContaining({ mobile: "+33612345678" })]);
    } finally {
      await resamania("PUT", "required", { fields: [] });
    }
  });
});

test.describe("a Resamania delivery through an outage and a crash", () => {
  test.describe.configure({ timeout: 120_000 });
  test.afterEach(stopAll);

  test("vendor 503 during the submit, app killed: delivered later, once, migration included", async () => {
    const token = "durability-resamania-token";
    const sandbox = createResamaniaSandbox({ token });
    const server = await startSandboxServer(sandbox, { mount: "/sandbox/resamania" });
    const vendor = (method: string, path: string, body?: unknown) =>
      fetch(`${server.url}/_sandbox/${path}`, { method, headers: controlHeaders(), body: body === undefined ? undefined : JSON.stringify(body) });
    const options = { baseUrl: server.url, clientToken: "demoapi", clubId: "1", networkNodeId: "1", sourceId: "7", tokenEnv: "RESAMANIA_TOKEN", network: true, timeoutMs: 2000 };
    const env = {
      FORMS_CONFIG: writeFormsConfig({ forms: [{ id: "club", title: "Club", connector: "resamania", options }] }),
      RESAMANIA_TOKEN: token,
      DATA_DIR: tempDir("formgate-resamania-"),
      SUBMIT_INLINE_WAIT_MS: "300",
      DELIVERY_BASE_DELAY_MS: "200",
      DELIVERY_MAX_DELAY_MS: "1000",
      DELIVERY_MAX_ATTEMPTS: "1000",
      APP_ENCRYPTION_KEY: "22".repeat(32),
      RATE_LIMITS: "0",
    };
    const email = `${uniqueUsername("crash")}@example.fr`;
    expect((await vendor("POST", "contacts", { email, clubId: "2", state: "prospect" })).status).toBe(201);
    let app = await startApp(3611, env);
    try {
      expect((await fetch(`${app.url}/api/forms/club`)).status).toBe(200);
      await vendor("POST", "faults", { mode: "503", routes: "registration" });
      const submit = await fetch(`${app.url}/api/forms/club/submit`, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Idempotency-Key": randomUUID() },
        body: JSON.stringify({ data: { email, givenName: "Camille", familyName: "Martin", birthDate: "1994-06-02" }, choices: { transfer: true } }),
      });
      expect(submit.status).toBe(202);
      const { submissionId } = (await submit.json()) as { submissionId: string };
      await app.crash();
      app = await startApp(3611, env);
      await vendor("DELETE", "faults");
      await expect.poll(async () => (await (await fetch(`${app.url}/api/submissions/${submissionId}`)).json()).status, { timeout: 30_000 }).toBe("delivered");
      expect(sandbox.contacts(email)).toEqual([expect.objectContaining({ clubId: "1", state: "prospect", sourceId: "7" })]);
      expect(sandbox.migrations()).toHaveLength(1);
      expect(sandbox.requests().createContact).toBeGreaterThan(1); // refused while down, then once through
    } finally {
      await app.stop();
      await server.close();
    }
  });
});

test.describe("the email check, as an API", () => {
  // It starts a server of its own (startApp allows a cold start 60 s).
  test.describe.configure({ timeout: 120_000 });
  test.afterEach(stopAll);

  test("validates its input in the page's language, answers a verdict only, refuses other sites, and is rate-limited", async () => {
    const app = await startApp(3612, { DATA_DIR: tempDir("formgate-email-check-"), RATE_LIMIT_EMAIL: "7/1m" });
    const check = (body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${app.url}/api/forms/club/checks/email`, { method: "POST", headers: { "Content-Type": "application/json", "Accept-Language": "fr", ...headers }, body: JSON.stringify(body) });
    try {
      // A form without an email check says so.
      const none = await fetch(`${app.url}/api/forms/members/checks/email`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ value: "a@example.nl" }) });
      expect(none.status).toBe(404);
      const bad = await check({ value: "pas-une-adresse" });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: fr.formatEmail });
      expect((await check({ value: 42 })).status).toBe(400);
      const known = await check({ value: "deja.inscrit@example.fr" });
      expect(await known.json()).toEqual({ verdict: "registered" });
      expect(known.headers.get("ratelimit-policy")).toBeTruthy();
      expect(await (await check({ value: "prospect.toulon@example.fr" })).json()).toEqual({ verdict: "transferable" });
      expect((await check({ value: "a@example.fr" }, { Origin: "https://evil.example" })).status).toBe(403);
      // Next asks it with the page's validation (one request), counted against the same limits.
      const validate = async (body: unknown) => {
        const response = await fetch(`${app.url}/api/forms/club/validate`, { method: "POST", headers: { "Content-Type": "application/json", "Accept-Language": "fr" }, body: JSON.stringify(body) });
        return { status: response.status, body: await response.json() };
      };
      expect(await validate({ page: 1, data: { email: "deja.inscrit@example.fr" }, checks: ["email"] })).toMatchObject({ status: 200, body: { errors: {}, checks: { email: "registered" } } });
      // No check asked, or a page without the address, or none well formed: the page's errors alone.
      expect((await validate({ page: 1, data: { email: "deja.inscrit@example.fr" } })).body).not.toHaveProperty("checks");
      expect((await validate({ page: 2, data: { email: "deja.inscrit@example.fr" }, checks: ["email"] })).body).not.toHaveProperty("checks");
      const malformed = await validate({ page: 1, data: { email: "pas-une-adresse" }, checks: ["email"] });
      expect(malformed.body).not.toHaveProperty("checks");
      expect(malformed.body.errors).toHaveProperty("email");
      expect(await validate({ page: 1, data: {}, checks: ["username"] })).toEqual({ status: 400, body: { error: 'checks.0: must be "email"' } });
      // The seventh check of the minute is answered, the eighth is not: over the limit, the page's
      // errors come alone with no verdict (null: the vendor could not say), and the check's own route refuses.
      expect(await validate({ page: 1, data: { email: "nouveau@example.fr" }, checks: ["email"] })).toMatchObject({ status: 200, body: { checks: { email: "new" } } });
      expect(await validate({ page: 1, data: { email: "nouveau@example.fr" }, checks: ["email"] })).toMatchObject({ status: 200, body: { errors: {}, checks: { email: null } } });
      const limited = await check({ value: "nouveau@example.fr" });
      expect(limited.status).toBe(429);
      expect(limited.headers.get("retry-after")).toBeTruthy();
      await limited.body?.cancel();
    } finally {
      await app.stop();
    }
  });
});
