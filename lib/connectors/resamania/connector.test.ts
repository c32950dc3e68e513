import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SandboxServer } from "@/lib/testing/sandbox-server";
import { readRuleText } from "@/lib/connectors/types";
import { AppError } from "@/lib/errors";
import type { ResamaniaConnector } from "./connector";
import type { ResamaniaSandbox } from "./sandbox";
import { resamania } from "./index";
import { connect, control, memoryJournal, memoryStore, MOUNT, person, serveSandbox } from "./test-helpers";

let sandbox: ResamaniaSandbox;
let server: SandboxServer;

beforeAll(async () => ({ sandbox, server } = await serveSandbox()));
afterAll(() => server.close());
afterEach(() => sandbox.reset());

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("email check", () => {
  it("gives a verdict in the app's terms for each kind of address in the club network", async () => {
    const connector = connect(server);
    expect(await connector.checkEmail("nouveau@example.fr")).toBe("new");
    expect(await connector.checkEmail("deja.inscrit@example.fr")).toBe("registered");
    expect(await connector.checkEmail("DEJA.INSCRIT@example.fr")).toBe("registered");
    expect(await connector.checkEmail("prospect.toulon@example.fr")).toBe("transferable");
    expect(await connector.checkEmail("ancien.marseille@example.fr")).toBe("not_transferable");
    expect(sandbox.requests().networkSearch).toBe(5);
  });

  it("searches only this club without `network`: a contact elsewhere is not seen", async () => {
    const connector = connect(server, { network: false });
    expect(await connector.checkEmail("deja.inscrit@example.fr")).toBe("registered");
    expect(await connector.checkEmail("prospect.toulon@example.fr")).toBe("new");
    expect(sandbox.requests().searchContacts).toBe(2);
  });

  it("encodes + so the vendor finds the address, not one with a space", async () => {
    await control(server, "POST", "contacts", { email: "john+test@email.tld", clubId: "1" });
    expect(await connect(server).checkEmail("john+test@email.tld")).toBe("registered");
    expect(await connect(server, { network: false }).checkEmail("john+test@email.tld")).toBe("registered");
  });

  it("fails as unavailable or misconfigured, never with the vendor's body", async () => {
    await control(server, "POST", "faults", { mode: "503", count: 1 });
    expect((await failure(connect(server).checkEmail("a@example.fr"))).code).toBe("vendor_unavailable");
    const wrongClub = await failure(connect(server, { clubId: "99" }).checkEmail("a@example.fr"));
    expect(wrongClub.code).toBe("vendor_misconfigured");
  });
});

