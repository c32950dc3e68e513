import "server-only";
import type { ConnectorSetup } from "@/lib/connectors/module";
import { pathSegment } from "@/lib/connectors/path";
import { ruleText, type Connector, type DeliveryJournal, type DeliveryResult, type FormData, type JsonSchema, type LookupResult } from "@/lib/connectors/types";
import { AppError, type FieldErrors } from "@/lib/errors";
import { DnlClient, type VendorAnswer } from "./client";
import type { DnlOptions } from "./options";
import { registrationRecord } from "./record";
import { formPath, signupBody, signupSchema } from "./schema";

/** DNL's ids are whole numbers (the document's example: 242). */
const ID = /^\d{1,18}$/;

function unexpected(what: string): AppError {
  return new AppError("vendor_rejected", `DNL answered in an unexpected shape (${what})`, { retryable: false });
}

/** A refusal's field messages in the app's terms: DNL's names → the form's paths; the meanings the app words itself. */
function refusedFields(answer: VendorAnswer): FieldErrors {
  const listed = answer.body.error?.fields;
  const fields: FieldErrors = {};
  if (!listed || typeof listed !== "object") return fields;
  for (const [field, message] of Object.entries(listed as Record<string, unknown>)) {
    if (typeof message !== "string") continue;
    const path = formPath(field);
    if (/already (exists|taken|in use)/i.test(message) && field === "username") fields[path] = ruleText({ keyword: "usernameTaken" });
    else if (/required/i.test(message)) fields[path] = ruleText({ keyword: "required" });
    else fields[path] = message;
  }
  return fields;
}

/** The new registration's id, wherever the answer puts it: `object_id` (the document's "Object_ID"), `payload.id` or `id`. */
function createdId(body: VendorAnswer["body"]): string {
  const payload = body.payload as Record<string, unknown> | undefined;
  const id = body.object_id ?? payload?.id ?? body.id;
  if ((typeof id !== "number" && typeof id !== "string") || !ID.test(String(id))) throw unexpected("registration id");
  return String(id);
}

/**
 * DNL registrations (seeds/001). The document shows one call, the admin lookup
 * `GET /v1/registration/{id}` (`accept: application/json`, `X-Auth-Token`), and says a
 * sign-up "returns the Object_ID". The sign-up call itself is not documented: this
 * connector INFERS it as `POST /v1/registration` with the same headers and the
 * registration's fields as a flat JSON object (schema.ts), answered with the new id.
 * The sandbox (sandbox.ts) mirrors exactly this inference; a real DNL may differ, and
 * then this one call (deliver) is what to change.
 */
export class DnlConnector implements Connector {
  readonly lookupBy = "registrationId" as const;
  private readonly client: DnlClient;

  constructor(setup: ConnectorSetup<DnlOptions>) {
    const { options } = setup;
    this.client = new DnlClient({
      baseUrl: setup.resolveUrl(options.baseUrl).replace(/\/+$/, ""),
      timeoutMs: options.timeoutMs,
      fetch: setup.fetch,
      tokenEnv: options.tokenEnv,
      token: () => setup.secret(options.tokenEnv)?.trim() || undefined,
    });
  }

  /** Derived from the document's example registration (schema.ts): DNL serves none. */
  async schema(): Promise<JsonSchema> {
    return signupSchema;
  }

  /**
   * One call, the inferred sign-up; the reference is the id DNL returns. The in-doubt
   * window is this POST: DNL documents no lookup by a key of ours (only by its own id).
   */
  async deliver(data: FormData, journal: DeliveryJournal): Promise<DeliveryResult> {
    return journal.step("register", async () => {
      const answer = await this.client.request("POST", "/registration", { body: signupBody(data), pass: [400, 409, 422] });
      if (answer.status >= 400) {
        const fields = refusedFields(answer);
        throw new AppError("vendor_rejected", `DNL rejected the registration (HTTP ${answer.status}: ${Object.keys(fields).join(", ") || "no field named"})`, {
          retryable: false,
          ...(Object.keys(fields).length ? { fields } : {}),
        });
      }
      return { reference: createdId(answer.body) };
    });
  }

  /**
   * The registration with this id, for staff, without its password (record.ts). null for
   * an id DNL does not know (its 404 "Object not found") or that cannot be one; a refused
   * token (codes 110, 120) is vendor_misconfigured (client.ts).
   */
  async lookup(key: string): Promise<LookupResult | null> {
    const id = key.trim();
    if (!ID.test(id)) return null;
    const answer = await this.client.request("GET", `/registration/${pathSegment(id)}`, { pass: [404] });
    if (answer.status === 404) {
      if (answer.body.error_type === "Object not found") return null;
      throw new AppError("vendor_misconfigured", "DNL answered 404 without its \"Object not found\": check the base URL", { retryable: false });
    }
    const payload = answer.body.payload;
    if (!payload || typeof payload !== "object" || Array.isArray(payload)) throw unexpected("registration");
    return registrationRecord(payload as Record<string, unknown>);
  }
}
