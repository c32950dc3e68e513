import { type Browser, expect, type Page, test } from "@playwright/test";
import { type AppServer, startApp, stopAll, tempDir } from "./support/app-server";
import { type OidcServer, startOidcProvider } from "./support/oidc-provider";

// Staff sign in through OpenID Connect: the app beside a real provider on a port of its own,
// discovery, the code flow with PKCE and state, the provider's signed ID token. The provider
// says who someone is; the console lets in only an enabled staff account with that verified email.

test.describe.configure({ mode: "serial", timeout: 120_000 });

const PORT = 3209;
const APP = `http://127.0.0.1:${PORT}`;
const PEOPLE = {
  ana: { email: "ana@club.example", email_verified: true, name: "Ana Admin" },
  desk: { email: "desk@club.example", email_verified: true, name: "Dirk Desk" },
  // Known to the provider, unknown to the console.
  eve: { email: "eve@elsewhere.example", email_verified: true, name: "Eve" },
  // Claims the admin's address, which the provider has not verified.
  mallory: { email: "ana@club.example", email_verified: false, name: "Mallory" },
};

let provider: OidcServer;
let app: AppServer;

test.beforeAll(async () => {
  provider = await startOidcProvider(`${APP}/api/auth/callback/oidc`, PEOPLE);
  app = await startApp(PORT, {
    DATA_DIR: tempDir("formgate-oidc-"),
    // The first admin needs no password where the provider signs people in.
    STAFF_ADMIN_EMAIL: PEOPLE.ana.email,
    STAFF_OIDC_ISSUER: provider.issuer,
    STAFF_OIDC_CLIENT_ID: provider.clientId,
    STAFF_OIDC_CLIENT_SECRET: provider.clientSecret,
    STAFF_OIDC_NAME: "the club's account",
  });
});
test.afterAll(async () => {
  await app?.stop();
  stopAll();
  await provider?.close();
});

/** From the console's sign-in page through the provider's login and consent, back to the app. */
async function signInThroughProvider(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: APP })).newPage();
  await page.goto("/staff");
  await expect(page).toHaveURL(/\/staff\/sign-in\?callbackUrl=%2Fstaff$/);
  await page.getByRole("button", { name: "Sign in with the club's account" }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/interaction/`));
  await page.locator("input[name=login]").fill(login);
  await page.locator("input[name=password]").fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`^${APP}/staff`));
  return page;
}

test("the first admin signs in with the provider, adds a desk account without a password, which then signs in the same way", async ({ browser }) => {
  const admin = await signInThroughProvider(browser, "ana");
  await expect(admin.getByRole("heading", { level: 1 })).toHaveText("Staff console");
  await expect(admin.getByText("Signed in as")).toContainText("ana@club.example (admin)");

  await admin.goto("/staff/accounts");
  await admin.getByLabel("Email address").fill(PEOPLE.desk.email);
  await admin.getByLabel("Role").selectOption("staff");
  await admin.getByRole("button", { name: "Add the account" }).click();
  await expect(admin.getByRole("status")).toContainText(`Account ${PEOPLE.desk.email} added.`);

  const desk = await signInThroughProvider(browser, "desk");
  await expect(desk.getByRole("heading", { level: 1 })).toHaveText("Staff console");
  await expect(desk.getByText("Signed in as")).toContainText("desk@club.example (staff)");
  // A staff member, not an admin: the accounts page is not theirs.
  await desk.goto("/staff/accounts");
  await expect(desk).toHaveURL(`${APP}/staff?denied=admin`);
  await expect(desk.getByText("That page needs the admin role.")).toBeVisible();

  // Both sign-ins are in the audit log, by the provider.
  await admin.goto("/staff/audit?action=sign_in");
  const rows = admin.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "desk@club.example" })).toContainText("oidc");
  await expect(rows.filter({ hasText: "ana@club.example" })).toContainText("oidc");
});

test("someone the provider knows but the console does not, or whose email the provider has not verified, is refused and told why", async ({ browser }) => {
  for (const login of ["eve", "mallory"]) {
    const page = await signInThroughProvider(browser, login);
    await expect(page).toHaveURL(/\/staff\/sign-in\?error=AccessDenied/);
    await expect(page.locator(".fg-staff-error")).toHaveText("This account may not use the staff console: an administrator must add it first.");
    // No session came of it.
    await page.goto("/staff");
    await expect(page).toHaveURL(/\/staff\/sign-in\?callbackUrl=/);
  }
});
