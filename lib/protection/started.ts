import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/**
 * The "form started" token: when the server served the form, signed with a key
 * derived from the app's encryption key (so every instance sharing that key
 * accepts it), bound to the form. `issued.mac`, the time in base 36.
 */
export type StartedCheck = { ok: true } | { ok: false; reason: "forged" | "too_fast"; waitMs?: number };

/** Older than this, a token is refused as if forged (the wizard keeps a token for at most a day: draft.ts). */
export const STARTED_MAX_AGE_MS = 2 * 86_400_000;

export function startedTokens(appKey: Buffer) {
  const key = Buffer.from(hkdfSync("sha256", appKey, Buffer.alloc(0), "formgate form-started v1", 32));
  const mac = (formId: string, issued: string) => createHmac("sha256", key).update(`${formId}\n${issued}`).digest();

  return {
    issue(formId: string, now = Date.now()): string {
      const issued = now.toString(36);
      return `${issued}.${mac(formId, issued).toString("base64url")}`;
    },
    check(formId: string, token: string, minFillMs: number, now = Date.now()): StartedCheck {
      const [issued, given, extra] = token.split(".");
      const at = parseInt(issued, 36);
      // Compared as text: base64url decoding ignores the last character's spare bits,
      // so comparing decoded bytes would take a few altered tokens as the real one.
      const expected = issued && /^[0-9a-z]{1,11}$/.test(issued) ? Buffer.from(mac(formId, issued).toString("base64url")) : undefined;
      const actual = Buffer.from(given ?? "");
      if (!expected || extra !== undefined || actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
        return { ok: false, reason: "forged" };
      }
      if (now - at > STARTED_MAX_AGE_MS) return { ok: false, reason: "forged" };
      if (now - at < minFillMs) return { ok: false, reason: "too_fast", waitMs: minFillMs - (now - at) };
      return { ok: true };
    },
  };
}
