import { expect, type Page, test } from "@playwright/test";
import { APP_URL } from "../playwright.config";
import { startApp, stopAll, tempDir } from "./support/app-server";
import { startHostServer, type HostServer } from "./support/host-server";
import { sandboxRegistrations } from "./support/sandbox";
import { dateGroup, DELIVERED, fillAboutYou, fillAccount, fillAddress, fillDate, goNext, next, progress, summary, uniqueUsername } from "./support/wizard";

// The wizard as people expect it: one test per behaviour of the issue of that name.

const heading = (page: Page) => page.getByRole("heading", { level: 1 });

async function fillMembership(page: Page) {
  await page.getByLabel("Senior", { exact: true }).check();
  await page.getByLabel("I accept the terms and conditions").check();
}

/** A person who got as far as "Check your answers" (the draft the wizard keeps in the tab). */
async function atReview(page: Page, username: string) {
  const draft = {
    data: {
      username,
      email: `${username}@example.nl`,
      password: "correct horse battery",
      first_name: "Anna",
      name: "Jansen",
      birth_date: "1990-04-01",
      gender: "Female",
      address: { street: "Fortweg", number: 9, postcode: "3992LX", town: "Houten", country: "NL" },
      phone: "06 12345678",
      membership: "senior",
      terms: true,
    },
    step: 4,
    idempotencyKey: crypto.randomUUID(),
  };
  // Once: a reload afterwards finds the wizard's own draft.
  await page.addInitScript((text) => {
    if (sessionStorage.getItem("test:seeded")) return;
    sessionStorage.setItem("formgate:members", text);
    sessionStorage.setItem("test:seeded", "1");
  }, JSON.stringify(draft));
  await page.goto("/register/members");
  await expect(heading(page)).toHaveText("Check your answers");
}

test.afterEach(stopAll);

test("the next page is ready before Next: rendered ahead out of sight once the person starts, shown by Next, and the page left is kept for Back", async ({ page }) => {
  const username = uniqueUsername("ahead");
  await page.goto("/register/members");
  await expect(page.locator("#root_first_name")).toHaveCount(0);
  await fillAccount(page, username);
  // Rendered ahead, and out of sight: not shown, not in the accessibility tree, so not reachable.
  await expect(page.locator("#root_first_name")).toBeAttached();
  await expect(page.locator("#root_first_name")).toBeHidden();
  await expect(page.getByRole("textbox", { name: "First name" })).toHaveCount(0);
  // Marked outside React: Next shows these very elements, and Back the page left, not new ones.
  await page.locator("#root_first_name").evaluate((field: HTMLElement) => (field.dataset.kept = "yes"));
  await page.locator("#root_username").evaluate((field: HTMLElement) => (field.dataset.kept = "yes"));
  await goNext(page, "Step 2 of 4");
  await expect(heading(page)).toBeFocused();
  await expect(page.getByRole("textbox", { name: "First name" })).toHaveAttribute("data-kept", "yes");
  await expect(page.getByRole("textbox", { name: "Username" })).toHaveCount(0);
  await page.getByRole("button", { name: "Back" }).click();
  await expect(progress(page)).toHaveText("Step 1 of 4");
  await expect(page.getByRole("textbox", { name: "Username" })).toHaveAttribute("data-kept", "yes");
  await expect(page.getByRole("textbox", { name: "Username" })).toHaveValue(username);
  await expect(page.getByRole("textbox", { name: "First name" })).toHaveCount(0);
});

