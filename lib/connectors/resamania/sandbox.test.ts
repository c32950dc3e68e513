import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SandboxServer } from "@/lib/testing/sandbox-server";
import { ACCEPT } from "./client";
import type { ResamaniaSandbox } from "./sandbox";
import { control, person, serveSandbox, TOKEN } from "./test-helpers";

let sandbox: ResamaniaSandbox;
let server: SandboxServer;

beforeAll(async () => ({ sandbox, server } = await serveSandbox()));
afterAll(() => server.close());
afterEach(() => sandbox.reset());

const headers = (club = "1", extra: Record<string, string> = {}) => ({
  accept: ACCEPT,
  authorization: `Bearer ${TOKEN}`,
  "x-user-club-id": club,
  "x-user-network-node-id": "1",
  ...extra,
});
const call = (method: string, path: string, body?: unknown, club = "1") =>
  fetch(`${server.url}/demoapi${path}`, { method, headers: { ...headers(club), ...(body ? { "content-type": "application/json" } : {}) }, body: body === undefined ? undefined : JSON.stringify(body) });

describe("Resamania sandbox", () => {
  it("checks the documented headers", async () => {
    const url = `${server.url}/demoapi/contacts?email=a%40b.fr`;
    expect((await fetch(url, { headers: { ...headers(), authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await fetch(url, { headers: { ...headers(), "x-user-club-id": "99" } })).status).toBe(403);
    expect((await fetch(url, { headers: { ...headers(), "x-user-network-node-id": "2" } })).status).toBe(403);
    expect((await fetch(url, { headers: { ...headers(), accept: "text/html" } })).status).toBe(406);
    expect((await fetch(`${server.url}/otherclient/contacts`, { headers: headers() })).status).toBe(404);
    expect((await fetch(url, { headers: headers() })).status).toBe(200);
  });

  it("answers searches in JSON-LD with escaped slashes, the network one in the limited view", async () => {
    const own = await call("GET", "/contacts?email=deja.inscrit%40example.fr");
    const text = await own.text();
    expect(text).toContain(String.raw`"@id":"\/demoapi\/contacts\/2974221"`);
    const body = JSON.parse(text);
    expect(body).toMatchObject({ "@type": "hydra:Collection", "hydra:totalItems": 1, "hydra:member": [{ number: "C2974221", email: "deja.inscrit@example.fr" }] });
    // GET /contacts is this club only.
    expect((await (await call("GET", "/contacts?email=prospect.toulon%40example.fr")).json())["hydra:totalItems"]).toBe(0);
    const network = await (await call("GET", "/network/contact_search?email=prospect.toulon%40example.fr")).json();
    expect(network["hydra:member"]).toEqual([
      expect.objectContaining({ "@id": "/demoapi/contacts/10296819", clubId: "2", state: "prospect", partialPhoneNumber: "******1615" }),
    ]);
    expect(network["hydra:member"][0]).not.toHaveProperty("email");
    expect(network["hydra:member"][0]).not.toHaveProperty("mobile");
  });

  it("reads + in a query as a space, as a PHP server does", async () => {
    await control(server, "POST", "contacts", { email: "john+test@email.tld", clubId: "1" });
    expect((await (await call("GET", "/contacts?email=john+test@email.tld")).json())["hydra:totalItems"]).toBe(0);
    expect((await (await call("GET", "/contacts?email=john%2Btest%40email.tld")).json())["hydra:totalItems"]).toBe(1);
  });

  it("creates contacts, refusing missing fields and used emails as ConstraintViolationLists", async () => {
    const created = await call("POST", "/contacts", { ...person("new@example.fr"), clubId: "1", sourceId: "7" });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ "@type": "http://schema.org/Person", state: "prospect", clubId: "1" });
    const missing = await call("POST", "/contacts", { email: "x@example.fr", clubId: "1" });
    expect(missing.status).toBe(422);
    const { violations } = await missing.json();
    expect(violations.map((v: { propertyPath: string }) => v.propertyPath)).toEqual(["familyName", "givenName", "birthDate"]);
    const used = await (await call("POST", "/contacts", { ...person("NEW@example.fr"), clubId: "1" })).json();
    expect(used.violations).toEqual([expect.objectContaining({ propertyPath: "email", code: "api.error.contact.email-already-used" })]);
    expect((await call("POST", "/contacts", { ...person("club@example.fr"), clubId: "2" })).status).toBe(422);
  });

  it("enforces the migrate preconditions of the Reminder: source prospect, target temp, clubs differ", async () => {
    const temp = await (await call("POST", "/contacts", { ...person("prospect.toulon@example.fr"), clubId: "1", state: "temp" })).json();
    const target = temp["@id"];
    // Not a prospect (the former client of Marseille).
    expect((await call("PUT", "/contacts/10296820/migrate", { targetContactId: target, targetClubId: "/demoapi/clubs/1" })).status).toBe(422);
    // The club of the source itself.
    expect((await call("PUT", "/contacts/10296819/migrate", { targetContactId: target, targetClubId: "/demoapi/clubs/2" })).status).toBe(422);
    // A target that is no temp contact.
    expect((await call("PUT", "/contacts/10296819/migrate", { targetContactId: "/demoapi/contacts/2974221", targetClubId: "/demoapi/clubs/1" })).status).toBe(422);
    const done = await call("PUT", "/contacts/10296819/migrate", { targetContactId: target, targetClubId: "/demoapi/clubs/1" });
    expect(done.status).toBe(204);
    expect(sandbox.migrations()).toHaveLength(1);
    // Once done, the source is archived and the target a prospect: a second migrate is refused.
    expect((await call("PUT", "/contacts/10296819/migrate", { targetContactId: target, targetClubId: "/demoapi/clubs/1" })).status).toBe(404);
    expect(sandbox.contacts("prospect.toulon@example.fr")).toEqual([expect.objectContaining({ state: "prospect", clubId: "1" })]);
  });

  it("refuses a temp contact whose email is used in its own club, and protects its control API", async () => {
    expect((await call("POST", "/contacts", { ...person("deja.inscrit@example.fr"), clubId: "1", state: "temp" })).status).toBe(422);
    expect((await fetch(`${server.url}/_sandbox/stats`)).status).toBe(401);
    expect((await control(server, "GET", "contacts")).status).toBe(200);
    expect(await (await control(server, "GET", "contacts")).json()).toEqual({ contacts: [] });
  });
});
