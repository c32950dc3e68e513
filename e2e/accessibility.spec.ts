import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { APP_URL } from "../playwright.config";
import { clearSandboxFaults } from "./support/sandbox";
import { FORM_PLANS, walkStates } from "./support/states";
import { startHostServer } from "./support/host-server";
import { next, summary } from "./support/wizard";

// WCAG 2.2 AA in Chromium: axe on every state of every demo form, the embed and the
// error pages. axe is injected with page.evaluate (DevTools protocol), which the app's
// CSP (nonce + strict-dynamic, no unsafe-eval) does not govern: no bypassCSP needed.

const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * The languages one form is checked in. undefined is the form's default (no ?lang=);
 * the languages work adds "nl" and "fr" here (→ /register/members?lang=nl).
 */
const LOCALES: (string | undefined)[] = [undefined];

test.afterEach(clearSandboxFaults);

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

test("axe finds nothing on the error pages", async ({ page }) => {
  for (const [path, status] of [
    ["/no-such-page", 404],
    ["/register/no-such-form", 404],
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
      await expectNoViolations(page, `embed on ${path} with errors`);
    }
  } finally {
    await host.close();
  }
});