describe("delivery", () => {
  it("creates a prospect with the configured club and source, and answers the contact number", async () => {
    const journal = memoryJournal();
    const result = await connect(server).deliver(person("camille@example.fr"), journal);
    expect(result.reference).toMatch(/^C\d+$/);
    const [contact] = sandbox.contacts("camille@example.fr");
    expect(contact).toMatchObject({ clubId: "1", sourceId: "7", state: "prospect", givenName: "Camille" });
    // The IRI stays in the journal, for staff and for the next call; the person gets the number.
    expect(journal.done.get("create")).toEqual({ contact: `/demoapi/contacts/${contact.id}`, number: result.reference });
  });

  it("sends the address with the country by name, and the mobile in E.164", async () => {
    const data = person("adresse@example.fr", { mobile: "+33612345678", address: { streetAddress: "52 chemin du test", postalCode: "83390", addressLocality: "Toulon", addressCountry: "FR" } });
    await connect(server, { requires: ["address", "mobile"] }).deliver(data, memoryJournal());
    const [contact] = sandbox.contacts("adresse@example.fr");
    expect(contact.address).toEqual({ streetAddress: "52 chemin du test", postalCode: "83390", addressLocality: "Toulon", addressCountry: "France" });
    expect(contact.mobile).toBe("+33612345678");
  });

  it("refuses an email already used with a rule on the email field", async () => {
    const error = await failure(connect(server).deliver(person("deja.inscrit@example.fr"), memoryJournal()));
    expect(error.code).toBe("vendor_rejected");
    expect(readRuleText(error.fields!.email)).toEqual({ keyword: "emailTaken" });
    // Without the choice to transfer, a prospect of another club is a used email too.
    const elsewhere = await failure(connect(server).deliver(person("prospect.toulon@example.fr"), memoryJournal()));
    expect(readRuleText(elsewhere.fields!.email)).toEqual({ keyword: "emailTaken" });
  });

  it("learns a field the client's configuration requires: refused once, asked from then on", async () => {
    await control(server, "PUT", "required", { fields: ["mobile"] });
    const store = memoryStore();
    const connector = connect(server, {}, store);
    expect(Object.keys((await connector.schema()).properties as object)).not.toContain("mobile");
    const error = await failure(connector.deliver(person("mobile@example.fr"), memoryJournal()));
    expect(readRuleText(error.fields!.mobile)).toEqual({ keyword: "required" });
    const schema = await connector.schema();
    expect(schema.required).toContain("mobile");
    expect(store.values.get("required-fields")).toEqual(["mobile"]);
    // A new instance (a restart) reads it back from the store.
    expect((await connect(server, {}, store).schema()).required).toContain("mobile");
    const done = await connector.deliver(person("mobile@example.fr", { mobile: "+33612345678" }), memoryJournal());
    expect(done.reference).toMatch(/^C\d+$/);
  });

  it("learns an object field from a required part of it", async () => {
    await control(server, "PUT", "required", { fields: ["address"] });
    const connector = connect(server, {}, memoryStore());
    const error = await failure(connector.deliver(person("adresse.requise@example.fr"), memoryJournal()));
    expect(readRuleText(error.fields!.address)).toEqual({ keyword: "required" });
    expect((await connector.schema()).required).toContain("address");
  });

  it("migrates a prospect of another club once: temp contact here, then migrate, resuming at the failed step", async () => {
    const connector = connect(server);
    const journal = memoryJournal();
    await control(server, "POST", "faults", { mode: "503", count: 1, routes: "registration" });
    // The first attempt fails at the create; the source was found and is kept.
    expect((await failure(connector.deliver(person("prospect.toulon@example.fr"), journal, { transfer: true }))).code).toBe("vendor_unavailable");
    expect(journal.done.get("source")).toEqual({ contact: "/demoapi/contacts/10296819" });
    const result = await connector.deliver(person("prospect.toulon@example.fr"), journal, { transfer: true });
    expect(sandbox.migrations()).toEqual([{ source: 10296819, target: Number(result.reference.slice(1)), club: "1", email: "prospect.toulon@example.fr" }]);
    const [contact] = sandbox.contacts("prospect.toulon@example.fr");
    expect(contact).toMatchObject({ clubId: "1", state: "prospect", mobile: "+33612341615" });
    // Delivered again (a replay with the same journal): nothing is created or migrated twice.
    await connector.deliver(person("prospect.toulon@example.fr"), journal, { transfer: true });
    expect(sandbox.contacts("prospect.toulon@example.fr")).toHaveLength(1);
    expect(sandbox.migrations()).toHaveLength(1);
  });

  it("finds its own contact after a create whose answer was lost, instead of creating it twice", async () => {
    const connector = connect(server);
    const journal = memoryJournal();
    await control(server, "POST", "faults", { mode: "drop", count: 1, routes: "registration" });
    // "drop" cuts the connection before the sandbox handles the call: nothing was created.
    expect((await failure(connector.deliver(person("perdu@example.fr"), journal))).code).toBe("vendor_unavailable");
    // Now the lost answer: the contact exists, the journal has no result for the step.
    await connect(server).deliver(person("perdu@example.fr"), memoryJournal());
    const result = await connector.deliver(person("perdu@example.fr"), journal);
    expect(sandbox.contacts("perdu@example.fr")).toHaveLength(1);
    expect(result.reference).toBe(`C${sandbox.contacts("perdu@example.fr")[0].id}`);
  });

  it("a transfer chosen for an address that is new by now creates a plain prospect", async () => {
    await connect(server).deliver(person("nouveau.choix@example.fr"), memoryJournal(), { transfer: true });
    expect(sandbox.contacts("nouveau.choix@example.fr")[0].state).toBe("prospect");
    expect(sandbox.migrations()).toHaveLength(0);
  });
});

