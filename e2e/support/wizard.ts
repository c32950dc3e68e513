import { expect, type FrameLocator, type Locator, type Page } from "@playwright/test";

/** The form on its own page, or inside an embed's iframe. */
type Scope = Page | FrameLocator;

export const next = (page: Scope) => page.getByRole("button", { name: "Next", exact: true });
export const summary = (page: Scope) => page.locator(".fg-error-summary[role=alert]");
export const progress = (page: Scope) => page.locator(".fg-progress__text");
/**
 * How long a sent registration may take to read "complete": the server's inline wait (5 s),
 * else "received" and the page's status polls (1 s, 1.5 s, 2.25 s …) until the vendor's answer.
 */
export const DELIVERED = { timeout: 20_000 };

let counter = 0;
/** A username no test has used in this server's lifetime. */
export function uniqueUsername(prefix = "e2e"): string {
  counter += 1;
  return `${prefix}.${Date.now().toString(36)}.${counter}`;
}

export async function fillAccount(page: Scope, username: string) {
  await page.getByLabel("Username").fill(username);
  await expect(page.locator("#root_username__status")).toHaveText(`${username} is available`);
  await page.getByLabel("Email address").fill(`${username}@example.nl`);
  await page.getByLabel("Password").fill("correct horse battery");
}

/** A date field: GOV.UK's day, month and year boxes in a group named by its legend. */
export const dateGroup = (page: Scope, legend: string) => page.getByRole("group", { name: legend, exact: true });

export async function fillDate(page: Scope, legend: string, day: string, month: string, year: string) {
  const group = dateGroup(page, legend);
  await group.getByLabel("Day").fill(day);
  await group.getByLabel("Month").fill(month);
  await group.getByLabel("Year").fill(year);
}

export async function fillAboutYou(page: Scope) {
  await page.getByLabel("First name").fill("Anna");
  await page.getByLabel("Last name").fill("Jansen");
  await fillDate(page, "Birth date", "1", "4", "1990");
  await page.getByLabel("Female", { exact: true }).check();
}

export async function fillAddress(page: Scope) {
  await page.getByLabel("Street").fill("Fortweg");
  await page.getByLabel("Number", { exact: true }).fill("9");
  await page.getByLabel("ZIP code").fill("3992LX");
  await page.getByLabel("Town").fill("Houten");
  await page.getByLabel("Country").selectOption({ label: "Netherlands" });
}

export async function goNext(page: Scope, expectedStep: string) {
  await next(page).click();
  await expect(progress(page)).toHaveText(expectedStep);
}

/** Presses Tab until `target` has the focus (at most 40 times). */
export async function tabTo(page: Page, target: Locator) {
  for (let i = 0; i < 40; i++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach ${target} with Tab`);
}
