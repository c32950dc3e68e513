import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { controlHeaders, type SandboxServer } from "@/lib/testing/sandbox-server";
import { customerBody } from "./body";
import type { PureproSandbox } from "./sandbox";
import { customer, serveSandbox, TOKEN } from "./test-helpers";

const auth = { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" };

describe("the PurePro sandbox, over HTTP", () => {
  let sandbox: PureproSandbox;
  let server: SandboxServer;
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = auth) =>
    fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const add = (body: unknown, path = "/Customer/ACC1000001/BU1000001") => call("POST", path, body);

  beforeAll(async () => ({ sandbox, server } = await serveSandbox()));
  afterAll(() => server.close());
  beforeEach(() => sandbox.reset());

  it("adds a customer, generating a reference for a blank one, and gets it back", async () => {
    const answer = await add(customerBody(customer()));
    expect(answer.status).toBe(200);
    const { Reference, Status } = (await answer.json()) as { Reference: string; Status: string };
    expect(Reference).toMatch(/^CU\d{6}$/);
    expect(Status).toBe("Active");
    const got = await call("GET", `/Customer/ACC1000001/BU1000001/${Reference}`);
    expect(got.status).toBe(200);
    expect(await got.json()).toMatchObject({ Reference, Name: "Acme Trading Ltd", Status: "Active" });
    expect((await call("GET", "/Customer/ACC1000001/BU1000001/CU999999")).status).toBe(404);
  });

  it("keeps a given reference and refuses it a second time", async () => {
    expect(await (await add({ ...customerBody(customer()), Reference: "ACME-1" })).json()).toMatchObject({ Reference: "ACME-1" });
    const again = await add({ ...customerBody(customer()), Reference: "ACME-1" });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ Errors: [{ Property: "Reference", Message: "A customer with this reference already exists" }] });
  });

  it("answers 200 for a record it keeps as failed: no bank details, no address, GB with an international address", async () => {
    const { Bank: _bank, Address: _address, ...bare } = customerBody(customer());
    const answer = await add(bare);
    expect(answer.status).toBe(200);
    const body = (await answer.json()) as { Status: string; ValidationErrors: Array<{ Property: string }> };
    expect(body.Status).toBe("ValidationError");
    expect(body.ValidationErrors.map((error) => error.Property)).toEqual(["Bank", "Address"]);
    const gb = await add({ ...customerBody(customer()), Address: { InternationalAddress: true, Address1: "1 High St", Address2: "Soho", Country: "United Kingdom" } });
    expect(await gb.json()).toMatchObject({
      Status: "ValidationError",
      ValidationErrors: [{ Property: "Address.Country", Message: "Cannot set International Address when Country is UK for the supplier Acme Trading Ltd" }],
    });
    const cheque = customerBody({ ...customer(), PayMethod: "Cheque" });
    delete cheque.Bank;
    expect(await (await add(cheque)).json()).toMatchObject({ Status: "Active" });
  });

  it("refuses the document's mistakes with its messages, and stores nothing", async () => {
    const answer = await add({ ...customerBody(customer()), Name: "", PayMethod: "Card", ApprovalFrequency: -5, Contact: { FirstName: "Jo" } });
    expect(answer.status).toBe(400);
    const { Errors } = (await answer.json()) as { Errors: Array<{ Property: string; Message: string }> };
    expect(Errors).toEqual(
      expect.arrayContaining([
        { Property: "Name", Message: "You must enter a Supplier Name" },
        { Property: "PayMethod", Message: "You must provide a valid Payment method." },
        { Property: "ApprovalFrequency", Message: "Approval Frequency cannot be negative" },
        { Property: "Contact.LastName", Message: "You must enter a Last Name" },
      ]),
    );
    expect(sandbox.customers()).toHaveLength(0);
    expect((await add({ ...customerBody(customer()), backingData: { costCentre: "1" } })).status).toBe(400);
  });

  it("updates by Reference (required), takes backingData only there", async () => {
    const { Reference } = (await (await add(customerBody(customer()))).json()) as { Reference: string };
    expect(await (await call("PUT", "/Customer/ACC1000001/BU1000001", { Name: "X" })).json()).toEqual({ Errors: [{ Property: "Reference", Message: "You must input a customer reference" }] });
    expect((await call("PUT", "/Customer/ACC1000001/BU1000001", { Reference: "CU999999" })).status).toBe(404);
    const updated = await call("PUT", "/Customer/ACC1000001/BU1000001", { Reference, BillingGroup: "North", backingData: { costCentre: "1" } });
    expect(await updated.json()).toEqual({ Reference, Status: "Active" });
    expect(sandbox.customers()[0]).toMatchObject({ body: { BillingGroup: "North" }, backingData: { costCentre: "1" } });
  });

  it("wants the account and business unit, known and not blank, and the token", async () => {
    expect(await (await add(customerBody(customer()), "/Customer/%20/BU1000001")).json()).toEqual({ Errors: [{ Property: "Account", Message: "Account cannot be left blank" }] });
    expect((await add(customerBody(customer()), "/Customer/ACC1000001//")).status).toBe(400);
    expect((await add(customerBody(customer()), "/Customer/ACC1000001/%20")).status).toBe(400);
    expect(await (await add(customerBody(customer()), "/Customer/NOPE/BU1000001")).json()).toEqual({ Message: "Account not found" });
    expect(await (await add(customerBody(customer()), "/Customer/ACC1000001/NOPE")).json()).toEqual({ Message: "Business unit not found" });
    expect((await call("POST", "/Customer/ACC1000001/BU1000001", customerBody(customer()), { Authorization: "Bearer wrong" })).status).toBe(401);
    expect((await call("POST", "/Customer/ACC1000001/BU1000001", customerBody(customer()), { Authorization: TOKEN })).status).toBe(401);
  });

  it("takes the same faults as the other sandboxes through its control API", async () => {
    const set = await fetch(`${server.url}/_sandbox/faults`, { method: "POST", headers: controlHeaders(), body: JSON.stringify({ mode: "503", count: 1 }) });
    expect(set.status).toBe(200);
    const failed = await add(customerBody(customer()));
    expect(failed.status).toBe(503);
    expect(failed.headers.get("retry-after")).toBe("1");
    expect((await add(customerBody(customer()))).status).toBe(200);
    expect((await fetch(`${server.url}/_sandbox/faults`, { method: "POST", body: "{}" })).status).toBe(401);
  });
});
