import { expect, type Page } from "@playwright/test";
import { clearSandboxFaults, sandboxFault } from "./sandbox";
import { summary, uniqueUsername } from "./wizard";

/**
 * Every state a person meets in a demo form, reached without reading a word of the
 * page (ids, roles and classes only), so the same walk works in every language.
 */

/**
 * Answers by element id: text is typed, `true` ticks a radio or checkbox, and a country
 * select gets the region code, chosen by the name the page's language gives it.
 */
export type PageAnswers = Record<string, string | true>;

export interface FormPlan {
  id: string;
  /** One entry per page: valid answers for it; `{}` for a page of optional fields only (an empty Next shows no errors). */
  pages: () => PageAnswers[];
  /** The built-in sandbox the form uses (default "procurios"). */
  vendor?: string;
}

export const MEMBERS: FormPlan = {
  id: "members",
  pages: (): PageAnswers[] => {
    const username = uniqueUsername("a11y");
    return [
      { root_username: username, root_email: `${username}@example.nl`, root_password: "correct horse battery" },
      { root_first_name: "Anna", root_name: "Jansen", root_birth_date: "1", root_birth_date_month: "4", root_birth_date_year: "1990", root_gender: true },
      { root_address_street: "Fortweg", root_address_number: "9", root_address_postcode: "3992LX", root_address_town: "Houten", root_address_country: "NL" },
      { root_membership: true, root_terms: true },
    ];
  },
};

export const DEMO: FormPlan = {
  id: "demo",
  pages: (): PageAnswers[] => [
    { root_first_name: "Anna", root_name: "Toegankelijk" },
    { root_address_street: "Fortweg", root_address_number: "9", root_address_postcode: "3992LX", root_address_town: "Houten", root_address_country: "NL" },
  ],
};

/** The fitness club (Resamania): an address no club of the chain knows, so the email check lets it through. */
export const CLUB: FormPlan = {
  id: "club",
  vendor: "resamania",
  pages: (): PageAnswers[] => [
    { root_email: `${uniqueUsername("a11y")}@example.fr` },
    { root_givenName: "Camille", root_familyName: "Martin", root_birthDate: "2", root_birthDate_month: "6", root_birthDate_year: "1994", root_gender: true },
    { root_address_streetAddress: "52 chemin du test", root_address_postalCode: "83390", root_address_addressLocality: "Toulon", root_address_addressCountry: "FR" },
  ],
};

/** The PurePro customer form on its BACS path: the conditional payment page, the nested address rules, an optional last page. */
export const PUREPRO: FormPlan = {
  id: "purepro",
  vendor: "purepro",
  pages: (): PageAnswers[] => [
    { root_Name: "Axe Accessibility Ltd", root_Email: "axe@acme.example" },
    { root_InvoiceDeliveryMethod: true, root_Currency: true, root_ApprovalFrequency: "60" },
    { root_PayMethod: true, root_BacsOption: true, root_Bank_AccountName: "Axe Accessibility Ltd", root_Bank_AccountNumber: "12345678", root_Bank_SortCode: "601613" },
    { root_Address_Address1: "1 High Street", root_Address_Town: "London", root_Address_Postcode: "SW1A 1AA" },
    {},
  ],
};

/** The CRM.COM sign-up by email (the provider's default): a conditional first page, a date, a nested address, consents. */
export const CRMCOM: FormPlan = {
  id: "crmcom",
  vendor: "crmcom",
  pages: (): PageAnswers[] => {
    const name = uniqueUsername("a11y");
    return [
      { root_provider: true, root_email: `${name}@example.com`, root_password: "s3cret-pass" },
      { root_first_name: "Eleni", root_last_name: "Georgiou", root_date_of_birth: "7", root_date_of_birth_month: "5", root_date_of_birth_year: "1990" },
      { root_address_address_line_1: "Elia Papakyriakou 1", root_address_town_city: "Nicosia", root_address_country_code: "CY" },
      { root_service_acceptance: true },
    ];
  },
};

/** DNL's sign-up: its required fields only; the billing page is optional. */
export const DNL: FormPlan = {
  id: "dnl",
  vendor: "dnl",
  pages: (): PageAnswers[] => {
    const username = uniqueUsername("a11y").replace(/\./g, "_");
    return [
      { root_client_name: "Axe Voice", root_username: username, root_password: "correct horse battery", root_main_email: "axe@voice.example" },
      { root_company: "Axe Voice B.V.", root_phone: "020 123 4567" },
      { root_address_street: "Herengracht 1", root_address_country: "NL" },
      {},
    ];
  },
};