test("Next still checks a page when the browser's checks cannot load (a dropped connection): the server's check decides, and Next can be pressed again", async ({ page }) => {
  const username = uniqueUsername("offline");
  await page.goto("/register/members");
  await page.waitForLoadState("networkidle");
  // From here on no script loads: neither the browser's checks nor the form's validators.
  const refused: string[] = [];
  await page.route(/\/_next\/static\/chunks\/|\/validator\//, (route) => (refused.push(route.request().url()), route.abort()));
  await page.getByLabel("Username").fill(username);
  await next(page).click();
  // The server's words, as the page's browser checks are not there to give theirs.
  await expect(summary(page).getByRole("link")).toHaveText(["Enter Email address", "Enter Password"]);
  expect(refused.length).toBeGreaterThan(0);
  await fillAccount(page, username);
  await goNext(page, "Step 2 of 4");
});

test("browser Back and Forward move between pages with the answers kept, a reload stays, and after the submit Back does not reopen the form", async ({ page }) => {
  const username = uniqueUsername("history");
  await page.goto("/register/members");
  await expect(page).toHaveURL(/[?&]step=1$/);
  await fillAccount(page, username);
  await goNext(page, "Step 2 of 4");
  await expect(page).toHaveURL(/[?&]step=2$/);
  await fillAboutYou(page);
  await goNext(page, "Step 3 of 4");

  await page.goBack();
  await expect(progress(page)).toHaveText("Step 2 of 4");
  await expect(page.getByLabel("First name")).toHaveValue("Anna");
  await page.goBack();
  await expect(progress(page)).toHaveText("Step 1 of 4");
  await expect(page.getByLabel("Username")).toHaveValue(username);
  await page.goForward();
  await expect(progress(page)).toHaveText("Step 2 of 4");
  await page.reload();
  await expect(progress(page)).toHaveText("Step 2 of 4");
  await expect(page.getByLabel("Last name")).toHaveValue("Jansen");
  await page.goForward();
  await expect(progress(page)).toHaveText("Step 3 of 4");

  await fillAddress(page);
  await goNext(page, "Step 4 of 4");
  await fillMembership(page);
  await next(page).click();
  // The reload dropped the password: it is asked for before the review.
  await expect(progress(page)).toHaveText("Step 1 of 4");
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(heading(page)).toHaveText("Check your answers");
  await expect(page).toHaveURL(/[?&]step=review$/);
  await page.goBack();
  await expect(progress(page)).toHaveText("Step 1 of 4");
  await page.goForward();
  await expect(heading(page)).toHaveText("Check your answers");

  await page.getByRole("button", { name: "Submit" }).click();
  await expect(heading(page)).toHaveText("Registration complete", DELIVERED);
  await expect(page).toHaveURL(/[?&]step=done$/);
  await page.goBack();
  await expect(heading(page)).toHaveText("Registration complete");
  await expect(page.getByText("You have already sent this registration.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit" })).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole("button", { name: "Next", exact: true })).toHaveCount(0);
  expect(await sandboxRegistrations({ username })).toHaveLength(1);
});

test.describe("in an embed", () => {
  let host: HostServer;
  test.beforeAll(async () => {
    host = await startHostServer();
  });
  test.afterAll(async () => {
    await host?.close();
  });

  test("the frame's pages add no entries to the host's history: Back leaves the host page, as on any other site", async ({ page }) => {
    host.page("/news", "<p>Club news</p>");
    host.page("/join", `<script src="${APP_URL}/embed.js" data-form="members" async></script>`);
    await page.goto(`${host.origin()}/news`);
    await page.goto(`${host.origin()}/join`);
    const frame = page.frameLocator(".formgate-embed > iframe");
    await fillAccount(frame, uniqueUsername("embedhistory"));
    await goNext(frame, "Step 2 of 4");
    // The frame's own address says where it is, for a reload of the frame.
    await expect.poll(() => page.frames().find((candidate) => candidate !== page.mainFrame())?.url()).toMatch(/[?&]step=2$/);
    await page.goBack();
    await expect(page).toHaveURL(`${host.origin()}/news`);
  });

  test("a site the form does not allow gets a link to the form instead of a broken frame", async ({ page }) => {
    host.page("/elsewhere", `<script src="${APP_URL}/embed.js" data-form="members" data-prefill-action_code="12" async></script>`);
    await page.goto(`${host.origin("127.0.0.2")}/elsewhere?utm_source=club`);
    const link = page.getByRole("link", { name: "Open the form in a new tab" });
    await expect(link).toBeVisible({ timeout: 20_000 });
    await expect(page.locator("iframe")).toHaveCount(0);
    await expect(link).toHaveAttribute("target", "_blank");
    await expect(link).toHaveAttribute("href", `${APP_URL}/register/members?action_code=12&utm_source=club`);
  });
});

