import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { APP_ENV } from "../playwright.config";
import { startApp, stopAll, tempDir } from "./support/app-server";
import { clearSandboxFaults, sandboxRegistrations } from "./support/sandbox";
import { FORM_PLANS, MEMBERS, WALK_SERVER_WAIT_MS, walkStates } from "./support/states";
import { startHostServer } from "./support/host-server";
import { DELIVERED, next, progress, summary, tabTo, uniqueUsername } from "./support/wizard";

// WCAG 2.2 AA in Chromium: axe on every state of every demo form, the embed and the
// error pages. axe is injected with page.evaluate (DevTools protocol), which the app's
// CSP (nonce + strict-dynamic, no unsafe-eval) does not govern: no bypassCSP needed.

// On a server of its own (E2E_PORT + 3, fresh DATA_DIR), so that this spec runs alongside the others
// (project "own-servers" in playwright.config.ts) and no sandbox fault they set on the suite's server reaches
// it; its short SUBMIT_INLINE_WAIT_MS makes the walks' "received" state quick to reach.
const PORT = Number(process.env.E2E_PORT ?? 3100) + 3;
const APP_URL = `http://127.0.0.1:${PORT}`;
test.use({ baseURL: APP_URL });
test.beforeAll(() => startApp(PORT, { ...APP_ENV, DATA_DIR: tempDir("formgate-a11y-"), SUBMIT_INLINE_WAIT_MS: String(WALK_SERVER_WAIT_MS) }));
test.afterAll(() => stopAll());
test.afterEach(() => clearSandboxFaults(undefined, APP_URL));

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The languages the members form is checked in: its default (English, no ?lang=), then ?lang=nl and ?lang=fr. */
const LOCALES: (string | undefined)[] = [undefined, "nl", "fr"];

