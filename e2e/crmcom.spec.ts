import AxeBuilder from "@axe-core/playwright";
import { expect, test, type FrameLocator, type Page } from "@playwright/test";
import { en } from "@/lib/i18n/en";
import { nl } from "@/lib/i18n/nl";
import { APP_PORT, APP_URL } from "../playwright.config";
import { startHostServer, type HostServer } from "./support/host-server";
import { clearSandboxFaults, control, sandboxFault } from "./support/sandbox";
import { dateGroup, DELIVERED, next, progress, uniqueUsername } from "./support/wizard";

/**
 * The CRM.COM sign-up (demo form `crmcom`) against the app's built-in sandbox: by email
 * with the verification link, by phone with the code the sandbox "sends" (read from its
 * outbox through the control API), a vendor failure midway, and the phone path in an embed.
 */
type Scope = Page | FrameLocator;

const crmcom = (method: string, path: string, body?: unknown) => control(method, path, body, "crmcom");
const outbox = async (to: string): Promise<Array<{ code?: string; link?: string }>> =>
  (await (await crmcom("GET", `outbox?to=${encodeURIComponent(to)}`)).json()).messages;
const contactBy = async (query: string) => (await (await crmcom("GET", `contacts?${query}`)).json()).contacts[0];
const stats = async (): Promise<{ registrations: number; requests: Record<string, number> }> => (await crmcom("GET", "stats")).json();
/** A Cypriot mobile number no other test uses: 99 and six digits. */
const uniquePhone = () => `99${String(Date.now() % 1_000_000).padStart(6, "0")}`;

async function signInPage(scope: Scope, identity: { email: string } | { phone: string }) {
  await expect(progress(scope)).toHaveText("Step 1 of 4");
  if ("email" in identity) {
    await scope.getByLabel("My email address and a password").check();
    await scope.getByLabel("Email address", { exact: true }).fill(identity.email);
    await scope.getByLabel("Password", { exact: true }).fill("s3cret-pass");
    // The strength rule is there to read, and the password can be shown.
    await expect(scope.getByText(/At least 8 characters, with at least one letter and one digit/)).toBeVisible();
    await scope.getByRole("button", { name: en.passwordShow }).click();
    await expect(scope.getByLabel("Password", { exact: true })).toHaveAttribute("type", "text");
  } else {
    await scope.getByLabel("My mobile phone number and a code by SMS").check();
    await scope.getByLabel("Mobile phone number", { exact: true }).fill(identity.phone);
  }
  await next(scope).click();
}

async function restOfForm(scope: Scope) {
  await expect(progress(scope)).toHaveText("Step 2 of 4");
  await scope.getByLabel("First name").fill("Eleni");
  await scope.getByLabel("Last name").fill("Georgiou");
  const birth = dateGroup(scope, "Date of birth");
  await birth.getByLabel("Day").fill("7");
  await birth.getByLabel("Month").fill("5");
  await birth.getByLabel("Year").fill("1990");
  await scope.getByLabel("Female", { exact: true }).check();
  await next(scope).click();
  await expect(progress(scope)).toHaveText("Step 3 of 4");
  await scope.getByLabel("Street and number").fill("Elia Papakyriakou 1");
  await scope.getByLabel("Town or city").fill("Nicosia");
  await scope.getByLabel("Postal code").fill("2000");
  await scope.getByLabel("Country").selectOption({ label: "Cyprus" });
  await next(scope).click();
  await expect(progress(scope)).toHaveText("Step 4 of 4");
  await scope.getByLabel("I accept the terms of service").check();
  await scope.getByLabel("Send me offers by email").check();
  await next(scope).click();
  await expect(scope.getByRole("heading", { level: 1 })).toHaveText(en.reviewTitle);
  await scope.getByRole("button", { name: "Submit" }).click();
}

const codeField = (scope: Scope) => scope.getByLabel(en.codeLabel, { exact: true });

test.afterEach(() => clearSandboxFaults("crmcom"));

