import { type APIResponse, expect, test } from "@playwright/test";
import { validRegistration } from "@/lib/testing/registration";

// The public HTTP API against the production build and its built-in sandbox.

const valid = (username: string) => validRegistration(username);

test("lists forms and serves a normalised definition with pages", async ({ request }) => {
  const forms = await (await request.get("/api/forms")).json();
  expect(forms.forms.map((f: { id: string }) => f.id)).toEqual(["members", "demo", "club", "purepro", "crmcom", "dnl"]);
  const demo = await (await request.get("/api/forms/demo")).json();
  expect(demo.schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
  expect(demo.schema.properties.birth_date).toMatchObject({ type: "string", format: "date" });
  // The vendor's 2 letters (minimum/maximum on a string) became a choice of alpha-2 codes.
  expect(demo.schema.properties.address.properties.country.enum).toContain("NL");
  expect(demo.pages.map((p: { fields: string[] }) => p.fields)).toEqual([["first_name", "insertion", "name", "birth_date"], ["address"]]);
  const members = await (await request.get("/api/forms/members")).json();
  expect(members.pages).toHaveLength(4);
  expect(members.checks).toEqual({ username: "username" });
  const club = await (await request.get("/api/forms/club")).json();
  expect(club.locale).toBe("fr");
  expect(club.checks).toEqual({ email: "email" });
  expect(club.pages.map((p: { fields: string[] }) => p.fields)).toEqual([["email"], ["givenName", "familyName", "birthDate", "gender"], ["address"]]);
  expect(members.referenceKind).toBe("relationNumber");
  const purepro = await (await request.get("/api/forms/purepro")).json();
  expect(purepro.referenceKind).toBe("customerReference");
  expect(purepro.pages.map((p: { fields: string[] }) => p.fields)).toEqual([
    ["Name", "Email", "Reference", "CompaniesHouseNumber", "VatNumber", "VatNumberValid", "IndustryClassification"],
    ["InvoiceDeliveryMethod", "Currency", "ApprovalFrequency", "BillingScheme", "BillingGroup", "PurchaseOrder"],
    ["PayMethod", "BacsOption", "Bank"],
    ["Address"],
    ["Contact", "CostCentre"],
  ]);
});

test("validates one page, the vendor's messages in the request's language", async ({ request }) => {
  const response = await request.post("/api/forms/members/validate", { data: { page: 1, data: {} } });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({
    errors: { username: "Enter Username", email: "Enter Email address", password: "Enter Password" },
    vendorChecked: true,
  });
  const dutch = await request.post("/api/forms/members/validate?lang=nl", { data: { page: 1, data: {} } });
  expect((await dutch.json()).errors).toEqual({ username: "Vul Gebruikersnaam in", email: "Vul E-mailadres in", password: "Vul Wachtwoord in" });
  const page3 = await request.post("/api/forms/members/validate", { data: { page: 3, data: {} } });
  // An empty address is reported part by part (the vendor's one message for the group gives way).
  expect(Object.keys((await page3.json()).errors)).toEqual(["address.street", "address.number", "address.postcode", "address.town", "address.country"]);
});

test("checks usernames", async ({ request }) => {
  expect(await (await request.get("/api/forms/members/checks/username?value=admin")).json()).toEqual({ available: false });
  expect(await (await request.get("/api/forms/members/checks/username?value=someone.new")).json()).toEqual({ available: true });
  expect((await request.get("/api/forms/members/checks/username?value=")).status()).toBe(400);
  expect((await request.get("/api/forms/demo/checks/username?value=x")).status()).toBe(404);
});

test("refuses bad input with a clear 4xx, never a 500", async ({ request }) => {
  const cases: Array<[string, () => Promise<APIResponse>, number, RegExp]> = [
    ["bad JSON", () => request.post("/api/forms/members/validate", { headers: { "Content-Type": "application/json" }, data: Buffer.from("{bad") }), 400, /not valid JSON/],
    ["not an object", () => request.post("/api/forms/members/validate", { headers: { "Content-Type": "application/json" }, data: Buffer.from("[1]") }), 400, /must be a JSON object/],
    ["not JSON", () => request.post("/api/forms/members/validate", { headers: { "Content-Type": "text/plain" }, data: "page=1" }), 415, /as JSON/],
    ["wrong types", () => request.post("/api/forms/members/validate", { data: { page: "one", data: [] } }), 400, /^page: must be a whole number/],
    ["page out of range", () => request.post("/api/forms/members/validate", { data: { page: 9, data: {} } }), 400, /from 1 to 4/],
    ["oversized", () => request.post("/api/forms/members/submit", { data: { data: { name: "x".repeat(70_000) } } }), 413, /too large/],
    ["unknown form", () => request.post("/api/forms/nope/submit", { data: { data: {} } }), 404, /no form called nope/],
    ["long key", () => request.post("/api/forms/members/submit", { headers: { "Idempotency-Key": "k".repeat(256) }, data: { data: {} } }), 400, /Idempotency-Key/],
    ["campaign junk", () => request.post("/api/forms/members/submit", { data: { data: valid("camp.junk"), campaign: { evil: "1" } } }), 400, /campaign keys/],
  ];
  for (const [name, send, status, message] of cases) {
    const response = await send();
    expect(response.status(), name).toBe(status);
    expect((await response.json()).error, name).toMatch(message);
  }
});

test("submits once per idempotency key and reports the status", async ({ request }) => {
  const key = `key-${Date.now()}`;
  const data = valid(`api.${Date.now()}`);
  const first = await request.post("/api/forms/members/submit", { headers: { "Idempotency-Key": key }, data: { data } });
  expect([201, 202]).toContain(first.status());
  const body = await first.json();
  const again = await request.post("/api/forms/members/submit", { headers: { "Idempotency-Key": key }, data: { data } });
  expect(again.status()).toBe(first.status());
  expect(again.headers()["idempotent-replayed"]).toBe("true");
  expect(await again.json()).toEqual(body);
  const other = await request.post("/api/forms/members/submit", { headers: { "Idempotency-Key": key }, data: { data: { ...data, name: "Other" } } });
  expect(other.status()).toBe(422);
  expect((await other.json()).error).toMatch(/already used with different answers/);
  await expect
    .poll(async () => (await (await request.get(`/api/submissions/${body.submissionId}`)).json()).status, { timeout: 15_000 })
    .toBe("delivered");
  expect((await (await request.get(`/api/submissions/${body.submissionId}`)).json()).reference).toMatch(/^\d+$/);
});

test("makes an idempotency key when the client sends none, and refuses invalid answers", async ({ request }) => {
  const response = await request.post("/api/forms/members/submit", { data: { data: valid(`nokey.${Date.now()}`) } });
  expect([201, 202]).toContain(response.status());
  const key = response.headers()["idempotency-key"];
  expect(key).toMatch(/^[0-9a-f-]{36}$/);
  expect((await response.json()).idempotencyKey).toBe(key);
  const invalid = await request.post("/api/forms/members/submit", { data: { data: { ...valid("x.invalid"), email: "nope" } } });
  expect(invalid.status()).toBe(422);
  expect((await invalid.json()).errors).toEqual({ email: "Enter an email address in the right format, like name@example.com" });
});

test("sends frame-ancestors 'none' outside the embed route", async ({ request }) => {
  const response = await request.get("/register/members");
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
});

test("keeps a server-side draft behind an opaque token", async ({ request }) => {
  const url = `/api/forms/members/drafts/${"t".repeat(20)}${Date.now()}`;
  expect((await request.get(url)).status()).toBe(404);
  const draft = { data: { first_name: "Anna" }, step: 1, idempotencyKey: "k-1" };
  expect((await request.put(url, { data: draft })).status()).toBe(204);
  expect(await (await request.get(url)).json()).toEqual(draft);
  const bad = await request.put(url, { data: { data: [], step: "x" } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/^data: must be an object/);
  expect((await request.delete(url)).status()).toBe(204);
  expect((await request.get(url)).status()).toBe(404);
  expect((await request.get("/api/forms/members/drafts/short")).status()).toBe(404);
  expect((await request.get(`/api/forms/nope/drafts/${"t".repeat(40)}`)).status()).toBe(404);
});

test("client bundles carry no secrets and no server-only modules", async () => {
  const { readdirSync, readFileSync } = await import("node:fs");
  const dir = ".next/static/chunks";
  const files = readdirSync(dir, { recursive: true }).map(String).filter((name) => name.endsWith(".js"));
  expect(files.length).toBeGreaterThan(0);
  for (const name of files) {
    const text = readFileSync(`${dir}/${name}`, "utf8");
    expect(text, name).not.toMatch(/sandbox-token|APP_ENCRYPTION_KEY|PROCURIOS_TOKEN|better-sqlite3|DATABASE_URL/);
  }
});