async function expectNoViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  // Each violation with where it is and axe's own explanation (the colours and ratio of a contrast failure).
  const found = violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.map((node) => `  ${node.target.join(" ")}: ${node.failureSummary}`).join("\n")}`,
  );
  expect(found, `axe in state "${state}"`).toEqual([]);
}

for (const plan of FORM_PLANS) {
  const locales = plan.id === "members" ? LOCALES : [undefined];
  for (const locale of locales) {
    test(`axe finds nothing in any state of the ${plan.id} form (${locale ?? "default language"})`, async ({ page }) => {
      test.setTimeout(120_000);
      await walkStates(page, plan, (state) => expectNoViolations(page, state), locale);
    });
  }
}

test("axe finds nothing in any state of the members form in the dark palette", async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ colorScheme: "dark" });
  await walkStates(page, MEMBERS, (state) => expectNoViolations(page, state));
});

test("axe finds nothing on the error pages", async ({ page }) => {
  for (const [path, status] of [
    ["/no-such-page", 404],
    ["/register/no-such-form", 404],
    ["/embed/no-such-form", 404],
  ] as const) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(status);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoViolations(page, path);
  }
});

test("axe finds nothing in the embedded form on a light and a dark host page, before and after an empty Next", async ({ page }) => {
  const host = await startHostServer();
  try {
    for (const [path, colours] of [
      ["/light", { background: "#ffffff", text: "#1b1b1b" }],
      ["/dark", { background: "#10243e", text: "#f5f5f5" }],
    ] as const) {
      host.page(path, `<script src="${APP_URL}/embed.js" data-form="members" async></script>`, colours);
      await page.goto(`${host.origin()}${path}`);
      const frame = page.frameLocator(".formgate-embed > iframe");
      await expect(next(frame)).toBeVisible();
      // The frame is transparent: its text is read against the host's background, which axe
      // cannot see through a frame (it assumes white). Paint that background in the frame.
      const backdrop = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await frame.locator("body").evaluate((body: HTMLElement, colour) => void (body.style.backgroundColor = colour), backdrop);
      await expectNoViolations(page, `embed on ${path}`);
      await next(frame).click();
      await expect(summary(frame)).toBeFocused();
      await expect(next(frame)).toBeEnabled(); // the server's verdict is in too
      await expectNoViolations(page, `embed on ${path} with errors`);
    }
  } finally {
    await host.close();
  }
});

test("the members form is completed with the keyboard alone, and focus lands where it should", async ({ page }) => {
  const username = uniqueUsername("keys");
  const heading = page.getByRole("heading", { level: 1 });
  const focused = (selector: string) => expect(page.locator(selector)).toBeFocused();
  const tab = (key = "Tab") => page.keyboard.press(key);
  await page.goto("/register/members");

  // An empty Next: focus on the error summary (the browser's verdict). The server's verdict,
  // held back here, replaces the words but leaves focus where the person has moved it since.
  let releaseServer = () => {};
  const serverHeld = new Promise<void>((resolve) => (releaseServer = resolve));
  // Its words differ from the browser's where the vendor has a message the app has no words for.
  await page.route("**/api/forms/members/validate", async (route) => {
    await serverHeld;
    const answer = (await (await route.fetch()).json()) as { errors: Record<string, string>; languages?: Record<string, string> };
    await route.fulfill({ json: { ...answer, errors: { ...answer.errors, username: "Deze gebruikersnaam is niet toegestaan" }, languages: { ...answer.languages, username: "nl" } } });
  });
  await tabTo(page, page.locator("#root_username"));
  await tabTo(page, next(page));
  await page.keyboard.press("Enter");
  await expect(summary(page)).toBeFocused();
  await tab();
  const firstError = summary(page).getByRole("link").first();
  await expect(firstError).toBeFocused();
  releaseServer();
  await expect(firstError).toHaveText("Username: Deze gebruikersnaam is niet toegestaan");
  await expect(firstError).toBeFocused();
  await page.unroute("**/api/forms/members/validate");
  await page.keyboard.press("Enter");
  await focused("#root_username");

  await page.keyboard.type(username);
  await expect(page.locator("#root_username__status")).toHaveText(`${username} is available`);
  await tab();
  await page.keyboard.type(`${username}@example.nl`);
  await tab();
  await focused("#root_password");
  await tab("Shift+Tab");
  await focused("#root_email");
  await tab();
  await page.keyboard.type("correct horse battery");
  // The password's Show button comes next (GOV.UK's password input), then Next.
  await tab();
  await expect(page.getByRole("button", { name: "Show password" })).toBeFocused();
  await tab();
  await expect(next(page)).toBeFocused();
  await page.keyboard.press("Space");
  // Next: focus on the new page's heading.
  await expect(progress(page)).toHaveText("Step 2 of 4");
  await expect(heading).toBeFocused();

  for (const [id, text] of [
    ["root_first_name", "Anna"],
    ["root_name", "Jansen"],
    ["root_birth_date", "1"],
    ["root_birth_date_month", "4"],
    ["root_birth_date_year", "1990"],
  ]) {
    await tabTo(page, page.locator(`#${id}`));
    await page.keyboard.type(text);
  }
  // A radio group is one Tab stop; the arrow keys move through it and choose.
  await tab();
  await focused("#root_gender");
  await page.keyboard.press("Space");
  await expect(page.getByLabel("Female", { exact: true })).toBeChecked();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Male", { exact: true })).toBeFocused();
  await expect(page.getByLabel("Male", { exact: true })).toBeChecked();
  await page.keyboard.press("ArrowUp");
  await expect(page.getByLabel("Female", { exact: true })).toBeChecked();
  await tab();
  await expect(next(page)).toBeFocused();
  await tab();
  await expect(page.getByRole("button", { name: "Back" })).toBeFocused();
  await page.keyboard.press("Enter");
  // Back: focus on the earlier page's heading, the answers still there.
  await expect(progress(page)).toHaveText("Step 1 of 4");
  await expect(heading).toBeFocused();
  await expect(page.locator("#root_username")).toHaveValue(username);

  // Enter in a text box is Next.
  await tab();
  await focused("#root_username");
  await page.keyboard.press("Enter");
  await expect(progress(page)).toHaveText("Step 2 of 4");
  await expect(heading).toBeFocused();
  await tabTo(page, next(page));
  await page.keyboard.press("Enter");
  await expect(progress(page)).toHaveText("Step 3 of 4");
  await expect(heading).toBeFocused();

  for (const [id, text] of [
    ["root_address_street", "Fortweg"],
    ["root_address_number", "9"],
    ["root_address_postcode", "3992LX"],
    ["root_address_town", "Houten"],
    ["root_address_country", "Netherlands"], // a select chooses the option typed
  ]) {
    await tabTo(page, page.locator(`#${id}`));
    await page.keyboard.type(text);
  }
  await expect(page.getByLabel("Country").locator("option:checked")).toHaveText("Netherlands");
  await tabTo(page, next(page));
  await page.keyboard.press("Enter");
  await expect(progress(page)).toHaveText("Step 4 of 4");
  await expect(heading).toBeFocused();

  await tab();
  await focused("#root_membership");
  await page.keyboard.press("Space");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByLabel("Junior (under 18)")).toBeChecked();
  await page.keyboard.press("ArrowUp");
  await expect(page.getByLabel("Senior", { exact: true })).toBeChecked();
  await tabTo(page, page.getByLabel("I accept the terms and conditions"));
  await page.keyboard.press("Space");
  await tabTo(page, next(page));
  await page.keyboard.press("Enter");
  await expect(heading).toHaveText("Check your answers");
  await expect(heading).toBeFocused();

  // Submit: focus on the confirmation's heading.
  await tabTo(page, page.getByRole("button", { name: "Submit" }));
  await page.keyboard.press("Enter");
  await expect(heading).toHaveText(/Registration (received|complete)/);
  await expect(heading).toBeFocused();
  await expect(heading).toHaveText("Registration complete", DELIVERED);
  expect(await sandboxRegistrations({ username }, APP_URL)).toEqual([expect.objectContaining({ name: "Jansen" })]);
});

