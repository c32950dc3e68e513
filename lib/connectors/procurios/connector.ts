import "server-only";
import type { ConnectorSetup } from "@/lib/connectors/module";
import { ruleText, type Connector, type DeliveryJournal, type DeliveryResult, type FormData, type JsonSchema, type LookupResult, type VendorErrors } from "@/lib/connectors/types";
import { AppError, isAppError } from "@/lib/errors";
import { pathSegment } from "@/lib/connectors/path";
import { toVendorBody, withRequiredParts } from "./address";
import { ProcuriosClient } from "./client";
import { readMessage } from "./messages";
import type { ProcuriosOptions } from "./options";

/** After a failed refresh, wait this long (at most) before asking the vendor again. */
const REFRESH_BACKOFF_MS = 5_000;
const SNAPSHOT_KEY = "schema";

export interface RegistrationSet {
  id: number;
  title: string;
}

/**
 * A refusal of the registration with the meanings the app has words for (readMessage) as rules,
 * which the page words in its own language (ruleText); other messages stay as Procurios wrote them.
 */
function worded(error: unknown): unknown {
  if (!isAppError(error) || error.code !== "vendor_rejected" || !error.fields) return error;
  const fields = Object.fromEntries(
    Object.entries(error.fields).map(([field, text]) => {
      const { rule } = readMessage(text);
      return [field, rule ? ruleText(rule) : text];
    }),
  );
  return new AppError(error.code, error.message, { fields, retryable: error.retryable, cause: error });
}

function unexpected(what: string): AppError {
  return new AppError("vendor_rejected", `Procurios answered in an unexpected shape (${what})`, { retryable: false });
}

function numberField(body: unknown, name: string, what: string): number {
  const value = (body as Record<string, unknown> | undefined)?.[name];
  if (typeof value !== "number") throw unexpected(what);
  return value;
}

export class ProcuriosConnector implements Connector {
  readonly lookupBy = "registrationId" as const;
  private readonly client: ProcuriosClient;
  private readonly setPath: string;
  private cached?: { schema: JsonSchema; refreshAt: number };
  private refreshing?: Promise<JsonSchema>;
  /** The schema text last written to the store, to write only changes. */
  private savedText?: string;
  /** What schema() hands out per raw schema: the same object while the vendor's is the same. */
  private readonly described = new WeakMap<JsonSchema, JsonSchema>();

  constructor(private readonly setup: ConnectorSetup<ProcuriosOptions>) {
    const { options } = setup;
    this.setPath = `/registrationset/${pathSegment(options.registrationSetId)}`;
    this.client = new ProcuriosClient({
      baseUrl: setup.resolveUrl(options.baseUrl).replace(/\/+$/, ""),
      timeoutMs: options.timeoutMs,
      fetch: setup.fetch,
      token: () => {
        const token = setup.secret(options.tokenEnv);
        if (!token) throw new AppError("internal", `The Procurios access token is missing: set the environment variable ${options.tokenEnv}`);
        return token;
      },
    });
  }

  /** The sets this token may use; for staff tools and configuration checks. */
  async listSets(): Promise<RegistrationSet[]> {
    const { body } = await this.client.request("GET", "/registrationset");
    const sets = (body as { registrationSet?: unknown } | undefined)?.registrationSet;
    if (!Array.isArray(sets)) throw unexpected("registration sets");
    return sets.map((set) => ({ id: numberField(set, "id", "registration set id"), title: String(set?.title ?? "") }));
  }

  /**
   * The set's schema as Procurios sends it (lib/forms normalises its quirks). Served from
   * cache; once older than schemaTtlMs it is refreshed in the background (stale while
   * revalidate), so a slow or unavailable vendor never holds up a form that has a copy.
   * A refusal (token, set id) drops the copy, since every submission would fail too.
   * The last schema served is also kept in the app's database, so a restart during an
   * outage still has a form to show. The address parts the vendor requires are marked
   * required (withRequiredParts).
   */
  async schema(): Promise<JsonSchema> {
    return this.describe(await this.rawSchema());
  }

  private describe(raw: JsonSchema): JsonSchema {
    let schema = this.described.get(raw);
    if (!schema) this.described.set(raw, (schema = withRequiredParts(raw)));
    return schema;
  }

  private async rawSchema(): Promise<JsonSchema> {
    if (!this.cached) return this.refresh().catch((error: unknown) => this.fromSnapshot(error));
    if (Date.now() >= this.cached.refreshAt) this.refresh().catch(() => undefined);
    return this.cached.schema;
  }

