/**
 * A faithful simulator of Resamania's contact API as the online-registration document
 * (seeds/002) shows it, mounted by the app at /sandbox/resamania and served on its own
 * port by lib/testing/sandbox-server.ts. No "server-only": Playwright runs it in plain Node.
 *
 * Decisions where the document is silent:
 * - every call needs `authorization: Bearer …` (401 otherwise), `x-user-club-id` naming a
 *   club of the network and `x-user-network-node-id` naming the network (403), and an
 *   Accept that takes JSON (406); an unknown client token is 404;
 * - `?email=` is read as a PHP server reads a query: "+" is a space. Only %2B is a "+";
 * - `GET /contacts?email=` searches the caller's club (x-user-club-id), the network search
 *   every club, in the limited view of the document (masked `partialPhoneNumber`);
 * - refusals are API Platform ConstraintViolationLists (422): `code` "required" for a
 *   missing field, `api.error.contact.email-already-used` for a used email;
 * - an email is unique per client token among live contacts, except that a `temp`
 *   contact may share it with prospects of other clubs: that is what migration is for;
 * - migrate follows the document's "Reminder" (source prospect, target temp, clubs
 *   differ). The app's own client token may call it (the document wants the source
 *   contact's authentication, which an app has no way to obtain for a stranger): after it
 *   the target is a prospect holding the source's data where it had none, and the source
 *   is archived (out of every search);
 * - contact ids never restart, not even on reset.
 */
import type { Sandbox } from "@/lib/connectors/module";
import { mountedSandbox } from "@/lib/connectors/sandbox-control";
import { z } from "zod";
import { FaultSwitch, handleFaultControl } from "@/lib/connectors/sandbox-faults";
import { CLIENT_TOKEN, CLUBS, NETWORK_NODE_ID, SEED_CONTACTS, SOURCE_ID } from "./sandbox-seed";

export const SANDBOX_TOKEN = "sandbox-resamania-token";
const FIELDS = ["email", "familyName", "givenName", "birthDate", "gender", "mobile", "landline", "address"] as const;
const DEFAULT_REQUIRED = ["email", "familyName", "givenName", "birthDate"];
const ADDRESS_PARTS = ["streetAddress", "postalCode", "addressLocality", "addressCountry"] as const;

export interface ResamaniaSandboxOptions {
  token?: string;
  fault?: string;
}

interface Contact {
  id: number;
  clubId: string;
  state: string;
  email: string;
  givenName: string | null;
  familyName: string | null;
  birthDate: string | null;
  gender: string | null;
  mobile: string | null;
  landline: string | null;
  address: Record<string, string | null> | null;
  sourceId: string | null;
}

export interface Migration {
  source: number;
  target: number;
  club: string;
  email: string;
}

export interface ResamaniaSandbox extends Sandbox {
  contacts(email?: string): Contact[];
  migrations(): Migration[];
  requests(): Record<string, number>;
  reset(): void;
}

const iri = (path: string) => `/${CLIENT_TOKEN}/${path}`;

