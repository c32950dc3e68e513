import { randomUUID } from "node:crypto";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { validRegistration } from "@/lib/testing/registration";
import { type AppServer, startApp, stopAll, tempDir, writeFormsConfig } from "./support/app-server";

// Abuse protection against its own production server, with the default limits and
// a local stand-in for the challenge provider's siteverify (the one thing the
// machine cannot reach). Each part speaks from its own loopback address (127.0.0.x),
// so its budget is its own: the server tells clients apart by their real peer.
test.describe.configure({ mode: "serial", timeout: 120_000 });

const PORT = 3701;
const ADMIN = "operator-token-abuse-0123456789";
const CONTROL = "sandbox-control-token-abuse";
const members = { baseUrl: "/sandbox/procurios", registrationSetId: 77, tokenEnv: "PROCURIOS_TOKEN" };
const demo = { ...members, registrationSetId: 42 };
const pages = [
  { title: "Your account", fields: ["username", "email", "password"] },
  { title: "About you", fields: ["first_name", "insertion", "name", "birth_date", "gender"] },
  { title: "Your address", fields: ["address", "phone"] },
  { title: "Membership", fields: ["membership", "student_number", "newsletter", "terms"] },
];
const hidden = ["action_code"];
const forms = [
  { id: "members", title: "Members", connector: "procurios", options: members, pages, embed: { allowedOrigins: ["https://club.example"] }, protection: { refuseDisposableEmail: true } },
  { id: "quick", title: "Quick", connector: "procurios", options: demo, hidden },
  { id: "slow", title: "Slow", connector: "procurios", options: demo, hidden, protection: { minFillMs: 600_000 } },
  { id: "patient", title: "Patient", connector: "procurios", options: demo, hidden, protection: { minFillMs: 8_000 } },
  { id: "checked", title: "Checked", connector: "procurios", options: demo, hidden, protection: { challenge: { provider: "turnstile", siteKey: "0x4AAAAAAAtest", secretEnv: "TURNSTILE_SECRET" } } },
];
const person = { name: "Jansen", address: { street: "Fortweg", number: 9, postcode: "3992LX", town: "Houten", country: "NL" } };

interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** A request from a chosen loopback address (Playwright's own clients cannot pick one). */
function call(method: string, path: string, options: { from?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: "127.0.0.1",
        port: PORT,
        method,
        path,
        localAddress: options.from ?? "127.0.0.1",
        headers: { ...(payload ? { "Content-Type": "application/json" } : {}), ...options.headers },
      },
      (res) => {
        let text = "";
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body: text ? JSON.parse(text) : {} }),
        );
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

let app: AppServer;
let siteverify: Server;
const verified: Array<Record<string, string>> = [];

test.beforeAll(async () => {
  siteverify = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    const form = Object.fromEntries(new URLSearchParams(body));
    verified.push(form);
    res.writeHead(200, { "Content-Type": "application/json" });
    res.end(JSON.stringify(form.secret === "turnstile-secret" && form.response === "solved-token" ? { success: true } : { success: false, "error-codes": ["invalid-input-response"] }));
  });
  await new Promise<void>((resolve) => siteverify.listen(0, "127.0.0.1", resolve));
  app = await startApp(PORT, {
    DATA_DIR: tempDir("formgate-abuse-"),
    FORMS_CONFIG: writeFormsConfig({ forms }),
    ADMIN_TOKEN: ADMIN,
    SANDBOX_CONTROL_TOKEN: CONTROL,
    TURNSTILE_SECRET: "turnstile-secret",
    CHALLENGE_VERIFY_URL: `http://127.0.0.1:${(siteverify.address() as AddressInfo).port}/siteverify`,
  });
});

test.afterAll(async () => {
  stopAll();
  await new Promise((resolve) => siteverify.close(resolve));
});

