import { expect, test, type Page } from "@playwright/test";
import { APP_URL, SANDBOX_CONTROL_TOKEN } from "../playwright.config";
import { next, progress, summary } from "./support/wizard";

// The PurePro demo form (lib/config/demo.ts) against the built-in sandbox: every path the
// conditions open, each delivered and looked up in the sandbox.

interface SandboxCustomer {
  reference: string;
  status: string;
  body: Record<string, any>;
}

async function customersNamed(name: string): Promise<SandboxCustomer[]> {
  const response = await fetch(`${APP_URL}/sandbox/purepro/_sandbox/customers?name=${encodeURIComponent(name)}`, {
    headers: { Authorization: `Bearer ${SANDBOX_CONTROL_TOKEN}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { customers: SandboxCustomer[] }).customers;
}

let counter = 0;
const companyName = (what: string) => `${what} ${Date.now().toString(36)}.${++counter} Ltd`;

async function fillCompany(page: Page, name: string) {
  await page.goto("/register/purepro");
  await expect(progress(page)).toHaveText("Step 1 of 5");
  await page.getByLabel("Company name").fill(name);
  await page.getByLabel("Email address").fill("accounts@acme.example");
  await next(page).click();
  await expect(progress(page)).toHaveText("Step 2 of 5");
}

async function fillBilling(page: Page) {
  await page.getByLabel("Email", { exact: true }).check();
  await page.getByLabel("GBP", { exact: true }).check();
  await page.getByLabel("Approval frequency (minutes)").fill("60");
  await next(page).click();
  await expect(progress(page)).toHaveText("Step 3 of 5");
}

async function fillUkAddress(page: Page) {
  await page.getByLabel("Address line 1").fill("1 High Street");
  await page.getByLabel("Town").fill("London");
  await page.getByLabel("Postcode").fill("sw1a 1aa");
}

/** Address page done: the optional contact page, the review, Submit, and the reference PurePro made. */
async function finish(page: Page, reviewed: string[] = []): Promise<string> {
  await next(page).click();
  await expect(progress(page)).toHaveText("Step 5 of 5");
  await next(page).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  // The review lists the parts the nested conditions hold for.
  for (const text of reviewed) await expect(page.locator(".fg-summary-list")).toContainText(text);
  await page.getByRole("button", { name: "Submit" }).click();
  const body = page.locator(".fg-panel--success");
  await expect(body).toBeVisible({ timeout: 20_000 });
  await expect(body).toContainText(/Your customer reference is CU\d{6}\./);
  const reference = /\b(CU\d{6})\b/.exec((await body.textContent()) ?? "")?.[1];
  expect(reference).toBeDefined();
  return reference!;
}

test.describe("the PurePro customer form", () => {
  test("BACS: bank details asked, a UK address, delivered with the customer reference PurePro generated", async ({ page }) => {
    const name = companyName("Bacs");
    await fillCompany(page, name);
    await fillBilling(page);
    await expect(page.getByLabel("Account name")).toHaveCount(0);
    await page.getByLabel("BACS", { exact: true }).check();
    await page.getByLabel("Standard", { exact: true }).check();
    await page.getByLabel("Account name").fill(name);
    await page.getByLabel("Account number").fill("1234567");
    await page.getByLabel("Sort code").fill("601613");
    await expect(page.getByLabel("IBAN")).toHaveCount(0);
    await next(page).click();
    await expect(summary(page).getByRole("link")).toHaveText(["Account number is not in the right format"]);
    await page.getByLabel("Account number").fill("12345678");
    await next(page).click();
    await expect(progress(page)).toHaveText("Step 4 of 5");
    await page.getByLabel("Address line 1").fill("1 High Street");
    await page.getByLabel("Postcode").fill("SW1A 1AA");
    await next(page).click();
    // At least two lines of the address: the error is on line 2.
    await expect(summary(page).getByRole("link")).toHaveText(["Enter Address line 2"]);
    await fillUkAddress(page);
    const reference = await finish(page);
    const [stored] = await customersNamed(name);
    expect(stored).toMatchObject({ reference, status: "Active", body: { PayMethod: "BACS", BacsOption: "Standard", Bank: { AccountNumber: "12345678", SortCode: "601613", InternationalBankAccount: false } } });
    expect(stored.body.Address).toEqual({ InternationalAddress: false, Address1: "1 High Street", Town: "London", Postcode: "SW1A 1AA" });
  });

  test("Cheque: no bank details asked, none sent", async ({ page }) => {
    const name = companyName("Cheque");
    await fillCompany(page, name);
    await fillBilling(page);
    await page.getByLabel("BACS", { exact: true }).check();
    await page.getByLabel("Account name").fill("typed before switching");
    await page.getByLabel("Cheque", { exact: true }).check();
    await expect(page.getByLabel("Account name")).toHaveCount(0);
    await expect(page.getByLabel("Standard", { exact: true })).toHaveCount(0);
    await next(page).click();
    await expect(progress(page)).toHaveText("Step 4 of 5");
    await fillUkAddress(page);
    await finish(page);
    const [stored] = await customersNamed(name);
    expect(stored.status).toBe("Active");
    expect(stored.body.PayMethod).toBe("Cheque");
    expect(stored.body).not.toHaveProperty("Bank");
  });

  test("an international bank account: only with NatWest Bankline International, IBAN and BIC checked, nothing else sent", async ({ page }) => {
    const name = companyName("Intl bank");
    await fillCompany(page, name);
    await fillBilling(page);
    await page.getByLabel("BACS", { exact: true }).check();
    await page.getByLabel("Standard", { exact: true }).check();
    await page.getByLabel("Account name").fill(name);
    await page.getByLabel("Sort code").fill("601613");
    await page.getByLabel("International bank account").check();
    await expect(page.getByLabel("Sort code")).toHaveCount(0);
    await page.getByLabel("IBAN").fill("GB82 WEST 1234 5698 7654 33");
    await page.getByLabel("BIC").fill("NWBK GB2L");
    await next(page).click();
    await expect(summary(page).getByRole("link")).toHaveCount(3);
    for (const message of [
      "International bank account is not possible with the answers given",
      "IBAN must be a real IBAN, like GB82 WEST 1234 5698 7654 32",
      "BIC must be a BIC of 8 or 11 letters and digits, like NWBKGB2L",
    ]) {
      await expect(summary(page).getByRole("link", { name: message })).toHaveCount(1);
    }
    await page.getByLabel("NatWest Bankline International", { exact: true }).check();
    await page.getByLabel("IBAN").fill("GB82 WEST 1234 5698 7654 32");
    await page.getByLabel("BIC").fill("NWBKGB2L");
    await next(page).click();
    await expect(progress(page)).toHaveText("Step 4 of 5");
    await fillUkAddress(page);
    await finish(page, ["IBAN: GB82 WEST 1234 5698 7654 32", "BIC: NWBKGB2L"]);
    await expect(page.getByText("Sort code")).toHaveCount(0);
    const [stored] = await customersNamed(name);
    expect(stored.body.BacsOption).toBe("NatWest Bankline International");
    expect(stored.body.Bank).toEqual({ InternationalBankAccount: true, AccountName: name, IBAN: "GB82WEST12345698765432", BIC: "NWBKGB2L" });
  });

  test("an international address: Country asked, by code or name, and the postcode free", async ({ page }) => {
    const name = companyName("Abroad");
    await fillCompany(page, name);
    await fillBilling(page);
    await page.getByLabel("Cheque", { exact: true }).check();
    await next(page).click();
    await expect(page.getByLabel("Country")).toHaveCount(0);
    await page.getByLabel("The address is outside the United Kingdom").check();
    await page.getByLabel("Address line 1").fill("12 rue de Rivoli");
    await page.getByLabel("Postcode").fill("75001");
    await page.getByLabel("Country").fill("France");
    await next(page).click();
    await expect(summary(page).getByRole("link")).toHaveText(["Enter Address line 2"]);
    await page.getByLabel("Address line 2").fill("Paris");
    const reference = await finish(page, ["Country: France"]);
    const [stored] = await customersNamed(name);
    expect(stored).toMatchObject({ reference, status: "Active" });
    expect(stored.body.Address).toEqual({ InternationalAddress: true, Address1: "12 rue de Rivoli", Address2: "Paris", Postcode: "75001", Country: "France" });
  });

  test("reloaded on the address page, the address still asks its country once it is abroad", async ({ page }) => {
    await fillCompany(page, companyName("Reloaded"));
    await fillBilling(page);
    await page.getByLabel("Cheque", { exact: true }).check();
    await next(page).click();
    await expect(progress(page)).toHaveText("Step 4 of 5");
    await page.reload();
    await expect(progress(page)).toHaveText("Step 4 of 5");
    // The condition is inside the address object: the page still mounts with the validator that decides it.
    await page.getByLabel("The address is outside the United Kingdom").check();
    await expect(page.getByLabel("Country")).toBeVisible();
  });

  test("GB with an international address is refused on the Country field, before anything is sent", async ({ page }) => {
    const name = companyName("Not abroad");
    await fillCompany(page, name);
    await fillBilling(page);
    await page.getByLabel("Cheque", { exact: true }).check();
    await next(page).click();
    await page.getByLabel("The address is outside the United Kingdom").check();
    await page.getByLabel("Address line 1").fill("1 High Street");
    await page.getByLabel("Address line 2").fill("Soho");
    for (const country of ["GB", "United Kingdom"]) {
      await page.getByLabel("Country").fill(country);
      await next(page).click();
      const message = "Country must be a country outside the United Kingdom, as a code (FR) or a name (France)";
      await expect(summary(page).getByRole("link")).toHaveText([message]);
      await expect(page.locator("#root_Address_Country__error")).toContainText(message);
      await expect(page.getByLabel("Country")).toHaveAttribute("aria-invalid", "true");
      await expect(progress(page)).toHaveText("Step 4 of 5");
    }
    await page.getByLabel("Country").fill("IE");
    await next(page).click();
    await expect(progress(page)).toHaveText("Step 5 of 5");
    expect(await customersNamed(name)).toEqual([]);
  });
});
