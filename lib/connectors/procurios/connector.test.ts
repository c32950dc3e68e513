import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { controlHeaders, type SandboxServer } from "@/lib/testing/sandbox-server";
import type { ConnectorStore } from "@/lib/connectors/module";
import { ruleText, type JsonSchema } from "@/lib/connectors/types";
import { withRequiredParts } from "./address";
import { AppError } from "@/lib/errors";
import { wordRejection } from "@/lib/forms/vendor-errors";
import { translator } from "@/lib/i18n";
import type { ProcuriosConnector } from "./connector";
import { procurios } from "./index";
import type { ProcuriosSandbox } from "./sandbox";
import { member, memoryJournal, serveSandbox, TOKEN } from "./test-helpers";

let sandbox: ProcuriosSandbox;
let server: SandboxServer;

beforeAll(async () => ({ sandbox, server } = await serveSandbox({ completionDelayMs: 200 })));
afterAll(() => server.close());
afterEach(() => sandbox.reset());

function connect(options: Record<string, unknown> = {}, token = TOKEN, store?: ConnectorStore): ProcuriosConnector {
  const parsed = procurios.optionsSchema.parse({ baseUrl: "/sandbox/procurios", registrationSetId: 77, tokenEnv: "PROCURIOS_TOKEN", ...options });
  return procurios.create({
    formId: "members",
    options: parsed,
    secret: (name) => (name === "PROCURIOS_TOKEN" ? token : undefined),
    resolveUrl: (url) => (url.startsWith("/") ? `${server.url.replace(/\/sandbox\/procurios$/, "")}${url}` : url),
    store,
  }) as ProcuriosConnector;
}

const setFault = (fault: Record<string, unknown>) =>
  fetch(`${server.url}/_sandbox/faults`, { method: "POST", headers: controlHeaders(), body: JSON.stringify(fault) }).then((r) => expect(r.status).toBe(200));

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("calls", () => {
  it("lists sets and returns the schema as the vendor sent it", async () => {
    const connector = connect();
    expect(await connector.listSets()).toEqual([{ id: 42, title: "Demo registration set" }, { id: 77, title: "Club membership" }]);
    const schema = await connector.schema();
    expect(schema.$schema).toBe(String.raw`http:\/\/json-schema.org\/draft-07\/schema#`);
    expect((schema.properties as Record<string, { type: string }>).birth_date.type).toBe("date");
    // The parts the vendor insists on, which its schema does not mark.
    expect((schema.properties as Record<string, { required?: string[] }>).address.required).toEqual(["street", "number", "postcode", "town", "country"]);
  });

  it("validates the whole set and returns every vendor message unchanged, with its language and meaning", async () => {
    const connector = connect();
    expect(await connector.validate(member())).toEqual({});
    const errors = await connector.validate({ username: "newmember", address: { street: "Fortweg" } });
    expect(errors.email).toEqual({ text: "Dit veld is verplicht", lang: "nl", rule: { keyword: "required" } });
    expect(errors.address).toEqual({ text: "Vul een volledig adres in", lang: "nl" });
    expect(Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, message.text]))).toEqual({
      email: "Dit veld is verplicht",
      password: "Dit veld is verplicht",
      first_name: "Dit veld is verplicht",
      name: "Dit veld is verplicht",
      birth_date: "Dit veld is verplicht",
      address: "Vul een volledig adres in",
      membership: "Dit veld is verplicht",
      terms: "Dit veld is verplicht",
    });
  });

  it("checks usernames, encoding them", async () => {
    const connector = connect();
    expect(await connector.isUsernameAvailable("username42")).toBe(true);
    expect(await connector.isUsernameAvailable("Taken")).toBe(false);
    expect(await connector.isUsernameAvailable("a b?c#d")).toBe(true);
  });

  it("never lets a username walk to another vendor path", async () => {
    const connector = connect();
    const before = sandbox.stats().requests;
    for (const value of ["..", ".", "a/b", "..%2F"]) {
      await expect(connector.isUsernameAvailable(value)).rejects.toMatchObject({ code: "bad_request" });
    }
    expect(sandbox.stats().requests).toEqual(before);
  });
});