test("a date is typed as day, month and year; what was typed stays, and the message says what is wrong", async ({ page, request }) => {
  await page.goto("/register/members");
  await fillAccount(page, uniqueUsername("dates"));
  await goNext(page, "Step 2 of 4");
  await page.getByLabel("First name").fill("Anna");
  await page.getByLabel("Last name").fill("Jansen");
  await page.getByLabel("Female", { exact: true }).check();
  const birth = dateGroup(page, "Birth date");

  await fillDate(page, "Birth date", "30", "02", "1990");
  await next(page).click();
  await expect(summary(page).getByRole("link")).toHaveText(["Birth date must be a real date"]);
  await expect(birth.getByLabel("Day")).toHaveValue("30");
  await expect(birth.getByLabel("Month")).toHaveValue("02");
  await expect(birth.getByLabel("Year")).toHaveValue("1990");
  await expect(birth.getByLabel("Day")).toHaveAttribute("aria-invalid", "true");

  await fillDate(page, "Birth date", "1", "4", "2090");
  await next(page).click();
  await expect(summary(page).getByRole("link")).toHaveText(["Birth date must be in the past"]);
  await fillDate(page, "Birth date", "1", "4", "1890");
  await next(page).click();
  await expect(summary(page).getByRole("link")).toHaveText([/^Birth date must be on or after \w+ \d{1,2}, \d{4}$/]);
  await fillDate(page, "Birth date", "1", "4", "1990");
  await goNext(page, "Step 3 of 4");

  // The server is the authority: the same rules and words for any client.
  const answer = await request.post("/api/forms/members/validate", { data: { page: 2, data: { first_name: "A", name: "B", birth_date: "2090-04-01" } } });
  expect((await answer.json()).errors).toEqual({ birth_date: "Birth date must be in the past" });
});

test("the country is chosen by name, and the vendor gets its code", async ({ page, request }) => {
  const username = uniqueUsername("country");
  await atReview(page, username);
  await page.getByRole("button", { name: "Change Address" }).click();
  const country = page.getByLabel("Country");
  await expect(country.locator("option", { hasText: /^Germany$/ })).toHaveCount(1);
  await country.selectOption({ label: "Belgium" });
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.locator("dl")).toContainText("Country: Belgium");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(heading(page)).toHaveText("Registration complete", DELIVERED);

  const refused = await request.post("/api/forms/members/validate", { data: { page: 3, data: { address: { street: "Fortweg", number: 9, postcode: "3992LX", town: "Houten", country: "Netherlands" } } } });
  expect((await refused.json()).errors).toEqual({ "address.country": "Select a valid option for Country" });
});

test("a phone number is checked, read with the form's country, and sent in the vendor's format", async ({ page }) => {
  const username = uniqueUsername("phone");
  await atReview(page, username);
  await page.getByRole("button", { name: "Change Phone number" }).click();
  await expect(page.getByLabel("Phone number")).toHaveAttribute("type", "tel");
  await page.getByLabel("Phone number").fill("abc");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(summary(page).getByRole("link")).toHaveText(["Phone number must be a real phone number, like 06 12345678 or +31 6 12345678"]);
  await page.getByLabel("Phone number").fill("06 1234");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(summary(page).getByRole("link")).toHaveText(["Phone number must be a real phone number, like 06 12345678 or +31 6 12345678"]);
  await page.getByLabel("Phone number").fill("06 87654321");
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(heading(page)).toHaveText("Registration complete", DELIVERED);
  expect((await sandboxRegistrations({ username }))[0]).toMatchObject({ phone: "+31687654321" });
});

