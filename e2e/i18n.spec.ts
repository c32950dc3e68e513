import { expect, test, type Page } from "@playwright/test";
import { summary, uniqueUsername } from "./support/wizard";

// The members form offers English, Dutch and French; the vendor (Procurios) answers in Dutch.

const LANGUAGES = {
  nl: {
    step: "Stap 1 van 4",
    heading: "Uw account",
    next: "Volgende",
    problem: "Er is een probleem",
    username: "Gebruikersnaam",
    errors: ["Gebruikersnaam moet minstens 3 tekens lang zijn", "Vul een e-mailadres in de juiste vorm in, zoals naam@voorbeeld.nl", "Vul Wachtwoord in"],
    taken: "jdevries is niet beschikbaar",
  },
  fr: {
    step: "Étape 1 sur 4",
    heading: "Votre compte",
    next: "Suivant",
    problem: "Il y a un problème",
    username: "Nom d’utilisateur",
    errors: ["Nom d’utilisateur doit contenir au moins 3 caractères", "Saisissez une adresse e-mail au bon format, comme nom@exemple.fr", "Renseignez Mot de passe"],
    taken: "jdevries n’est pas disponible",
  },
  en: {
    step: "Step 1 of 4",
    heading: "Your account",
    next: "Next",
    problem: "There is a problem",
    username: "Username",
    errors: ["Username must be 3 characters or more", "Enter an email address in the right format, like name@example.com", "Enter Password"],
    taken: "jdevries is not available",
  },
} as const;

type Language = keyof typeof LANGUAGES;

const htmlLang = (page: Page) => page.locator("html");

for (const [lang, words] of Object.entries(LANGUAGES) as [Language, (typeof LANGUAGES)[Language]][]) {
  test(`?lang=${lang}: the form, its browser checks and the vendor's verdict all speak ${lang}`, async ({ page }) => {
    await page.goto(`/register/members?lang=${lang}`);
    await expect(htmlLang(page)).toHaveAttribute("lang", lang);
    await expect(page.locator(".fg-progress__text")).toHaveText(words.step);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.heading);

    await page.getByLabel(words.username).fill("ab");
    await page.locator("#root_email").fill("not-an-email");
    const validation = page.waitForResponse((response) => response.url().endsWith("/validate"));
    await page.getByRole("button", { name: words.next, exact: true }).click();
    // The server's verdict (the vendor's Dutch messages, in the page's words) says what the browser's does.
    const [username, email, password] = words.errors;
    expect(await (await validation).json()).toEqual({ errors: { username, email, password }, vendorChecked: true });
    await expect(summary(page).getByRole("heading")).toHaveText(words.problem);
    await expect(summary(page).getByRole("link")).toHaveText([...words.errors]);
    await expect(page.locator("#root_password__error")).toContainText(words.errors[2]);
    await expect(page.locator(".fg-error-summary [lang]")).toHaveCount(0);
  });

  test(`?lang=${lang}: the vendor's own "username taken" comes back in ${lang}`, async ({ request }) => {
    const response = await request.post(`/api/forms/members/validate?lang=${lang}`, {
      data: { page: 1, data: { username: "jdevries", email: "jan@example.nl", password: "correct horse battery" } },
    });
    expect(await response.json()).toEqual({ errors: { username: words.taken }, vendorChecked: true });
  });
}

test("a vendor message the app has no words for stays as it came, marked with its language", async ({ page }) => {
  await page.route("**/api/forms/members/validate", (route) =>
    route.fulfill({ json: { errors: { email: "Dit e-mailadres is geblokkeerd" }, languages: { email: "nl" }, vendorChecked: true } }),
  );
  await page.goto("/register/members?lang=fr");
  await page.getByLabel("Nom d’utilisateur").fill(uniqueUsername("lang"));
  await page.locator("#root_email").fill("anna@example.nl");
  await page.getByLabel("Mot de passe").fill("correct horse battery");
  await page.getByRole("button", { name: "Suivant", exact: true }).click();
  await expect(summary(page).getByRole("link")).toHaveText(["Adresse e-mail: Dit e-mailadres is geblokkeerd"]);
  await expect(summary(page).locator('[lang="nl"]')).toHaveText("Dit e-mailadres is geblokkeerd");
  await expect(page.locator('#root_email__error [lang="nl"]')).toHaveText("Dit e-mailadres is geblokkeerd");
});

test("switching language keeps the answers typed so far", async ({ page }) => {
  const username = uniqueUsername("switch");
  await page.goto("/register/members?lang=en&utm_source=e2e");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Email address").fill("anna@example.nl");
  const switcher = page.getByRole("navigation", { name: "Language" });
  await expect(switcher.getByRole("link", { name: "English" })).toHaveAttribute("aria-current", "true");
  await switcher.getByRole("link", { name: "Nederlands" }).click();
  await expect(page).toHaveURL(/[?&]lang=nl/);
  await expect(page).toHaveURL(/utm_source=e2e/);
  await expect(htmlLang(page)).toHaveAttribute("lang", "nl");
  await expect(page.getByLabel("Gebruikersnaam")).toHaveValue(username);
  await expect(page.getByLabel("E-mailadres")).toHaveValue("anna@example.nl");
  await page.getByRole("navigation", { name: "Taal" }).getByRole("link", { name: "Français" }).click();
  await expect(htmlLang(page)).toHaveAttribute("lang", "fr");
  await expect(page.getByLabel("Nom d’utilisateur")).toHaveValue(username);
});

test.describe("without ?lang=", () => {
  test.use({ locale: "fr-BE" });

  test("the browser's Accept-Language chooses among the form's languages", async ({ page }) => {
    await page.goto("/register/members");
    await expect(htmlLang(page)).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Votre compte");
  });

  test("a form that offers one language keeps it, whatever is asked", async ({ page }) => {
    await page.goto("/register/demo?lang=nl");
    await expect(htmlLang(page)).toHaveAttribute("lang", "en");
    await expect(page.getByRole("button", { name: "Next", exact: true })).toBeVisible();
  });
});

test("the embed speaks its data-locale", async ({ page }) => {
  await page.goto("/embed/members?locale=nl");
  await expect(htmlLang(page)).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("button", { name: "Volgende", exact: true })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Taal" })).toHaveCount(0);
});

test("the server's HTML already carries the page's language in <html lang>, before any script runs", async ({ request }) => {
  const langOf = async (path: string, headers: Record<string, string> = {}) => /<html[^>]* lang="([^"]+)"/.exec(await (await request.get(path, { headers })).text())?.[1];
  expect(await langOf("/register/members?lang=fr", { "Accept-Language": "nl" })).toBe("fr");
  expect(await langOf("/register/members", { "Accept-Language": "nl-BE,nl;q=0.9" })).toBe("nl");
  expect(await langOf("/register/members", { "Accept-Language": "de" })).toBe("en");
  // An English-only form stays English whatever is asked; the embed follows data-locale (?locale=), not the browser.
  expect(await langOf("/register/demo?lang=nl", { "Accept-Language": "nl" })).toBe("en");
  expect(await langOf("/embed/members?locale=nl", { "Accept-Language": "fr" })).toBe("nl");
  expect(await langOf("/embed/members", { "Accept-Language": "fr" })).toBe("en");
  // A client cannot choose it with the proxy's own header.
  expect(await langOf("/register/members", { "Accept-Language": "en", "x-formgate-page-language": "fr" })).toBe("en");
});