describe("deliver", () => {
  it("registers once, reports pending until complete, then returns the relation id", async () => {
    const connector = connect();
    const journal = memoryJournal();
    const pending = await failure(connector.deliver(member(), journal));
    expect([pending.code, pending.retryable, pending.retryAfterMs, pending.message]).toEqual([
      "vendor_pending", true, 1000, "registration not complete yet",
    ]);
    expect(journal.done.get("register")).toEqual({ registrationId: expect.any(Number) });

    await new Promise((resolve) => setTimeout(resolve, 250));
    const result = await connector.deliver(member(), journal);
    expect(result.reference).toMatch(/^\d+$/);
    expect(sandbox.stats()).toMatchObject({
      registrationCount: 1,
      registrations: [{ username: "newmember", email: "new@example.nl", name: "Jansen" }],
      requests: { register: 1, registrationStatus: 2 },
    });
  });

  it("maps the vendor's rejection to field errors, with the meanings the page words in its own language", async () => {
    const error = await failure(connect().deliver(member({ username: "admin", terms: false }), memoryJournal()));
    expect([error.code, error.retryable, error.fields]).toEqual([
      "vendor_rejected", false, { username: ruleText({ keyword: "usernameTaken" }), terms: ruleText({ keyword: "const" }) },
    ]);
    // What the person polling the registration reads, in the page's language (Procurios' were Dutch).
    const schema = { type: "object", properties: { username: { type: "string", title: "Username" }, terms: { type: "boolean", const: true, title: "I accept the terms" } } };
    const en = translator("en");
    const worded = wordRejection(error.fields!, schema, { username: "admin", terms: false }, en);
    expect(worded.username).toBe(en("usernameTaken", { value: "admin" }));
    expect(worded.terms).not.toBe("U moet akkoord gaan met de voorwaarden");
    expect(worded.terms).toContain("I accept the terms");
  });
});

describe("failures", () => {
  it("maps 503 with Retry-After and 429 to retryable unavailability", async () => {
    await setFault({ mode: "503", count: 1, retryAfterSeconds: 4 });
    const busy = await failure(connect().listSets());
    expect([busy.code, busy.retryable, busy.retryAfterMs]).toEqual(["vendor_unavailable", true, 4000]);
    await setFault({ mode: "429", count: 1 });
    const limited = await failure(connect().isUsernameAvailable("x"));
    expect([limited.code, limited.retryAfterMs]).toEqual(["vendor_unavailable", 1000]);
  });

  it("gives up after timeoutMs and survives a dropped connection", async () => {
    await setFault({ mode: "timeout", count: 1 });
    const started = Date.now();
    const timeout = await failure(connect({ timeoutMs: 200 }).listSets());
    expect([timeout.code, timeout.retryable, timeout.message]).toEqual(["vendor_unavailable", true, "Procurios did not answer within 200 ms"]);
    expect(Date.now() - started).toBeLessThan(2000);
    await setFault({ mode: "drop", count: 1 });
    const dropped = await failure(connect().listSets());
    expect([dropped.code, dropped.retryable]).toEqual(["vendor_unavailable", true]);
  });

  it("reports wrong credentials or set as misconfiguration without the token", async () => {
    const wrong = await failure(connect({}, "leaked-secret").listSets());
    expect([wrong.code, wrong.retryable, wrong.message]).toEqual(["vendor_misconfigured", false, "Procurios refused the request (HTTP 401)"]);
    expect(JSON.stringify({ ...wrong, message: wrong.message })).not.toContain("leaked-secret");
    expect((await failure(connect({ registrationSetId: 5 }).schema())).code).toBe("vendor_misconfigured");
    const missing = await failure(connect({}, "").schema());
    expect([missing.code, missing.message]).toEqual(["internal", "The Procurios access token is missing: set the environment variable PROCURIOS_TOKEN"]);
  });

  it("serves the cached schema while the vendor is down", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const connector = connect({ schemaTtlMs: 0 });
    const fresh = await connector.schema();
    await setFault({ mode: "down" });
    expect(await connector.schema()).toEqual(fresh);
    await vi.waitFor(() => expect(warn).toHaveBeenCalledTimes(1));
    expect(String(warn.mock.calls[0][0])).not.toMatch(/Username|address/);
    expect((await failure(connect().schema())).code).toBe("vendor_unavailable");
    warn.mockRestore();
  });

  it("serves the stored schema after a restart while the vendor is down", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const saved = new Map<string, unknown>();
    const store = { load: async (key: string) => saved.get(key), save: async (key: string, value: unknown) => void saved.set(key, value) };
    const fresh = await connect({}, undefined, store).schema();
    expect(withRequiredParts(saved.get("schema") as JsonSchema)).toEqual(fresh);
    await setFault({ mode: "down" });
    const restarted = connect({}, undefined, store);
    expect(await restarted.schema()).toEqual(fresh);
    expect((await failure(connect({}, undefined, { load: async () => undefined, save: async () => {} }).schema())).code).toBe("vendor_unavailable");
    warn.mockRestore();
  });

  it("does not make a form wait for a slow vendor once it has a copy", async () => {
    const connector = connect({ schemaTtlMs: 0 });
    const fresh = await connector.schema();
    await setFault({ mode: "slow", delayMs: 1500 });
    const started = Date.now();
    expect(await connector.schema()).toEqual(fresh);
    expect(Date.now() - started).toBeLessThan(500);
  });
});

