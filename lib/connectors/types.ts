import type { FieldErrors } from "@/lib/errors";

/** Answers of a form as the user typed them: top-level field name → value. */
export type FormData = Record<string, unknown>;

/** A JSON Schema as a vendor supplies or as we derive it; lib/forms normalises it. */
export type JsonSchema = Record<string, unknown>;

/**
 * Records the steps of one delivery so that a retry resumes at the step that
 * failed and never repeats one that completed (lib/submissions/journal.ts).
 */
export interface DeliveryJournal {
  /**
   * Runs `fn` once per submission: if `name` already completed, returns its stored
   * result without calling `fn`. The step is marked as started before `fn` runs.
   * Results must be JSON-serialisable.
   */
  step<T>(name: string, fn: () => Promise<T>, options?: StepOptions): Promise<T>;
}

export interface StepOptions {
  /**
   * The result is a secret (a vendor's token, a one-time-password id): stored encrypted
   * like the answers, never in the journal's plain JSON, never logged or shown.
   */
  secret?: boolean;
}

export interface DeliveryResult {
  /** The vendor's reference for the person, shown to them (e.g. a relation number). */
  reference: string;
  /**
   * Set when the vendor answered the call as a success (2xx) and yet says the record
   * failed its checks, e.g. a record created but "displayed as failed validation error"
   * in the vendor's own app: field (dotted form path, or the group's name) → the vendor's
   * message. The outbox records such a delivery as **rejected** with these fields, never
   * as delivered (lib/submissions/deliver.ts); the person sees the fields to fix, and
   * `reference` (the failed record's) is kept in the submission's last error for staff.
   */
  failedValidation?: FieldErrors;
}

/**
 * A delivery that waits for the person (Connector.deliver returns `{awaiting}`): the vendor
 * sent them a one-time code, and the registration goes on only once they type it. The
 * outbox keeps the submission "awaiting_person" (not retried, not failed) until the code
 * comes back through the app, or until it expires. Only what the person may see: never
 * the vendor's ids or tokens, which stay in the journal (StepOptions.secret).
 */
export interface PersonChallenge {
  kind: "otp";
  /** Where the code went, as the vendor shows it, e.g. "+35799***834". */
  destination: string;
  /** When the code stops working (epoch ms). */
  expiresAt: number;
  /** When a new code may be asked for (epoch ms). */
  resendAt: number;
  /** Codes the person may still try before they must ask for a new one. */
  triesLeft: number;
  /** Which code this is (the connector's count of codes sent): the connector's own, opaque to the app. */
  round: number;
  /** Why the last answer did not go through, when it did not. */
  problem?: "wrong_code" | "expired" | "no_tries_left" | "resend_too_soon";
}

/** The delivery cannot finish without the person: see PersonChallenge. */
export interface AwaitingPerson {
  awaiting: PersonChallenge;
}

/** What the person answered to a PersonChallenge, handed to deliver() with the challenge it answers. */
export interface PersonAnswer {
  challenge: PersonChallenge;
  /** The code they typed. */
  code?: string;
  /** They asked for a new code. */
  resend?: boolean;
}

export function isAwaiting(result: DeliveryResult | AwaitingPerson): result is AwaitingPerson {
  return "awaiting" in result;
}

/**
 * What a vendor's message for a field means in the app's terms, as an Ajv error
 * says it (keyword "required", "format" with params.format "email", "minLength"
 * with params.limit…), or "usernameTaken". The app then words it in the page's language.
 */
export interface VendorRule {
  keyword: string;
  params?: Record<string, unknown>;
}

/** A vendor's message for one field: its own text and language, and its meaning when the connector knows it. */
export interface VendorMessage {
  text: string;
  /** The language of `text` (BCP 47), e.g. "nl". */
  lang: string;
  rule?: VendorRule;
}

/** Field name → the vendor's message about it. */
export type VendorErrors = Record<string, VendorMessage>;

/**
 * What a vendor knows of an email address before anyone registers with it, in the
 * app's terms (Connector.checkEmail). The wizard asks on the page that holds the email
 * field and says what it means before the person types anything else:
 * - "new": go on;
 * - "registered": already registered here; registering again is impossible;
 * - "transferable": known elsewhere in the same organisation (another club of a chain)
 *   in a way the vendor can transfer: the person may choose to continue, and the
 *   registration then carries that choice (DeliveryChoices.transfer);
 * - "not_transferable": known elsewhere, and the vendor cannot transfer it.
 * The verdict never carries the person's data.
 */
export type EmailVerdict = "new" | "registered" | "transferable" | "not_transferable";

/**
 * Choices the person made in the wizard that change how the registration is delivered,
 * stored with the answers (sealed) and handed to deliver(). Only intents: the connector
 * finds again whatever it needs (e.g. the record to transfer), never trusting the browser.
 */
export interface DeliveryChoices {
  /** The person chose to continue with a "transferable" email: the vendor's record is moved here. */
  transfer?: boolean;
}

/**
 * A delivery's refusal of a field in the app's terms, carried in AppError `fields` as a
 * text (a submission's field errors are stored as texts) and worded in the page's
 * language when the submit answers (lib/forms/vendor-errors.ts, wordRejection). Keywords
 * are those of VendorRule, plus "emailTaken" (the address was registered meanwhile).
 */
