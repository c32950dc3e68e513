import { expect, test } from "@playwright/test";
import { APP_URL } from "../playwright.config";
import { expectSecurityHeaders, raw, recordViolations } from "./support/csp";
import { startHostServer, type HostServer } from "./support/host-server";
import { DELIVERED, fillAboutYou, fillAccount, fillAddress, goNext, next, progress, summary, uniqueUsername } from "./support/wizard";

const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];
const VALIDATOR = /\/api\/forms\/members\/validator\/[0-9a-f]{32}\.(form|\d+)\.js$/;

test.describe("security headers", () => {
  test("a page, an API answer, a 404 page, static files and the validator module carry them", async ({ request }) => {
    const page = await request.get("/register/members");
    expectSecurityHeaders(page.headers());
    expect(page.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
    const html = await page.text();

    expectSecurityHeaders((await request.get("/api/forms")).headers());
    const missing = await request.get("/no/such/page");
    expect(missing.status()).toBe(404);
    expectSecurityHeaders(missing.headers());

    const chunk = /src="(\/_next\/static\/chunks\/[^"]+\.js)"/.exec(html)?.[1] ?? "";
    const css = /href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1] ?? "";
    for (const file of [chunk, css]) {
      const response = await request.get(file);
      expect(response.status(), file).toBe(200);
      expectSecurityHeaders(response.headers());
    }

    const base = /\/api\/forms\/members\/validator\/[0-9a-f]{32}/.exec(html)?.[0] ?? "";
    expect((await request.get(`${base}.form.js`)).status()).toBe(200);
    expect((await request.get(`${base}.5.js`)).status()).toBe(404);
    const module = await request.get(`${base}.1.js`);
    expect(module.headers()["content-type"]).toMatch(/^text\/javascript/);
    expect(module.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
    expectSecurityHeaders(module.headers());
    expect(await module.text()).not.toMatch(/\beval\(|new Function/);

    // Club websites load the embed loader and frame the form from their own origin.
    const loader = await request.get("/embed.js");
    expect(loader.status()).toBe(200);
    expectSecurityHeaders(loader.headers(), "cross-origin");
    const embed = await request.get("/embed/members");
    expectSecurityHeaders(embed.headers(), "cross-origin");
    expect(embed.headers()["content-security-policy"]).toContain("frame-ancestors http://localhost:* http://127.0.0.1:*");
  });

  test("HSTS and upgrade-insecure-requests only for requests that came over HTTPS", async ({ request }) => {
    const secure = await request.get("/api/health", { headers: { "X-Forwarded-Proto": "https" } });
    expect(secure.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(secure.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
    const plain = await request.get("/api/health");
    expect(plain.headers()["strict-transport-security"]).toBeUndefined();
    expect(plain.headers()["content-security-policy"]).not.toContain("upgrade-insecure-requests");
  });

  test("each page gets its own nonce, and every script Next writes carries it", async ({ request }) => {
    const nonces = [];
    for (let i = 0; i < 2; i++) {
      const response = await request.get("/register/members");
      const nonce = nonceOf(response.headers()["content-security-policy"]);
      const scripts = (await response.text()).match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(3);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      nonces.push(nonce);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
});

test.describe("requests Next used to fail with a bare 500", () => {
  test("broken percent-encoding: JSON 400 for the API and sandboxes, the not-found page for pages", async () => {
    for (const path of ["/api/forms/%E0%A4%A", "/api/forms/%", "/api/forms/members/%E0%A4%A/submit", "/api/submissions/%E0%A4%A", "/sandbox/%E0%A4%A", "/sandbox/procurios/%"]) {
      const response = await raw("GET", path);
      expect(response.status, path).toBe(400);
      expect(response.headers["content-type"], path).toMatch(/^application\/json/);
      expect(JSON.parse(response.body).error, path).toMatch(/percent-encoding/);
      expectSecurityHeaders(response.headers);
    }
    for (const path of ["/register/%E0%A4%A", "/embed/%", "/%"]) {
      const response = await raw("GET", path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).toContain("Page not found");
      expectSecurityHeaders(response.headers, path.startsWith("/embed/") ? "cross-origin" : "same-origin");
    }
  });

  test("TRACE and methods no route knows: a JSON 405", async () => {
    for (const [method, path] of [["TRACE", "/api/forms"], ["TRACE", "/register/members"], ["PROPFIND", "/api/forms"]]) {
      const response = await raw(method, path);
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(JSON.parse(response.body)).toEqual({ error: `The ${method} method is not allowed.` });
      expect(response.headers.allow).toContain("GET");
      expectSecurityHeaders(response.headers);
    }
  });

  test("an unknown /api path is a JSON 404 for every method", async () => {
    for (const method of ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      for (const path of ["/api", "/api/nope", "/api/forms/members/nope/deeper"]) {
        const response = await raw(method, path);
        expect(response.status, `${method} ${path}`).toBe(404);
        expect(response.headers["content-type"]).toMatch(/^application\/json/);
        if (method !== "HEAD") expect(JSON.parse(response.body)).toEqual({ error: "There is nothing at this address." });
        expectSecurityHeaders(response.headers);
      }
    }
  });
});

test.describe("the wizard under the policy", () => {
  test("the full registration on /register/members runs without a single violation, eval blocked", async ({ page }) => {
    const violations = await recordViolations(page);
    const parts: string[] = [];
    page.on("response", (response) => {
      const part = VALIDATOR.exec(response.url())?.[1];
      if (part) parts.push(`${part} ${response.status()}`);
    });
    const response = await page.goto("/register/members");
    // Loaded when needed: nothing for a first page without conditions until the person starts on it;
    // then the whole form's conditions, this page's and the next one's.
    await page.waitForLoadState("networkidle");
    expect(parts).toEqual([]);
    await page.getByLabel("Username").click();
    await expect.poll(() => parts.sort()).toEqual(["1 200", "2 200", "form 200"]);
    // The page's own script (it has the nonce) may not eval: the policy has no 'unsafe-eval'.
    const nonce = nonceOf(response?.headers()["content-security-policy"]) ?? "";
    // (Later, in a task of its own: DevTools lets code it runs itself eval.)
    await page.evaluate((nonce) => {
      const script = document.createElement("script");
      script.nonce = nonce;
      script.textContent = "setTimeout(function () { try { eval('1'); window.__eval = 'ran'; } catch (error) { window.__eval = error.name; } });";
      document.head.append(script);
    }, nonce);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __eval?: string }).__eval)).toBe("EvalError");
    await expect.poll(violations).toContainEqual(expect.stringMatching(/^script-src blocked eval/));
    await violations.clear();

    await fillAccount(page, uniqueUsername("csp"));
    await goNext(page, "Step 2 of 4");
    await fillAboutYou(page);
    await goNext(page, "Step 3 of 4");
    await fillAddress(page);
    await goNext(page, "Step 4 of 4");
    await page.getByLabel("Student", { exact: true }).check();
    await page.getByLabel("Student number").fill("1234567");
    await page.getByLabel("I accept the terms and conditions").check();
    await next(page).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
    await page.getByRole("button", { name: "Submit" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Registration complete", DELIVERED);
    expect(await violations()).toEqual([]);
    expect(parts.sort()).toEqual(["1 200", "2 200", "3 200", "4 200", "form 200"]);
  });

  test("the browser's own validators judge a page when the server cannot", async ({ page }) => {
    await page.route("**/api/forms/members/validate", (route) => route.abort());
    await page.goto("/register/members");
    const validator = page.waitForResponse((response) => VALIDATOR.test(response.url()));
    await page.getByLabel("Username").fill("no");
    expect((await validator).status()).toBe(200);
    await next(page).click();
    await expect(summary(page).getByRole("link")).toHaveText([
      "Username must be 3 characters or more",
      "Enter Email address",
      "Enter Password",
    ]);
    await page.getByLabel("Username").fill("Bad Name!");
    await next(page).click();
    await expect(summary(page).getByRole("link").first()).toHaveText("Username is not in the right format");
    await expect(progress(page)).toHaveText("Step 1 of 4");
  });

  test("the 404 page runs its scripts without a violation", async ({ page }) => {
    const violations = await recordViolations(page);
    const response = await page.goto("/no/such/page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
    await page.waitForLoadState("networkidle");
    expect(await violations()).toEqual([]);
  });
});

test.describe("the embedded wizard under the policy", () => {
  let host: HostServer;
  test.beforeAll(async () => {
    host = await startHostServer();
  });
  test.afterAll(async () => {
    await host?.close();
  });

  test("a themed /embed/members completes on a club's page without a single violation", async ({ page }) => {
    const violations = await recordViolations(page);
    host.page("/csp", `<script src="${APP_URL}/embed.js" data-form="members" data-theme-primary-color="#0b5fff" async></script>`);
    const document = page.waitForResponse((response) => response.url().startsWith(`${APP_URL}/embed/members?`));
    await page.goto(`${host.origin()}/csp`);
    expect((await document).headers()["content-security-policy"]).toMatch(/'strict-dynamic'.*frame-ancestors http:\/\/localhost:\*/);
    const frame = page.frameLocator(".formgate-embed > iframe");
    // The theme arrives as a nonced <style>, not as a style attribute the policy would refuse.
    await expect(frame.getByRole("button", { name: "Next" })).toHaveCSS("background-color", "rgb(11, 95, 255)");

    const validator = page.waitForResponse((response) => VALIDATOR.test(response.url()));
    await fillAccount(frame, uniqueUsername("csp-embed"));
    expect((await validator).status()).toBe(200);
    await goNext(frame, "Step 2 of 4");
    await fillAboutYou(frame);
    await goNext(frame, "Step 3 of 4");
    await fillAddress(frame);
    await goNext(frame, "Step 4 of 4");
    await frame.getByLabel("Senior", { exact: true }).check();
    await frame.getByLabel("I accept the terms and conditions").check();
    await next(frame).click();
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
    await frame.getByRole("button", { name: "Submit" }).click();
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Registration complete", DELIVERED);
    expect(await violations()).toEqual([]);
  });
});
