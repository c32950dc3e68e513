import "server-only";
import type { ConnectorSetup } from "@/lib/connectors/module";
import { pathSegment } from "@/lib/connectors/path";
import { lookupFields } from "@/lib/connectors/lookup";
import { ruleText, type Connector, type DeliveryChoices, type DeliveryJournal, type DeliveryResult, type EmailVerdict, type FormData, type JsonSchema, type LookupResult } from "@/lib/connectors/types";
import { AppError } from "@/lib/errors";
import { query, Refusal, ResamaniaClient } from "./client";
import { readRefusal } from "./errors";
import { idOf, iriOf } from "./iri";
import type { ResamaniaOptions } from "./options";
import { CATALOGUE_FIELDS, contactBody, contactSchema, knownField } from "./schema";

/** The store key of the fields the client's configuration turned out to require. */
const LEARNED_KEY = "required-fields";

interface Member {
  "@id"?: unknown;
  number?: unknown;
  email?: unknown;
  clubId?: unknown;
  state?: unknown;
  sourceId?: unknown;
}

/** A contact as the journal keeps it: its IRI for the next call, its number for the person. */
interface Created {
  contact: string;
  number: string;
}

function unexpected(what: string): AppError {
  return new AppError("vendor_rejected", `Resamania answered in an unexpected shape (${what})`, { retryable: false });
}

function membersOf(body: unknown): Member[] {
  const members = (body as Record<string, unknown> | undefined)?.["hydra:member"];
  if (!Array.isArray(members)) throw unexpected("hydra:member");
  return members.filter((member): member is Member => Boolean(member) && typeof member === "object");
}

const sameEmail = (a: unknown, b: string) => typeof a === "string" && a.trim().toLowerCase() === b.trim().toLowerCase();

/** JSON-LD's plumbing, not the contact's data: left out of what staff see. */
const LINKS = new Set(["@context", "@id", "@type", "address.@id", "address.@type", "pictureId", "tags"]);

export class ResamaniaConnector implements Connector {
  readonly lookupBy = "email" as const;
  /** The forms file may name texts for any contact field this connector can come to ask. */
  readonly laterFields = CATALOGUE_FIELDS;
  private readonly client: ResamaniaClient;
  private learned?: Promise<string[]>;
  private described?: { key: string; schema: JsonSchema };

  constructor(private readonly setup: ConnectorSetup<ResamaniaOptions>) {
    const { options } = setup;
    this.client = new ResamaniaClient({
      baseUrl: setup.resolveUrl(options.baseUrl).replace(/\/+$/, ""),
      clientToken: options.clientToken,
      clubId: options.clubId,
      networkNodeId: options.networkNodeId,
      timeoutMs: options.timeoutMs,
      fetch: setup.fetch,
      token: () => {
        const token = setup.secret(options.tokenEnv);
        if (!token) throw new AppError("internal", `The Resamania bearer token is missing: set the environment variable ${options.tokenEnv}`);
        return token;
      },
    });
  }

  private learnedFields(): Promise<string[]> {
    this.learned ??= (async () => {
      const stored = await this.setup.store?.load(LEARNED_KEY).catch(() => undefined);
      return Array.isArray(stored) ? stored.filter((name): name is string => typeof name === "string" && knownField(name)) : [];
    })();
    return this.learned;
  }

  /** Remembers fields a refusal said are required, so the next person is asked them from the start. */
  private async learn(fields: string[]): Promise<void> {
    const known = await this.learnedFields();
    const added = fields.filter((name) => knownField(name) && !known.includes(name));
    if (added.length === 0) return;
    const all = [...known, ...added];
    this.learned = Promise.resolve(all);
    await this.setup.store?.save(LEARNED_KEY, all).catch(() => undefined);
  }

  /** Derived (the document has no schema call); the same object while nothing was learned, so definitions stay cached. */
  async schema(): Promise<JsonSchema> {
    const learned = await this.learnedFields();
    const key = learned.join(",");
    if (this.described?.key !== key) this.described = { key, schema: contactSchema(this.setup.options.requires, learned) };
    return this.described.schema;
  }

  /**
   * GET /contacts?email= (this club), or across a club chain GET /network/contact_search?email=
   * (a limited view: clubId and state are all that is read). A contact of this club is
   * "registered" whatever else the network holds; only a prospect elsewhere can be migrated.
   */
  async checkEmail(email: string): Promise<EmailVerdict> {
    const { clubId, network } = this.setup.options;
    const path = network ? "/network/contact_search" : "/contacts";
    const { body } = await this.client.request("GET", `${path}${query({ email })}`);
    const members = membersOf(body).filter((member) => sameEmail(member.email, email) || member.email === undefined);
    if (members.length === 0) return "new";
    if (!network || members.some((member) => String(member.clubId) === clubId)) return "registered";
    return members.some((member) => member.state === "prospect") ? "transferable" : "not_transferable";
  }

