import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SandboxServer } from "@/lib/testing/sandbox-server";
import type { CrmcomSandbox } from "./sandbox";
import { API_KEY, control, serveSandbox } from "./test-helpers";

let sandbox: CrmcomSandbox;
let server: SandboxServer;

beforeAll(async () => ({ sandbox, server } = await serveSandbox()));
afterAll(() => server.close());
afterEach(() => sandbox.reset());

const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = { api_key: API_KEY }) =>
  fetch(`${server.url}${path}`, { method, headers: { "content-type": "application/json", ...headers }, body: body === undefined ? undefined : JSON.stringify(body) });

/** The document's first register example, as sent. */
const documentExample = (username: string) => ({
  first_name: "John",
  last_name: "Doe",
  identity: { provider: "EMAIL", username, password: "12345678", validation_required: false },
  service_acceptance: "true",
  email_opt_out: "true",
  sms_opt_out: "true",
});

describe("the CRM.COM sandbox, as the document has it", () => {
  it("answers the document's register example with a token whose subject is the contact", async () => {
    const response = await call("POST", "/contacts/register", documentExample("johndoe@crm.com"));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ exp: expect.stringMatching(/^\d+$/), contact: { first_name: "John", is_verified: "true" } });
    const sub = JSON.parse(Buffer.from(body.access_token.split(".")[1], "base64url").toString()).sub;
    expect(sub).toBe(sandbox.contact({ email: "johndoe@crm.com" })!.id);
    expect(sandbox.contact({ email: "johndoe@crm.com" })).toMatchObject({ email_opt_out: true, sms_opt_out: true, service_acceptance: true });
  });

  it("wants the api_key on every call", async () => {
    expect((await call("POST", "/contacts/register", documentExample("a@crm.com"), {})).status).toBe(401);
    expect((await call("POST", "/contacts/register", documentExample("a@crm.com"), { api_key: "other" })).status).toBe(401);
    expect((await call("POST", "/contacts/verify_email?token=X", undefined, {})).status).toBe(401);
  });

  it("refuses a boolean that is neither true nor false, naming the attribute", async () => {
    const response = await call("POST", "/contacts/register", { ...documentExample("b@crm.com"), email_opt_out: "yes" });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ code: "INVALID_PARAMETER", message: "email_opt_out must be true or false", attribute: "email_opt_out" });
  });

  it("takes the contact's token with or without Bearer, and only for that contact", async () => {
    const first = await (await call("POST", "/contacts/register", documentExample("c@crm.com"))).json();
    const second = await (await call("POST", "/contacts/register", documentExample("d@crm.com"))).json();
    const id = sandbox.contact({ email: "c@crm.com" })!.id;
    expect((await call("GET", `/contacts/${id}`, undefined, { api_key: API_KEY, authorization: `Bearer ${first.access_token}` })).status).toBe(200);
    expect((await call("GET", `/contacts/${id}`, undefined, { api_key: API_KEY, authorization: first.access_token })).status).toBe(200);
    expect((await call("GET", `/contacts/${id}`, undefined, { api_key: API_KEY, authorization: `Bearer ${second.access_token}` })).status).toBe(403);
    expect((await call("GET", `/contacts/${id}`, undefined, { api_key: API_KEY })).status).toBe(401);
  });

  it("refreshes an expired token from the body or the header, and refuses a forged one", async () => {
    await control(server, "PUT", "config", { tokenTtlSeconds: 1 });
    const { access_token: token } = await (await call("POST", "/contacts/register", documentExample("e@crm.com"))).json();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const id = sandbox.contact({ email: "e@crm.com" })!.id;
    const expired = await call("GET", `/contacts/${id}`, undefined, { api_key: API_KEY, authorization: `Bearer ${token}` });
    expect(expired.status).toBe(401);
    expect((await expired.json()).code).toBe("TOKEN_EXPIRED");
    expect((await call("POST", "/contacts/refresh", { refresh_token: token })).status).toBe(200);
    expect((await call("POST", "/contacts/refresh", {}, { api_key: API_KEY, refresh_token: token })).status).toBe(200);
    expect((await call("POST", "/contacts/refresh", { refresh_token: `${token.slice(0, -4)}AAAA` })).status).toBe(401);
  });

  it("registers by phone as the document's second example: a code goes out, the answer holds only its id", async () => {
    const response = await call("POST", "/contacts/register", { ...documentExample(""), identity: { provider: "PHONE", phone_number: "99123834", country_code: "CYP" } });
    expect(await response.json()).toEqual({ obfuscated_value: "+35799***834", auth_otp: expect.any(String) });
    expect(sandbox.outbox("+35799123834")).toEqual([expect.objectContaining({ channel: "sms", code: expect.stringMatching(/^\d{6}$/) })]);
    const alpha2 = await call("POST", "/contacts/register", { ...documentExample(""), identity: { provider: "PHONE", phone_number: "99123835", country_code: "CY" } });
    expect(await alpha2.json()).toMatchObject({ attribute: "country_code" });
  });
});