test("300 rapid username checks from one client: 30 answered, the rest 429 with Retry-After and RateLimit; a forged X-Forwarded-For does not help, another address is served", async () => {
  const answers: Answer[] = [];
  for (let batch = 0; batch < 10; batch++) {
    const checks = Array.from({ length: 30 }, (_, i) =>
      call("GET", `/api/forms/members/checks/username?value=probe.${batch}.${i}`, { from: "127.0.0.5", headers: { "X-Forwarded-For": `198.51.100.${i}` } }),
    );
    answers.push(...(await Promise.all(checks)));
  }
  const served = answers.filter((answer) => answer.status === 200);
  const refused = answers.filter((answer) => answer.status === 429);
  expect(served).toHaveLength(30);
  expect(refused).toHaveLength(270);
  expect(served[0].headers["ratelimit-policy"]).toBe('"address";q=30;w=60, "form";q=300;w=60');
  expect(served[0].headers.ratelimit).toMatch(/^"address";r=\d+;t=\d+, "form";r=\d+;t=\d+$/);
  const last = refused.at(-1)!;
  expect(Number(last.headers["retry-after"])).toBeGreaterThan(0);
  expect(Number(last.headers["retry-after"])).toBeLessThanOrEqual(60);
  expect(last.headers.ratelimit).toBe(`"address";r=0;t=${last.headers["retry-after"]}`);
  expect(last.headers["ratelimit-policy"]).toBe('"address";q=30;w=60, "form";q=300;w=60');
  expect(last.body).toEqual({ error: `Too many attempts in a short time. Please wait ${last.headers["retry-after"]} seconds, then try again.` });

  const other = await call("GET", "/api/forms/members/checks/username?value=someone.else", { from: "127.0.0.6" });
  expect(other.status).toBe(200);
  expect(other.body).toEqual({ available: true });
});

test("submits are throttled: the 11th in a minute from one address is refused with the wait", async () => {
  const run = randomUUID().slice(0, 8);
  const burst = await Promise.all(
    Array.from({ length: 10 }, (_, i) => call("POST", "/api/forms/members/submit", { from: "127.0.0.7", body: { data: validRegistration(`burst.${run}.${i}`) } })),
  );
  for (const answer of burst) expect([201, 202], JSON.stringify(answer.body)).toContain(answer.status);
  const refused = await call("POST", "/api/forms/members/submit", { from: "127.0.0.7", body: { data: validRegistration(`burst.${run}.10`) } });
  expect(refused.status).toBe(429);
  expect(refused.headers["retry-after"]).toMatch(/^\d+$/);
  expect(refused.headers["ratelimit-policy"]).toBe('"address";q=10;w=60, "form";q=300;w=60');
  // The ten reached the vendor (some after the answer), the eleventh never does.
  const registered = async (i: number) => {
    const lookup = await fetch(`${app.url}/sandbox/procurios/_sandbox/registrations?username=burst.${run}.${i}`, { headers: { Authorization: `Bearer ${CONTROL}` } });
    return ((await lookup.json()) as { registrations: unknown[] }).registrations.length;
  };
  await expect.poll(async () => (await Promise.all(Array.from({ length: 11 }, (_, i) => registered(i)))).join(""), { timeout: 15_000 }).toBe("11111111110");
});

test("a cross-site Origin is refused on submit, validate, drafts and the operator API; the app's own and the form's embed origins are not", async () => {
  const evil = { from: "127.0.0.8", headers: { Origin: "https://evil.example" } };
  const message = { error: "This form does not accept requests from https://evil.example." };
  const submit = await call("POST", "/api/forms/members/submit", { ...evil, body: { data: validRegistration(`evil.${randomUUID().slice(0, 8)}`) } });
  expect(submit.status).toBe(403);
  expect(submit.body).toEqual(message);
  const validate = await call("POST", "/api/forms/members/validate", { ...evil, body: { page: 1, data: {} } });
  expect([validate.status, validate.body]).toEqual([403, message]);
  const draft = await call("PUT", `/api/forms/members/drafts/${"d".repeat(40)}`, { ...evil, body: { data: {}, step: 0 } });
  expect(draft.status).toBe(403);
  const admin = await call("GET", "/api/admin/protection", { from: "127.0.0.8", headers: { Origin: "https://evil.example", Authorization: `Bearer ${ADMIN}` } });
  expect(admin.status).toBe(403);

  const page = { page: 1, data: {} };
  expect((await call("POST", "/api/forms/members/validate", { from: "127.0.0.8", headers: { Origin: "https://club.example" }, body: page })).status).toBe(200);
  expect((await call("POST", "/api/forms/members/validate", { from: "127.0.0.8", headers: { Origin: `http://127.0.0.1:${PORT}` }, body: page })).status).toBe(200);
  const localhost = { Origin: `http://localhost:${PORT}`, Host: `localhost:${PORT}` };
  expect((await call("POST", "/api/forms/members/validate", { from: "127.0.0.8", headers: localhost, body: page })).status).toBe(200);
  expect((await call("POST", "/api/forms/quick/validate", { from: "127.0.0.8", headers: { Origin: "https://club.example" }, body: page })).status).toBe(403);
});