export const FORM_PLANS = [MEMBERS, DEMO, CLUB, PUREPRO, CRMCOM, DNL];

/** The form's page in a language; the languages work adds `?lang=`, the default needs none. */
export function formUrl(formId: string, locale?: string): string {
  return locale ? `/register/${formId}?lang=${locale}` : `/register/${formId}`;
}

export async function fillById(page: Page, answers: PageAnswers) {
  for (const [id, value] of Object.entries(answers)) {
    const field = page.locator(`[id="${id}"]`);
    if (value === true) await field.check();
    else if ((await field.evaluate((element) => element.tagName)) === "SELECT") {
      const label = await page.evaluate((code) => new Intl.DisplayNames([document.documentElement.lang, "en"], { type: "region" }).of(code), value);
      await field.selectOption({ label });
    } else await field.fill(value);
  }
  // A username is checked while typing: Next waits for the verdict anyway, the walk too.
  await expect(page.locator(".fg-status--checking")).toHaveCount(0);
}

// Visible ones: the pages the wizard keeps rendered out of sight have their buttons too.
export const nextButton = (page: Page) => page.locator(".fg-form .fg-actions button[type=submit]:visible");
export const submitButton = (page: Page) => page.locator(".fg-actions .fg-button:not(.fg-button--secondary):visible");

/**
 * The SUBMIT_INLINE_WAIT_MS of the server e2e/accessibility.spec.ts walks on: a second, not the default 5,
 * as the walks make the vendor slower than it once each (thirteen walks).
 */
export const WALK_SERVER_WAIT_MS = 1_000;

/**
 * Walks a form from its first page to the confirmation and calls `check` in each state:
 * every page empty, every page with the errors of an empty Next, the review, "received"
 * (the vendor slower than the server waits: the registration is accepted but not yet
 * delivered) and "complete".
 */
export async function walkStates(page: Page, plan: FormPlan, check: (state: string) => Promise<void>, locale?: string) {
  const pages = plan.pages();
  await page.goto(formUrl(plan.id, locale));
  for (const [index, answers] of pages.entries()) {
    const step = `${plan.id} page ${index + 1}`;
    await expect(page.locator(".fg-progress__steps li").nth(index)).toHaveAttribute("aria-current", "step");
    await expect(summary(page)).toHaveCount(0);
    await check(step);
    if (Object.keys(answers).length === 0) {
      await nextButton(page).click();
      continue;
    }
    await nextButton(page).click();
    await expect(summary(page)).toBeFocused();
    await expect(nextButton(page)).toBeEnabled(); // the server's verdict is in too
    await check(`${step} with errors`);
    await fillById(page, answers);
    await nextButton(page).click();
  }
  await expect(page.locator(".fg-summary-list")).toBeVisible();
  await check(`${plan.id} review`);

  // The server waits SUBMIT_INLINE_WAIT_MS for the vendor; one answer a second slower leaves the registration
  // "received". The page then asks where it stands (GET /api/submissions/{id}); those answers are held until
  // the check is done, so the page stays "received" however long the check takes on a busy machine.
  const origin = new URL(page.url()).origin;
  const statusRoute = "**/api/submissions/*";
  let checked = () => {};
  const held = new Promise<void>((resolve) => (checked = resolve));
  await page.route(statusRoute, async (route) => {
    await held;
    await route.continue();
  });
  await sandboxFault({ mode: "slow", delayMs: WALK_SERVER_WAIT_MS + 1_000, count: 1, routes: "registration" }, plan.vendor, origin);
  try {
    await submitButton(page).click();
    await expect(page.locator(".fg-panel--pending")).toBeVisible({ timeout: WALK_SERVER_WAIT_MS + 10_000 });
    await check(`${plan.id} received`);
  } finally {
    checked();
    await clearSandboxFaults(plan.vendor, origin);
  }
  await expect(page.locator(".fg-panel--success")).toBeVisible({ timeout: 30_000 });
  await page.unroute(statusRoute);
  await check(`${plan.id} complete`);
}
