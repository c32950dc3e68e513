import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SandboxServer } from "@/lib/testing/sandbox-server";
import type { DnlSandbox } from "./sandbox";
import { control, serveSandbox, TOKEN } from "./test-helpers";

describe("the DNL sandbox, over HTTP", () => {
  let sandbox: DnlSandbox;
  let server: SandboxServer;
  const call = (method: string, path: string, headers: Record<string, string> = { accept: "application/json", "X-Auth-Token": TOKEN }, body?: unknown) =>
    fetch(`${server.url}${path}`, { method, headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) }, body: body === undefined ? undefined : JSON.stringify(body) });
  const register = (body: unknown) => call("POST", "/v1/registration", undefined, body);
  const person = { client_name: "Acme", username: "acmevoice", password: "longenough", main_email: "noc@acme.example", company: "Acme Ltd", phone: "+31201234567", address: "Main St 1" };

  beforeAll(async () => ({ sandbox, server } = await serveSandbox()));
  afterAll(() => server.close());
  beforeEach(() => sandbox.reset());

  it("answers the document's example for registration 242, password and all", async () => {
    const answer = await call("GET", "/v1/registration/242");
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { success: boolean; payload: Record<string, unknown> };
    expect(body.success).toBe(true);
    expect(body.payload).toMatchObject({ id: 242, username: "Lusmql", client_name: "Eroucys", status: "new", password: "Hdphfncu", products: [], ip_address: [{ mask: 1, port: 1234, id: 213, ip: "199.111.10.107" }] });
  });

  it("answers the document's errors: no token 110, a wrong one 120, an unknown id 404", async () => {
    const none = await call("GET", "/v1/registration/242", { accept: "application/json" });
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error_type: "unauthenticated_error", success: false, error: { message: "No header X-Auth-Token present", code: 110, reason: "auth_token_not_provided" } });
    const wrong = await call("GET", "/v1/registration/242", { "X-Auth-Token": "nope" });
    expect(await wrong.json()).toEqual({ error_type: "unauthenticated_error", success: false, error: { message: "Incorrect token provided", code: 120, reason: "incorrect_token_provided" } });
    for (const id of ["999999", "abc"]) {
      const unknown = await call("GET", `/v1/registration/${id}`);
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toEqual({ error_type: "Object not found", success: false });
    }
    // The token is checked before the id: a stranger learns nothing about which ids exist.
    expect(((await (await call("GET", "/v1/registration/999999", {})).json()) as { error: { code: number } }).error.code).toBe(110);
  });

  it("signs up (the inferred POST), answers the new id, and serves it back with DNL's own fields", async () => {
    const answer = await register({ ...person, id: 1, status: "active", ip_address: [{ ip: "1.2.3.4" }] });
    expect(answer.status).toBe(200);
    const { success, object_id } = (await answer.json()) as { success: boolean; object_id: number };
    expect(success).toBe(true);
    expect(object_id).toBeGreaterThanOrEqual(1000);
    const { payload } = (await (await call("GET", `/v1/registration/${object_id}`)).json()) as { payload: Record<string, unknown> };
    expect(payload).toMatchObject({ ...person, id: object_id, status: "new", ip_address: [], products: [], city: null, billing_email: null });
    expect(Object.keys(payload)).toEqual(Object.keys(sandbox.registrations()[0]));
    const found = await (await control(server, "GET", `registrations?username=acmevoice`)).json();
    expect(found.registrations).toEqual([expect.objectContaining({ id: object_id, username: "acmevoice" })]);
    expect(JSON.stringify(found)).not.toContain("longenough");
  });

  it("refuses a sign-up naming each field, and stores nothing", async () => {
    const answer = await register({ ...person, main_email: "not-an-email", username: "lusmql", password: "short", company: " " });
    expect(answer.status).toBe(400);
    expect(await answer.json()).toEqual({
      error_type: "validation_error",
      success: false,
      error: {
        message: "Invalid registration",
        reason: "invalid_fields",
        fields: { company: "This field is required.", main_email: "Enter a valid email address.", username: "Username already exists.", password: "Ensure this field has at least 8 characters." },
      },
    });
    expect(sandbox.registrations()).toHaveLength(1);
    expect((await call("POST", "/v1/registration", { "X-Auth-Token": "nope" })).status).toBe(401);
  });

  it("takes a rotated token through its control API: the old one is then wrong (120), until reset", async () => {
    expect((await control(server, "PUT", "token", { token: "rotated" })).status).toBe(204);
    expect(((await (await call("GET", "/v1/registration/242")).json()) as { error: { code: number } }).error.code).toBe(120);
    expect((await call("GET", "/v1/registration/242", { "X-Auth-Token": "rotated" })).status).toBe(200);
    await control(server, "POST", "reset");
    expect((await call("GET", "/v1/registration/242")).status).toBe(200);
    expect((await fetch(`${server.url}/_sandbox/token`, { method: "PUT", body: "{}" })).status).toBe(401);
  });

  it("takes the same faults as the other sandboxes; `registration` faults spare the lookup", async () => {
    expect((await control(server, "POST", "faults", { mode: "503", count: 1 })).status).toBe(200);
    const failed = await call("GET", "/v1/registration/242");
    expect(failed.status).toBe(503);
    expect((await call("GET", "/v1/registration/242")).status).toBe(200);
    await control(server, "POST", "faults", { mode: "down", routes: "registration" });
    expect((await call("GET", "/v1/registration/242")).status).toBe(200);
    expect((await register(person)).status).toBe(503);
    await control(server, "DELETE", "faults");
    expect((await register(person)).status).toBe(200);
    expect(await (await control(server, "GET", "stats")).json()).toMatchObject({ registrationCount: 2, requests: { lookup: 3, register: 2 } });
  });
});
