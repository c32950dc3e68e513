import "server-only";
import type { JsonSchema } from "@/lib/connectors/types";

/**
 * The customer form, derived from the rule tables of seeds/004 (PurePro serves no schema).
 * Field names are the document's property names, so the body is the answers (body.ts) and
 * the vendor's field errors name form fields. Every rule is here, checked by the browser's
 * validators and by the server's Ajv alike; the rules JSON Schema cannot say are named
 * formats (lib/forms/formats.ts): iban, bic, uk-postcode, country-outside-uk.
 *
 * Decisions where the document is loose:
 * - "InternationalBankAccount … only when BACS is set as NatWest Bankline International":
 *   BACS has options; `BacsOption` (Standard, NatWest Bankline International) is asked
 *   when PayMethod is BACS, and ticking InternationalBankAccount with any other answer is
 *   an error on that box.
 * - Bank details are asked (and required) for every PayMethod but Cheque.
 * - "at least two lines": line 1 and one of line 2, line 3, town, county; when none is
 *   given the error is on line 2, the first of them.
 * - Postcode is required and a UK postcode for a UK address; abroad it is optional and free.
 * - VatNumberValid (never null for PurePro) is a box: unticked is false, and the body
 *   always carries true or false (body.ts).
 * - CompaniesHouseNumber and VatNumber are "WholeNumber" in the table, but real ones have
 *   letters (SC123456, GB123456789): free text.
 */

export const BACS_INTERNATIONAL = "NatWest Bankline International";
export const BACS_OPTIONS = ["Standard", BACS_INTERNATIONAL];
export const PAY_METHODS = ["BACS", "Cheque", "Manual", "Cash", "Chaps"];
/** Every payment method but Cheque needs bank details. */
export const WITH_BANK = PAY_METHODS.filter((method) => method !== "Cheque");

const text = (title: string, extra: JsonSchema = {}): JsonSchema => ({ type: "string", title, ...extra });
const choice = (title: string, values: string[]): JsonSchema => ({ type: "string", title, enum: values });
const email = (title: string): JsonSchema => ({ type: "string", title, format: "email", maxLength: 254 });

const bank: JsonSchema = {
  type: "object",
  title: "Bank details",
  properties: {
    InternationalBankAccount: {
      type: "boolean",
      title: "International bank account",
      description: "Only with the BACS option NatWest Bankline International",
      default: false,
    },
    AccountName: text("Account name", { maxLength: 100 }),
    BankName: text("Bank name", { maxLength: 100 }),
    BankReference: text("Bank reference", { maxLength: 100 }),
  },
  required: ["AccountName"],
  if: { properties: { InternationalBankAccount: { const: true } }, required: ["InternationalBankAccount"] },
  then: {
    properties: {
      IBAN: text("IBAN", { format: "iban", maxLength: 42 }),
      BIC: text("BIC", { format: "bic", maxLength: 11 }),
    },
    required: ["IBAN", "BIC"],
  },
  else: {
    properties: {
      AccountNumber: text("Account number", { description: "8 digits", pattern: "^[0-9]{8}$" }),
      SortCode: text("Sort code", { description: "6 digits, like 601613", pattern: "^[0-9]{6}$" }),
    },
    required: ["AccountNumber", "SortCode"],
  },
};

const LINE = { minLength: 1, maxLength: 35 };

const address: JsonSchema = {
  type: "object",
  title: "Address",
  properties: {
    InternationalAddress: { type: "boolean", title: "The address is outside the United Kingdom", default: false },
    Address1: text("Address line 1", LINE),
    Address2: text("Address line 2", { ...LINE, description: "Line 2, line 3, town or county: at least one of them" }),
    Address3: text("Address line 3", LINE),
    Town: text("Town", { maxLength: 35 }),
    County: text("County", { maxLength: 35 }),
    Postcode: text("Postcode", { maxLength: 10 }),
  },
  required: ["Address1"],
  if: { properties: { InternationalAddress: { const: true } }, required: ["InternationalAddress"] },
  then: {
    properties: { Country: text("Country", { description: "A code (FR) or a name (France)", format: "country-outside-uk", maxLength: 60 }) },
    required: ["Address2", "Country"],
  },
  else: {
    properties: { Postcode: { format: "uk-postcode" } },
    required: ["Postcode"],
    // At least two lines: with none of line 2, line 3, town or county, line 2 is asked for.
    if: { not: { anyOf: ["Address2", "Address3", "Town", "County"].map((name) => ({ required: [name] })) } },
    then: { required: ["Address2"] },
  },
};