  /**
   * For staff: the contacts with this email, by the document's search, the same one
   * checkEmail uses: this club's `GET /contacts?email=` (the full contact), or across a
   * club chain `GET /network/contact_search?email=` (its limited view: club, state, a
   * masked phone). One contact → its fields and state; several (a chain where the person
   * is known at more than one club) → `matches`, one per contact; none → null.
   */
  async lookup(key: string): Promise<LookupResult | null> {
    const email = key.trim();
    if (!email) return null;
    const { network } = this.setup.options;
    const { body } = await this.client.request("GET", `${network ? "/network/contact_search" : "/contacts"}${query({ email })}`);
    const found = membersOf(body).filter((member) => sameEmail(member.email, email) || member.email === undefined);
    const records = found.map((member) => ({ fields: lookupFields(member as Record<string, unknown>, LINKS), state: typeof member.state === "string" ? member.state : undefined }));
    if (records.length === 0) return null;
    if (records.length === 1) return records[0].state ? { fields: records[0].fields, status: records[0].state } : { fields: records[0].fields };
    return {
      fields: { email },
      matches: records.map(({ fields, state }) => ({ label: [fields.number, fields.clubId !== undefined ? `club ${fields.clubId}` : undefined, state].filter(Boolean).join(" · "), fields })),
    };
  }

  /** The prospect of another club to migrate, found again here (the browser only said "continue"). */
  private async findSource(email: string): Promise<{ contact: string } | null> {
    const { clubId, clientToken } = this.setup.options;
    const { body } = await this.client.request("GET", `/network/contact_search${query({ email })}`);
    const source = membersOf(body).find((member) => member.state === "prospect" && String(member.clubId) !== clubId);
    const id = source && idOf(source["@id"], clientToken, "contacts");
    return id ? { contact: iriOf(clientToken, "contacts", id) } : null;
  }

  /** A contact this app created for this email in an earlier attempt whose answer was lost. */
  private async findOwn(email: string, state: string): Promise<Created | undefined> {
    const { body } = await this.client.request("GET", `/contacts${query({ email })}`);
    const own = membersOf(body).find((member) => sameEmail(member.email, email) && String(member.sourceId) === this.setup.options.sourceId && member.state === state);
    return own ? this.created(own) : undefined;
  }

  private created(body: unknown): Created {
    const { clientToken } = this.setup.options;
    const member = body as Member;
    const id = idOf(member?.["@id"], clientToken, "contacts");
    if (!id || typeof member.number !== "string") throw unexpected("contact");
    return { contact: iriOf(clientToken, "contacts", id), number: member.number };
  }

  /** A 400/422 as the app's refusal: field errors worded by the app, required fields remembered. */
  private async refused(refusal: Refusal): Promise<AppError> {
    const { fields, required } = readRefusal(refusal.body);
    // "address.postalCode" required means the form must ask the address.
    await this.learn(required.map((path) => path.split(".")[0]));
    const texts = Object.fromEntries(Object.entries(fields).map(([field, { rule, text }]) => [field, rule ? ruleText(rule) : text]));
    return new AppError("vendor_rejected", `Resamania rejected the contact (HTTP ${refusal.status}: ${Object.keys(texts).join(", ") || "no field named"})`, {
      retryable: false,
      ...(Object.keys(texts).length ? { fields: texts } : {}),
    });
  }

  /**
   * Creates the contact (POST /contacts), as `prospect`; with a migration, as `temp`, then
   * PUT /contacts/{source}/migrate. Each call is a journal step: a retry resumes at the
   * failed one. The "Reminder" list of the document is followed (source prospect, target
   * temp, clubs differ); its glossary, which swaps the two states, is not.
   */
  async deliver(data: FormData, journal: DeliveryJournal, choices?: DeliveryChoices): Promise<DeliveryResult> {
    const { options } = this.setup;
    const email = typeof data.email === "string" ? data.email : "";
    if (!email) throw new AppError("vendor_rejected", "no email address", { fields: { email: ruleText({ keyword: "required" }) } });
    const source = choices?.transfer && options.network ? await journal.step("source", () => this.findSource(email)) : null;
    const state = source ? "temp" : "prospect";
    // No key of ours reaches Resamania: a POST whose answer was lost (a crash, a cut
    // connection) may have created the contact. A later attempt looks for it first: a
    // contact of this club with this email, our sourceId and the state we create.
    let first = false;
    await journal.step("intent", async () => ((first = true), {}));
    const target = await journal.step("create", async () => {
      const existing = first ? undefined : await this.findOwn(email, state);
      if (existing) return existing;
      try {
        const answer = await this.client.request("POST", "/contacts", { body: contactBody(data, { clubId: options.clubId, sourceId: options.sourceId, state }) });
        return this.created(answer.body);
      } catch (error) {
        throw error instanceof Refusal ? await this.refused(error) : error;
      }
    });
    if (source) {
      await journal.step("migrate", async () => {
        const sourceId = idOf(source.contact, options.clientToken, "contacts")!;
        const body = { targetContactId: target.contact, targetClubId: iriOf(options.clientToken, "clubs", options.clubId) };
        try {
          await this.client.request("PUT", `/contacts/${pathSegment(sourceId)}/migrate`, { body });
        } catch (error) {
          if (!(error instanceof Refusal)) throw error;
          // Refused: done already by an attempt whose answer was lost (the target is no longer temp), or impossible.
          if (!(await this.migrated(target.contact))) throw new AppError("vendor_rejected", `Resamania refused the migration (HTTP ${error.status})`, { retryable: false });
        }
        return {};
      });
    }
    return { reference: target.number };
  }

  private async migrated(contact: string): Promise<boolean> {
    const id = idOf(contact, this.setup.options.clientToken, "contacts")!;
    const { status, body } = await this.client.request("GET", `/contacts/${pathSegment(id)}`, { pass: [404] });
    return status === 200 && (body as Member | undefined)?.state !== "temp";
  }
}
