import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SandboxServer } from "@/lib/testing/sandbox-server";
import { isAwaiting, readRuleText, type AwaitingPerson, type DeliveryResult, type PersonChallenge } from "@/lib/connectors/types";
import { AppError } from "@/lib/errors";
import type { CrmcomSandbox } from "./sandbox";
import { byEmail, byPhone, connect, control, memoryJournal } from "./test-helpers";

let sandbox: CrmcomSandbox;
let server: SandboxServer;

beforeAll(async () => ({ sandbox, server } = await (await import("./test-helpers")).serveSandbox()));
afterAll(() => server.close());
afterEach(() => sandbox.reset());

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function waiting(result: DeliveryResult | AwaitingPerson): PersonChallenge {
  expect(isAwaiting(result)).toBe(true);
  return (result as AwaitingPerson).awaiting;
}

function delivered(result: DeliveryResult | AwaitingPerson): string {
  expect(isAwaiting(result)).toBe(false);
  return (result as DeliveryResult).reference;
}

const lastCode = (phone: string) => sandbox.outbox(phone).at(-1)!.code!;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("sign-up by email", () => {
  it("registers, then sends the demographics, the consent state and the home address with the contact's token", async () => {
    const journal = memoryJournal();
    const data = byEmail("eleni@example.com", {
      date_of_birth: "1990-05-07",
      gender: "FEMALE",
      referral_code: "WELCOME10",
      address: { address_line_1: "Elia Papakyriakou 1", town_city: "Nicosia", postal_code: "2000", country_code: "CY" },
    });
    const reference = delivered(await connect(server).deliver(data, journal));
    expect(reference).toMatch(/^C-\d{6}$/);
    const contact = sandbox.contact({ email: "eleni@example.com" })!;
    expect(contact).toMatchObject({
      code: reference,
      first_name: "Eleni",
      email_opt_out: false,
      sms_opt_out: true,
      referral_code: "WELCOME10",
      consent_state: "ACCEPTED",
      demographics: { gender: "FEMALE", date_of_birth: { year: 1990, month: 5, day: "7" } },
    });
    expect(contact.addresses).toEqual([expect.objectContaining({ address_type: "HOME", address_line_1: "Elia Papakyriakou 1", country_code: "CY", is_primary: true })]);
    expect(journal.ran).toEqual(["register", "contact", "consents", "address", "reference"]);
    // The token is kept only in a sealed step.
    expect(journal.secrets).toEqual(new Set(["register"]));
    expect(sandbox.registrations()).toBe(1);
  });

  it("asks the vendor to email a link when the address must be verified, and verifies it with the link's token", async () => {
    const connector = connect(server, { validationRequired: true });
    await connector.deliver(byEmail("verify@example.com"), memoryJournal());
    expect(sandbox.contact({ email: "verify@example.com" })!.is_verified).toBe(false);
    const [mail] = sandbox.outbox("verify@example.com");
    const token = new URL(mail.link!).searchParams.get("token")!;
    expect(new URL(mail.link!).pathname).toBe("/verify-email/crmcom");
    expect(await connector.verifyEmail(token)).toBe(true);
    expect(sandbox.contact({ email: "verify@example.com" })!.is_verified).toBe(true);
    expect(await connector.verifyEmail(token)).toBe(false);
    expect(await connector.verifyEmail("NOT-A-TOKEN")).toBe(false);
  });

  it("refuses an address already registered on the email field, in the app's words", async () => {
    await connect(server).deliver(byEmail("taken@example.com"), memoryJournal());
    const error = await failure(connect(server).deliver(byEmail("TAKEN@example.com"), memoryJournal()));
    expect(error.code).toBe("vendor_rejected");
    expect(readRuleText(error.fields!.email)).toEqual({ keyword: "alreadyRegistered" });
    expect(sandbox.registrations()).toBe(1);
  });

  it("puts the vendor's message on the field its attribute names", async () => {
    const error = await failure(connect(server).deliver(byEmail("ref@example.com", { referral_code: "NOPE" }), memoryJournal()));
    expect(error.fields).toEqual({ referral_code: "The referral code does not exist" });
  });

  it("resumes after a failure midway at the failed call, never registering twice", async () => {
    const connector = connect(server);
    const journal = memoryJournal();
    const data = byEmail("resume@example.com", { address: { address_line_1: "Odos 2", town_city: "Limassol", country_code: "CY" } });
    await control(server, "POST", "faults", { mode: "503", count: 1, route: "addAddress" });
    expect((await failure(connector.deliver(data, journal))).code).toBe("vendor_unavailable");
    expect(sandbox.contact({ email: "resume@example.com" })!.addresses).toHaveLength(0);
    delivered(await connector.deliver(data, journal));
    expect(sandbox.contact({ email: "resume@example.com" })!.addresses).toHaveLength(1);
    expect(sandbox.registrations()).toBe(1);
    expect(sandbox.requests().register).toBe(1);
  });

  it("refreshes a kept token that expired before the next attempt", async () => {
    await control(server, "PUT", "config", { tokenTtlSeconds: 1 });
    const connector = connect(server);
    const journal = memoryJournal();
    const data = byEmail("later@example.com", { address: { address_line_1: "Odos 3", town_city: "Paphos", country_code: "CY" } });
    await control(server, "POST", "faults", { mode: "503", count: 1, route: "updateConsents" });
    await failure(connector.deliver(data, journal));
    await sleep(1_100);
    delivered(await connector.deliver(data, journal));
    expect(sandbox.requests().refresh).toBeGreaterThanOrEqual(1);
    expect(sandbox.registrations()).toBe(1);
  });

  it("treats a refused api_key as the operators' problem", async () => {
    const error = await failure(connect(server, {}, "wrong-key").deliver(byEmail("key@example.com"), memoryJournal()));
    expect(error.code).toBe("vendor_misconfigured");
    expect(error.retryable).toBe(false);
    expect(error.message).not.toContain("wrong-key");
  });
});

