/**
 * The customer rules of seeds/004 as the PurePro sandbox applies them to a body, with the
 * document's own messages. Written from the document, independently of the form's schema
 * (schema.ts), so a form that drifts from the vendor's rules fails its tests. No
 * "server-only": Playwright runs the sandbox in plain Node.
 *
 * Two kinds of verdict, as the document describes them:
 * - `errors`: the call is refused (400), nothing is stored;
 * - `failed`: the call succeeds (200) and the record is stored, "displayed as failed
 *   validation error in the webapp": no bank details (unless PayMethod is Cheque), no
 *   address, or Country GB with InternationalAddress true.
 */
import { electronicFormatIBAN, isValidBIC, isValidIBAN } from "ibantools";
import { browserFormats, countryCode } from "@/lib/forms/formats";

export type Body = Record<string, unknown>;
export type Messages = Record<string, string>;

const PAY_METHODS = ["BACS", "Cheque", "Manual", "Cash", "Chaps"];
const DELIVERY_METHODS = ["Email", "Paper", "Online"];
const CURRENCIES = ["EUR", "GBP", "HUF", "USD"];
const CONTACT_TYPES = ["Primary", "Billing", "Hiring", "Other"];
const NATWEST_INTERNATIONAL = "NatWest Bankline International";
const EMAIL = browserFormats.email;

const isObject = (value: unknown): value is Body => typeof value === "object" && value !== null && !Array.isArray(value);
const filled = (value: unknown): value is string => typeof value === "string" && value.trim() !== "";
const optionalText = (value: unknown) => value === undefined || value === null || typeof value === "string";

export interface Verdict {
  errors: Messages;
  failed: Messages;
}

export function judgeCustomer(body: Body, { update = false } = {}): Verdict {
  const errors: Messages = {};
  const failed: Messages = {};
  const need = (field: string, ok: boolean, message: string) => {
    if (!ok && errors[field] === undefined) errors[field] = message;
  };

  if (update) need("Reference", filled(body.Reference), "You must input a customer reference");
  else need("Reference", typeof body.Reference === "string", "Reference cannot be null");
  if (!update) need("backingData", body.backingData === undefined || body.backingData === null, "Backing data records can only be added via customer update");
  need("Name", filled(body.Name), "You must enter a Supplier Name");
  need("Email", filled(body.Email), "You must enter a Supplier Email Address");
  need("Email", EMAIL.test(String(body.Email ?? "")), "You must provide a valid Supplier Email Address");
  for (const field of ["BillingScheme", "BillingGroup", "IndustryClassification", "CompaniesHouseNumber", "VatNumber", "PurchaseOrder"]) {
    need(field, optionalText(body[field]), `${field} must be text`);
  }
  need("InvoiceDeliveryMethod", DELIVERY_METHODS.includes(body.InvoiceDeliveryMethod as string), "You must provide a Delivery Method.");
  need("PayMethod", PAY_METHODS.includes(body.PayMethod as string), "You must provide a valid Payment method.");
  need("Currency", CURRENCIES.includes(body.Currency as string), "You must provide a valid Currency.");
  need("ApprovalFrequency", Number.isInteger(body.ApprovalFrequency), "A number must be provided i.e., 60, 120 and that’s in minutes");
  need("ApprovalFrequency", !((body.ApprovalFrequency as number) < 0), "Approval Frequency cannot be negative");
  need("VatNumberValid", typeof body.VatNumberValid === "boolean", "VatNumberValid must be true or false");

  const contact = body.Contact;
  if (contact !== undefined && contact !== null) {
    const c = isObject(contact) ? contact : {};
    need("Contact.FirstName", filled(c.FirstName), "You must enter a First Name");
    need("Contact.LastName", filled(c.LastName), "You must enter a Last Name");
    need("Contact.Email", filled(c.Email), "You must enter an Email Address");
    need("Contact.Email", EMAIL.test(String(c.Email ?? "")), "You must provide a valid Email Address");
    need("Contact.Type", CONTACT_TYPES.includes(c.Type as string), "Acceptable values are: Primary, Billing, Hiring, Other");
  }

  const costCentre = body.CostCentre;
  if (costCentre !== undefined && costCentre !== null) {
    const c = isObject(costCentre) ? costCentre : {};
    need("CostCentre.Reference", filled(c.Reference), "If cost centre record exists then reference and description must be supplied");
    need("CostCentre.Description", filled(c.Description), "If cost centre record exists then reference and description must be supplied");
  }

  judgeBank(body, need, failed);
  judgeAddress(body, need, failed);
  return { errors, failed };
}

type Need = (field: string, ok: boolean, message: string) => void;

function judgeBank(body: Body, need: Need, failed: Messages): void {
  const bank = body.Bank;
  if (bank === undefined || bank === null) {
    if (body.PayMethod !== "Cheque") failed.Bank = "Bank details are missing: they are required unless the payment method is Cheque";
    return;
  }
  const b = isObject(bank) ? bank : {};
  need("Bank.AccountName", filled(b.AccountName), "Valid Account Name is required");
  if (b.InternationalBankAccount === true) {
    const natwest = body.PayMethod === "BACS" && body.BacsOption === NATWEST_INTERNATIONAL;
    need("Bank.InternationalBankAccount", natwest, `InternationalBankAccount details can only be provided when BACS is set as "${NATWEST_INTERNATIONAL}"`);
    need("Bank.IBAN", filled(b.IBAN), "IBAN is mandatory for an international bank account");
    need("Bank.IBAN", isValidIBAN(electronicFormatIBAN(String(b.IBAN ?? "")) ?? ""), "IBAN is not valid");
    need("Bank.BIC", filled(b.BIC), "BIC is mandatory for an international bank account");
    need("Bank.BIC", isValidBIC(String(b.BIC ?? "")), "BIC is not valid");
    return;
  }
  need("Bank.InternationalBankAccount", b.InternationalBankAccount === undefined || typeof b.InternationalBankAccount === "boolean", "InternationalBankAccount can be true or false");
  need("Bank.AccountNumber", /^\d{8}$/.test(String(b.AccountNumber ?? "")), "Account Number must be 8 digits long");
  need("Bank.SortCode", /^\d{6}$/.test(String(b.SortCode ?? "")), "Sort Code must be 6 digits long");
}

function judgeAddress(body: Body, need: Need, failed: Messages): void {
  const address = body.Address;
  if (address === undefined || address === null) {
    failed.Address = "Address details are missing";
    return;
  }
  const a = isObject(address) ? address : {};
  need("Address.Address1", filled(a.Address1), "You must enter the Address Line 1");
  need("Address.Address1", String(a.Address1 ?? "").length <= 35, "Address Line 1 must be between 1 and 35 characters.");
  if (a.InternationalAddress === true) {
    need("Address.Address2", filled(a.Address2), "You must enter the Address Line 2");
    need("Address.Country", filled(a.Country), "You must enter a Country");
    const code = filled(a.Country) ? countryCode(a.Country) : undefined;
    need("Address.Country", !filled(a.Country) || code !== undefined, "Country is not recognised");
    if (code === "GB") failed["Address.Country"] = `Cannot set International Address when Country is UK for the supplier ${String(body.Name ?? "")}`.trim();
    return;
  }
  need("Address.Postcode", filled(a.Postcode), "You must enter a postcode.");
  need("Address.Postcode", !filled(a.Postcode) || browserFormats["uk-postcode"].test(a.Postcode), "Postcode - incorrect format");
  const second = [a.Address2, a.Address3, a.Town, a.County].some(filled);
  need("Address", second, "Worker has missing address detail. Please ensure at least 2 lines of the address are populated.");
}
