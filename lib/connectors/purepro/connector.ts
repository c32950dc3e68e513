import "server-only";
import type { ConnectorSetup } from "@/lib/connectors/module";
import { pathSegment } from "@/lib/connectors/path";
import { lookupFields } from "@/lib/connectors/lookup";
import type { Connector, DeliveryJournal, DeliveryResult, FormData, JsonSchema, LookupResult } from "@/lib/connectors/types";
import { AppError, isAppError, type FieldErrors } from "@/lib/errors";
import { customerBody } from "./body";
import { messagesOf, PureproClient } from "./client";
import type { PureproOptions } from "./options";
import { customerSchema } from "./schema";

/** The vendor's field names that are about our configuration, not the person's answers. */
const SCOPE_FIELDS = new Set(["Account", "BusinessUnit", "Customer", "body", "backingData"]);

export interface CustomerStatus {
  reference: string;
  /** "Active", or "ValidationError" for a record PurePro keeps as failing its validation. */
  status: string;
  /** PurePro's messages about a failed record, by field. */
  validationErrors: FieldErrors;
}

export interface CustomerUpdate {
  /** Required: which customer. */
  Reference: string;
  /** Backing data can only be set through an update (seeds/004). */
  backingData?: Record<string, unknown>;
  [field: string]: unknown;
}

function unexpected(what: string): AppError {
  return new AppError("vendor_rejected", `PurePro answered in an unexpected shape (${what})`, { retryable: false });
}

/** What an add or update answer says: the reference, and the fields of a record kept as failed. */
function statusOf(body: unknown): CustomerStatus {
  const answer = (body ?? {}) as { Reference?: unknown; Status?: unknown; ValidationErrors?: unknown };
  if (typeof answer.Reference !== "string" || answer.Reference === "") throw unexpected("customer reference");
  const status = typeof answer.Status === "string" ? answer.Status : "Active";
  const listed = messagesOf(answer.ValidationErrors) ?? {};
  const failed = status !== "Active" && Object.keys(listed).length === 0 ? { Name: `PurePro keeps customer ${answer.Reference} as "${status}"` } : listed;
  return { reference: answer.Reference, status, validationErrors: failed };
}

/** Bank numbers staff see only the end of: enough to compare with what a customer reads out. */
const MASKED = ["Bank.AccountNumber", "Bank.IBAN"];
const mask = (value: string) => `${"•".repeat(Math.max(0, value.length - 4))}${value.slice(-4)}`;

export class PureproConnector implements Connector {
  readonly lookupBy = "reference" as const;
  private readonly client: PureproClient;
  private readonly scope: string;

  constructor(setup: ConnectorSetup<PureproOptions>) {
    const { options } = setup;
    this.scope = `/Customer/${pathSegment(options.accountReference)}/${pathSegment(options.businessUnitReference)}`;
    this.client = new PureproClient({
      baseUrl: setup.resolveUrl(options.publicApiUrl).replace(/\/+$/, ""),
      timeoutMs: options.timeoutMs,
      fetch: setup.fetch,
      auth: () => {
        const token = setup.secret(options.tokenEnv);
        if (!token) throw new AppError("internal", `The PurePro credential is missing: set the environment variable ${options.tokenEnv}`);
        return { header: options.authHeader, value: options.authScheme ? `${options.authScheme} ${token}` : token };
      },
    });
  }

  /** Derived from the document's rules (schema.ts): PurePro serves none. */
  async schema(): Promise<JsonSchema> {
    return customerSchema;
  }

  /**
   * One call. A 200 whose record PurePro keeps as failing validation is returned with
   * `failedValidation`, which the outbox records as a rejection (DeliveryResult). The
   * in-doubt window is this POST: PurePro offers no lookup by a key of ours, and a
   * generated reference is only known from the answer.
   */
  async deliver(data: FormData, journal: DeliveryJournal): Promise<DeliveryResult> {
    return journal.step("add", async () => {
      const answer = await this.send("POST", customerBody(data));
      const { reference, validationErrors } = statusOf(answer.body);
      return Object.keys(validationErrors).length ? { reference, failedValidation: validationErrors } : { reference };
    });
  }

  /** For the staff console: a customer by reference, with PurePro's verdict on it. */
  async getCustomer(reference: string): Promise<CustomerStatus & { record: Record<string, unknown> }> {
    const answer = await this.client.request("GET", `${this.scope}/${pathSegment(reference.trim())}`);
    const record = (answer.body ?? {}) as Record<string, unknown>;
    return { ...statusOf(record), record };
  }

  /**
   * For staff: the customer with this reference (the one the confirmation showed), by the
   * document's GET. Its fields flattened ("Address.Town"), bank numbers masked, PurePro's
   * status ("Active", "ValidationError") as `status` and its validation messages as one
   * field. null when PurePro does not know the customer: a 404 that names the customer;
   * any other 404 (the account, business unit or URL) is our configuration. A reference
   * that cannot be one path segment ("a/b", "..") is bad_request: it cannot be asked for.
   */
  async lookup(key: string): Promise<LookupResult | null> {
    const reference = key.trim();
    if (!reference) return null;
    const answer = await this.client.request("GET", `${this.scope}/${pathSegment(reference)}`, { pass: [404] });
    const body = (answer.body ?? {}) as Record<string, unknown>;
    if (answer.status === 404) {
      if (typeof body.Message === "string" && /customer/i.test(body.Message)) return null;
      throw new AppError("vendor_misconfigured", "PurePro refused the request (HTTP 404): the account, business unit or URL is unknown", { retryable: false });
    }
    const { status, validationErrors } = statusOf(body);
    const fields = lookupFields(body, new Set(["Status", "ValidationErrors"]));
    for (const name of MASKED) if (typeof fields[name] === "string") fields[name] = mask(fields[name] as string);
    const problems = Object.entries(validationErrors).map(([field, message]) => `${field}: ${message}`);
    if (problems.length) fields.ValidationErrors = problems.join("; ");
    return { fields, status };
  }

  /** For the staff console: changes to a customer (Reference required; backingData only here). */
  async updateCustomer(update: CustomerUpdate): Promise<CustomerStatus> {
    if (typeof update.Reference !== "string" || update.Reference.trim() === "") {
      throw new AppError("bad_request", "A customer update needs the customer's Reference", { fields: { Reference: "You must input a customer reference" } });
    }
    const answer = await this.send("PUT", { ...update, Reference: update.Reference.trim() });
    return statusOf(answer.body);
  }

  private async send(method: "POST" | "PUT", body: Record<string, unknown>) {
    try {
      return await this.client.request(method, this.scope, { body });
    } catch (error) {
      // A refusal about the account, business unit or body shape is ours to fix, not the person's.
      if (isAppError(error) && error.code === "vendor_rejected" && Object.keys(error.fields ?? {}).some((field) => SCOPE_FIELDS.has(field))) {
        throw new AppError("vendor_misconfigured", `PurePro refused the request: ${Object.keys(error.fields ?? {}).join(", ")}`, { retryable: false });
      }
      throw error;
    }
  }
}
