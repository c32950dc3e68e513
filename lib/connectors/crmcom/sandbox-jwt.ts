/**
 * The sandbox's contact tokens: JWTs (HS512, as the document's example token says in its
 * header) whose `sub` is the contact's id, signed with a key of the sandbox's own. No
 * "server-only": Playwright runs the sandbox in plain Node.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

const b64 = (value: Buffer | string) => Buffer.from(value).toString("base64url");

export interface TokenClaims {
  sub: string;
  /** Seconds since the epoch. */
  exp: number;
  iat: number;
  jti: string;
}

export function tokenIssuer(key = randomBytes(32)) {
  const sign = (input: string) => createHmac("sha512", key).update(input).digest();
  return {
    issue(sub: string, now: number, ttlSeconds: number): { token: string; claims: TokenClaims } {
      const iat = Math.floor(now / 1000);
      const claims: TokenClaims = { sub, iat, exp: iat + ttlSeconds, jti: randomBytes(8).toString("hex") };
      const input = `${b64(JSON.stringify({ alg: "HS512" }))}.${b64(JSON.stringify(claims))}`;
      return { token: `${input}.${b64(sign(input))}`, claims };
    },
    /** The claims of a token this sandbox signed, expired or not; undefined for anything else. */
    read(token: string): TokenClaims | undefined {
      const [header, payload, signature] = token.split(".");
      if (!header || !payload || !signature) return undefined;
      const expected = sign(`${header}.${payload}`);
      const given = Buffer.from(signature, "base64url");
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      try {
        const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as TokenClaims;
        return typeof claims.sub === "string" && typeof claims.exp === "number" ? claims : undefined;
      } catch {
        return undefined;
      }
    },
  };
}
