import type { JsonSchema } from "@/lib/connectors/types";

export interface PageSpec {
  title: string;
  /** Top-level property names shown on this page, in order. */
  fields: string[];
}

/** What the browser receives from GET /api/forms/{formId}. */
export interface FormDefinition {
  id: string;
  title: string;
  /** The language of every text in it. */
  locale: string;
  /** The languages the form offers (a language switch shows them). */
  locales: string[];
  /** The whole form, normalised to JSON Schema draft-07. */
  schema: JsonSchema;
  uiSchema: Record<string, unknown>;
  pages: PageSpec[];
  /**
   * Field-level checks the server offers, field → kind: { username: "username" } (while
   * typing), { email: "email" } (what the vendor knows of the address, on its page's Next).
   */
  checks: Record<string, "username" | "email">;
  /** Fields filled from the URL or an embed and hidden from end users. */
  hidden: string[];
  /** What the vendor's reference is called on the confirmation (ConnectorModule.reference); "relationNumber" when absent. */
  referenceKind?: ReferenceKind;
  /** The form's own words for the last page, per language (forms file `confirmation`). */
  confirmation?: Record<string, ConfirmationText>;
}

/** What a vendor's reference for the person is, as the confirmation names it ("Your relation number is …"). */
export type ReferenceKind = "relationNumber" | "customerReference" | "contactNumber" | "registrationNumber";

export interface ConfirmationText {
  message: string;
  link?: { text: string; href: string };
}