/** The theme's focus colour (--fg-focus): an outline of it, or a band of it with a dark edge (links, buttons). */
const FOCUS_YELLOW = "rgb(255, 221, 0)";

test("every element reached with Tab shows the focus indicator, in every state of the members form", async ({ page }) => {
  test.setTimeout(120_000);
  await walkStates(page, MEMBERS, async (state) => {
    // A click on the page's top edge: the next Tab starts at the top.
    await page.mouse.click(1, 1);
    const seen: string[] = [];
    const invisible: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      const focus = await page.evaluate((yellow) => {
        const element = document.activeElement;
        if (!element || element === document.body) return undefined;
        const style = getComputedStyle(element);
        const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2 && style.outlineColor === yellow;
        const band = style.backgroundColor === yellow && style.boxShadow !== "none";
        return { name: `${element.tagName.toLowerCase()}#${element.id}.${element.className} "${element.textContent?.trim().slice(0, 30)}"`, visible: outline || band };
      }, FOCUS_YELLOW);
      if (!focus || seen.includes(focus.name)) break;
      seen.push(focus.name);
      if (!focus.visible) invisible.push(focus.name);
    }
    expect(seen.length, `tab stops in ${state}`).toBeGreaterThan(0);
    expect(invisible, `elements without a visible focus in ${state}`).toEqual([]);
  });
});

test("at 320 CSS pixels wide nothing scrolls sideways, in any state of the members form or on the error page", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 320, height: 640 });
  const check = async (state: string) => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth), `page width in ${state}`).toBeLessThanOrEqual(320);
  };
  await walkStates(page, MEMBERS, check);
  await page.goto("/register/no-such-form");
  await check("form not found");
});

test("text at 200% loses nothing: no sideways scrolling, no clipped text, in any state of the members form", async ({ page }) => {
  test.setTimeout(120_000);
  await walkStates(page, MEMBERS, async (state) => {
    // Text-only zoom as browsers do it: the root font size doubles, and every size is in rem or em.
    const problems = await page.evaluate(() => {
      document.documentElement.style.fontSize = "200%";
      const found: string[] = [];
      if (getComputedStyle(document.documentElement).fontSize !== "32px") found.push("the text did not grow");
      if (document.documentElement.scrollWidth > document.documentElement.clientWidth) found.push("the page scrolls sideways");
      for (const element of document.querySelectorAll<HTMLElement>("body *")) {
        if (element.closest(".fg-visually-hidden, .fg-honeypot, script, style") || !element.checkVisibility()) continue;
        const style = getComputedStyle(element);
        const clips = style.overflowX !== "visible" || style.overflowY !== "visible";
        const name = `${element.tagName.toLowerCase()}#${element.id}.${element.className}`;
        if (clips && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1) && !/^(INPUT|SELECT|TEXTAREA)$/.test(element.tagName)) {
          found.push(`${name} clips its content`);
        }
        if (element.getBoundingClientRect().right > document.documentElement.clientWidth + 1) found.push(`${name} runs off the page`);
      }
      return found;
    });
    expect(problems, `at 200% text in ${state}`).toEqual([]);
  });
});

test("the username check is announced by a live region while focus stays in the field", async ({ page }) => {
  await page.goto("/register/members");
  const input = page.getByLabel("Username");
  const status = page.locator("#root_username__status");
  // A live region is announced only when it exists before its text changes.
  await expect(status).toHaveAttribute("aria-live", "polite");
  await expect(status).toBeEmpty();
  expect((await input.getAttribute("aria-describedby"))?.split(" ")).toContain("root_username__status");

  await input.focus();
  const username = uniqueUsername("live");
  await page.keyboard.type(username);
  await expect(status).toHaveText(`${username} is available`);
  await expect(input).toBeFocused();

  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("jdevries");
  await expect(status).toHaveText("jdevries is not available");
  await expect(input).toBeFocused();
});

test("with reduced motion nothing moves: no animation or transition in any state of the members form", async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: "reduce" });
  const moving = () =>
    page.evaluate(() => {
      const found = document.getAnimations().map((animation) => `animation on ${(animation.effect as KeyframeEffect | null)?.target?.className}`);
      for (const element of document.querySelectorAll("*")) {
        const style = getComputedStyle(element);
        if (style.transitionDuration.split(",").some((duration) => parseFloat(duration) > 0)) found.push(`transition on ${element.className}`);
      }
      return found;
    });
  await walkStates(page, MEMBERS, async (state) => {
    expect(await moving(), state).toEqual([]);
    if (state.endsWith("received")) {
      // The same state without the preference has its spinner turning: the check sees motion where there is some.
      await page.emulateMedia({ reducedMotion: "no-preference" });
      expect(await moving()).not.toEqual([]);
      await page.emulateMedia({ reducedMotion: "reduce" });
    }
  });
});
