import { describe, expect, it } from "vitest";
import { readRuleText } from "@/lib/connectors/types";
import { addressBody, consentState, contactBody, dateOfBirth, phoneIdentity, providerOf, registerBody } from "./body";
import { Refusal } from "./client";
import { contactIdOf } from "./connector";
import { refusalFields } from "./errors";

describe("phone and country", () => {
  it("sends the national number and the country as alpha-3", () => {
    expect(phoneIdentity("+35799123834", ["CYP"])).toEqual({ phone_number: "99123834", country_code: "CYP", e164: "+35799123834" });
    expect(phoneIdentity("+447400123456", ["CYP", "GBR"])).toEqual({ phone_number: "7400123456", country_code: "GBR", e164: "+447400123456" });
    expect(phoneIdentity("+306912345678", ["GRC"])?.country_code).toBe("GRC");
  });

  it("refuses a number of a country not offered, or no valid number", () => {
    expect(phoneIdentity("+31612345678", ["CYP", "GRC"])).toBeUndefined();
    expect(phoneIdentity("+3579912", ["CYP"])).toBeUndefined();
    expect(phoneIdentity("not a number", ["CYP"])).toBeUndefined();
  });
});

describe("date of birth", () => {
  it("is {year, month, day} with the day a string, as the document's example sends it", () => {
    expect(dateOfBirth("1990-05-07")).toEqual({ year: 1990, month: 5, day: "7" });
    expect(dateOfBirth("2018-10-16")).toEqual({ year: 2018, month: 10, day: "16" });
    expect(dateOfBirth("16/10/2018")).toBeUndefined();
  });

  it("goes with the gender in demographics, and only when answered", () => {
    expect(contactBody({ date_of_birth: "1990-05-07", gender: "FEMALE" })).toEqual({ demographics: { gender: "FEMALE", date_of_birth: { year: 1990, month: 5, day: "7" } } });
    expect(contactBody({ gender: "MALE" })).toEqual({ demographics: { gender: "MALE" } });
    expect(contactBody({ first_name: "A" })).toBeUndefined();
  });
});

describe("register body", () => {
  const options = { validationRequired: true, countries: ["CYP"] };

  it("by email: the document's shape, booleans as strings, opt-ins sent as opt-outs", () => {
    const data = { email: "a@example.com", password: "abcdefg1", first_name: "A", last_name: "B", service_acceptance: true, email_opt_in: true };
    expect(registerBody(data, "EMAIL", options)).toEqual({
      first_name: "A",
      last_name: "B",
      identity: { provider: "EMAIL", username: "a@example.com", password: "abcdefg1", validation_required: true },
      service_acceptance: "true",
      email_opt_out: "false",
      sms_opt_out: "true",
    });
    expect(consentState(data)).toBe("ACCEPTED");
    expect(consentState({ email_opt_in: false })).toBe("REJECTED");
  });

  it("by phone, with a referral code", () => {
    const body = registerBody({ phone: "+35799123834", first_name: "A", last_name: "B", service_acceptance: true, referral_code: "WELCOME10" }, "PHONE", options);
    expect(body.identity).toEqual({ provider: "PHONE", phone_number: "99123834", country_code: "CYP" });
    expect(body.referral_code).toBe("WELCOME10");
  });

  it("takes the provider the person chose when the form offers both", () => {
    expect(providerOf({ provider: "PHONE" }, { providers: ["EMAIL", "PHONE"] })).toBe("PHONE");
    expect(providerOf({}, { providers: ["EMAIL", "PHONE"] })).toBe("EMAIL");
    expect(providerOf({ provider: "EMAIL" }, { providers: ["PHONE"] })).toBe("PHONE");
  });

  it("sends the home address with its alpha-2 country", () => {
    expect(addressBody({ address: { address_line_1: "Odos 1", town_city: "Nicosia", postal_code: "", country_code: "CY" } })).toEqual({
      address_type: "HOME",
      address_line_1: "Odos 1",
      town_city: "Nicosia",
      country_code: "CY",
      is_primary: true,
    });
    expect(addressBody({})).toBeUndefined();
  });
});

describe("vendor errors", () => {
  it("maps the attribute to the form field; a contact that exists is the app's own rule", () => {
    expect(readRuleText(refusalFields(new Refusal(400, "CONTACT_EXISTS", "exists", "username"), "register")!.email)).toEqual({ keyword: "alreadyRegistered" });
    expect(readRuleText(refusalFields(new Refusal(400, "CONTACT_EXISTS", "exists", "phone_number"), "register")!.phone)).toEqual({ keyword: "alreadyRegistered" });
    expect(refusalFields(new Refusal(400, "INVALID_PARAMETER", "bad date", "date_of_birth"), "contact")).toEqual({ date_of_birth: "bad date" });
    expect(refusalFields(new Refusal(400, "INVALID_PARAMETER", "bad country", "country_code"), "address")).toEqual({ "address.country_code": "bad country" });
    expect(refusalFields(new Refusal(400, "INVALID_PARAMETER", "bad country", "country_code"), "register")).toEqual({ phone: "bad country" });
  });

  it("names no field for an attribute the form does not ask", () => {
    expect(refusalFields(new Refusal(400, "INVALID_PARAMETER", "bad", "send_method"), "register")).toBeUndefined();
    expect(refusalFields(new Refusal(404, "NOT_FOUND", "no"), "register")).toBeUndefined();
  });
});

describe("contact id", () => {
  it("is the token's subject, decoded without a signature check", () => {
    // The document's example token.
    const token = "eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiJhMjc4ZDNlNS05YjhlLTQzNmUtOTIzMC03MGYzZTJkZjFjYTUiLCJleHAiOjE1Njg1NTQxMjJ9.LemqPPThkqfakkKS6CdkNvV1Lnc88CWirEpHOPnWjJPQz02zgkKSwfbvrEsl3OmR2LUhDILsOXf4x-GPFmNJCg";
    expect(contactIdOf(token)).toBe("a278d3e5-9b8e-436e-9230-70f3e2df1ca5");
    expect(contactIdOf("not-a-jwt")).toBeUndefined();
  });
});
