import { expect, test } from "@playwright/test";
import { sandboxRegistrations } from "./support/sandbox";
import { DELIVERED, fillAboutYou, fillAccount, fillAddress, goNext, next, progress, summary, tabTo, uniqueUsername } from "./support/wizard";

test.describe("the members form, page by page", () => {
  test("an empty Next shows the errors (the vendor's Dutch ones in the page's words) in a focused summary linked to the fields", async ({ page }) => {
    await page.goto("/register/members");
    await expect(progress(page)).toHaveText("Step 1 of 4");
    await expect(page.locator(".fg-progress__steps [aria-current=step]")).toHaveText("Your account");
    await next(page).click();
    await expect(summary(page)).toBeFocused();
    await expect(summary(page).getByRole("heading")).toHaveText("There is a problem");
    const links = summary(page).getByRole("link");
    await expect(links).toHaveText(["Enter Username", "Enter Email address", "Enter Password"]);
    const email = page.getByLabel("Email address");
    await expect(email).toHaveAttribute("aria-invalid", "true");
    const describedBy = (await email.getAttribute("aria-describedby")) ?? "";
    expect(describedBy.split(" ")).toContain("root_email__error");
    await expect(page.locator("#root_email__error")).toContainText("Enter Email address");
    await links.nth(1).click();
    await expect(email).toBeFocused();
    await expect(progress(page)).toHaveText("Step 1 of 4");
  });

  test("a taken username is refused while typing and blocks Next", async ({ page }) => {
    await page.goto("/register/members");
    await page.getByLabel("Username").fill("jdevries");
    await expect(page.locator("#root_username__status")).toHaveText("jdevries is not available");
    await page.getByLabel("Email address").fill("jan@example.nl");
    await page.getByLabel("Password").fill("correct horse battery");
    await next(page).click();
    await expect(summary(page).getByRole("link")).toHaveText(["Username: jdevries is not available"]);
    await expect(progress(page)).toHaveText("Step 1 of 4");
  });

  test("completes every page, changes an answer from the review, and ends with the relation number", async ({ page }) => {
    const username = uniqueUsername("member");
    await page.goto("/register/members?action_code=4711");
    await fillAccount(page, username);
    await goNext(page, "Step 2 of 4");
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    await fillAboutYou(page);
    await goNext(page, "Step 3 of 4");
    await fillAddress(page);
    await page.getByLabel("Country").selectOption("");
    await next(page).click();
    await expect(summary(page).getByRole("link")).toHaveText(["Select Country"]);
    await page.getByLabel("Country").selectOption({ label: "Netherlands" });
    await goNext(page, "Step 4 of 4");

    // The student number exists only for students.
    await expect(page.getByLabel("Student number")).toHaveCount(0);
    await page.getByLabel("Student", { exact: true }).check();
    await expect(page.getByLabel("Student number")).toBeVisible();
    await page.getByLabel("Student number").fill("1234567");
    await next(page).click();
    await expect(summary(page)).toContainText("terms");
    await page.getByLabel("I accept the terms and conditions").check();
    await next(page).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
    const review = page.locator("dl");
    await expect(review).toContainText(`${username}@example.nl`);
    await expect(review).toContainText("Student");
    await expect(review).not.toContainText("4711"); // hidden campaign code
    await expect(review).not.toContainText("correct horse battery");

    await page.getByRole("button", { name: "Change Email address" }).click();
    await expect(progress(page)).toHaveText("Step 1 of 4");
    await expect(page.getByLabel("Email address")).toBeFocused();
    await page.getByLabel("Email address").fill(`${username}.changed@example.nl`);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
    await expect(review).toContainText(`${username}.changed@example.nl`);

    await page.getByRole("button", { name: "Submit" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Registration (received|complete)/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registration complete", DELIVERED);
    await expect(page.getByText(/Your relation number is \d+\./)).toBeVisible();

    const registered = await sandboxRegistrations({ username });
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({ email: `${username}.changed@example.nl`, actionCode: 4711 });
  });

  test("data typed so far survives a reload", async ({ page }) => {
    const username = uniqueUsername("reload");
    await page.goto("/register/members");
    await fillAccount(page, username);
    await goNext(page, "Step 2 of 4");
    await page.getByLabel("First name").fill("Reload");
    await page.reload();
    await expect(progress(page)).toHaveText("Step 2 of 4");
    await expect(page.getByLabel("First name")).toHaveValue("Reload");
    await page.getByRole("button", { name: "Back" }).click();
    await expect(page.getByLabel("Username")).toHaveValue(username);
    await expect(page.getByLabel("Password")).toHaveValue(""); // passwords are never kept in the draft
  });

  test("a username taken meanwhile brings the user back to its page at submit", async ({ page }) => {
    const username = uniqueUsername("race");
    await page.goto("/register/members");
    await fillAccount(page, username);
    await goNext(page, "Step 2 of 4");
    await fillAboutYou(page);
    await goNext(page, "Step 3 of 4");
    await fillAddress(page);
    await goNext(page, "Step 4 of 4");
    await page.getByLabel("Senior", { exact: true }).check();
    await page.getByLabel("I accept the terms and conditions").check();
    await next(page).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");

    // Someone else registers the same username first.
    const other = await page.request.post("/api/forms/members/submit", {
      data: {
        data: {
          username,
          email: "other@example.nl",
          password: "another password",
          first_name: "Other",
          name: "Person",
          birth_date: "1980-01-01",
          address: { street: "Dorpsstraat", number: 1, postcode: "1234AB", town: "Ergens", country: "NL" },
          membership: "senior",
          terms: true,
        },
      },
    });
    expect([201, 202]).toContain(other.status());

    await page.getByRole("button", { name: "Submit" }).click();
    await expect(progress(page)).toHaveText("Step 1 of 4");
    await expect(summary(page).getByRole("link")).toHaveText([`Username: ${username} is not available`]);
    await expect(page.locator("#root_username__error")).toContainText("not available");
  });
});

test.describe("Procurios' documented set 42", () => {
  test("is paged automatically and completed with the keyboard alone, with a prefilled field", async ({ page }) => {
    await page.goto("/register/demo?first_name=Anna&action_code=123");
    await expect(progress(page)).toHaveText("Step 1 of 2");
    await expect(page.locator(".fg-progress__steps li")).toHaveText(["Your details", "Address"]);
    await expect(page.getByLabel("First name")).toHaveValue("Anna");
    await expect(page.getByLabel("Entered via action")).toHaveCount(0);

    const tabToId = (id: string) => tabTo(page, page.locator(`#${id}`));
    await tabToId("root_name");
    await page.keyboard.type("Keyboard");
    await tabToId("root_birth_date");
    await page.keyboard.type("1");
    await page.keyboard.press("Tab");
    await page.keyboard.type("4");
    await page.keyboard.press("Tab");
    await page.keyboard.type("1990");
    await page.keyboard.press("Enter");
    await expect(progress(page)).toHaveText("Step 2 of 2");
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();

    for (const [id, text] of [
      ["root_address_street", "Fortweg"],
      ["root_address_number", "9"],
      ["root_address_postcode", "3992LX"],
      ["root_address_town", "Houten"],
      ["root_address_country", "Netherlands"],
    ]) {
      await tabToId(id);
      await page.keyboard.type(text);
    }
    // The country is a select, chosen by typing its name; Enter on a select does not submit, the Next button does.
    await expect(page.getByLabel("Country").locator("option:checked")).toHaveText("Netherlands");
    await page.keyboard.press("Tab");
    await expect(next(page)).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
    await expect(page.locator("dl")).toContainText("Keyboard");
    await page.getByRole("button", { name: "Submit" }).focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registration complete", DELIVERED);

    expect(await sandboxRegistrations({ name: "Keyboard" })).toEqual([expect.objectContaining({ actionCode: 123 })]);
  });

  test("an unknown form is a 404 page", async ({ page }) => {
    const response = await page.goto("/register/nope");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Form not found");
  });
});
