import { expect, test } from "@playwright/test";
import { control } from "./support/sandbox";
import { DELIVERED, goNext, next, progress, uniqueUsername } from "./support/wizard";

// The DNL demo form (lib/config/demo.ts) against the built-in sandbox: the inferred sign-up
// (POST /v1/registration) answers the new registration's id, which the confirmation shows.

test("the DNL form signs up and shows the id DNL returned as the registration number", async ({ page }) => {
  const username = uniqueUsername("dnl").replace(/\./g, "_").slice(0, 40);
  await page.goto("/register/dnl");
  // The page shown: the wizard keeps the next one rendered out of sight, with labels like these ("City").
  const shown = page.locator(".fg-page:not([hidden])");
  await expect(progress(page)).toHaveText("Step 1 of 4");
  await shown.getByLabel("Client name").fill("Northwind Voice");
  await shown.getByLabel("Username").fill(username);
  await shown.getByLabel("Password").fill("correct horse battery");
  await shown.getByLabel("Email address", { exact: true }).fill("ops@northwind.example");
  await goNext(page, "Step 2 of 4");
  await shown.getByLabel("Company name").fill("Northwind Telecom B.V.");
  await shown.getByLabel("Phone number").fill("020 123 4567");
  await goNext(page, "Step 3 of 4");
  await shown.getByLabel("Street address").fill("Herengracht 1");
  await shown.getByLabel("City").fill("Amsterdam");
  await shown.getByLabel("Country").selectOption({ label: "Netherlands" });
  await goNext(page, "Step 4 of 4");
  await next(page).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
  await page.getByRole("button", { name: "Submit" }).click();
  const body = page.locator(".fg-panel--success");
  await expect(body).toContainText(/Your registration number is \d+\./, DELIVERED);
  const reference = Number(/number is (\d+)\./.exec((await body.textContent()) ?? "")?.[1]);

  // The sandbox holds the record under that id, flat in DNL's names, the phone in E.164.
  const found = (await (await control("GET", `registrations?username=${encodeURIComponent(username)}`, undefined, "dnl")).json()) as { registrations: Array<Record<string, unknown>> };
  expect(found.registrations).toEqual([
    expect.objectContaining({ id: reference, username, client_name: "Northwind Voice", main_email: "ops@northwind.example", company: "Northwind Telecom B.V.", phone: "+31201234567", address: "Herengracht 1", city: "Amsterdam", country: "NL", status: "new" }),
  ]);
});
