import "server-only";
import type { ConnectorSetup } from "@/lib/connectors/module";
import { pathSegment } from "@/lib/connectors/path";
import {
  ruleText,
  type AwaitingPerson,
  type Connector,
  type DeliveryChoices,
  type DeliveryJournal,
  type DeliveryResult,
  type FormData,
  type JsonSchema,
  type PersonAnswer,
  type PersonChallenge,
  type VendorErrors,
} from "@/lib/connectors/types";
import { AppError } from "@/lib/errors";
import { addressBody, consentState, contactBody, offeredAlpha2, phoneIdentity, providerOf, registerBody } from "./body";
import { CrmcomClient, Refusal, Unauthorized } from "./client";
import { refusalFields, type Call } from "./errors";
import type { CrmcomOptions } from "./options";
import { signUpSchema } from "./schema";

/** The contact's token as the journal keeps it (sealed: StepOptions.secret). */
interface Session {
  token: string;
  /** Seconds since the epoch, as the vendor's `exp`. */
  exp: number;
  contactId: string;
}

/** A code sent to the person (register's or a resend's answer), kept sealed: `authOtp` names it at the vendor. */
interface SentCode {
  authOtp: string;
  destination: string;
  sentAt: number;
}

/** Refresh this long before the vendor's `exp`: a call must not start with a token about to expire. */
const REFRESH_MARGIN_S = 60;

/**
 * The register answer holds no contact id, yet every follow-up call needs one. The
 * document's token is a JWT whose `sub` is the contact's id (its example decodes to
 * {"sub": "a278d3e5-…", "exp": …}): the id is read from there. Decoded only, not verified:
 * the token came to us over TLS from the vendor, we hold no key to check it with, and the
 * vendor checks it on every call it is sent with (a wrong id is refused there, 403).
 */
export function contactIdOf(token: string): string | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as { sub?: unknown };
    return typeof claims.sub === "string" && claims.sub !== "" ? claims.sub : undefined;
  } catch {
    return undefined;
  }
}

function sessionOf(answer: Record<string, unknown>): Session {
  const token = answer.access_token;
  const contactId = typeof token === "string" ? contactIdOf(token) : undefined;
  if (typeof token !== "string" || !contactId) throw new AppError("vendor_unavailable", "CRM.COM answered without a readable contact token", { retryable: true });
  // `exp` is "string epoch" in the document ("1572530655"); a number is taken too.
  const exp = Number(answer.exp);
  return { token, exp: Number.isFinite(exp) ? exp : 0, contactId };
}

/** Thrown inside the "verify" step when the person must act; caught by deliver, never leaves the connector. */
class NeedsPerson extends Error {
  constructor(readonly challenge: PersonChallenge) {
    super("the delivery waits for the person");
  }
}

const WRONG: Record<string, PersonChallenge["problem"]> = { INVALID_OTP: "wrong_code", OTP_EXPIRED: "expired", OTP_TRIES_EXCEEDED: "no_tries_left" };

export class CrmcomConnector implements Connector {
  private readonly client: CrmcomClient;
  private readonly form: JsonSchema;

  constructor(
    private readonly setup: ConnectorSetup<CrmcomOptions>,
    private readonly now: () => number = Date.now,
  ) {
    const { options } = setup;
    this.form = signUpSchema(options);
    this.client = new CrmcomClient({
      baseUrl: setup.resolveUrl(options.baseUrl).replace(/\/+$/, ""),
      timeoutMs: options.timeoutMs,
      fetch: setup.fetch,
      apiKey: () => {
        const key = setup.secret(options.apiKeyEnv);
        if (!key) throw new AppError("vendor_misconfigured", `The CRM.COM api_key is missing: set the environment variable ${options.apiKeyEnv}`);
        return key;
      },
    });
  }

  private get options(): CrmcomOptions {
    return this.setup.options;
  }

  /** Derived from the register call (schema.ts): CRM.COM serves none. */
  async schema(): Promise<JsonSchema> {
    return this.form;
  }

  /** No vendor call: a phone number from a country the form does not offer is refused on the page that asks it. */
  async validate(data: FormData): Promise<VendorErrors> {
    if (providerOf(data, this.options) !== "PHONE" || typeof data.phone !== "string" || !data.phone.startsWith("+")) return {};
    return phoneIdentity(data.phone, this.options.countries) ? {} : { phone: this.phoneCountryMessage() };
  }