test("the sign-in page shows the fields each way of signing in needs before its checks are there, and their arrival changes nothing", async ({ page }) => {
  // The page's validator (its part .1.js) held back until the person is busy on the page.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const asked: string[] = [];
  await page.route(/\/validator\/[^/]+\.1\.js$/, async (route) => {
    asked.push(route.request().url());
    await held;
    await route.continue();
  });
  await page.goto("/register/crmcom", { waitUntil: "networkidle" });
  // Its condition (the way chosen) is one the page decides itself: nothing is loaded for it up front.
  expect(asked).toEqual([]);
  await page.getByLabel("My mobile phone number and a code by SMS").check();
  await expect(page.getByLabel("Mobile phone number", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
  await page.getByLabel("My email address and a password").check();
  await expect(page.getByLabel("Mobile phone number", { exact: true })).toHaveCount(0);
  await page.getByLabel("Password", { exact: true }).fill("s3cret-pass");
  await page.getByRole("button", { name: en.passwordShow }).click();
  const email = page.getByLabel("Email address", { exact: true });
  await email.click();
  await page.keyboard.type("eleni@");
  await email.evaluate((field: HTMLElement) => (field.dataset.before = "yes"));
  expect(asked.length).toBeGreaterThan(0);
  release();
  await page.waitForLoadState("networkidle");
  // The same field, still focused, with what was typed; typing goes on in it.
  await expect(page.locator("#root_email")).toHaveAttribute("data-before", "yes");
  await expect(email).toBeFocused();
  await page.keyboard.type("example.com");
  await expect(email).toHaveValue("eleni@example.com");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("type", "text");
  await expect(page.getByRole("button", { name: en.passwordHide })).toHaveAttribute("aria-pressed", "true");
});

test("a link prefills the email, which only signing in by email asks for, and never the password", async ({ page }) => {
  await page.goto("/register/crmcom?provider=EMAIL&email=anna%40example.com&password=s3cret-pass");
  await expect(page.getByLabel("My email address and a password")).toBeChecked();
  await expect(page.getByLabel("Email address", { exact: true })).toHaveValue("anna@example.com");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
});

test("by email: registered with the follow-up calls, then the emailed link confirms the address", async ({ page }) => {
  const email = `${uniqueUsername("eleni")}@example.com`;
  await page.goto("/register/crmcom");
  await signInPage(page, { email });
  await restOfForm(page);
  await expect(page.getByRole("heading", { name: en.completeTitle })).toBeVisible(DELIVERED);
  const contact = await contactBy(`email=${encodeURIComponent(email)}`);
  await expect(page.locator(".fg-panel--success")).toContainText(contact.code);
  expect(contact).toMatchObject({
    is_verified: false,
    email_opt_out: false,
    sms_opt_out: true,
    consent_state: "ACCEPTED",
    demographics: { gender: "FEMALE", date_of_birth: { year: 1990, month: 5, day: "7" } },
  });
  expect(contact.addresses).toEqual([expect.objectContaining({ address_type: "HOME", country_code: "CY", town_city: "Nicosia" })]);

  const [mail] = await outbox(email);
  expect(mail.link).toMatch(new RegExp(`^${APP_URL}/verify-email/crmcom\\?token=`));
  await page.goto(mail.link!);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.verifyEmailTitle);
  await expect(page.getByRole("status")).toContainText(en.verifyEmailDone);
  expect((await contactBy(`email=${encodeURIComponent(email)}`)).is_verified).toBe(true);
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze()).violations).toEqual([]);
  // Used once; in the person's language.
  await page.goto(`${mail.link}&lang=nl`);
  await expect(page.getByRole("status")).toContainText(nl.verifyEmailFailed);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
});

