import { expect, test } from "@playwright/test";
import { createProcuriosSandbox } from "@/lib/connectors/procurios/sandbox";
import { controlHeaders, startSandboxServer } from "@/lib/testing/sandbox-server";
import { startApp, stopAll, tempDir, writeFormsConfig } from "./support/app-server";
import { next, summary } from "./support/wizard";

// Forms with conditions, on an app of their own: several (allOf of if/then), for which RJSF needs
// its allOf merge, which the browser loads only for such forms (lib/bundle/all-of-merge.ts); and
// one only the page's validator can decide, which the page is mounted again for once it is there.

const PORT = 3208;
const TOKEN = "conditions-vendor-token";

test.afterAll(stopAll);

/** The vendor's set 910 with `schema`, and an app whose one form ("contact") is it. */
async function formApp(schema: Record<string, unknown>) {
  const vendor = await startSandboxServer(createProcuriosSandbox({ token: TOKEN }), { mount: "/sandbox/procurios" });
  const configured = await fetch(`${vendor.url}/_sandbox/sets/910`, { method: "PUT", headers: controlHeaders(), body: JSON.stringify({ title: "Contact", schema }) });
  expect(configured.status).toBe(204);
  const app = await startApp(PORT, {
    FORMS_CONFIG: writeFormsConfig({
      forms: [{ id: "contact", title: "Contact", connector: "procurios", options: { baseUrl: vendor.url, registrationSetId: 910, tokenEnv: "PROCURIOS_TOKEN" } }],
    }),
    DATA_DIR: tempDir("formgate-conditions-"),
    PROCURIOS_TOKEN: TOKEN,
  });
  return {
    url: app.url,
    async stop() {
      await app.stop();
      await vendor.close();
    },
  };
}

test("a form with several conditions shows each conditional field while its condition holds", async ({ page }) => {
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
  const app = await formApp(schema);
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
  }
});

test("a condition only the page's validator decides: the page is mounted again once it is there, the field typed in kept focused", async ({ page }) => {
  const app = await formApp({
    type: "object",
    required: ["name"],
    properties: { name: { type: "string", title: "Name" }, city: { type: "string", title: "City" } },
    // A pattern: not a condition the page decides itself (components/wizard/schema.ts, conditionHolds).
    if: { properties: { name: { pattern: "^Dr " } }, required: ["name"] },
    then: { properties: { practice: { type: "string", title: "Practice name" } } },
  });
  try {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/validator\/[^/]+\.1\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${app.url}/register/contact`);
    const name = page.getByLabel("Name", { exact: true });
    await name.click();
    await page.keyboard.type("Dr Ann");
    await expect(page.getByLabel("Practice name")).toHaveCount(0);
    await name.evaluate((field: HTMLElement) => (field.dataset.before = "yes"));
    release();
    // Mounted again: a new element, which has the focus, with what was typed; the condition now decided.
    await expect(page.locator("#root_name")).not.toHaveAttribute("data-before", "yes");
    await expect(page.getByLabel("Practice name")).toBeVisible();
    await expect(name).toBeFocused();
    await page.keyboard.type("a");
    await expect(name).toHaveValue("Dr Anna");
  } finally {
    await app.stop();
  }
});