  private async fromSnapshot(error: unknown): Promise<JsonSchema> {
    const snapshot = isAppError(error) && error.retryable ? await this.setup.store?.load(SNAPSHOT_KEY) : undefined;
    if (!snapshot || typeof snapshot !== "object") throw error;
    console.warn(`[procurios] form ${this.setup.formId}: vendor unavailable; serving the stored schema`);
    this.cached = { schema: snapshot as JsonSchema, refreshAt: Date.now() + REFRESH_BACKOFF_MS };
    this.savedText = JSON.stringify(snapshot);
    return this.cached.schema;
  }

  private refresh(): Promise<JsonSchema> {
    this.refreshing ??= this.fetchSchema()
      .catch((error: unknown) => {
        if (this.cached && isAppError(error) && error.retryable) {
          console.warn(`[procurios] form ${this.setup.formId}: schema refresh failed (${error.code}); serving the cached schema`);
          this.cached.refreshAt = Date.now() + Math.min(this.setup.options.schemaTtlMs, REFRESH_BACKOFF_MS);
        } else {
          this.cached = undefined;
        }
        throw error;
      })
      .finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async fetchSchema(): Promise<JsonSchema> {
    const { body } = await this.client.request("GET", `${this.setPath}/schema`);
    if (!body || typeof body !== "object" || Array.isArray(body)) throw unexpected("schema");
    const schema = body as JsonSchema;
    this.cached = { schema, refreshAt: Date.now() + this.setup.options.schemaTtlMs };
    const text = JSON.stringify(schema);
    if (text !== this.savedText && this.setup.store) {
      this.savedText = text;
      await this.setup.store.save(SNAPSHOT_KEY, schema).catch(() => (this.savedText = undefined));
    }
    return schema;
  }

  /** Whole-set validation by Procurios: its Dutch messages by top-level field, each with its meaning where known (messages.ts). */
  async validate(data: FormData): Promise<VendorErrors> {
    const body = toVendorBody(data, await this.schema());
    try {
      await this.client.request("POST", `${this.setPath}/validate`, { body });
      return {};
    } catch (error) {
      if (isAppError(error) && error.code === "vendor_rejected" && error.fields) {
        return Object.fromEntries(Object.entries(error.fields).map(([field, text]) => [field, readMessage(text)]));
      }
      throw error;
    }
  }

  async isUsernameAvailable(username: string): Promise<boolean> {
    const { body } = await this.client.request("GET", `/isusernameavailable/${pathSegment(username)}`);
    const available = (body as { isAvailable?: unknown } | undefined)?.isAvailable;
    if (typeof available !== "boolean") throw unexpected("username check");
    return available;
  }

  async deliver(data: FormData, journal: DeliveryJournal): Promise<DeliveryResult> {
    // In-doubt window: Procurios offers no lookup by a key of ours, so if the process dies
    // after sending this POST and before the journal stores registrationId, a retry cannot
    // tell whether the registration exists. The window is exactly this one call.
    const { registrationId } = await journal.step("register", async () => {
      const body = toVendorBody(data, await this.schema());
      const answer = await this.client.request("POST", `${this.setPath}/registration`, { body }).catch((error: unknown) => {
        throw worded(error);
      });
      return { registrationId: numberField(answer.body, "registrationId", "registration") };
    });
    // Completion is asynchronous: 404 means "not complete yet"; the delivery worker retries.
    const { relationId } = await journal.step("complete", async () => {
      const answer = await this.client.request("GET", `${this.setPath}/registration/${pathSegment(registrationId)}`, { pass: [404] });
      if (answer.status === 404) {
        throw new AppError("vendor_pending", "registration not complete yet", { retryable: true, retryAfterMs: 1000 });
      }
      return { relationId: numberField(answer.body, "relationId", "registration status") };
    });
    return { reference: String(relationId) };
  }

  /**
   * A registration of this form's set by its registrationId, for staff: the document's
   * `GET …/registration/{id}`, "complete" with its relationId, else "not complete".
   * Procurios answers that 404 alike for an id it does not know, so a registration that
   * is not complete is returned with `maybeUnknown`. A 404 that names an error is the set
   * itself being unknown (our configuration); a key that is no whole number is null.
   */
  async lookup(key: string): Promise<LookupResult | null> {
    const id = key.trim();
    if (!/^\d{1,15}$/.test(id)) return null;
    const registrationId = Number(id);
    const answer = await this.client.request("GET", `${this.setPath}/registration/${pathSegment(registrationId)}`, { pass: [404] });
    if (answer.status === 404) {
      if ((answer.body as { error?: unknown } | undefined)?.error !== undefined) {
        throw new AppError("vendor_misconfigured", `Procurios does not know registration set ${this.setup.options.registrationSetId} (HTTP 404)`, { retryable: false });
      }
      return { fields: { registrationId, relationId: null }, status: "not complete", maybeUnknown: true };
    }
    return { fields: { registrationId: numberField(answer.body, "registrationId", "registration"), relationId: numberField(answer.body, "relationId", "registration status") }, status: "complete" };
  }
}
