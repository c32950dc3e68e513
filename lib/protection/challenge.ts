/**
 * An optional challenge per form (Cloudflare Turnstile or hCaptcha): the browser
 * solves the provider's widget on the review page, the server checks the token
 * with the provider's siteverify (form-encoded `secret`, `response`, `remoteip`;
 * both answer `{success, "error-codes"}`) before the submission is stored.
 * Isomorphic: the wizard reads the script URLs from here too.
 */
export type ChallengeProvider = "turnstile" | "hcaptcha";

export interface ChallengeConfig {
  provider: ChallengeProvider;
  siteKey: string;
  /** The environment variable holding the secret (never in the forms file). */
  secretEnv: string;
}

export const CHALLENGE_PROVIDERS: Record<
  ChallengeProvider,
  { script: string; siteverify: string; sources: { script: string[]; frame: string[]; connect: string[]; style: string[] } }
> = {
  turnstile: {
    script: "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit",
    siteverify: "https://challenges.cloudflare.com/turnstile/v0/siteverify",
    sources: { script: ["https://challenges.cloudflare.com"], frame: ["https://challenges.cloudflare.com"], connect: [], style: [] },
  },
  hcaptcha: {
    script: "https://js.hcaptcha.com/1/api.js?render=explicit",
    siteverify: "https://api.hcaptcha.com/siteverify",
    // hCaptcha asks for its whole domain: the asset hosts change over time and by region.
    sources: {
      script: ["https://hcaptcha.com", "https://*.hcaptcha.com"],
      frame: ["https://hcaptcha.com", "https://*.hcaptcha.com"],
      connect: ["https://hcaptcha.com", "https://*.hcaptcha.com"],
      style: ["https://hcaptcha.com", "https://*.hcaptcha.com"],
    },
  },
};

/** The CSP sources a form's pages need beyond the app's own (empty without a challenge). */
export function challengeSources(form: { protection?: { challenge?: ChallengeConfig } }) {
  const challenge = form.protection?.challenge;
  return challenge ? CHALLENGE_PROVIDERS[challenge.provider].sources : { script: [], frame: [], connect: [], style: [] };
}

export type ChallengeVerdict = "passed" | "failed" | "unavailable";

/**
 * Asks siteverify whether `token` is a solved challenge. A missing secret or a
 * provider that does not answer is "unavailable": the submit is refused (closed),
 * but as our fault, not the person's.
 */
export async function verifyChallenge(
  challenge: ChallengeConfig,
  token: string | undefined,
  options: { secret: string | undefined; remoteIp?: string; url?: string; timeoutMs?: number },
): Promise<ChallengeVerdict> {
  if (!token) return "failed";
  if (!options.secret) return "unavailable";
  const body = new URLSearchParams({ secret: options.secret, response: token });
  if (options.remoteIp && options.remoteIp !== "unknown" && !options.remoteIp.includes("/")) body.set("remoteip", options.remoteIp);
  if (challenge.provider === "hcaptcha") body.set("sitekey", challenge.siteKey);
  try {
    const response = await fetch(options.url ?? CHALLENGE_PROVIDERS[challenge.provider].siteverify, {
      method: "POST",
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 5_000),
    });
    if (!response.ok) return "unavailable";
    const answer = (await response.json()) as { success?: unknown };
    return answer.success === true ? "passed" : "failed";
  } catch {
    return "unavailable";
  }
}