test("each required part of the address is marked and reported on its own field", async ({ page }) => {
  await atReview(page, uniqueUsername("parts"));
  await page.getByRole("button", { name: "Change Address" }).click();
  for (const label of ["Street", "Number", "ZIP code", "Town"]) await page.getByLabel(label, { exact: true }).fill("");
  await page.getByLabel("Country").selectOption("");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(summary(page).getByRole("link")).toHaveText(["Enter Street", "Enter Number", "Enter ZIP code", "Enter Town", "Select Country"]);
  await expect(page.locator("#root_address_postcode__error")).toContainText("Enter ZIP code");
  await expect(page.locator("#root_address_postcode")).toHaveAttribute("aria-invalid", "true");
  const required = page.locator(".fg-object label.fg-required:visible");
  await expect(required).toHaveText(["Street", "Number", "ZIP code", "Town", "Country"]);
});

test("a password a reload dropped is asked for once, on its field, before the review", async ({ page }) => {
  const username = uniqueUsername("retype");
  await page.goto("/register/members");
  await fillAccount(page, username);
  await goNext(page, "Step 2 of 4");
  await fillAboutYou(page);
  await page.reload();
  await expect(progress(page)).toHaveText("Step 2 of 4");
  await goNext(page, "Step 3 of 4");
  await fillAddress(page);
  await goNext(page, "Step 4 of 4");
  await fillMembership(page);
  await next(page).click();

  await expect(progress(page)).toHaveText("Step 1 of 4");
  const password = page.getByLabel("Password");
  await expect(password).toBeFocused();
  const note = page.locator("#root_password__note");
  await expect(note).toHaveText("Type your password again: for your safety it is not kept when the page is reloaded.");
  expect((await password.getAttribute("aria-describedby"))?.split(" ")).toContain("root_password__note");
  await password.fill("correct horse battery");
  // The note stays while the page is shown: nothing moves as the person reaches for Continue.
  await expect(note).toBeVisible();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(heading(page)).toHaveText("Check your answers");
  await expect(page.locator("dl")).toContainText("Entered (not shown)");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(heading(page)).toHaveText("Registration complete", DELIVERED);
});

test("a username check's verdict goes with the value it checked", async ({ page }) => {
  await page.goto("/register/members");
  const username = page.getByLabel("Username");
  await username.fill("jdevries");
  await expect(page.locator("#root_username__status")).toHaveText("jdevries is not available");
  await next(page).click();
  await expect(page.locator("#root_username__error")).toContainText("jdevries is not available");
  const free = uniqueUsername("fresh");
  await username.fill(free);
  await expect(page.locator("#root_username__status")).toHaveText(`${free} is available`);
  await expect(page.locator("#root_username__error")).toHaveCount(0);
  await expect(summary(page)).not.toContainText("jdevries");
});

test("the page title names the step and the form, with Error: while errors are shown", async ({ page }) => {
  await page.goto("/register/members");
  await expect(page).toHaveTitle("Your account (step 1 of 4) – Become a member");
  await next(page).click();
  await expect(summary(page)).toBeVisible();
  await expect(page).toHaveTitle("Error: Your account (step 1 of 4) – Become a member");
  await atReview(page, uniqueUsername("title"));
  await expect(page).toHaveTitle("Check your answers – Become a member");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page).toHaveTitle("Registration complete – Become a member", DELIVERED);
});

test("the confirmation says what happens next, in the form's words", async ({ page }) => {
  await atReview(page, uniqueUsername("nextsteps"));
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(heading(page)).toHaveText("Registration complete", DELIVERED);
  await expect(page.getByRole("heading", { level: 2, name: "What happens next" })).toBeVisible();
  await expect(page.getByText("Your first training is free")).toBeVisible();
  await expect(page.getByRole("link", { name: "See the training schedule" })).toHaveAttribute("href", "https://example.org/training");
});

