/**
 * A faithful simulator of CRM.COM's Self-Service API (seeds/003) for sign-ups: mounted by
 * the app at /sandbox/crmcom and served on its own port by lib/testing/sandbox-server.ts.
 * No "server-only": Playwright runs it in plain Node.
 *
 * As the document has it: the `api_key` header on every call (401 without the right one),
 * the contact's token on the contact calls (`Authorization`, with or without "Bearer ":
 * the document's examples show both), booleans taken as JSON booleans or as the strings
 * its examples send ("true"), register by EMAIL ({access_token, exp, contact}) and by
 * PHONE ({obfuscated_value, auth_otp}), 4xx refusals with `code`, `message` and
 * `attribute`. Where it is silent (decisions):
 * - a one-time code is 6 digits, lasts `otpTtlSeconds` (300) and takes 3 tries; a new
 *   code (POST /contacts/otp, credential PHONE as E.164 or EMAIL) replaces the last one;
 * - tokens are JWTs whose `sub` is the contact id, valid `tokenTtlSeconds` (3600);
 *   POST /contacts/refresh takes the last token (in the body, as the example, or the
 *   header the table names) for 7 days after it expired, and answers a new one;
 * - a refusal is HTTP 400 `{code, message, attribute}` (CONTACT_EXISTS on `username` or
 *   `phone_number`, INVALID_OTP / OTP_EXPIRED / OTP_TRIES_EXCEEDED on `code`, …);
 * - a token for another contact than the path's is 403;
 * - verify_email takes the token of the link in the emailed message, whose address is
 *   `verifyEmailUrl` ({token} replaced): by default the app's /verify-email/crmcom page
 *   on the origin the request came to (the app's own, when mounted in it).
 * Messages "sent" (SMS codes, verification emails) wait in an outbox that only the
 * control API reads, by the address a test knows.
 */
import { randomBytes, randomInt, randomUUID } from "node:crypto";
import countries from "i18n-iso-countries";
import { getCountryCallingCode, isSupportedCountry } from "libphonenumber-js/min";
import { z } from "zod";
import type { Sandbox } from "@/lib/connectors/module";
import { mountedSandbox } from "@/lib/connectors/sandbox-control";
import { FaultSwitch, handleFaultControl } from "@/lib/connectors/sandbox-faults";
import { tokenIssuer } from "./sandbox-jwt";

export const SANDBOX_API_KEY = "sandbox-crmcom-api-key";
/** Referral codes the sandbox's organisation hands out; any other is refused. */
export const REFERRAL_CODES = ["WELCOME10", "FRIEND-ANNA"];
const REFRESH_WINDOW_S = 7 * 86_400;
const OTP_TRIES = 3;

export interface CrmcomSandboxOptions {
  apiKey?: string;
  fault?: string;
  now?: () => number;
}

interface Otp {
  id: string;
  contactId: string;
  code: string;
  expiresAt: number;
  triesLeft: number;
  used: boolean;
}

interface Contact {
  id: string;
  code: string;
  first_name: string;
  last_name: string;
  email: string | null;
  password: string | null;
  phone: { e164: string; phone_number: string; country_code: string } | null;
  is_verified: boolean;
  service_acceptance: boolean;
  email_opt_out: boolean;
  sms_opt_out: boolean;
  consent_state: string;
  referral_code: string | null;
  title: string | null;
  demographics: Record<string, unknown> | null;
  addresses: Array<Record<string, unknown>>;
}

export interface OutboxMessage {
  channel: "sms" | "email";
  to: string;
  text: string;
  code?: string;
  link?: string;
}

export interface CrmcomSandbox extends Sandbox {
  reset(): void;
  requests(): Record<string, number>;
  registrations(): number;
  outbox(to: string): OutboxMessage[];
  contact(match: { email?: string; phone?: string }): Contact | undefined;
}

type Json = Record<string, unknown>;

const json = (status: number, body: unknown) => Response.json(body, { status });
const refuse = (status: number, code: string, message: string, attribute?: string) => json(status, { code, message, ...(attribute ? { attribute } : {}) });

