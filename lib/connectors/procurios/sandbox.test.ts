import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { controlHeaders, type SandboxServer } from "@/lib/testing/sandbox-server";
import { createProcuriosSandbox, type ProcuriosSandbox } from "./sandbox";
import { serveSandbox, vendorHeaders } from "./test-helpers";

let sandbox: ProcuriosSandbox;
let server: SandboxServer;
const api = (path: string) => `${server.url}/l/profile_api${path}`;
const control = (path: string, init?: RequestInit) => fetch(`${server.url}/_sandbox${path}`, { ...init, headers: { ...controlHeaders(), ...init?.headers } });
const get = (path: string, headers: Record<string, string> = vendorHeaders) => fetch(api(path), { headers });
const post = (path: string, body: unknown) =>
  fetch(api(path), { method: "POST", headers: { ...vendorHeaders, "Content-Type": "application/json" }, body: JSON.stringify(body) });
const setFault = (fault: Record<string, unknown>) =>
  control("/faults", { method: "POST", body: JSON.stringify(fault) });

const address = ["Fortweg", 9, "", "3992LX", "Houten", "NL"];
const validMember = {
  username: "newmember", email: "new@example.nl", password: "correct horse", first_name: "Anna", name: "Jansen",
  birth_date: "1990-04-01", address, membership: "senior", terms: true,
};

beforeAll(async () => ({ sandbox, server } = await serveSandbox({ completionDelayMs: 150 })));
afterAll(() => server.close());
afterEach(() => sandbox.reset());

describe("authentication and headers", () => {
  it("answers 401 without a token and with a wrong one", async () => {
    expect((await get("/registrationset", { Accept: vendorHeaders.Accept })).status).toBe(401);
    expect((await get("/registrationset", { ...vendorHeaders, Authorization: "Bearer nope" })).status).toBe(401);
  });

  it("answers 406 for a missing or different Accept, checking auth first", async () => {
    const wrongAccept = await get("/registrationset", { ...vendorHeaders, Accept: "application/json" });
    expect(wrongAccept.status).toBe(406);
    expect(await wrongAccept.json()).toHaveProperty("error");
    expect((await get("/registrationset", { Authorization: vendorHeaders.Authorization })).status).toBe(406);
    expect((await get("/registrationset", { Accept: "application/json" })).status).toBe(401);
  });
});