const RULE_PREFIX = "formgate:rule:";

export function ruleText(rule: VendorRule): string {
  return `${RULE_PREFIX}${JSON.stringify(rule)}`;
}

export function readRuleText(text: string): VendorRule | undefined {
  if (!text.startsWith(RULE_PREFIX)) return undefined;
  try {
    const rule = JSON.parse(text.slice(RULE_PREFIX.length)) as VendorRule;
    return typeof rule?.keyword === "string" ? rule : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What staff type to look a person up at the vendor (Connector.lookup): the vendor's
 * registration id, the reference the confirmation showed, or an email address.
 */
export type LookupKey = "registrationId" | "reference" | "email";

/**
 * A person's record at the vendor as staff may see it: vendor field name → a display
 * value, in the vendor's order. Never a password or any other secret: the connector
 * drops those before returning. `matches` holds more than one record when the key is
 * not unique (e.g. an email known at several clubs of a chain), each with its fields.
 */
export interface LookupResult {
  fields: LookupFields;
  /** The vendor's own status of the registration, when it has one (e.g. "pending"). */
  status?: string;
  /**
   * Set when the vendor answers alike for a record it has not finished and for a key it
   * does not know (Procurios: 404 until a registration completes): the record may not
   * exist, and the console says so instead of showing it as found.
   */
  maybeUnknown?: boolean;
  /** With more than one match, `fields` holds what they share (the key) and each match its own. */
  matches?: Array<{ label: string; fields: LookupFields }>;
}

/** Vendor field name → a display value; nested vendor objects are flattened to dotted names ("Address.Town"). */
export type LookupFields = Record<string, string | number | boolean | null>;

/**
 * One vendor, one configured form. Every method throws AppError only:
 * `vendor_unavailable` (retryable), `vendor_rejected` (permanent, with `fields`),
 * `vendor_pending` (retryable: the vendor has not finished yet).
 */
export interface Connector {
  /** The form's schema as the vendor defines it (fetched or derived). */
  schema(): Promise<JsonSchema>;
  /** Whole-form validation by the vendor, without side effects; {} when valid. */
  validate?(data: FormData): Promise<VendorErrors>;
  /** Whether a username is still free. */
  isUsernameAvailable?(username: string): Promise<boolean>;
  /**
   * What the vendor knows of this email address (see EmailVerdict). A form whose schema
   * has an `email` field and whose connector has this method checks the address on the
   * page that asks it, on Next, with the page's validation (/api/forms/{id}/validate with
   * `checks: ["email"]`, under the email check's rate limits), or alone through
   * /api/forms/{id}/checks/email.
   */
  checkEmail?(email: string): Promise<EmailVerdict>;
  /**
   * Sends a registration; multi-call deliveries record each call in the journal.
   * `choices`: what the person chose in the wizard (DeliveryChoices). A vendor refusal
   * of a field is AppError vendor_rejected with `fields` (a text, or ruleText(rule)).
   * A connector may learn from a refusal that the vendor requires a field the form did
   * not ask (a client's own configuration): its schema() then includes that field,
   * required, so the wizard adds it to the form and takes the person to it.
   */
  deliver(data: FormData, journal: DeliveryJournal, choices?: DeliveryChoices, person?: PersonAnswer): Promise<DeliveryResult | AwaitingPerson>;
  /**
   * Confirms an email address with the token of the link the vendor emailed (the app's
   * /verify-email/{formId} page): true when the vendor now counts it verified, false when
   * the token is unknown, used or expired.
   */
  verifyEmail?(token: string): Promise<boolean>;
  /**
   * Looks a person up at the vendor, for staff (the console has no vendor code).
   * `lookupBy` says what `key` is. Returns null when the vendor knows no such record;
   * throws AppError vendor_misconfigured when the vendor refuses our credentials (a
   * message for operators, never the token), vendor_unavailable when it is down.
   */
  lookup?(key: string): Promise<LookupResult | null>;
  readonly lookupBy?: LookupKey;
  /**
   * Top-level fields the schema may gain later (see deliver): the forms file may give
   * their texts before the schema has them; for any other field that is a mistake.
   */
  readonly laterFields?: readonly string[];
}

/** What a connector factory receives: the form's `options` from the configuration. */
export interface ConnectorContext {
  formId: string;
  options: Record<string, unknown>;
  /** Reads a secret from the environment by the name the configuration gives. */
  secret(envName: string): string | undefined;
}

/** Phone numbers as a vendor wants them: +31612345678, +31 6 12345678 or 06 12345678. */
export type PhoneFormat = "E.164" | "international" | "national";

/**
 * How a vendor wants the values the app reads and normalises for it (lib/forms/values.ts).
 * Forms hold countries as ISO 3166-1 alpha-2 ("NL"), what Intl and libphonenumber-js
 * know. A vendor that wants alpha-3 for a value ("CYP") converts it with the code table
 * of lib/forms/country-codes.ts (CRM.COM: the phone's country is alpha-3, the address's alpha-2).
 */
export interface ValueFormats {
  countryCode: "alpha-2";
  phone: PhoneFormat;
}

export type ConnectorFactory = (context: ConnectorContext) => Connector;
