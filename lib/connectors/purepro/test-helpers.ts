import { demoForms } from "@/lib/config/demo";
import { buildPages } from "@/lib/forms/pages";
import { normaliseSchema } from "@/lib/forms/normalise";
import { textIn } from "@/lib/forms/texts";
import type { FormDefinition } from "@/lib/forms/types";
import { buildUiSchema } from "@/lib/forms/ui-schema";
import { translator } from "@/lib/i18n";
import { startSandboxServer, type SandboxServer } from "@/lib/testing/sandbox-server";
import { createPureproSandbox, type PureproSandbox, type PureproSandboxOptions } from "./sandbox";
import { customerSchema } from "./schema";

export const TOKEN = "purepro-test-token";

/** The demo "purepro" form built the way lib/forms/definition.ts builds it (its pages from lib/config/demo.ts); tests only. */
export function pureproDefinition(): FormDefinition {
  const form = demoForms.find((entry) => entry.id === "purepro")!;
  const schema = normaliseSchema(customerSchema);
  const pages = form.pages!.map((page) => ({ title: textIn(page.title, "en", "en"), fields: page.fields }));
  return {
    id: "purepro",
    title: "Open a business account",
    locale: "en",
    locales: ["en"],
    schema,
    uiSchema: buildUiSchema(schema, { hidden: [] }),
    pages: buildPages(schema, { pages, hidden: [], t: translator("en") }),
    checks: {},
    hidden: [],
  };
}

/** A customer that passes every rule: BACS (standard), a UK bank account and a UK address. */
export function customer(): Record<string, unknown> {
  return {
    Name: "Acme Trading Ltd",
    Email: "accounts@acme.example",
    InvoiceDeliveryMethod: "Email",
    Currency: "GBP",
    ApprovalFrequency: 60,
    VatNumberValid: false,
    PayMethod: "BACS",
    BacsOption: "Standard",
    Bank: { InternationalBankAccount: false, AccountName: "Acme Trading Ltd", AccountNumber: "12345678", SortCode: "601613" },
    Address: { InternationalAddress: false, Address1: "1 High Street", Town: "London", Postcode: "SW1A 1AA" },
  };
}

/** An isolated sandbox on a random loopback port. */
export async function serveSandbox(options: PureproSandboxOptions = {}): Promise<{ sandbox: PureproSandbox; server: SandboxServer }> {
  const sandbox = createPureproSandbox({ token: TOKEN, ...options });
  return { sandbox, server: await startSandboxServer(sandbox, { mount: "/sandbox/purepro" }) };
}

export { memoryJournal } from "@/lib/testing/memory-journal";