test("first run: the built-in sandbox answers in process, so the first form never waits for its own route", async ({ browser }) => {
  // APP_URL points where nothing listens: the app cannot reach its own /sandbox route over
  // HTTP, as under `next dev` while that route is still compiling.
  const app = await startApp(3801, { DATA_DIR: tempDir("formgate-firstrun-"), APP_URL: "http://127.0.0.1:9", MIN_FILL_MS: "0" });
  const page = await browser.newPage();
  try {
    await page.goto(`${app.url}/register/members`);
    await expect(heading(page)).toHaveText("Your account");
    await page.getByLabel("Username").fill("firstrun");
    await expect(page.locator("#root_username__status")).toHaveText("firstrun is available");
  } finally {
    await page.close();
  }
});

test("every page has a favicon: no 404 on load", async ({ page, request }) => {
  const missing: string[] = [];
  page.on("response", (response) => response.status() === 404 && missing.push(response.url()));
  await page.goto("/register/members");
  await expect(heading(page)).toHaveText("Your account");
  const icon = await request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/^image\//);
  await expect(page.locator('link[rel="icon"]')).not.toHaveCount(0);
  expect(missing).toEqual([]);
});

test("what was typed a moment ago is kept: Enter, Back, the browser's Back and a reload right after the last keystroke lose nothing", async ({ page }) => {
  const username = uniqueUsername("typed");
  await page.goto("/register/members");
  await fillAccount(page, username);
  // Keystrokes, then Enter at once: the form goes on with the whole address.
  await page.getByLabel("Email address").fill("");
  await page.getByLabel("Email address").pressSequentially(`${username}@typed.example.nl`);
  await page.keyboard.press("Enter");
  await expect(progress(page)).toHaveText("Step 2 of 4");

  // Keystrokes, then the form's Back button at once, then Next: the first name is still there.
  await page.getByLabel("First name").pressSequentially("Annabel");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(progress(page)).toHaveText("Step 1 of 4");
  await expect(page.getByLabel("Email address")).toHaveValue(`${username}@typed.example.nl`);
  await goNext(page, "Step 2 of 4");
  await expect(page.getByLabel("First name")).toHaveValue("Annabel");

  // Keystrokes, then the browser's Back and Forward.
  await page.getByLabel("Last name").pressSequentially("Jansen");
  await page.goBack();
  await expect(progress(page)).toHaveText("Step 1 of 4");
  await page.goForward();
  await expect(progress(page)).toHaveText("Step 2 of 4");
  await expect(page.getByLabel("Last name")).toHaveValue("Jansen");

  // Keystrokes, then a reload: the draft has them.
  await page.getByLabel("Last name").press("End");
  await page.getByLabel("Last name").pressSequentially("-Smit");
  await page.reload();
  await expect(progress(page)).toHaveText("Step 2 of 4");
  await expect(page.getByLabel("Last name")).toHaveValue("Jansen-Smit");
  await expect(page.getByLabel("First name")).toHaveValue("Annabel");
});

test("what is typed before the page's scripts have run is heard once they have: the username is checked and Next goes on", async ({ page }) => {
  const username = uniqueUsername("early");
  let release!: () => void;
  const scriptsMayLoad = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/_next/static/**/*.js", async (route) => {
    await scriptsMayLoad;
    await route.continue();
  });
  await page.goto("/register/members", { waitUntil: "domcontentloaded" });
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Email address").fill(`${username}@example.nl`);
  await page.getByLabel("Password").fill("correct horse battery");
  await expect(page.locator("#root_username__status")).not.toHaveText(`${username} is available`);
  release();
  await expect(page.locator("#root_username__status")).toHaveText(`${username} is available`);
  await goNext(page, "Step 2 of 4");
  await page.getByRole("button", { name: "Back" }).click();
  await expect(page.getByLabel("Email address")).toHaveValue(`${username}@example.nl`);
  await expect(page.getByLabel("Password")).toHaveValue("correct horse battery");
});
