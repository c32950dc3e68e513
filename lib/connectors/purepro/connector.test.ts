import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { controlHeaders, startSandboxServer, type SandboxServer } from "@/lib/testing/sandbox-server";
import { customerBody } from "./body";
import type { PureproConnector } from "./connector";
import { purepro } from "./index";
import { createPureproSandbox, type PureproSandbox } from "./sandbox";
import { customer, memoryJournal, serveSandbox, TOKEN } from "./test-helpers";

let sandbox: PureproSandbox;
let server: SandboxServer;

beforeAll(async () => ({ sandbox, server } = await serveSandbox()));
afterAll(() => server.close());
afterEach(() => sandbox.reset());

function connect(options: Record<string, unknown> = {}, token = TOKEN, base = server.url): PureproConnector {
  const parsed = purepro.optionsSchema.parse({ publicApiUrl: base, accountReference: "ACC1000001", businessUnitReference: "BU1000001", tokenEnv: "PUREPRO_TOKEN", ...options });
  return purepro.create({ formId: "purepro", options: parsed, secret: (name) => (name === "PUREPRO_TOKEN" ? token : undefined), resolveUrl: (url) => url }) as PureproConnector;
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("PurePro connector", () => {
  it("delivers a customer in one call and shows the reference PurePro generated", async () => {
    const journal = memoryJournal();
    const result = await connect().deliver(customer(), journal);
    expect(result).toEqual({ reference: expect.stringMatching(/^CU\d{6}$/) });
    expect([...journal.done.keys()]).toEqual(["add"]);
    expect(sandbox.customers()[0]).toMatchObject({ reference: result.reference, status: "Active", body: { Name: "Acme Trading Ltd", Reference: result.reference } });
  });

  it("keeps the reference the person gave", async () => {
    expect(await connect().deliver({ ...customer(), Reference: " ACME-7 " }, memoryJournal())).toEqual({ reference: "ACME-7" });
  });

  it("never takes a 200 with a failed record for a success: it returns the vendor's fields as failedValidation", async () => {
    const data = { ...customer(), PayMethod: "Manual", Address: { InternationalAddress: true, Address1: "1 High St", Address2: "Soho", Country: "UK" } };
    delete (data as Record<string, unknown>).Bank;
    const result = await connect().deliver(data, memoryJournal());
    expect(result.failedValidation).toEqual({
      Bank: expect.stringContaining("Bank details are missing"),
      "Address.Country": "Cannot set International Address when Country is UK for the supplier Acme Trading Ltd",
    });
    expect(sandbox.customers()[0].status).toBe("ValidationError");
  });

  it("sends an international account's AccountName, IBAN, BIC and optional fields only", async () => {
    const data = {
      ...customer(),
      BacsOption: "NatWest Bankline International",
      Bank: { InternationalBankAccount: true, AccountName: "Acme", IBAN: "gb82 west 1234 5698 7654 32", BIC: "nwbkgb2l", SortCode: "601613", AccountNumber: "12345678", BankName: "NatWest" },
    };
    expect(customerBody(data).Bank).toEqual({ InternationalBankAccount: true, AccountName: "Acme", IBAN: "GB82WEST12345698765432", BIC: "NWBKGB2L", BankName: "NatWest" });
    expect((await connect().deliver(data, memoryJournal())).failedValidation).toBeUndefined();
    // Cheque: no bank details, whatever the answers hold; abroad: the country as typed, the postcode free.
    const cheque = customerBody({ ...customer(), PayMethod: "Cheque", Address: { Address1: "1 rue X", Address2: "Y", InternationalAddress: true, Country: "France", Postcode: "75001" } });
    expect(cheque).not.toHaveProperty("Bank");
    expect(cheque).not.toHaveProperty("BacsOption");
    expect(cheque.Address).toEqual({ InternationalAddress: true, Address1: "1 rue X", Address2: "Y", Postcode: "75001", Country: "France" });
    // VatNumberValid is never null for PurePro: an unticked box is false.
    expect(customerBody({ ...customer(), VatNumberValid: undefined }).VatNumberValid).toBe(false);
    expect(customerBody({ ...customer(), VatNumberValid: true }).VatNumberValid).toBe(true);
    expect(customerBody({ ...customer(), Address: { Address1: "1 High St", Town: "London", Postcode: "sw1a1aa" } }).Address).toMatchObject({ Postcode: "SW1A 1AA" });
  });

  it("maps a refusal to vendor_rejected with the vendor's fields, and configuration problems to vendor_misconfigured", async () => {
    const rejected = await failure(connect().deliver({ ...customer(), Currency: "JPY" }, memoryJournal()));
    expect(rejected).toMatchObject({ code: "vendor_rejected", retryable: false, fields: { Currency: "You must provide a valid Currency." } });
    expect(await failure(connect({ accountReference: "NOPE" }).deliver(customer(), memoryJournal()))).toMatchObject({ code: "vendor_misconfigured" });
    expect(await failure(connect({}, "wrong").deliver(customer(), memoryJournal()))).toMatchObject({ code: "vendor_misconfigured" });
    expect(await failure(connect({}, "").deliver(customer(), memoryJournal()))).toMatchObject({ code: "internal", message: expect.stringContaining("PUREPRO_TOKEN") });
  });

  it("retries outages: 503 with Retry-After and timeouts are vendor_unavailable", async () => {
    await fetch(`${server.url}/_sandbox/faults`, { method: "POST", headers: controlHeaders(), body: JSON.stringify({ mode: "503", count: 1, retryAfterSeconds: 3 }) });
    expect(await failure(connect().deliver(customer(), memoryJournal()))).toMatchObject({ code: "vendor_unavailable", retryable: true, retryAfterMs: 3000 });
    await fetch(`${server.url}/_sandbox/faults`, { method: "POST", headers: controlHeaders(), body: JSON.stringify({ mode: "timeout", count: 1 }) });
    expect(await failure(connect({ timeoutMs: 200 }).deliver(customer(), memoryJournal()))).toMatchObject({ code: "vendor_unavailable", retryable: true });
  });

  it("sends the credential the way the options say", async () => {
    const apiKey = createPureproSandbox({ token: "k-1", authHeader: "X-Api-Key", authScheme: "" });
    const keyed = await startSandboxServer(apiKey, { mount: "/sandbox/purepro" });
    try {
      expect((await connect({ authHeader: "X-Api-Key", authScheme: "" }, "k-1", keyed.url).deliver(customer(), memoryJournal())).reference).toMatch(/^CU/);
      expect(await failure(connect({}, "k-1", keyed.url).deliver(customer(), memoryJournal()))).toMatchObject({ code: "vendor_misconfigured" });
    } finally {
      await keyed.close();
    }
  });

  it("gets and updates a customer for the staff console", async () => {
    const connector = connect();
    const { reference } = await connector.deliver(customer(), memoryJournal());
    expect(await connector.getCustomer(reference)).toMatchObject({ reference, status: "Active", validationErrors: {}, record: { Name: "Acme Trading Ltd" } });
    expect(await connector.updateCustomer({ Reference: reference, BillingGroup: "North", backingData: { costCentre: "1" } })).toEqual({ reference, status: "Active", validationErrors: {} });
    expect(sandbox.customers()[0]).toMatchObject({ body: { BillingGroup: "North" }, backingData: { costCentre: "1" } });
    expect(await failure(connector.updateCustomer({ Reference: " " }))).toMatchObject({ code: "bad_request", fields: { Reference: expect.any(String) } });
    expect(await failure(connector.getCustomer("CU999999"))).toMatchObject({ code: "vendor_misconfigured" });
    expect(await failure(connector.getCustomer(".."))).toMatchObject({ code: "bad_request" });
  });

  it("serves its derived schema, the same object each time", async () => {
    const connector = connect();
    expect(await connector.schema()).toBe(await connector.schema());
  });
});

describe("PurePro lookup, for staff", () => {
  it("finds a customer by reference: fields flattened, bank numbers masked, PurePro's status", async () => {
    const connector = connect();
    expect(connector.lookupBy).toBe("reference");
    const { reference } = await connector.deliver(customer(), memoryJournal());
    const found = await connector.lookup(` ${reference} `);
    expect(found).toEqual({
      status: "Active",
      fields: expect.objectContaining({ Reference: reference, Name: "Acme Trading Ltd", Email: "accounts@acme.example", "Address.Town": "London", "Bank.SortCode": "601613", "Bank.AccountNumber": "••••5678" }),
    });
    expect(JSON.stringify(found)).not.toContain("12345678");
    expect(found!.fields).not.toHaveProperty("ValidationErrors");
  });

  it("gives a failed record's status and PurePro's messages", async () => {
    const connector = connect();
    const data = { ...customer(), Address: { InternationalAddress: true, Address1: "1 High St", Address2: "Soho", Country: "UK" } };
    const { reference } = await connector.deliver(data, memoryJournal());
    expect(await connector.lookup(reference)).toMatchObject({
      status: "ValidationError",
      fields: { ValidationErrors: "Address.Country: Cannot set International Address when Country is UK for the supplier Acme Trading Ltd" },
    });
  });

  it("is null for a reference PurePro does not know; an unknown account, bad credentials are misconfiguration; an outage unavailable", async () => {
    expect(await connect().lookup("CU999999")).toBeNull();
    expect(await connect().lookup("  ")).toBeNull();
    expect(await failure(connect().lookup("../BU1000001"))).toMatchObject({ code: "bad_request" });
    expect(await failure(connect({ accountReference: "NOPE" }).lookup("CU000001"))).toMatchObject({ code: "vendor_misconfigured" });
    expect(await failure(connect({}, "wrong").lookup("CU000001"))).toMatchObject({ code: "vendor_misconfigured", message: "PurePro refused the request (HTTP 401)" });
    await fetch(`${server.url}/_sandbox/faults`, { method: "POST", headers: controlHeaders(), body: JSON.stringify({ mode: "down" }) });
    expect(await failure(connect().lookup("CU000001"))).toMatchObject({ code: "vendor_unavailable", retryable: true });
  });
});