test("a disposable email address is refused on that page's Next and at submit, naming the field", async () => {
  const throwaway = "someone@mailinator.com";
  const message = "Email address is a throwaway address (mailinator.com). Enter an address you will keep using.";
  const validate = await call("POST", "/api/forms/members/validate", { from: "127.0.0.9", body: { page: 1, data: { username: "someone.new", email: throwaway, password: "correct horse" } } });
  expect(validate.status).toBe(200);
  expect(validate.body.errors).toEqual({ email: message });
  const submit = await call("POST", "/api/forms/members/submit", { from: "127.0.0.9", body: { data: validRegistration("throwaway.one", { email: throwaway }) } });
  expect(submit.status).toBe(422);
  expect(submit.body.errors).toEqual({ email: message });
  // Another form that does not refuse them.
  expect((await call("POST", "/api/forms/quick/submit", { from: "127.0.0.9", body: { data: person } })).status).toBeLessThan(300);
});

test("the challenge is checked with siteverify: a solved token is accepted once, a refused or missing one is not", async () => {
  const from = "127.0.0.10";
  const missing = await call("POST", "/api/forms/checked/submit", { from, body: { data: person } });
  expect([missing.status, missing.body.error]).toEqual([403, "Please complete the security check, then submit again."]);
  const wrong = await call("POST", "/api/forms/checked/submit", { from, body: { data: person, protection: { challenge: "made-up-token" } } });
  expect(wrong.status).toBe(403);
  expect(verified.at(-1)).toEqual({ secret: "turnstile-secret", response: "made-up-token", remoteip: from });

  const key = randomUUID();
  const body = { data: person, protection: { challenge: "solved-token" } };
  const accepted = await call("POST", "/api/forms/checked/submit", { from, headers: { "Idempotency-Key": key }, body });
  expect([201, 202]).toContain(accepted.status);
  const asked = verified.length;
  // A retry of the same submit replays the first answer without spending the token again.
  const again = await call("POST", "/api/forms/checked/submit", { from, headers: { "Idempotency-Key": key }, body });
  expect([again.status, again.headers["idempotent-replayed"], again.body.submissionId]).toEqual([accepted.status, "true", accepted.body.submissionId]);
  expect(verified.length).toBe(asked);
});

const summary = (page: Page) => page.locator(".fg-error-summary[role=alert]");

/** Fills the two pages of a set-42 form and stops on the review. */
async function fillQuickForm(page: Page, formId: string) {
  await page.goto(`${app.url}/register/${formId}`);
  await page.getByLabel("Name", { exact: true }).fill("Jansen");
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.locator(".fg-progress__text")).toHaveText("Step 2 of 2");
  await page.getByLabel("Street").fill("Fortweg");
  await page.getByLabel("Number", { exact: true }).fill("9");
  await page.getByLabel("ZIP code").fill("3992LX");
  await page.getByLabel("Town").fill("Houten");
  await page.getByLabel("Country").selectOption({ label: "Netherlands" });
  await page.getByRole("button", { name: "Next", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers");
}

test("the wizard sends its form-started token and the honeypot: too soon, or with the honeypot filled, the submit is refused", async ({ page }) => {
  const sent: Array<{ protection: { started: string; website: string } }> = [];
  page.on("request", (request) => {
    if (request.method() === "POST" && request.url().endsWith("/api/forms/slow/submit")) sent.push(request.postDataJSON());
  });
  await fillQuickForm(page, "slow");
  await expect(page.locator("input[name=website]")).toHaveAttribute("tabindex", "-1");
  await expect(page.locator(".fg-honeypot")).toHaveAttribute("aria-hidden", "true");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(summary(page)).toContainText("That was quicker than we expected. Please check your answers, then submit again in a few seconds.");
  expect(sent[0].protection).toEqual({ started: expect.stringMatching(/^[0-9a-z]+\.[\w-]{43}$/), website: "" });

  // A bot fills in every field it finds, the off-screen one included.
  await page.locator("input[name=website]").evaluate((input: HTMLInputElement) => void (input.value = "https://spam.example"));
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(summary(page)).toContainText("Your registration could not be accepted. Please reload the page and try again.");
  expect(sent[1].protection.website).toBe("https://spam.example");

  // The page's token is bound to its form and cannot be altered.
  const { started } = sent[0].protection;
  const altered = `${started.slice(0, -1)}${started.endsWith("A") ? "B" : "A"}`;
  const forged = await call("POST", "/api/forms/slow/submit", { from: "127.0.0.11", body: { data: person, protection: { started: altered } } });
  expect([forged.status, forged.body.error]).toEqual([403, "Your registration could not be accepted. Please reload the page and try again."]);
  expect((await call("POST", "/api/forms/quick/submit", { from: "127.0.0.11", body: { data: person, protection: { started } } })).status).toBe(403);
});

test("a person quicker than the form's minimum fill time waits a moment instead of being refused", async ({ page }) => {
  const answers: number[] = [];
  page.on("response", (response) => void (response.url().endsWith("/api/forms/patient/submit") && answers.push(response.status())));
  await fillQuickForm(page, "patient");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Registration (received|complete)/, { timeout: 20_000 });
  // Filled in well under 8 s: refused once (with how long to wait), then accepted.
  expect(answers).toHaveLength(2);
  expect(answers[0]).toBe(403);
  expect([201, 202]).toContain(answers[1]);
});