describe("lookup by email, for staff", () => {
  it("in a club chain: the network's limited view, one contact with its state", async () => {
    const connector = connect(server);
    expect(connector.lookupBy).toBe("email");
    const found = await connector.lookup(" Prospect.Toulon@example.fr ");
    expect(found).toEqual({
      status: "prospect",
      fields: { number: "C10296819", birthDate: "1992-04-22", familyName: "Doe", gender: "female", givenName: "Justine", clubId: "2", state: "prospect", partialPhoneNumber: "******1615" },
    });
    expect(sandbox.requests().networkSearch).toBe(1);
  });

  it("in a club chain: several contacts with the email are each a match, labelled by number, club and state", async () => {
    await control(server, "POST", "contacts", { email: "twice@example.fr", clubId: "1", state: "temp", givenName: "Léa" });
    await control(server, "POST", "contacts", { email: "twice@example.fr", clubId: "3", state: "prospect", givenName: "Léa" });
    const found = await connect(server).lookup("twice@example.fr");
    expect(found?.fields).toEqual({ email: "twice@example.fr" });
    expect(found?.matches?.map((match) => match.label)).toEqual([expect.stringMatching(/^C\d+ · club 1 · temp$/), expect.stringMatching(/^C\d+ · club 3 · prospect$/)]);
    expect(found?.matches?.[1].fields).toMatchObject({ clubId: "3", state: "prospect", givenName: "Léa" });
  });

  it("in one club: the full contact of this club only, its address flattened, without JSON-LD links", async () => {
    const connector = connect(server, { network: false });
    const { reference } = await connector.deliver(person("camille@example.fr", { address: { streetAddress: "52 chemin du test", postalCode: "83390", addressLocality: "Toulon", addressCountry: "FR" } }), memoryJournal());
    const found = await connector.lookup("camille@example.fr");
    expect(found).toMatchObject({ status: "prospect", fields: { number: reference, email: "camille@example.fr", givenName: "Camille", "address.addressLocality": "Toulon", "address.addressCountry": "France", clubId: "1", sourceId: "7" } });
    expect(Object.keys(found!.fields).filter((name) => name.includes("@"))).toEqual([]);
    expect(await connector.lookup("prospect.toulon@example.fr")).toBeNull();
    expect(sandbox.requests().searchContacts).toBe(2);
  });

  it("is null for an unknown email; bad credentials are misconfiguration, an outage unavailable", async () => {
    expect(await connect(server).lookup("personne@example.fr")).toBeNull();
    expect(await connect(server).lookup(" ")).toBeNull();
    const wrong = resamaniaWithToken("not-the-token");
    expect(await failure(wrong.lookup("deja.inscrit@example.fr"))).toMatchObject({ code: "vendor_misconfigured", message: "Resamania refused the request (HTTP 401)" });
    await control(server, "POST", "faults", { mode: "down" });
    expect(await failure(connect(server).lookup("deja.inscrit@example.fr"))).toMatchObject({ code: "vendor_unavailable", retryable: true });
    await control(server, "POST", "faults", { mode: "timeout", count: 1 });
    expect(await failure(connect(server, { timeoutMs: 200 }).lookup("deja.inscrit@example.fr"))).toMatchObject({ code: "vendor_unavailable" });
  });
});

/** A connector for the sandbox that sends another bearer token than the sandbox's. */
function resamaniaWithToken(token: string) {
  const parsed = resamania.optionsSchema.parse({ baseUrl: MOUNT, clientToken: "demoapi", clubId: "1", networkNodeId: "1", sourceId: "7", tokenEnv: "RESAMANIA_TOKEN", network: true });
  return resamania.create({ formId: "club", options: parsed, secret: () => token, resolveUrl: (url) => `${server.url.slice(0, -MOUNT.length)}${url}` }) as ResamaniaConnector;
}