test("by phone: a wrong code is an error on the code, a new code after the cooldown, the right one finishes the registration", async ({ page }) => {
  const national = uniquePhone();
  const e164 = `+357${national}`;
  await page.goto("/register/crmcom");
  await signInPage(page, { phone: `${national.slice(0, 2)} ${national.slice(2)}` });
  await restOfForm(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.codeHeading);
  await expect(page.getByText(`Enter the code we sent to +35799***${national.slice(-3)}`)).toBeVisible();
  await expect(page.getByText("Tries left: 3.")).toBeVisible();
  await expect(page.getByRole("button", { name: en.codeResend })).toBeDisabled();
  expect((await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"]).analyze()).violations).toEqual([]);

  // Nothing typed: said at the field, nothing sent.
  await page.getByRole("button", { name: en.codeSubmit }).click();
  await expect(page.locator(".fg-error-message")).toContainText(en.codeRequired);
  const [first] = await outbox(e164);
  await codeField(page).fill(first.code === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: en.codeSubmit }).click();
  await expect(page.locator(".fg-error-message")).toContainText(en.codeWrong);
  await expect(codeField(page)).toHaveAttribute("aria-invalid", "true");
  await expect(codeField(page)).toBeFocused();
  await expect(page.getByText("Tries left: 2.")).toBeVisible();

  // The cooldown (10 s in the demo form) ends, and a new code goes out.
  await expect(page.getByRole("button", { name: en.codeResend })).toBeEnabled({ timeout: 15_000 });
  await page.getByRole("button", { name: en.codeResend }).click();
  await expect(page.getByRole("status")).toContainText(`We sent a new code to +35799***${national.slice(-3)}.`);
  await expect(page.getByText("Tries left: 3.")).toBeVisible();
  const messages = await outbox(e164);
  expect(messages).toHaveLength(2);

  await codeField(page).fill(messages[1].code!);
  await page.getByRole("button", { name: en.codeSubmit }).click();
  await expect(page.getByRole("heading", { name: en.completeTitle })).toBeVisible(DELIVERED);
  const contact = await contactBy(`phone=${encodeURIComponent(e164)}`);
  await expect(page.locator(".fg-panel--success")).toContainText(contact.code);
  expect(contact).toMatchObject({ is_verified: true, phone: { phone_number: national, country_code: "CYP" }, consent_state: "ACCEPTED", demographics: { gender: "FEMALE" } });
  expect(contact.addresses).toHaveLength(1);
});

test("the vendor fails between register and address: the registration is finished later, registered once", async ({ page }) => {
  const email = `${uniqueUsername("later")}@example.com`;
  const before = await stats();
  // Retry-After 5 s: longer than the submit waits inline, so the worker finishes it.
  await sandboxFault({ mode: "503", count: 1, route: "addAddress", retryAfterSeconds: 5 }, "crmcom");
  await page.goto("/register/crmcom");
  await signInPage(page, { email });
  await restOfForm(page);
  await expect(page.getByRole("heading", { name: en.receivedTitle })).toBeVisible();
  await expect(page.getByRole("heading", { name: en.completeTitle })).toBeVisible({ timeout: 20_000 });
  const after = await stats();
  expect(after.registrations - before.registrations).toBe(1);
  expect(after.requests.register - (before.requests.register ?? 0)).toBe(1);
  expect(after.requests.addAddress - (before.requests.addAddress ?? 0)).toBe(2);
  expect((await contactBy(`email=${encodeURIComponent(email)}`)).addresses).toHaveLength(1);
});

test.describe("inside a club's page", () => {
  let host: HostServer;
  test.beforeAll(async () => {
    host = await startHostServer(APP_PORT + 1);
  });
  test.afterAll(() => host?.close());

  test("by phone in the embed: the host hears the person is verifying, then confirmed; the referral code came from the page", async ({ page }) => {
    host.page("/join", `<script src="${APP_URL}/embed.js" data-form="crmcom" data-prefill-referral_code="FRIEND-ANNA" data-loading="eager" async></script>`);
    await page.goto(`${host.origin()}/join`);
    const frame = page.frameLocator("iframe.formgate-frame");
    const national = uniquePhone();
    await signInPage(frame, { phone: national });
    await restOfForm(frame);
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText(en.codeHeading);
    await expect.poll(async () => (await page.evaluate(() => (window as unknown as { __events: Array<{ type: string }> }).__events)).map((e) => e.type)).toContain("verifying");
    const [sms] = await outbox(`+357${national}`);
    await codeField(frame).fill(sms.code!);
    await frame.getByRole("button", { name: en.codeSubmit }).click();
    await expect(frame.getByRole("heading", { name: en.completeTitle })).toBeVisible(DELIVERED);
    const types = (await page.evaluate(() => (window as unknown as { __events: Array<{ type: string }> }).__events)).map((e) => e.type);
    expect(types.slice(types.indexOf("submitted"))).toEqual(["submitted", "verifying", "confirmed"]);
    expect(await contactBy(`phone=${encodeURIComponent(`+357${national}`)}`)).toMatchObject({ referral_code: "FRIEND-ANNA", is_verified: true });
  });
});
