import { beforeAll, describe, expect, it } from "vitest";
import { validateInBrowser } from "@/components/wizard/browserValidation";
import { buildFormModel, type FormModel } from "@/components/wizard/formModel";
import { testValidators } from "@/components/wizard/test-validators";
import type { Validators } from "@/components/wizard/validators";
import { browserForm } from "@/lib/forms/browser-form";
import { knownAnswers } from "@/lib/forms/known";
import type { FormDefinition } from "@/lib/forms/types";
import { stripEmpty, validateData } from "@/lib/forms/validate";
import { translator } from "@/lib/i18n";
import { customerBody } from "./body";
import { judgeCustomer } from "./sandbox-rules";
import { customer, pureproDefinition } from "./test-helpers";

const t = translator("en");
type Data = Record<string, any>;
type Change = (data: Data) => void;

/** Each documented rule (seeds/004, issue #14) with an answer that keeps it and one that breaks it, at `field`. */
// `ours`: a rule of the form the vendor has no check for (its body cannot carry the mistake, or the document is silent).
const RULES: Array<{ rule: string; valid: Change; invalid: Change; field: string; message?: RegExp; ours?: true }> = [
  { rule: "Name is required", valid: (d) => (d.Name = "A"), invalid: (d) => delete d.Name, field: "Name", message: /^Enter Company name$/ },
  { rule: "Email is required", valid: (d) => (d.Email = "a@b.example"), invalid: (d) => (d.Email = " "), field: "Email" },
  { rule: "Email must be valid", valid: (d) => (d.Email = "billing@acme.co.uk"), invalid: (d) => (d.Email = "acme.co.uk"), field: "Email", message: /email address in the right format/ },
  { rule: "Reference may be blank (generated) or given, never other than text", valid: (d) => (d.Reference = "CUST-001"), invalid: (d) => (d.Reference = 42), field: "Reference", ours: true },
  { rule: "InvoiceDeliveryMethod is Email, Paper or Online", valid: (d) => (d.InvoiceDeliveryMethod = "Online"), invalid: (d) => (d.InvoiceDeliveryMethod = "Fax"), field: "InvoiceDeliveryMethod" },
  { rule: "InvoiceDeliveryMethod is required", valid: (d) => (d.InvoiceDeliveryMethod = "Paper"), invalid: (d) => delete d.InvoiceDeliveryMethod, field: "InvoiceDeliveryMethod" },
  { rule: "PayMethod is BACS, Cheque, Manual, Cash or Chaps", valid: (d) => ((d.PayMethod = "Chaps"), delete d.BacsOption), invalid: (d) => (d.PayMethod = "Card"), field: "PayMethod" },
  { rule: "Currency is EUR, GBP, HUF or USD", valid: (d) => (d.Currency = "HUF"), invalid: (d) => (d.Currency = "JPY"), field: "Currency" },
  { rule: "ApprovalFrequency is required", valid: (d) => (d.ApprovalFrequency = 120), invalid: (d) => delete d.ApprovalFrequency, field: "ApprovalFrequency" },
  { rule: "ApprovalFrequency is a whole number", valid: (d) => (d.ApprovalFrequency = 0), invalid: (d) => (d.ApprovalFrequency = 1.5), field: "ApprovalFrequency" },
  { rule: "ApprovalFrequency is not negative", valid: (d) => (d.ApprovalFrequency = 1), invalid: (d) => (d.ApprovalFrequency = -1), field: "ApprovalFrequency", message: /0 or more/ },
  { rule: "BillingScheme is optional text", valid: (d) => (d.BillingScheme = "Monthly"), invalid: (d) => (d.BillingScheme = 3), field: "BillingScheme" },
  { rule: "BillingGroup is optional text", valid: (d) => (d.BillingGroup = "North"), invalid: (d) => (d.BillingGroup = true), field: "BillingGroup" },
  { rule: "IndustryClassification is optional text", valid: (d) => (d.IndustryClassification = "Retail"), invalid: (d) => (d.IndustryClassification = 7), field: "IndustryClassification" },
  { rule: "CompaniesHouseNumber is optional", valid: (d) => (d.CompaniesHouseNumber = "SC123456"), invalid: (d) => (d.CompaniesHouseNumber = 123), field: "CompaniesHouseNumber" },
  { rule: "VatNumber is optional", valid: (d) => (d.VatNumber = "GB123456789"), invalid: (d) => (d.VatNumber = 123), field: "VatNumber" },
  { rule: "VatNumberValid is true or false", valid: (d) => (d.VatNumberValid = true), invalid: (d) => (d.VatNumberValid = "yes"), field: "VatNumberValid", ours: true },
  { rule: "BACS asks which BACS option", valid: (d) => (d.BacsOption = "NatWest Bankline International"), invalid: (d) => delete d.BacsOption, field: "BacsOption", ours: true },
  {
    rule: "bank details are required unless PayMethod is Cheque",
    valid: (d) => ((d.PayMethod = "Cheque"), delete d.BacsOption, delete d.Bank),
    invalid: (d) => ((d.PayMethod = "Manual"), delete d.BacsOption, delete d.Bank),
    field: "Bank",
  },
  { rule: "account name is required", valid: (d) => (d.Bank.AccountName = "Acme"), invalid: (d) => delete d.Bank.AccountName, field: "Bank.AccountName" },
  { rule: "account number has 8 digits", valid: (d) => (d.Bank.AccountNumber = "00012345"), invalid: (d) => (d.Bank.AccountNumber = "1234567"), field: "Bank.AccountNumber", message: /not in the right format/ },
  { rule: "account number is required", valid: (d) => (d.Bank.AccountNumber = "87654321"), invalid: (d) => delete d.Bank.AccountNumber, field: "Bank.AccountNumber" },
  { rule: "sort code has 6 digits", valid: (d) => (d.Bank.SortCode = "000000"), invalid: (d) => (d.Bank.SortCode = "60-16-13"), field: "Bank.SortCode" },
  { rule: "sort code is required", valid: (d) => (d.Bank.SortCode = "123456"), invalid: (d) => delete d.Bank.SortCode, field: "Bank.SortCode" },
  { rule: "an international account needs an IBAN", valid: international(), invalid: international((b) => delete b.IBAN), field: "Bank.IBAN" },
  { rule: "the IBAN's checksum holds", valid: international((b) => (b.IBAN = "gb82 west 1234 5698 7654 32")), invalid: international((b) => (b.IBAN = "GB82WEST12345698765433")), field: "Bank.IBAN", message: /real IBAN/ },
  { rule: "an international account needs a BIC", valid: international((b) => (b.BIC = "NWBKGB2LXXX")), invalid: international((b) => delete b.BIC), field: "Bank.BIC" },
  { rule: "the BIC is well-formed", valid: international((b) => (b.BIC = "DEUTDEFF")), invalid: international((b) => (b.BIC = "NWBK-GB2L")), field: "Bank.BIC", message: /BIC of 8 or 11/ },
  { rule: "an international account needs an account name", valid: international(), invalid: international((b) => delete b.AccountName), field: "Bank.AccountName" },
  { rule: "an international account ignores sort code and account number", valid: international((b) => ((b.SortCode = "x"), (b.AccountNumber = "y"))), invalid: international((b) => (b.IBAN = "x")), field: "Bank.IBAN" },
  {
    rule: "an international account only with NatWest Bankline International",
    valid: international(),
    invalid: international((_b, d) => (d.BacsOption = "Standard")),
    field: "Bank.InternationalBankAccount",
    message: /not possible/,
  },
  {
    rule: "an international account only with BACS",
    valid: international(),
    invalid: international((_b, d) => ((d.PayMethod = "Chaps"), delete d.BacsOption)),
    field: "Bank.InternationalBankAccount",
  },
  { rule: "the address is required", valid: (d) => (d.Address.Address2 = "Unit 4"), invalid: (d) => delete d.Address, field: "Address.Address1" },
  { rule: "address line 1 is required", valid: (d) => (d.Address.Address1 = "1"), invalid: (d) => delete d.Address.Address1, field: "Address.Address1" },
  { rule: "address line 1 has at most 35 characters", valid: (d) => (d.Address.Address1 = "x".repeat(35)), invalid: (d) => (d.Address.Address1 = "x".repeat(36)), field: "Address.Address1" },
  { rule: "a UK address has a postcode", valid: (d) => (d.Address.Postcode = "sw1a1aa"), invalid: (d) => delete d.Address.Postcode, field: "Address.Postcode" },
  { rule: "the postcode is a UK postcode", valid: (d) => (d.Address.Postcode = "EC1A 1BB"), invalid: (d) => (d.Address.Postcode = "1234 AB"), field: "Address.Postcode", message: /UK postcode/ },
  {
    rule: "at least two lines of the address",
    valid: (d) => ((d.Address.County = "Kent"), delete d.Address.Town),
    invalid: (d) => delete d.Address.Town,
    field: "Address.Address2",
  },
  { rule: "an international address needs line 2", valid: abroad(), invalid: abroad((a) => ((a.Town = "Paris"), delete a.Address2)), field: "Address.Address2" },
  { rule: "an international address needs a country", valid: abroad(), invalid: abroad((a) => delete a.Country), field: "Address.Country" },
  { rule: "the country as a code or a name", valid: abroad((a) => (a.Country = "FR")), invalid: abroad((a) => (a.Country = "Narnia")), field: "Address.Country" },
  { rule: "GB with an international address is an error on Country", valid: abroad((a) => (a.Country = "Ireland")), invalid: abroad((a) => (a.Country = "GB")), field: "Address.Country", message: /outside the United Kingdom/ },
  { rule: "UK with an international address is an error on Country", valid: abroad((a) => (a.Country = "IE")), invalid: abroad((a) => (a.Country = "UK")), field: "Address.Country" },
  { rule: "United Kingdom with an international address is an error on Country", valid: abroad(), invalid: abroad((a) => (a.Country = "United Kingdom")), field: "Address.Country" },
  { rule: "a contact has a first name", valid: contact(), invalid: contact((c) => delete c.FirstName), field: "Contact.FirstName" },
  { rule: "a contact has a last name", valid: contact(), invalid: contact((c) => delete c.LastName), field: "Contact.LastName" },
  { rule: "a contact has an email address", valid: contact(), invalid: contact((c) => delete c.Email), field: "Contact.Email" },
  { rule: "a contact's email address is valid", valid: contact(), invalid: contact((c) => (c.Email = "jo@")), field: "Contact.Email" },
  { rule: "a contact's type is Primary, Billing, Hiring or Other", valid: contact((c) => (c.Type = "Hiring")), invalid: contact((c) => (c.Type = "Boss")), field: "Contact.Type" },
  { rule: "a cost centre has a reference", valid: (d) => (d.CostCentre = { Reference: "CC1", Description: "Head office" }), invalid: (d) => (d.CostCentre = { Description: "Head office" }), field: "CostCentre.Reference" },
  { rule: "a cost centre has a description", valid: (d) => (d.CostCentre = { Reference: "CC1", Description: "Head office" }), invalid: (d) => (d.CostCentre = { Reference: "CC1" }), field: "CostCentre.Description" },
  { rule: "a purchase order is optional text", valid: (d) => (d.PurchaseOrder = "PO-77"), invalid: (d) => (d.PurchaseOrder = 77), field: "PurchaseOrder" },
];