/** JSON as the document prints it: slashes escaped ("\/demoapi\/contacts\/2974340"). */
const jsonLd = (status: number, body: unknown) =>
  new Response(JSON.stringify(body).replace(/\//g, "\\/"), { status, headers: { "Content-Type": "application/ld+json; charset=utf-8" } });
const plain = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8" } });

function violations(list: Array<{ propertyPath: string; message: string; code: string }>): Response {
  return jsonLd(422, {
    "@context": iri("contexts/ConstraintViolationList"),
    "@type": "ConstraintViolationList",
    "hydra:title": "An error occurred",
    "hydra:description": list.map((item) => `${item.propertyPath}: ${item.message}`).join("\n"),
    violations: list,
  });
}

function fullView(contact: Contact) {
  return {
    "@id": iri(`contacts/${contact.id}`),
    "@type": "http://schema.org/Person",
    number: `C${contact.id}`,
    address: contact.address && {
      "@id": iri(`addresses/${contact.id + 11_000_000}`),
      "@type": "Address",
      ...contact.address,
      addressCountryIso: contact.address.addressCountry === "France" ? "FR" : null,
      supplement: "",
    },
    birthDate: contact.birthDate,
    email: contact.email,
    familyName: contact.familyName,
    gender: contact.gender,
    givenName: contact.givenName,
    pictureId: null,
    tags: [],
    clubId: contact.clubId,
    landline: contact.landline,
    mobile: contact.mobile,
    sourceId: contact.sourceId,
    parentalIdentificationValidated: false,
    state: contact.state,
    initialSalepersonId: null,
  };
}

function limitedView(contact: Contact) {
  return {
    "@id": iri(`contacts/${contact.id}`),
    "@type": "http://schema.org/Person",
    number: `C${contact.id}`,
    birthDate: contact.birthDate,
    familyName: contact.familyName,
    gender: contact.gender,
    givenName: contact.givenName,
    pictureId: null,
    clubId: contact.clubId,
    state: contact.state,
    partialPhoneNumber: contact.mobile ? `******${contact.mobile.slice(-4)}` : null,
  };
}

const collection = (members: unknown[]) => ({
  "@context": iri("contexts/Contact"),
  "@id": iri("contacts"),
  "@type": "hydra:Collection",
  "hydra:member": members,
  "hydra:totalItems": members.length,
});

const seeded = (): Contact[] => SEED_CONTACTS.map((seed) => ({ ...seed, landline: null, address: null, sourceId: null }));

const controlContact = z.strictObject({
  email: z.string().min(3).max(180),
  clubId: z.enum(Object.keys(CLUBS) as [string, ...string[]]),
  state: z.string().min(1).max(40).default("client"),
  givenName: z.string().max(100).default("Someone"),
  familyName: z.string().max(100).default("Else"),
});
const controlRequired = z.strictObject({ fields: z.array(z.enum(FIELDS)) });

async function readObject(request: Request): Promise<Record<string, unknown> | undefined> {
  try {
    const body: unknown = JSON.parse(await request.text());
    return body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value : null);
const issues = (error: z.ZodError) => error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; ");

let nextId = 2974340;

export function createResamaniaSandbox(options: ResamaniaSandboxOptions = {}): ResamaniaSandbox {
  const faults = new FaultSwitch(new Set(["createContact", "migrate"])).startWith(options.fault, "resamania");
  let contacts = seeded();
  let migrations: Migration[] = [];
  let extraRequired: string[] = [];
  let requests: Record<string, number> = {};
  const live = () => contacts.filter((contact) => contact.state !== "archived");
  const byEmail = (email: string) => live().filter((contact) => contact.email.toLowerCase() === email.trim().toLowerCase());
  const byId = (id: string | number) => live().find((contact) => contact.id === Number(id));

  function createContact(body: Record<string, unknown>, callerClub: string): Response {
    const problems: Array<{ propertyPath: string; message: string; code: string }> = [];
    const required = [...DEFAULT_REQUIRED, ...extraRequired];
    for (const field of required) {
      if (field === "address") {
        const address = body.address as Record<string, unknown> | undefined;
        if (!address || typeof address !== "object") problems.push({ propertyPath: "address", message: "This value should not be blank.", code: "required" });
        else for (const part of ADDRESS_PARTS) if (!text(address[part])) problems.push({ propertyPath: `address.${part}`, message: "This value should not be blank.", code: "required" });
      } else if (!text(body[field])) problems.push({ propertyPath: field, message: "This value should not be blank.", code: "required" });
    }
    const email = text(body.email);
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) problems.push({ propertyPath: "email", message: "This value is not a valid email address.", code: "bd79c0ab-ddba-46cc-a703-a7a4b08de310" });
    if (text(body.birthDate) && !/^\d{4}-\d{2}-\d{2}$/.test(String(body.birthDate))) problems.push({ propertyPath: "birthDate", message: "This value is not a valid date.", code: "69819696-02ac-4a99-9ff0-14e127c4d1bc" });
    if (body.gender != null && !["male", "female"].includes(String(body.gender))) problems.push({ propertyPath: "gender", message: "The value you selected is not a valid choice.", code: "8e179f1b-97aa-4560-a02f-2a8b42e49df7" });
    for (const phone of ["mobile", "landline"]) {
      if (text(body[phone]) && !/^\+\d{8,15}$/.test(String(body[phone]))) problems.push({ propertyPath: phone, message: "This value is not a valid phone number.", code: "ca23f4ca-38f4-4325-9bcc-eb570a4abe7f" });
    }
    const state = body.state ?? "prospect";
    if (state !== "prospect" && state !== "temp") problems.push({ propertyPath: "state", message: "The value you selected is not a valid choice.", code: "8e179f1b-97aa-4560-a02f-2a8b42e49df7" });
    if (String(body.clubId ?? "") !== callerClub) problems.push({ propertyPath: "clubId", message: "This club is not the club of the user.", code: "api.error.contact.club" });
    if (body.sourceId !== undefined && String(body.sourceId) !== SOURCE_ID) problems.push({ propertyPath: "sourceId", message: "This source does not exist.", code: "api.error.contact.source" });
    if (email && problems.length === 0) {
      const others = byEmail(email);
      const migrating = state === "temp" && others.every((other) => other.state === "prospect" && other.clubId !== callerClub);
      if (others.length > 0 && !migrating) {
        problems.push({ propertyPath: "email", message: "api.error.contact.email-already-used", code: "api.error.contact.email-already-used" });
      }
    }
    if (problems.length > 0) return violations(problems);
    const address = body.address as Record<string, unknown> | undefined;
    const contact: Contact = {
      id: nextId++,
      clubId: callerClub,
      state: String(state),
      email: email!,
      givenName: text(body.givenName),
      familyName: text(body.familyName),
      birthDate: text(body.birthDate),
      gender: text(body.gender),
      mobile: text(body.mobile),
      landline: text(body.landline),
      address: address && typeof address === "object" ? Object.fromEntries(ADDRESS_PARTS.map((part) => [part, text(address[part])])) : null,
      sourceId: body.sourceId === undefined ? null : String(body.sourceId),
    };
    contacts.push(contact);
    return jsonLd(201, { "@context": iri("contexts/Contact"), ...fullView(contact) });
  }

  function migrate(sourceId: string, body: Record<string, unknown>): Response {
    const source = byId(sourceId);
    if (!source) return jsonLd(404, { "@type": "hydra:Error", "hydra:title": "An error occurred", "hydra:description": "Not Found" });
    const targetId = /^\/demoapi\/contacts\/(\d+)$/.exec(String(body.targetContactId ?? ""))?.[1];
    const clubId = /^\/demoapi\/clubs\/(\w+)$/.exec(String(body.targetClubId ?? ""))?.[1];
    const target = targetId ? byId(targetId) : undefined;
    const problems: Array<{ propertyPath: string; message: string; code: string }> = [];
    if (!target) problems.push({ propertyPath: "targetContactId", message: "This contact does not exist.", code: "api.error.contact.not-found" });
    if (!clubId || !Object.hasOwn(CLUBS, clubId)) problems.push({ propertyPath: "targetClubId", message: "This club does not exist.", code: "api.error.club.not-found" });
    if (source.state !== "prospect") problems.push({ propertyPath: "state", message: "The source contact must be a prospect.", code: "api.error.contact.migrate.source-not-prospect" });
    if (target && target.state !== "temp") problems.push({ propertyPath: "targetContactId", message: "The target contact must be temporary.", code: "api.error.contact.migrate.target-not-temp" });
    if (target && clubId && target.clubId !== clubId) problems.push({ propertyPath: "targetClubId", message: "The target contact is not in this club.", code: "api.error.contact.migrate.club" });
    if (clubId && source.clubId === clubId) problems.push({ propertyPath: "targetClubId", message: "The source contact is already in this club.", code: "api.error.contact.migrate.same-club" });
    if (problems.length > 0 || !target) return violations(problems);
    for (const key of ["givenName", "familyName", "birthDate", "gender", "mobile", "landline", "address"] as const) {
      if (target[key] === null) (target as unknown as Record<string, unknown>)[key] = source[key];
    }
    target.state = "prospect";
    source.state = "archived";
    migrations.push({ source: source.id, target: target.id, club: target.clubId, email: source.email });
    return new Response(null, { status: 204 });
  }

  type Route = { name: string; method: string; pattern: RegExp; handle: (request: Request, params: string[], club: string) => Promise<Response> | Response };
  const routes: Route[] = [
    {
      name: "searchContacts",
      method: "GET",
      pattern: /^\/contacts$/,
      handle: (request, _params, club) => {
        const email = new URL(request.url).searchParams.get("email") ?? "";
        return jsonLd(200, collection(byEmail(email).filter((contact) => contact.clubId === club).map(fullView)));
      },
    },
    {
      name: "networkSearch",
      method: "GET",
      pattern: /^\/network\/contact_search$/,
      handle: (request) => {
        const email = new URL(request.url).searchParams.get("email") ?? "";
        return jsonLd(200, collection(byEmail(email).map(limitedView)));
      },
    },
    {
      name: "createContact",
      method: "POST",
      pattern: /^\/contacts$/,
      handle: async (request, _params, club) => {
        const body = await readObject(request);
        return body ? createContact(body, club) : jsonLd(400, { "@type": "hydra:Error", "hydra:title": "An error occurred", "hydra:description": "Syntax error" });
      },
    },
    {
      name: "getContact",
      method: "GET",
      pattern: /^\/contacts\/(\d+)$/,
      handle: (_request, params) => {
        const contact = byId(params[0]);
        return contact ? jsonLd(200, { "@context": iri("contexts/Contact"), ...fullView(contact) }) : jsonLd(404, { "@type": "hydra:Error", "hydra:description": "Not Found" });
      },
    },
    {
      name: "migrate",
      method: "PUT",
      pattern: /^\/contacts\/(\d+)\/migrate$/,
      handle: async (request, params) => {
        const body = await readObject(request);
        return body ? migrate(params[0], body) : jsonLd(400, { "@type": "hydra:Error", "hydra:description": "Syntax error" });
      },
    },
    {
      // Documented for the staff console; the sandbox knows no sales yet.
      name: "updateSaleContact",
      method: "PUT",
      pattern: /^\/sale\/(\d+)\/update_contact$/,
      handle: () => jsonLd(404, { "@type": "hydra:Error", "hydra:description": "Not Found" }),
    },
  ];

  function vendorAnswer(request: Request, route: Route | undefined, params: string[]): Promise<Response> | Response {
    const token = options.token ?? process.env.RESAMANIA_TOKEN ?? SANDBOX_TOKEN;
    if (/^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "")?.[1] !== token) return plain(401, { code: 401, message: "Invalid JWT Token" });
    const club = request.headers.get("x-user-club-id") ?? "";
    if (!Object.hasOwn(CLUBS, club) || request.headers.get("x-user-network-node-id") !== NETWORK_NODE_ID) {
      return jsonLd(403, { "@type": "hydra:Error", "hydra:title": "An error occurred", "hydra:description": "Access Denied." });
    }
    if (!/application\/json|\*\/\*/.test(request.headers.get("accept") ?? "")) return plain(406, { error: "Not Acceptable" });
    if (!route) return jsonLd(404, { "@type": "hydra:Error", "hydra:description": "Not Found" });
    return route.handle(request, params, club);
  }

  function reset(): void {
    contacts = seeded();
    migrations = [];
    extraRequired = [];
    requests = {};
    faults.clear();
  }

  /** A contact as the control API shows it: what a test needs, looked up by an email it knows. */
  const controlView = ({ id, clubId, state, sourceId, mobile }: Contact) => ({ number: `C${id}`, clubId, state, sourceId, mobile });

  async function control(request: Request, action: string): Promise<Response> {
    const call = `${request.method} ${action}`;
    const email = new URL(request.url).searchParams.get("email");
    if (call === "GET stats") return plain(200, { requests, contactCount: contacts.length, migrationCount: migrations.length });
    // Lookups by what the caller already knows (an email a test registered); never a list.
    if (call === "GET contacts") return plain(200, { contacts: email ? byEmail(email).map(controlView) : [] });
    if (call === "GET migrations") return plain(200, { migrations: email ? migrations.filter((m) => m.email === email).map(({ source, target, club }) => ({ source: `C${source}`, target: `C${target}`, club })) : [] });
    if (call === "POST contacts") {
      const parsed = controlContact.safeParse(await readObject(request));
      if (!parsed.success) return plain(400, { error: issues(parsed.error) });
      const contact: Contact = { id: nextId++, birthDate: null, gender: null, mobile: null, landline: null, address: null, sourceId: null, ...parsed.data };
      contacts.push(contact);
      return plain(201, controlView(contact));
    }
    if (call === "PUT required") {
      const parsed = controlRequired.safeParse(await readObject(request));
      if (!parsed.success) return plain(400, { error: issues(parsed.error) });
      extraRequired = parsed.data.fields;
      return new Response(null, { status: 204 });
    }
    return (await handleFaultControl(call, request, faults, reset)) ?? plain(404, { error: "Unknown sandbox control call" });
  }

  async function handle(request: Request, rawPath: string): Promise<Response> {
    const path = rawPath.split("?")[0].replace(/\/+$/, "") || "/";
    if (path.startsWith("/_sandbox/")) return control(request, path.slice("/_sandbox/".length));
    const [, token, ...rest] = path.split("/");
    if (token !== CLIENT_TOKEN) return jsonLd(404, { "@type": "hydra:Error", "hydra:description": "Not Found" });
    const apiPath = `/${rest.join("/")}`;
    let params: string[] = [];
    let allowed: string | undefined;
    const route = routes.find((candidate) => {
      const match = candidate.pattern.exec(apiPath);
      if (!match) return false;
      allowed = candidate.method;
      if (candidate.method !== request.method) return false;
      params = match.slice(1);
      return true;
    });
    const name = route?.name ?? "unknown";
    requests[name] = (requests[name] ?? 0) + 1;
    if (!route && allowed) return plain(405, { error: "Method not allowed" });
    return faults.answer(name, request, async () => vendorAnswer(request, route, params));
  }

  return {
    handle,
    reset,
    contacts: (email) => (email ? byEmail(email) : live()),
    migrations: () => [...migrations],
    requests: () => ({ ...requests }),
    defaultSecrets: { RESAMANIA_TOKEN: SANDBOX_TOKEN },
  };
}

/** The sandbox the app mounts at /sandbox/resamania. */
export const sandbox: Sandbox = mountedSandbox("resamania", { RESAMANIA_TOKEN: SANDBOX_TOKEN }, () => createResamaniaSandbox({ fault: process.env.RESAMANIA_SANDBOX_FAULT }));