/** A boolean as the document sends them: true/false, or the strings "true"/"false"; undefined when absent, null when neither. */
function flag(value: unknown): boolean | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value === "boolean") return value;
  if (value === "true" || value === "false") return value === "true";
  return null;
}

const text = (value: unknown) => (typeof value === "string" && value.trim() !== "" ? value.trim() : undefined);
const CONSENT_STATES = ["PENDING", "ACCEPTED", "REJECTED", "WITHDRAWN"];

const configSchema = z.strictObject({
  otpTtlSeconds: z.number().int().min(1).optional(),
  tokenTtlSeconds: z.number().int().min(1).optional(),
  verifyEmailUrl: z.string().max(500).optional(),
});

export function createCrmcomSandbox(options: CrmcomSandboxOptions = {}): CrmcomSandbox {
  const now = options.now ?? Date.now;
  const issuer = tokenIssuer();
  // Faults with `routes: "registration"`: the calls of a sign-up (there is nothing else to load here).
  const faults = new FaultSwitch(new Set(["register", "requestOtp", "validateOtp", "refresh", "updateContact", "updateConsents", "addAddress"])).startWith(options.fault, "crmcom");
  let contacts: Contact[] = [];
  let otps = new Map<string, Otp>();
  let emailTokens = new Map<string, string>();
  let outbox: OutboxMessage[] = [];
  let requests: Record<string, number> = {};
  let registrations = 0;
  let config: z.infer<typeof configSchema> = {};
  let nextCode = 1;

  const apiKey = () => options.apiKey ?? process.env.CRMCOM_API_KEY ?? SANDBOX_API_KEY;
  const byEmail = (email: string) => contacts.find((c) => c.email?.toLowerCase() === email.toLowerCase());
  const byPhone = (e164: string) => contacts.find((c) => c.phone?.e164 === e164);

  function tokenAnswer(contact: Contact) {
    const { token, claims } = issuer.issue(contact.id, now(), config.tokenTtlSeconds ?? 3600);
    return {
      access_token: token,
      exp: String(claims.exp),
      contact: { title: contact.title ?? "", first_name: contact.first_name, last_name: contact.last_name, avatar: "", is_verified: String(contact.is_verified) },
    };
  }

  function sendOtp(contact: Contact) {
    for (const otp of otps.values()) if (otp.contactId === contact.id) otp.used = true;
    const otp: Otp = { id: randomUUID(), contactId: contact.id, code: String(randomInt(0, 1_000_000)).padStart(6, "0"), expiresAt: now() + (config.otpTtlSeconds ?? 300) * 1000, triesLeft: OTP_TRIES, used: false };
    otps.set(otp.id, otp);
    const phone = contact.phone!;
    outbox.push({ channel: "sms", to: phone.e164, text: `Your code is ${otp.code}`, code: otp.code });
    const calling = phone.e164.slice(0, phone.e164.length - phone.phone_number.length);
    return { obfuscated_value: `${calling}${phone.phone_number.slice(0, 2)}***${phone.phone_number.slice(-3)}`, auth_otp: otp.id };
  }

  function sendVerification(contact: Contact, request: Request) {
    const token = randomBytes(12).toString("hex").toUpperCase();
    emailTokens.set(token, contact.id);
    const template = config.verifyEmailUrl ?? `${new URL(request.url).origin}/verify-email/crmcom?token={token}`;
    const link = template.replace("{token}", encodeURIComponent(token));
    outbox.push({ channel: "email", to: contact.email!, text: `Confirm your email address: ${link}`, link });
  }

  function register(body: Json, request: Request): Response {
    const identity = (body.identity ?? {}) as Json;
    const provider = identity.provider;
    if (!["EMAIL", "PHONE", "GOOGLE", "FACEBOOK"].includes(provider as string)) return refuse(400, "INVALID_PARAMETER", "identity.provider must be EMAIL, PHONE, GOOGLE or FACEBOOK", "provider");
    if (provider === "GOOGLE" || provider === "FACEBOOK") return refuse(400, "INVALID_TOKEN", "The token of the identity provider is not valid", "token");
    const first = text(body.first_name);
    const last = text(body.last_name);
    if (!first) return refuse(400, "MISSING_PARAMETER", "first_name is required", "first_name");
    if (!last) return refuse(400, "MISSING_PARAMETER", "last_name is required", "last_name");
    const flags: Record<string, boolean> = {};
    for (const [name, fallback] of [["service_acceptance", true], ["email_opt_out", false], ["sms_opt_out", false]] as const) {
      const value = flag(body[name]);
      if (value === null) return refuse(400, "INVALID_PARAMETER", `${name} must be true or false`, name);
      flags[name] = value ?? fallback;
    }
    if (body.consent_state !== undefined && !CONSENT_STATES.includes(body.consent_state as string)) return refuse(400, "INVALID_PARAMETER", "consent_state is not valid", "consent_state");
    const referral = text(body.referral_code);
    if (referral && !REFERRAL_CODES.includes(referral.toUpperCase())) return refuse(400, "INVALID_REFERRAL_CODE", "The referral code does not exist", "referral_code");
    const contact: Contact = {
      id: randomBytes(16).toString("hex").toUpperCase(),
      code: `C-${String(nextCode).padStart(6, "0")}`,
      first_name: first,
      last_name: last,
      email: null,
      password: null,
      phone: null,
      is_verified: false,
      service_acceptance: flags.service_acceptance,
      email_opt_out: flags.email_opt_out,
      sms_opt_out: flags.sms_opt_out,
      consent_state: (body.consent_state as string | undefined) ?? "PENDING",
      referral_code: referral ?? null,
      title: null,
      demographics: null,
      addresses: [],
    };
    if (provider === "EMAIL") {
      const username = text(identity.username);
      if (!username || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(username)) return refuse(400, "INVALID_PARAMETER", "username must be an email address", "username");
      const password = typeof identity.password === "string" ? identity.password : "";
      if (password.length < 8) return refuse(400, "INVALID_PASSWORD", "The password must be at least 8 characters", "password");
      const validation = flag(identity.validation_required);
      if (validation === undefined || validation === null) return refuse(400, "MISSING_PARAMETER", "validation_required is required for EMAIL", "validation_required");
      if (byEmail(username)) return refuse(400, "CONTACT_EXISTS", "A contact with this email address already exists", "username");
      Object.assign(contact, { email: username, password, is_verified: !validation });
      contacts.push(contact);
      nextCode++;
      registrations++;
      if (validation) sendVerification(contact, request);
      return json(200, tokenAnswer(contact));
    }
    const digits = typeof identity.phone_number === "string" ? identity.phone_number : "";
    if (!/^[0-9]{4,15}$/.test(digits)) return refuse(400, "INVALID_PARAMETER", "phone_number must be digits", "phone_number");
    const country = typeof identity.country_code === "string" ? identity.country_code : "";
    const alpha2 = /^[A-Z]{3}$/.test(country) ? countries.alpha3ToAlpha2(country) : undefined;
    if (!alpha2) return refuse(400, "INVALID_PARAMETER", "country_code must be an ISO 3166-1 alpha-3 code", "country_code");
    if (!isSupportedCountry(alpha2)) return refuse(400, "INVALID_PARAMETER", "country_code is not supported", "country_code");
    const calling = getCountryCallingCode(alpha2);
    const e164 = `+${calling}${digits}`;
    if (byPhone(e164)) return refuse(400, "CONTACT_EXISTS", "A contact with this phone number already exists", "phone_number");
    contact.phone = { e164, phone_number: digits, country_code: country };
    contacts.push(contact);
    nextCode++;
    registrations++;
    return json(200, sendOtp(contact));
  }

  function requestOtp(body: Json): Response {
    if (!["SMS", "EMAIL"].includes(body.send_method as string)) return refuse(400, "INVALID_PARAMETER", "send_method must be EMAIL or SMS", "send_method");
    const credentials = Array.isArray(body.credentials) ? (body.credentials as Json[]) : [];
    const credential = credentials.find((c) => c?.name === "PHONE" || c?.name === "EMAIL");
    if (!credential || typeof credential.value !== "string") return refuse(400, "MISSING_PARAMETER", "credentials must name the contact's PHONE or EMAIL", "credentials");
    const contact = credential.name === "PHONE" ? byPhone(credential.value) : byEmail(credential.value);
    if (!contact) return refuse(404, "NOT_FOUND", "No contact was found with these credentials", "credentials");
    if (body.send_method === "SMS" && !contact.phone) return refuse(400, "INVALID_PARAMETER", "The contact has no phone number", "send_method");
    return json(200, sendOtp(contact));
  }

  function validateOtp(body: Json): Response {
    const credentials = Array.isArray(body.credentials) ? (body.credentials as Json[]) : [];
    const auth = credentials.find((c) => c?.name === "AUTH_OTP");
    const otp = typeof auth?.value === "string" ? otps.get(auth.value) : undefined;
    if (!otp) return refuse(400, "INVALID_PARAMETER", "The one time password auth id is not valid", "credentials");
    if (typeof body.code !== "string" || body.code === "") return refuse(400, "MISSING_PARAMETER", "code is required", "code");
    if (otp.used) return refuse(400, "OTP_EXPIRED", "This one time password is no longer valid", "code");
    if (now() > otp.expiresAt) return refuse(400, "OTP_EXPIRED", "The one time password has expired", "code");
    if (otp.triesLeft <= 0) return refuse(400, "OTP_TRIES_EXCEEDED", "Too many wrong codes: request a new one time password", "code");
    if (body.code !== otp.code) {
      otp.triesLeft--;
      return otp.triesLeft > 0
        ? refuse(400, "INVALID_OTP", "The one time password is not correct", "code")
        : refuse(400, "OTP_TRIES_EXCEEDED", "Too many wrong codes: request a new one time password", "code");
    }
    otp.used = true;
    const contact = contacts.find((c) => c.id === otp.contactId)!;
    contact.is_verified = true;
    return json(200, tokenAnswer(contact));
  }

  function refresh(body: Json, request: Request): Response {
    const given = text(body.refresh_token) ?? request.headers.get("refresh_token") ?? "";
    const claims = issuer.read(given);
    const contact = claims && contacts.find((c) => c.id === claims.sub);
    if (!claims || !contact || now() / 1000 > claims.exp + REFRESH_WINDOW_S) return refuse(401, "UNAUTHORIZED", "The refresh token is not valid");
    return json(200, tokenAnswer(contact));
  }

  function verifyEmail(request: Request): Response {
    const token = new URL(request.url).searchParams.get("token") ?? "";
    const id = emailTokens.get(token);
    const contact = id ? contacts.find((c) => c.id === id) : undefined;
    if (!contact) return refuse(400, "INVALID_TOKEN", "The verification token is not valid", "token");
    emailTokens.delete(token);
    contact.is_verified = true;
    return new Response(null, { status: 200 });
  }

  function updateContact(contact: Contact, body: Json): Response {
    for (const name of ["title", "first_name", "last_name"] as const) {
      if (body[name] !== undefined && typeof body[name] !== "string") return refuse(400, "INVALID_PARAMETER", `${name} must be a string`, name);
      if (typeof body[name] === "string") contact[name] = body[name] as string;
    }
    const demographics = body.demographics as Json | undefined;
    if (demographics !== undefined) {
      if (typeof demographics !== "object" || demographics === null) return refuse(400, "INVALID_PARAMETER", "demographics must be an object", "demographics");
      if (demographics.gender !== undefined && !["MALE", "FEMALE"].includes(demographics.gender as string)) return refuse(400, "INVALID_PARAMETER", "gender must be MALE or FEMALE", "gender");
      const birth = demographics.date_of_birth as Json | undefined;
      if (birth !== undefined) {
        // The document types year and month as integers and day as a string ("16"); both are taken for day.
        const [year, month, day] = [birth?.year, birth?.month, typeof birth?.day === "string" ? Number(birth.day) : birth?.day];
        const valid = Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && !Number.isNaN(Date.UTC(year as number, (month as number) - 1, day as number));
        const real = valid && new Date(Date.UTC(year as number, (month as number) - 1, day as number)).getUTCDate() === day;
        if (!real) return refuse(400, "INVALID_PARAMETER", "date_of_birth must be {year, month, day} of a real date", "date_of_birth");
      }
      contact.demographics = { ...(contact.demographics ?? {}), ...demographics };
    }
    for (const name of ["email_opt_out", "sms_opt_out"] as const) {
      const value = flag(body[name]);
      if (value === null) return refuse(400, "INVALID_PARAMETER", `${name} must be true or false`, name);
      if (value !== undefined) contact[name] = value;
    }
    return json(200, { id: contact.id });
  }

  function updateConsents(contact: Contact, body: Json): Response {
    if (!CONSENT_STATES.includes(body.consent_state as string)) return refuse(400, "INVALID_PARAMETER", "consent_state must be PENDING, ACCEPTED, REJECTED or WITHDRAWN", "consent_state");
    contact.consent_state = body.consent_state as string;
    return json(200, { id: contact.id });
  }

  function addAddress(contact: Contact, body: Json): Response {
    if (!["HOME", "BUSINESS"].includes(body.address_type as string)) return refuse(400, "INVALID_PARAMETER", "address_type must be HOME or BUSINESS", "address_type");
    if (!text(body.address_line_1)) return refuse(400, "MISSING_PARAMETER", "address_line_1 is required", "address_line_1");
    const country = typeof body.country_code === "string" ? body.country_code : "";
    if (!/^[A-Z]{2}$/.test(country) || !countries.isValid(country)) return refuse(400, "INVALID_PARAMETER", "country_code must be an ISO 3166-1 alpha-2 code", "country_code");
    const address = { id: randomBytes(16).toString("hex").toUpperCase(), ...body };
    contact.addresses.push(address);
    return json(200, { id: address.id });
  }

  type Route = { name: string; method: string; pattern: RegExp; contact?: boolean; handle: (request: Request, body: Json, contact: Contact | undefined) => Response };
  const routes: Route[] = [
    { name: "register", method: "POST", pattern: /^\/contacts\/register$/, handle: (request, body) => register(body, request) },
    { name: "requestOtp", method: "POST", pattern: /^\/contacts\/otp$/, handle: (_request, body) => requestOtp(body) },
    { name: "validateOtp", method: "POST", pattern: /^\/contacts\/validate-otp$/, handle: (_request, body) => validateOtp(body) },
    { name: "refresh", method: "POST", pattern: /^\/contacts\/refresh$/, handle: (request, body) => refresh(body, request) },
    { name: "verifyEmail", method: "POST", pattern: /^\/contacts\/verify_email$/, handle: (request) => verifyEmail(request) },
    { name: "getContact", method: "GET", pattern: /^\/contacts\/([0-9A-Fa-f]{32})$/, contact: true, handle: (_r, _b, c) => json(200, contactView(c!)) },
    { name: "updateContact", method: "PUT", pattern: /^\/contacts\/([0-9A-Fa-f]{32})$/, contact: true, handle: (_r, body, c) => updateContact(c!, body) },
    { name: "updateConsents", method: "PUT", pattern: /^\/contacts\/([0-9A-Fa-f]{32})\/consents$/, contact: true, handle: (_r, body, c) => updateConsents(c!, body) },
    { name: "addAddress", method: "POST", pattern: /^\/contacts\/([0-9A-Fa-f]{32})\/addresses$/, contact: true, handle: (_r, body, c) => addAddress(c!, body) },
  ];

  const contactView = (c: Contact) => ({
    id: c.id,
    code: c.code,
    type: "PERSON",
    title: c.title ?? "",
    first_name: c.first_name,
    last_name: c.last_name,
    email: c.email ?? "",
    referral_code: c.referral_code ?? "",
    sms_opt_out: c.sms_opt_out,
    email_opt_out: c.email_opt_out,
    consent_state: c.consent_state,
  });

  async function vendorAnswer(request: Request, route: Route, id: string | undefined): Promise<Response> {
    if (request.headers.get("api_key") !== apiKey()) return refuse(401, "UNAUTHORIZED", "The provided API Key is invalid");
    let contact: Contact | undefined;
    if (route.contact) {
      const raw = request.headers.get("authorization") ?? "";
      const claims = issuer.read(raw.replace(/^Bearer\s+/i, "").trim());
      if (!claims) return refuse(401, "UNAUTHORIZED", "The provided Token is invalid");
      if (now() / 1000 > claims.exp) return refuse(401, "TOKEN_EXPIRED", "The provided Token has expired");
      contact = contacts.find((c) => c.id === claims.sub);
      if (!contact || claims.sub.toUpperCase() !== id?.toUpperCase()) return refuse(403, "FORBIDDEN", "The Token does not have permissions to perform the request");
    }
    let body: Json = {};
    if (request.method !== "GET") {
      const raw = await request.text();
      if (raw.trim() !== "") {
        try {
          const parsed: unknown = JSON.parse(raw);
          if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return refuse(400, "INVALID_REQUEST", "The body must be a JSON object");
          body = parsed as Json;
        } catch {
          return refuse(400, "INVALID_REQUEST", "The body is not valid JSON");
        }
      }
    }
    return route.handle(request, body, contact);
  }

  function reset(): void {
    contacts = [];
    otps = new Map();
    emailTokens = new Map();
    outbox = [];
    requests = {};
    registrations = 0;
    config = {};
    faults.clear();
  }

  /** What a test may see of a contact it registered (looked up by the address or number it used). */
  const controlView = (c: Contact) => ({ ...contactView(c), is_verified: c.is_verified, phone: c.phone, demographics: c.demographics, addresses: c.addresses, service_acceptance: c.service_acceptance });

  async function control(request: Request, action: string): Promise<Response> {
    const call = `${request.method} ${action}`;
    const params = new URL(request.url).searchParams;
    const readBody = async () => request.json().catch(() => undefined);
    if (call === "GET stats") return json(200, { requests, registrations, contactCount: contacts.length });
    // Lookups by what the caller already knows; never a list.
    if (call === "GET outbox") return json(200, { messages: outbox.filter((m) => m.to.toLowerCase() === (params.get("to") ?? "").toLowerCase()) });
    if (call === "GET contacts") {
      const email = params.get("email");
      const phone = params.get("phone");
      const found = email ? byEmail(email) : phone ? byPhone(phone) : undefined;
      return json(200, { contacts: found ? [controlView(found)] : [] });
    }
    if (call === "PUT config") {
      const parsed = configSchema.safeParse(await readBody());
      if (!parsed.success) return json(400, { error: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") });
      config = { ...config, ...parsed.data };
      return json(200, config);
    }
    return (await handleFaultControl(call, request, faults, reset)) ?? json(404, { error: "Unknown sandbox control call" });
  }

  async function handle(request: Request, rawPath: string): Promise<Response> {
    const path = rawPath.split("?")[0].replace(/\/+$/, "") || "/";
    if (path.startsWith("/_sandbox/")) return control(request, path.slice("/_sandbox/".length));
    let id: string | undefined;
    let allowed = false;
    const route = routes.find((candidate) => {
      const match = candidate.pattern.exec(path);
      if (!match) return false;
      allowed = true;
      if (candidate.method !== request.method) return false;
      id = match[1];
      return true;
    });
    const name = route?.name ?? "unknown";
    requests[name] = (requests[name] ?? 0) + 1;
    if (!route) return allowed ? refuse(405, "METHOD_NOT_ALLOWED", "Method not allowed") : refuse(404, "NOT_FOUND", "The requested resource does not exist");
    return faults.answer(name, request, () => vendorAnswer(request, route, id));
  }

  return {
    handle,
    reset,
    requests: () => ({ ...requests }),
    registrations: () => registrations,
    outbox: (to) => outbox.filter((m) => m.to.toLowerCase() === to.toLowerCase()),
    contact: ({ email, phone }) => (email ? byEmail(email) : phone ? byPhone(phone) : undefined),
    defaultSecrets: { CRMCOM_API_KEY: SANDBOX_API_KEY },
  };
}

/** The sandbox the app mounts at /sandbox/crmcom. */
export const sandbox: Sandbox = mountedSandbox("crmcom", { CRMCOM_API_KEY: SANDBOX_API_KEY }, () => createCrmcomSandbox({ fault: process.env.CRMCOM_SANDBOX_FAULT }));
