import "server-only";
import type { FormData } from "@/lib/connectors/types";
import { compactIban } from "@/lib/forms/formats";

type Entry = Record<string, unknown>;

const isObject = (value: unknown): value is Entry => typeof value === "object" && value !== null && !Array.isArray(value);
const given = (value: unknown) => value !== undefined && value !== null && value !== "";

/** The keys of `source` among `keys` that hold an answer, in that order. */
function pick(source: Entry, keys: readonly string[]): Entry {
  return Object.fromEntries(keys.filter((key) => given(source[key])).map((key) => [key, source[key]]));
}

/** "sw1a1aa" → "SW1A 1AA": the inward code is always the last three characters. */
function ukPostcode(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const compact = value.replace(/\s+/g, "").toUpperCase();
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

const TOP = [
  "Name", "Email", "BillingScheme", "BillingGroup", "InvoiceDeliveryMethod", "IndustryClassification", "PayMethod",
  "ApprovalFrequency", "CompaniesHouseNumber", "VatNumber", "PurchaseOrder", "Currency",
] as const;

function bank(answers: Entry): Entry | undefined {
  const bank = answers.Bank;
  if (answers.PayMethod === "Cheque" || !isObject(bank)) return undefined;
  // International: "All other fields are ignored regardless of entry", so they are not sent.
  if (bank.InternationalBankAccount === true) {
    return {
      InternationalBankAccount: true,
      ...pick(bank, ["AccountName"]),
      ...(typeof bank.IBAN === "string" ? { IBAN: compactIban(bank.IBAN) } : {}),
      ...(typeof bank.BIC === "string" ? { BIC: bank.BIC.trim().toUpperCase() } : {}),
      ...pick(bank, ["BankReference", "BankName"]),
    };
  }
  return { InternationalBankAccount: false, ...pick(bank, ["AccountName", "AccountNumber", "SortCode", "BankReference", "BankName"]) };
}

function address(answers: Entry): Entry | undefined {
  const address = answers.Address;
  if (!isObject(address)) return undefined;
  const international = address.InternationalAddress === true;
  const lines = pick(address, ["Address1", "Address2", "Address3", "Town", "County", "Postcode", ...(international ? ["Country"] : [])]);
  if (!international && given(lines.Postcode)) lines.Postcode = ukPostcode(lines.Postcode);
  return { InternationalAddress: international, ...lines };
}

/**
 * The customer add body from the form's answers (named as the document names them).
 * Reference cannot be null: blank asks PurePro to generate one. The BACS option goes only
 * with BACS, bank details with every method but Cheque.
 */
export function customerBody(answers: FormData): Entry {
  const bankDetails = bank(answers);
  const addressDetails = address(answers);
  return {
    Reference: typeof answers.Reference === "string" ? answers.Reference.trim() : "",
    ...pick(answers, TOP),
    // A box: unticked (absent) is false; PurePro takes no null.
    VatNumberValid: answers.VatNumberValid === true,
    ...(answers.PayMethod === "BACS" && given(answers.BacsOption) ? { BacsOption: answers.BacsOption } : {}),
    ...(bankDetails ? { Bank: bankDetails } : {}),
    ...(addressDetails ? { Address: addressDetails } : {}),
    ...(isObject(answers.Contact) ? { Contact: pick(answers.Contact, ["FirstName", "LastName", "Email", "Type"]) } : {}),
    ...(isObject(answers.CostCentre) ? { CostCentre: pick(answers.CostCentre, ["Reference", "Description"]) } : {}),
  };
}