describe("lookup, for staff", () => {
  it("finds a registration by its registrationId: not complete (maybe unknown) at first, then complete with its relationId", async () => {
    const connector = connect();
    expect(connector.lookupBy).toBe("registrationId");
    const journal = memoryJournal();
    await failure(connector.deliver(member(), journal));
    const { registrationId } = journal.done.get("register") as { registrationId: number };
    expect(await connector.lookup(String(registrationId))).toEqual({ fields: { registrationId, relationId: null }, status: "not complete", maybeUnknown: true });
    await new Promise((resolve) => setTimeout(resolve, 250));
    const { reference } = await connector.deliver(member(), journal);
    expect(await connector.lookup(` ${registrationId} `)).toEqual({ fields: { registrationId, relationId: Number(reference) }, status: "complete" });
  });

  it("cannot tell an unknown id from a registration not complete (Procurios' 404), and says so; a key that is no id is null", async () => {
    const connector = connect();
    expect(await connector.lookup("999999")).toEqual({ fields: { registrationId: 999999, relationId: null }, status: "not complete", maybeUnknown: true });
    const before = sandbox.stats().requests.registrationStatus;
    for (const key of ["abc", "", "12/13", "-1"]) expect(await connector.lookup(key)).toBeNull();
    expect(sandbox.stats().requests.registrationStatus).toBe(before);
  });

  it("names bad credentials and an unknown set as misconfiguration, and an outage as unavailable", async () => {
    expect(await failure(connect({}, "wrong-token").lookup("100"))).toMatchObject({ code: "vendor_misconfigured", message: "Procurios refused the request (HTTP 401)" });
    expect(await failure(connect({ registrationSetId: 5 }).lookup("100"))).toMatchObject({ code: "vendor_misconfigured", message: expect.stringContaining("registration set 5") });
    await setFault({ mode: "down" });
    expect(await failure(connect().lookup("100"))).toMatchObject({ code: "vendor_unavailable", retryable: true });
    await setFault({ mode: "timeout", count: 1 });
    expect(await failure(connect({ timeoutMs: 200 }).lookup("100"))).toMatchObject({ code: "vendor_unavailable" });
  });
});