describe("sign-up by phone", () => {
  it("waits for the person's code, takes a wrong one as a wrong code, then finishes with the right one", async () => {
    const connector = connect(server);
    const journal = memoryJournal();
    const data = byPhone("+35799123834", { date_of_birth: "1985-12-24", gender: "MALE" });
    const first = waiting(await connector.deliver(data, journal));
    expect(first).toMatchObject({ kind: "otp", destination: "+35799***834", triesLeft: 3, round: 0 });
    expect(first.problem).toBeUndefined();
    expect(first.expiresAt).toBeGreaterThan(Date.now());
    const phone = sandbox.contact({ phone: "+35799123834" })!.phone;
    // The document's example: national number and alpha-3 country, booleans as strings.
    expect(phone).toEqual({ e164: "+35799123834", phone_number: "99123834", country_code: "CYP" });
    const code = lastCode("+35799123834");
    const wrong = waiting(await connector.deliver(data, journal, undefined, { challenge: first, code: code === "000000" ? "111111" : "000000" }));
    expect(wrong).toMatchObject({ problem: "wrong_code", triesLeft: 2 });
    const reference = delivered(await connector.deliver(data, journal, undefined, { challenge: wrong, code }));
    expect(reference).toMatch(/^C-/);
    const contact = sandbox.contact({ phone: "+35799123834" })!;
    expect(contact).toMatchObject({ is_verified: true, consent_state: "REJECTED", demographics: { gender: "MALE", date_of_birth: { year: 1985, month: 12, day: "24" } } });
    expect([...journal.secrets].sort()).toEqual(["register", "verify"]);
    expect(sandbox.registrations()).toBe(1);
  });

  it("sends a new code once the cooldown is over; the old code no longer works", async () => {
    const journal = memoryJournal();
    const data = byPhone("+306912345678");
    const first = waiting(await connect(server).deliver(data, journal));
    expect(first.destination).toBe("+3069***678");
    expect(waiting(await connect(server).deliver(data, journal, undefined, { challenge: first, resend: true })).problem).toBe("resend_too_soon");
    const oldCode = lastCode("+306912345678");
    // The cooldown is the challenge's own (resendAt): once it has passed, a new code is sent.
    const connector = connect(server, { resendCooldownSeconds: 0 });
    const second = waiting(await connector.deliver(data, journal, undefined, { challenge: { ...first, resendAt: Date.now() - 1 }, resend: true }));
    expect(second).toMatchObject({ round: 1, triesLeft: 3 });
    expect(sandbox.outbox("+306912345678")).toHaveLength(2);
    const newCode = lastCode("+306912345678");
    if (oldCode !== newCode) expect(waiting(await connector.deliver(data, journal, undefined, { challenge: second, code: oldCode })).problem).toBe("wrong_code");
    delivered(await connector.deliver(data, journal, undefined, { challenge: second, code: newCode }));
    expect(sandbox.requests().requestOtp).toBe(1);
  });

  it("stops taking codes after the last try, and says when a code has expired", async () => {
    const connector = connect(server);
    const journal = memoryJournal();
    const data = byPhone("+447400123456");
    let challenge = waiting(await connector.deliver(data, journal));
    const wrong = lastCode("+447400123456") === "999999" ? "888888" : "999999";
    for (const left of [2, 1]) {
      challenge = waiting(await connector.deliver(data, journal, undefined, { challenge, code: wrong }));
      expect(challenge).toMatchObject({ problem: "wrong_code", triesLeft: left });
    }
    challenge = waiting(await connector.deliver(data, journal, undefined, { challenge, code: wrong }));
    expect(challenge).toMatchObject({ problem: "no_tries_left", triesLeft: 0 });
    expect(waiting(await connector.deliver(data, journal, undefined, { challenge, code: lastCode("+447400123456") })).problem).toBe("no_tries_left");

    await control(server, "PUT", "config", { otpTtlSeconds: 1 });
    const other = byPhone("+447400123457");
    const otherJournal = memoryJournal();
    const started = waiting(await connector.deliver(other, otherJournal));
    expect(started.destination).toBe("+4474***457");
    await sleep(1_100);
    expect(waiting(await connector.deliver(other, otherJournal, undefined, { challenge: started, code: lastCode("+447400123457") })).problem).toBe("expired");
  });

  it("refuses a number from a country the form does not offer, on the phone field", async () => {
    const connector = connect(server);
    expect((await connector.validate(byPhone("+31612345678"))).phone.rule).toEqual({ keyword: "phoneCountry", params: { countries: ["CY", "GR", "GB"] } });
    expect(await connector.validate(byPhone("+35799123834"))).toEqual({});
    const error = await failure(connector.deliver(byPhone("+31612345678"), memoryJournal()));
    expect(readRuleText(error.fields!.phone)?.keyword).toBe("phoneCountry");
    expect(sandbox.registrations()).toBe(0);
  });

  it("resumes after the code at the failed follow-up call, without the person and without a second register", async () => {
    const connector = connect(server);
    const journal = memoryJournal();
    const data = byPhone("+35799555123", { address: { address_line_1: "Odos 9", town_city: "Larnaca", country_code: "CY" } });
    const challenge = waiting(await connector.deliver(data, journal));
    await control(server, "POST", "faults", { mode: "503", count: 1, route: "addAddress" });
    const error = await failure(connector.deliver(data, journal, undefined, { challenge, code: lastCode("+35799555123") }));
    expect(error.code).toBe("vendor_unavailable");
    // The worker's retry: no code this time; the kept token finishes the registration.
    delivered(await connector.deliver(data, journal));
    expect(sandbox.contact({ phone: "+35799555123" })!.addresses).toHaveLength(1);
    expect(sandbox.registrations()).toBe(1);
    expect(sandbox.requests().validateOtp).toBe(1);
  });

  it("refuses a number registered already, on the phone field", async () => {
    await connect(server).deliver(byPhone("+35799000111"), memoryJournal());
    const error = await failure(connect(server).deliver(byPhone("+35799000111"), memoryJournal()));
    expect(readRuleText(error.fields!.phone)).toEqual({ keyword: "alreadyRegistered" });
  });
});