  private phoneCountryMessage() {
    const countries = offeredAlpha2(this.options.countries);
    return { text: `Enter a mobile number from ${countries.join(", ")}`, lang: "en", rule: { keyword: "phoneCountry", params: { countries } } };
  }

  /**
   * Journal steps: "register"; by PHONE the codes sent ("register", then "otp:1", "otp:2"
   * … for each new code) and "verify" (the person's code exchanged for the token); then
   * "contact" (demographics), "consents", "address" and "reference" (the contact's code,
   * the person's reference). Steps holding a token or a code's id are secret (sealed).
   * A retry resumes at the step that failed, with the kept token, refreshed when it has
   * expired: the person is never registered twice.
   */
  async deliver(data: FormData, journal: DeliveryJournal, _choices?: DeliveryChoices, person?: PersonAnswer): Promise<DeliveryResult | AwaitingPerson> {
    const provider = providerOf(data, this.options);
    let session: Session;
    if (provider === "EMAIL") {
      session = await journal.step("register", async () => sessionOf(await this.register(data, provider)), { secret: true });
    } else {
      const phone = phoneIdentity(String(data.phone ?? ""), this.options.countries);
      if (!phone) throw new AppError("vendor_rejected", "the phone number is not from an offered country", { fields: { phone: ruleText(this.phoneCountryMessage().rule) } });
      const first = await journal.step("register", async () => this.sentCode(await this.register(data, provider)), { secret: true });
      if (person?.resend) return { awaiting: await this.resend(journal, phone.e164, person.challenge) };
      const round = person?.challenge.round ?? 0;
      const sent = round === 0 ? first : await journal.step(`otp:${round}`, async () => this.sentCode(await this.requestOtp(phone.e164)), { secret: true });
      const current = person?.challenge ?? this.challengeOf(sent, round);
      try {
        session = await journal.step("verify", () => this.verify(sent, current, person?.code), { secret: true });
      } catch (error) {
        if (error instanceof NeedsPerson) return { awaiting: error.challenge };
        throw error;
      }
    }
    const tokens = new TokenKeeper(session, (token) => this.refresh(token), this.now);
    const id = pathSegment(session.contactId);
    const contact = contactBody(data);
    if (contact) await journal.step("contact", () => this.follow(tokens, "contact", "PUT", `/contacts/${id}`, contact));
    await journal.step("consents", () => this.follow(tokens, "consents", "PUT", `/contacts/${id}/consents`, { consent_state: consentState(data) }));
    const address = addressBody(data);
    if (address) await journal.step("address", () => this.follow(tokens, "address", "POST", `/contacts/${id}/addresses`, address));
    const reference = await journal.step("reference", async () => {
      const answer = await tokens.call((token) => this.client.request("GET", `/contacts/${id}`, { token }));
      return typeof answer.code === "string" && answer.code !== "" ? answer.code : session.contactId;
    });
    return { reference };
  }

  async verifyEmail(token: string): Promise<boolean> {
    try {
      await this.call("register", () => this.client.request("POST", `/contacts/verify_email?token=${encodeURIComponent(token)}`));
      return true;
    } catch (error) {
      if (error instanceof AppError && error.code === "vendor_rejected") return false;
      throw error;
    }
  }

  private register(data: FormData, provider: "EMAIL" | "PHONE") {
    return this.call("register", () => this.client.request("POST", "/contacts/register", { body: registerBody(data, provider, this.options) }));
  }

  private requestOtp(e164: string) {
    // The document's credential PHONE ("lookup on contact identity"), given as E.164: unambiguous across countries.
    return this.call("register", () => this.client.request("POST", "/contacts/otp", { body: { send_method: "SMS", credentials: [{ name: "PHONE", value: e164 }] } }));
  }

  private sentCode(answer: Record<string, unknown>): SentCode {
    if (typeof answer.auth_otp !== "string" || answer.auth_otp === "") throw new AppError("vendor_unavailable", "CRM.COM answered without a one-time password id", { retryable: true });
    return { authOtp: answer.auth_otp, destination: typeof answer.obfuscated_value === "string" ? answer.obfuscated_value : "", sentAt: this.now() };
  }