describe("the documented calls", () => {
  it("lists the registration sets", async () => {
    expect(await (await get("/registrationset")).json()).toEqual({
      registrationSet: [{ id: 42, title: "Demo registration set" }, { id: 77, title: "Club membership" }],
    });
  });

  it("sends the schema text with the document's quirks", async () => {
    const text = await (await get("/registrationset/42/schema")).text();
    expect(text).toContain(String.raw`"$schema": "http:\\\/\\\/json-schema.org\\\/draft-07\\\/schema#"`);
    expect(text).toContain('"type": "date"');
    expect(text).toMatch(/"country": \{\s+"type": "string",\s+"minimum": 2,\s+"maximum": 2,\s+"title": "Country"/);
    const schema = JSON.parse(text);
    expect(schema.$schema).toBe(String.raw`http:\/\/json-schema.org\/draft-07\/schema#`);
    expect(Object.keys(schema.properties)).toEqual(["first_name", "insertion", "name", "birth_date", "address", "action_code"]);
    expect(Object.keys(schema.properties.address.properties)).toEqual(["street", "number", "number_add", "postcode", "town", "country"]);
    expect(schema.required).toEqual(["name", "address"]);
  });

  it("describes set 77 with its conditional student number", async () => {
    const schema = await (await get("/registrationset/77/schema")).json();
    expect(Object.keys(schema.properties)).toEqual([
      "username", "email", "password", "first_name", "insertion", "name", "birth_date", "gender",
      "address", "phone", "membership", "newsletter", "terms", "action_code",
    ]);
    expect(schema.properties.student_number).toBeUndefined();
    expect(schema.allOf[0].then.required).toEqual(["student_number"]);
    expect(schema.properties.terms.const).toBe(true);
  });

  it("answers 404 for an unknown set", async () => {
    expect((await get("/registrationset/5/schema")).status).toBe(404);
    expect((await post("/registrationset/5/validate", validMember)).status).toBe(404);
  });

  it("validates like the document's example", async () => {
    const ok = await post("/registrationset/42/validate", { name: "Test name", address });
    expect(ok.status).toBe(200);
    const missing = await post("/registrationset/42/validate", { name: "Test name" });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ page: 1, errors: { address: "Dit veld is verplicht" } });
  });

  it("reports every error of the whole set in Dutch, with the page of the first", async () => {
    const answer = await post("/registrationset/77/validate", {
      username: "Admin!", email: "nope", password: "short", birth_date: "1990-02-30", gender: "Other",
      address: ["Fortweg", "9", "", "3992LX", "Houten", "NL"], membership: "student", terms: false, action_code: "x",
    });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({
      page: 1,
      errors: {
        username: "Dit veld heeft een ongeldig formaat",
        email: "Dit is geen geldig e-mailadres",
        password: "Dit veld moet minimaal 8 tekens bevatten",
        first_name: "Dit veld is verplicht",
        name: "Dit veld is verplicht",
        birth_date: "Dit is geen geldige datum",
        gender: "Kies een geldige optie",
        address: "Dit moet een geheel getal zijn",
        terms: "U moet akkoord gaan met de voorwaarden",
        action_code: "Dit moet een geheel getal zijn",
        student_number: "Dit veld is verplicht",
      },
    });
  });

  it.each([
    [{ address: { street: "Fortweg" } }, "address", "Dit is geen geldig adres", 3],
    [{ address: ["Fortweg", 9, "", "3992LX", "Houten"] }, "address", "Dit is geen geldig adres", 3],
    [{ address: ["Fortweg", "", "", "3992LX", "Houten", "NL"] }, "address", "Vul een volledig adres in", 3],
    [{ address: ["Fortweg", 9, "", "3992LX", "Houten", "NLD"] }, "address", "Gebruik een landcode van 2 letters", 3],
    [{ username: "ab" }, "username", "Dit veld moet minimaal 3 tekens bevatten", 1],
    [{ username: "a".repeat(31) }, "username", "Dit veld mag maximaal 30 tekens bevatten", 1],
    [{ username: "JDevries" }, "username", "Dit veld heeft een ongeldig formaat", 1],
    [{ username: "jdevries" }, "username", "Deze gebruikersnaam is al in gebruik", 1],
    [{ membership: "gold" }, "membership", "Kies een geldige optie", 4],
    [{ membership: "student", student_number: "12" }, "student_number", "Dit veld heeft een ongeldig formaat", 4],
    [{ terms: undefined }, "terms", "Dit veld is verplicht", 4],
    [{ birth_date: undefined }, "birth_date", "Dit veld is verplicht", 2],
  ])("rejects %j: %s → %s (page %i)", async (change, field, message, page) => {
    const answer = await post("/registrationset/77/validate", { ...validMember, ...change });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({ page, errors: { [field]: message } });
  });

  it("accepts a student with a student number and rejects non-object bodies", async () => {
    expect((await post("/registrationset/77/validate", { ...validMember, membership: "student", student_number: "1234567" })).status).toBe(200);
    expect((await post("/registrationset/77/validate", [validMember])).status).toBe(400);
    const garbage = await fetch(api("/registrationset/77/validate"), { method: "POST", headers: vendorHeaders, body: "{" });
    expect(garbage.status).toBe(400);
  });

  it("registers, completes after the delay, and takes the username", async () => {
    expect(await (await get("/isusernameavailable/newmember")).json()).toEqual({ isAvailable: true });
    const created = await post("/registrationset/77/registration", validMember);
    expect(created.status).toBe(200);
    const { registrationId } = await created.json();
    expect(registrationId).toBeGreaterThanOrEqual(100);

    const pending = await get(`/registrationset/77/registration/${registrationId}`);
    expect(pending.status).toBe(404);
    expect(await pending.text()).toBe("");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const done = await get(`/registrationset/77/registration/${registrationId}`);
    expect(await done.json()).toEqual({ registrationId, relationId: expect.any(Number) });
    expect((await get(`/registrationset/42/registration/${registrationId}`)).status).toBe(404);
    expect((await get("/registrationset/77/registration/99999")).status).toBe(404);

    expect(await (await get("/isusernameavailable/NEWMEMBER")).json()).toEqual({ isAvailable: false });
    const again = await post("/registrationset/77/registration", { ...validMember, email: "other@example.nl" });
    expect(await again.json()).toEqual({ page: 1, errors: { username: "Deze gebruikersnaam is al in gebruik" } });
    expect(sandbox.stats().registrationCount).toBe(1);
  });

  it("answers username checks as documented", async () => {
    expect(await (await get("/isusernameavailable/username42")).json()).toEqual({ isAvailable: true });
    expect(await (await get("/isusernameavailable/Admin")).json()).toEqual({ isAvailable: false });
  });
});

