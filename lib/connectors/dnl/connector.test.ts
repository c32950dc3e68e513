import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { readRuleText } from "@/lib/connectors/types";
import type { SandboxServer } from "@/lib/testing/sandbox-server";
import type { DnlSandbox } from "./sandbox";
import { connect, control, memoryJournal, serveSandbox, signup, TOKEN } from "./test-helpers";

let sandbox: DnlSandbox;
let server: SandboxServer;

beforeAll(async () => ({ sandbox, server } = await serveSandbox()));
afterAll(() => server.close());
afterEach(async () => {
  sandbox.reset();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A proxy in front of DNL that drops the token header (the way DNL's code 110 can happen to a configured app). */
const droppingToken: typeof fetch = (input, init) => {
  const headers = new Headers(init?.headers);
  headers.delete("x-auth-token");
  return fetch(input, { ...init, headers });
};

describe("DNL connector: sign-up (the inferred POST /v1/registration)", () => {
  it("sends the answers flat in DNL's names and returns the id DNL answers as the reference", async () => {
    const journal = memoryJournal();
    const result = await connect(server).deliver(signup("northwind"), journal);
    expect(result).toEqual({ reference: expect.stringMatching(/^\d+$/) });
    expect([...journal.done.keys()]).toEqual(["register"]);
    const stored = sandbox.registrations().find((record) => record.id === Number(result.reference));
    expect(stored).toMatchObject({ username: "northwind", client_name: "Northwind Voice", address: "Herengracht 1", city: "Amsterdam", zip: "1015 BA", country: "NL", billing_email: "billing@northwind.example", state: null, status: "new" });
  });

  it("maps a refusal to the form's fields: the username taken, a required part of the address", async () => {
    const error = await failure(connect(server).deliver(signup("Lusmql", { address: { city: "Amsterdam" } }), memoryJournal()));
    expect(error).toMatchObject({ code: "vendor_rejected", retryable: false });
    expect(readRuleText(error.fields!.username)).toEqual({ keyword: "usernameTaken" });
    expect(readRuleText(error.fields!["address.street"])).toEqual({ keyword: "required" });
    expect(sandbox.registrations()).toHaveLength(1);
  });

  it("retries outages and never takes a token problem for one", async () => {
    await control(server, "POST", "faults", { mode: "503", count: 1, retryAfterSeconds: 2 });
    expect(await failure(connect(server).deliver(signup("outage"), memoryJournal()))).toMatchObject({ code: "vendor_unavailable", retryable: true, retryAfterMs: 2000 });
    expect(await failure(connect(server, {}, "wrong").deliver(signup("outage"), memoryJournal()))).toMatchObject({ code: "vendor_misconfigured", retryable: false });
  });
});

describe("DNL connector: lookup by registration id, for staff", () => {
  it("finds a registration and returns every field but the password", async () => {
    const connector = connect(server);
    expect(connector.lookupBy).toBe("registrationId");
    const found = await connector.lookup(" 242 ");
    expect(found).toMatchObject({ status: "new", fields: { id: 242, username: "Lusmql", client_name: "Eroucys", company: "Vvigkk Byirvk ltd.", phone: "093726428", country: null, products: null } });
    expect(found!.fields.ip_address).toBe("mask: 1, port: 1234, id: 213, ip: 199.111.10.107");
    expect(found!.fields).not.toHaveProperty("password");
    // Every other field of the payload is there, in DNL's order.
    const { password: _password, ...rest } = sandbox.registrations()[0];
    expect(Object.keys(found!.fields)).toEqual(Object.keys(rest));
  });

  it("finds a registration the form made", async () => {
    const connector = connect(server);
    const { reference } = await connector.deliver(signup("lookedup"), memoryJournal());
    expect(await connector.lookup(reference)).toMatchObject({ fields: { id: Number(reference), username: "lookedup", main_email: "ops@northwind.example" }, status: "new" });
  });

  it("is null for an id DNL does not know (its 404) or that cannot be one, without asking DNL for the latter", async () => {
    const connector = connect(server);
    expect(await connector.lookup("999999")).toBeNull();
    const asked = sandbox.requests().lookup;
    for (const key of ["abc", "", "../242", "1.5"]) expect(await connector.lookup(key)).toBeNull();
    expect(sandbox.requests().lookup).toBe(asked);
  });

  it("names each token problem for staff: not set, not received (110), refused (120)", async () => {
    const unset = await failure(connect(server, {}, "").lookup("242"));
    expect(unset).toMatchObject({ code: "vendor_misconfigured", message: expect.stringContaining("DNL_TOKEN") });
    const dropped = await failure(connect(server, {}, TOKEN, droppingToken).lookup("242"));
    expect(dropped).toMatchObject({ code: "vendor_misconfigured", retryable: false, message: expect.stringContaining("code 110") });
    const wrong = await failure(connect(server, {}, "not-the-token").lookup("242"));
    expect(wrong).toMatchObject({ code: "vendor_misconfigured", retryable: false, message: expect.stringMatching(/code 120.*DNL_TOKEN/) });
    expect(wrong.message).not.toContain("not-the-token");
    // DNL's admin rotated the token: the app's one is now refused.
    await control(server, "PUT", "token", { token: "rotated" });
    expect(await failure(connect(server).lookup("242"))).toMatchObject({ code: "vendor_misconfigured", message: expect.stringContaining("code 120") });
  });

  it("is vendor_unavailable when DNL is down, slow or cut off, and misconfigured at a wrong URL", async () => {
    await control(server, "POST", "faults", { mode: "down" });
    expect(await failure(connect(server).lookup("242"))).toMatchObject({ code: "vendor_unavailable", retryable: true });
    await control(server, "POST", "faults", { mode: "timeout", count: 1 });
    expect(await failure(connect(server, { timeoutMs: 200 }).lookup("242"))).toMatchObject({ code: "vendor_unavailable", message: expect.stringContaining("200 ms") });
    await control(server, "POST", "faults", { mode: "drop", count: 1 });
    expect(await failure(connect(server).lookup("242"))).toMatchObject({ code: "vendor_unavailable" });
    await control(server, "DELETE", "faults");
    expect(await failure(connect(server, { baseUrl: `${server.url}/elsewhere` }).lookup("242"))).toMatchObject({ code: "vendor_misconfigured" });
  });

  it("never lets the password out: not in the result, not in an error, not in a log line", async () => {
    vi.stubEnv("LOG_LEVEL", "info");
    const lines: string[] = [];
    for (const method of ["log", "info", "warn", "error", "debug"] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" ")));
    }
    const connector = connect(server);
    const { reference } = await connector.deliver(signup("secretkeeper", { password: "Tr0ub4dor&3-unique" }), memoryJournal());
    const results = [await connector.lookup("242"), await connector.lookup(reference)];
    await control(server, "PUT", "token", { token: "rotated" });
    const errors = [await failure(connector.lookup("242"))];
    const seen = JSON.stringify({ results, errors: errors.map((error) => ({ ...error, message: error.message })), lines });
    for (const password of ["Hdphfncu", "Tr0ub4dor&3-unique"]) expect(seen).not.toContain(password);
    expect(seen).not.toMatch(/password/i);
    expect(results[1]!.fields.username).toBe("secretkeeper");
  });
});