/** Bank details where an international account is not allowed: the box may not be ticked (`not`, which RJSF does not hold at a value as it would a const). */
const bankWithoutInternational: JsonSchema = {
  ...bank,
  properties: { ...(bank.properties as JsonSchema), InternationalBankAccount: { ...((bank.properties as JsonSchema).InternationalBankAccount as JsonSchema), not: { const: true } } },
};
const NO_INTERNATIONAL: JsonSchema = { properties: { Bank: { properties: { InternationalBankAccount: { not: { const: true } } } } } };

export const customerSchema: JsonSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  properties: {
    Name: text("Company name", { maxLength: 200 }),
    Email: email("Email address"),
    Reference: text("Customer reference", { description: "Leave empty and PurePro makes one", maxLength: 50 }),
    CompaniesHouseNumber: text("Companies House number", { maxLength: 20 }),
    VatNumber: text("VAT number", { maxLength: 20 }),
    VatNumberValid: { type: "boolean", title: "The VAT number has been checked and is valid", default: false },
    IndustryClassification: text("Industry classification", { maxLength: 100 }),
    InvoiceDeliveryMethod: choice("Invoice delivery", ["Email", "Paper", "Online"]),
    Currency: choice("Currency", ["EUR", "GBP", "HUF", "USD"]),
    ApprovalFrequency: { type: "integer", title: "Approval frequency (minutes)", description: "For example 60 or 120", minimum: 0 },
    BillingScheme: text("Billing scheme", { maxLength: 100 }),
    BillingGroup: text("Billing group", { maxLength: 100 }),
    PurchaseOrder: text("Purchase order", { maxLength: 50 }),
    PayMethod: choice("Payment method", PAY_METHODS),
    Address: address,
    Contact: {
      type: "object",
      title: "Contact",
      description: "Optional; when you give a contact, give all four",
      properties: {
        FirstName: text("First name", { maxLength: 100 }),
        LastName: text("Last name", { maxLength: 100 }),
        Email: email("Contact email address"),
        Type: choice("Contact type", ["Primary", "Billing", "Hiring", "Other"]),
      },
      required: ["FirstName", "LastName", "Email", "Type"],
    },
    CostCentre: {
      type: "object",
      title: "Cost centre",
      description: "Optional; when you give one, give both",
      properties: { Reference: text("Cost centre reference", { maxLength: 50 }), Description: text("Cost centre description", { maxLength: 200 }) },
      required: ["Reference", "Description"],
    },
  },
  required: ["Name", "Email", "InvoiceDeliveryMethod", "Currency", "ApprovalFrequency", "PayMethod", "Address"],
  // One tree of conditions, no allOf: RJSF resolves it without its allOf merge, a part of the page
  // the browser then never loads, and with less work per keystroke.
  if: { properties: { PayMethod: { const: "BACS" } }, required: ["PayMethod"] },
  then: {
    properties: { BacsOption: choice("BACS option", BACS_OPTIONS), Bank: bank },
    required: ["BacsOption", "Bank"],
    // An international bank account only with NatWest Bankline International (an error on the box otherwise).
    if: { properties: { BacsOption: { const: BACS_INTERNATIONAL } }, required: ["BacsOption"] },
    else: NO_INTERNATIONAL,
  },
  else: {
    if: { properties: { PayMethod: { enum: WITH_BANK.filter((method) => method !== "BACS") } }, required: ["PayMethod"] },
    then: { properties: { Bank: bankWithoutInternational }, required: ["Bank"] },
  },
};