function international(change: (bank: Data, data: Data) => void = () => undefined): Change {
  return (d) => {
    d.BacsOption = "NatWest Bankline International";
    d.Bank = { InternationalBankAccount: true, AccountName: "Acme Trading Ltd", IBAN: "GB82WEST12345698765432", BIC: "NWBKGB2L" };
    change(d.Bank, d);
  };
}

function abroad(change: (address: Data) => void = () => undefined): Change {
  return (d) => {
    d.Address = { InternationalAddress: true, Address1: "12 rue de Rivoli", Address2: "4e étage", Postcode: "75001", Country: "France" };
    change(d.Address);
  };
}

function contact(change: (contact: Data) => void = () => undefined): Change {
  return (d) => {
    d.Contact = { FirstName: "Jo", LastName: "Bloggs", Email: "jo@acme.example", Type: "Billing" };
    change(d.Contact);
  };
}

function example(change: Change): Data {
  const data = structuredClone(customer()) as Data;
  change(data);
  return data;
}

describe("PurePro's rules, in the derived schema", () => {
  let definition: FormDefinition;
  let validators: Validators;
  let model: FormModel;
  let browserSchema: FormDefinition["schema"];

  beforeAll(async () => {
    definition = pureproDefinition();
    const browser = browserForm(definition);
    browserSchema = browser.definition.schema;
    model = buildFormModel(browser.definition, browser.pageModel);
    validators = await testValidators(definition);
  });

  /** What the browser's validators say on the page that shows `field`, like the wizard on Next. */
  const inBrowser = (data: Data, field: string) => {
    const page = model.pageOf(field);
    expect(page, `${field} is on a page`).toBeGreaterThanOrEqual(0);
    return validateInBrowser(validators.pages[page]!, model.pageSchemas[page], data, browserSchema, t) as Record<string, string>;
  };
  const onServer = (data: Data) => validateData(definition.schema, stripEmpty(knownAnswers(definition.schema, data)), t);

  it("the base customer passes in the browser, on the server and in the sandbox", () => {
    const data = customer();
    for (const page of definition.pages.keys()) expect(validateInBrowser(validators.pages[page]!, model.pageSchemas[page], data, browserSchema, t)).toEqual({});
    expect(onServer(data)).toEqual({});
    expect(judgeCustomer(customerBody(data))).toEqual({ errors: {}, failed: {} });
  });

  it.each(RULES)("$rule", ({ valid, invalid, field, message, ours }) => {
    const good = example(valid);
    const bad = example(invalid);
    expect(inBrowser(good, field), "browser, valid").toEqual({});
    expect(onServer(good), "server, valid").toEqual({});
    const browserErrors = inBrowser(bad, field);
    const serverErrors = onServer(bad);
    expect(Object.keys(browserErrors), "browser, invalid").toContain(field);
    expect(Object.keys(serverErrors), "server, invalid").toContain(field);
    expect(browserErrors[field]).toBe(serverErrors[field]);
    if (message) expect(serverErrors[field]).toMatch(message);
    // The sandbox applies the document's rule to what the connector would send: clean for the one, refused or failed for the other.
    expect(judgeCustomer(customerBody(good)), "vendor, valid").toEqual({ errors: {}, failed: {} });
    const vendor = judgeCustomer(customerBody(bad));
    if (!ours) expect(Object.keys({ ...vendor.errors, ...vendor.failed }).length, "vendor, invalid").toBeGreaterThan(0);
  });
});