describe("fault injection and stats", () => {
  it("answers 503 with Retry-After for `count` requests, then recovers", async () => {
    expect((await setFault({ mode: "503", count: 2, retryAfterSeconds: 7 })).status).toBe(200);
    const first = await get("/registrationset");
    expect([first.status, first.headers.get("retry-after")]).toEqual([503, "7"]);
    expect((await get("/registrationset")).status).toBe(503);
    expect((await get("/registrationset")).status).toBe(200);
  });

  it("is down (503 without Retry-After) until cleared, and 429 on request", async () => {
    await setFault({ mode: "down" });
    const down = await get("/registrationset");
    expect([down.status, down.headers.get("retry-after")]).toEqual([503, null]);
    expect((await control("/faults", { method: "DELETE" })).status).toBe(204);
    expect((await get("/registrationset")).status).toBe(200);
    await setFault({ mode: "429", count: 1 });
    expect((await get("/registrationset")).status).toBe(429);
  });

  it("limits a fault to the registration calls when asked", async () => {
    await setFault({ mode: "503", routes: "registration" });
    expect((await get("/registrationset/77/schema")).status).toBe(200);
    expect((await post("/registrationset/77/registration", validMember)).status).toBe(503);
  });

  it("drops the connection, hangs until the client gives up, and answers slowly", async () => {
    await setFault({ mode: "drop", count: 1 });
    await expect(get("/registrationset")).rejects.toThrow();
    await setFault({ mode: "timeout", count: 1 });
    const started = Date.now();
    await expect(fetch(api("/registrationset"), { headers: vendorHeaders, signal: AbortSignal.timeout(150) })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(1000);
    await setFault({ mode: "slow", count: 1, delayMs: 120 });
    const slowStart = Date.now();
    expect((await get("/registrationset")).status).toBe(200);
    expect(Date.now() - slowStart).toBeGreaterThanOrEqual(100);
  });

  it("rejects a malformed fault and counts requests per route", async () => {
    expect((await setFault({ mode: "explode" })).status).toBe(400);
    await get("/registrationset/77/schema");
    await get("/isusernameavailable/x");
    await get("/isusernameavailable/y", {});
    const stats = await (await control("/stats")).json();
    expect(stats).toEqual({ requests: { schema: 1, usernameAvailable: 2 }, registrationCount: 0 });
  });

  it("guards its control API: a token, JSON bodies, and no personal data in stats", async () => {
    const raw = (path: string, init: RequestInit = {}) => fetch(`${server.url}/_sandbox${path}`, init);
    expect((await raw("/stats")).status).toBe(401);
    expect((await raw("/stats", { headers: { Authorization: "Bearer wrong" } })).status).toBe(401);
    // A cross-site form post (text/plain, no preflight) must not put the vendor down.
    const plain = await raw("/faults", { method: "POST", headers: { ...controlHeaders(), "Content-Type": "text/plain" }, body: '{"mode":"down"}' });
    expect(plain.status).toBe(415);
    expect((await get("/registrationset")).status).toBe(200);

    expect((await post("/registrationset/77/registration", validMember)).status).toBe(200);
    const stats = await (await control("/stats")).json();
    expect(stats.registrationCount).toBe(1);
    expect(JSON.stringify(stats)).not.toMatch(/newmember|new@example\.nl|Jansen/);
    const found = await (await control("/registrations?username=newmember")).json();
    expect(found.registrations).toEqual([expect.objectContaining({ username: "newmember", email: "new@example.nl" })]);
    expect((await (await control("/registrations")).json()).registrations).toEqual([]);
  });

  it("starts with the fault given as mode:count", async () => {
    const faulty = createProcuriosSandbox({ token: "t", fault: "503:1" });
    const request = () => new Request("http://x/l/profile_api/registrationset", { headers: { ...vendorHeaders, Authorization: "Bearer t" } });
    expect((await faulty.handle(request(), "/l/profile_api/registrationset")).status).toBe(503);
    expect((await faulty.handle(request(), "/l/profile_api/registrationset")).status).toBe(200);
  });
});
