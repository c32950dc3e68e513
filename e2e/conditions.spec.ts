import { expect, test } from "@playwright/test";
import { createProcuriosSandbox } from "@/lib/connectors/procurios/sandbox";
import { controlHeaders, startSandboxServer } from "@/lib/testing/sandbox-server";
import { startApp, stopAll, tempDir, writeFormsConfig } from "./support/app-server";
import { next, summary } from "./support/wizard";

// A form with several conditions (allOf of if/then), on an app of its own: RJSF needs its
// allOf merge for it, which the browser loads only for such forms (lib/bundle/all-of-merge.ts).

const PORT = 3208;
const TOKEN = "conditions-vendor-token";

test.afterAll(stopAll);

test("a form with several conditions shows each conditional field while its condition holds", async ({ page }) => {
  const vendor = await startSandboxServer(createProcuriosSandbox({ token: TOKEN }), { mount: "/sandbox/procurios" });
  const when = (value: string, field: string, title: string) => ({
    if: { properties: { contact: { const: value } }, required: ["contact"] },
    then: { properties: { [field]: { type: "string", title, minLength: 3 } }, required: [field] },
  });
  const schema = {
    type: "object",
    required: ["name", "contact"],
    properties: {
      name: { type: "string", title: "Name" },
      contact: { type: "string", title: "How may we reach you?", enum: ["email", "phone", "post"] },
    },
    allOf: [when("email", "email_address", "Email address"), when("phone", "phone_number", "Phone number")],
  };
  const configured = await fetch(`${vendor.url}/_sandbox/sets/910`, { method: "PUT", headers: controlHeaders(), body: JSON.stringify({ title: "Contact", schema }) });
  expect(configured.status).toBe(204);
  const app = await startApp(PORT, {
    FORMS_CONFIG: writeFormsConfig({
      forms: [{ id: "contact", title: "Contact", connector: "procurios", options: { baseUrl: vendor.url, registrationSetId: 910, tokenEnv: "PROCURIOS_TOKEN" } }],
    }),
    DATA_DIR: tempDir("formgate-conditions-"),
    PROCURIOS_TOKEN: TOKEN,
  });
  try {
    await page.goto(`${app.url}/register/contact`);
    await page.getByLabel("Name").fill("Anna");
    await expect(page.getByLabel("Email address")).toHaveCount(0);
    await page.getByLabel("email", { exact: true }).check();
    await expect(page.getByLabel("Email address")).toBeVisible();
    await expect(page.getByLabel("Phone number")).toHaveCount(0);
    await page.getByLabel("phone", { exact: true }).check();
    await expect(page.getByLabel("Phone number")).toBeVisible();
    await expect(page.getByLabel("Email address")).toHaveCount(0);
    await page.getByLabel("Phone number").fill("12");
    await next(page).click();
    await expect(summary(page).getByRole("link")).toHaveText(["Phone number must be 3 characters or more"]);
    await page.getByLabel("post", { exact: true }).check();
    await expect(page.getByLabel("Phone number")).toHaveCount(0);
    await next(page).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
    await expect(page.locator("dl")).not.toContainText("Phone number");
  } finally {
    await app.stop();
    await vendor.close();
  }
});