  private challengeOf(sent: SentCode, round: number): PersonChallenge {
    const { otpTtlSeconds, otpTries, resendCooldownSeconds } = this.options;
    return { kind: "otp", destination: sent.destination, expiresAt: sent.sentAt + otpTtlSeconds * 1000, resendAt: sent.sentAt + resendCooldownSeconds * 1000, triesLeft: otpTries, round };
  }

  private async resend(journal: DeliveryJournal, e164: string, challenge: PersonChallenge): Promise<PersonChallenge> {
    if (this.now() < challenge.resendAt) return { ...challenge, problem: "resend_too_soon" };
    const round = challenge.round + 1;
    const sent = await journal.step(`otp:${round}`, async () => this.sentCode(await this.requestOtp(e164)), { secret: true });
    return this.challengeOf(sent, round);
  }

  /** The person's code for the token; a wrong, expired or exhausted code keeps the delivery waiting. */
  private async verify(sent: SentCode, challenge: PersonChallenge, code: string | undefined): Promise<Session> {
    const { problem: _last, ...current } = challenge;
    if (code === undefined) throw new NeedsPerson(current);
    if (this.now() > current.expiresAt) throw new NeedsPerson({ ...current, problem: "expired" });
    if (current.triesLeft <= 0) throw new NeedsPerson({ ...current, problem: "no_tries_left" });
    try {
      const answer = await this.client.request("POST", "/contacts/validate-otp", { body: { credentials: [{ name: "AUTH_OTP", value: sent.authOtp }], code } });
      return sessionOf(answer);
    } catch (error) {
      const problem = error instanceof Refusal ? WRONG[error.code] : undefined;
      if (!problem) throw this.mapped(error, "register");
      const triesLeft = problem === "wrong_code" ? current.triesLeft - 1 : 0;
      throw new NeedsPerson({ ...current, triesLeft, problem: problem === "wrong_code" && triesLeft <= 0 ? "no_tries_left" : problem });
    }
  }

  private refresh(token: string): Promise<Session> {
    // The answers carry no refresh token: the last access token is the refresh token, in the body as the document's example sends it.
    return this.call("register", async () => sessionOf(await this.client.request("POST", "/contacts/refresh", { body: { refresh_token: token } }))).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "vendor_misconfigured") {
        throw new AppError("vendor_misconfigured", "CRM.COM no longer refreshes the contact's token: the registration cannot be finished", { retryable: false });
      }
      throw error;
    });
  }

  private async follow(tokens: TokenKeeper, call: Call, method: "PUT" | "POST", path: string, body: unknown): Promise<null> {
    await this.call(call, () => tokens.call((token) => this.client.request(method, path, { body, token })));
    return null;
  }

  private async call<T>(call: Call, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw this.mapped(error, call);
    }
  }

  /** The vendor's errors in the app's terms (AppError only). */
  private mapped(error: unknown, call: Call): unknown {
    if (error instanceof Unauthorized) {
      return new AppError("vendor_misconfigured", `CRM.COM refused the api_key or the token (HTTP 401, ${error.code})`, { retryable: false });
    }
    if (error instanceof Refusal) {
      const fields = refusalFields(error, call);
      return new AppError("vendor_rejected", `CRM.COM refused the ${call} call (HTTP ${error.status}, ${error.code})`, { retryable: false, ...(fields ? { fields } : {}) });
    }
    return error;
  }
}

/** The contact's token for the follow-up calls: refreshed before it expires, and once more if the vendor says it has. */
class TokenKeeper {
  constructor(
    private session: Session,
    private readonly refresh: (token: string) => Promise<Session>,
    private readonly now: () => number,
  ) {}

  async call<T>(fn: (token: string) => Promise<T>): Promise<T> {
    if (this.now() / 1000 > this.session.exp - REFRESH_MARGIN_S) this.session = await this.refresh(this.session.token);
    try {
      return await fn(this.session.token);
    } catch (error) {
      if (!(error instanceof Unauthorized)) throw error;
      this.session = await this.refresh(this.session.token);
      return fn(this.session.token);
    }
  }
}