test("a form with a challenge lets its provider's widget in through the CSP; other forms do not", async () => {
  const policy = async (path: string) => (await fetch(`${app.url}${path}`)).headers.get("content-security-policy") ?? "";
  expect(await policy("/register/checked")).toContain("frame-src https://challenges.cloudflare.com");
  expect(await policy("/embed/checked")).toContain("frame-src https://challenges.cloudflare.com");
  expect(await policy("/register/members")).toContain("frame-src 'none'");
});

test("the review page shows the form's challenge; without a solved one the wizard does not send", async ({ page }) => {
  let submits = 0;
  page.on("request", (request) => void (request.url().endsWith("/submit") && submits++));
  // The provider's widget cannot load here: the wizard must say so.
  await page.route("https://challenges.cloudflare.com/**", (route) => route.abort());
  const script = page.waitForRequest((request) => request.url() === "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit");
  await fillQuickForm(page, "checked");
  await script;
  await expect(page.locator(".fg-challenge")).toContainText("The security check could not be loaded.");
  await page.getByRole("button", { name: "Submit" }).click();
  await expect(summary(page)).toContainText("Please complete the security check, then submit again.");
  expect(submits).toBe(0);
});

test("operators see every refusal per form and reason", async () => {
  const answer = await call("GET", "/api/admin/protection", { headers: { Authorization: `Bearer ${ADMIN}` } });
  expect(answer.status).toBe(200);
  expect(answer.body.refusals).toEqual({
    "-": { origin: 1 },
    members: { rate_limit: 271, origin: 3, disposable_email: 2 },
    quick: { origin: 1, token: 1 },
    slow: { too_fast: 1, honeypot: 1, token: 1 },
    patient: { too_fast: 1 },
    checked: { challenge: 2 },
  });
  expect((await call("GET", "/api/admin/protection")).status).toBe(401);
});

test("throttled, the wizard says it could not check the username, and how long to wait before submitting again", async ({ page }) => {
  // The browser speaks from 127.0.0.1: use up that address's allowances first.
  for (let i = 0; i < 31; i++) {
    const answer = await call("GET", `/api/forms/members/checks/username?value=use.up.${i}`);
    if (answer.status === 429) break;
  }
  await page.goto(`${app.url}/register/members`);
  await page.getByLabel("Username").fill("fresh.name");
  await expect(page.locator("#root_username__status")).toHaveText("We could not check this username right now; it will be checked when you submit.");

  for (let i = 0; i < 11; i++) {
    const answer = await call("POST", "/api/forms/quick/submit", { body: { data: {} } });
    if (answer.status === 429) break;
  }
  await fillQuickForm(page, "quick");
  await page.getByRole("button", { name: "Submit" }).click();
  // Sent sooner than the form's minimum fill time (3 s), the wizard first waits that out, as for "patient" below.
  await expect(summary(page)).toContainText(/Too many attempts in a short time\. Please wait \d+ seconds, then try again\./, { timeout: 20_000 });
});
