import { randomBytes, scrypt as scryptCallback, type ScryptOptions, timingSafeEqual } from "node:crypto";

/**
 * Staff passwords, hashed with scrypt (memory-hard, in Node itself). Parameters:
 * N = 2^15, r = 8, p = 1 — 32 MiB and about 50–100 ms per hash on a server core
 * (OWASP's floor is N = 2^17 with r = 8 for scrypt at 1 CPU second, or N = 2^15
 * at this cost tier) — a 16-byte random salt and a 32-byte key. The parameters
 * are stored with each hash, so raising them later keeps old hashes readable.
 */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

function scrypt(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(password.normalize("NFKC"), salt, keyLength, { ...options, maxmem: 128 * options.N! * options.r! * 2 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** "scrypt$N$r$p$salt$key", salt and key in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SCRYPT.saltLength);
  const key = await scrypt(password, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return ["scrypt", SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString("base64url"), key.toString("base64url")].join("$");
}

/** A hash no password matches: verified against when the account does not exist, so both take as long. */
const UNKNOWN = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${Buffer.alloc(SCRYPT.saltLength).toString("base64url")}$${Buffer.alloc(SCRYPT.keyLength).toString("base64url")}`;

/** Whether `password` matches `stored`; a missing or unreadable hash takes the same time and says no. */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parts = (stored ?? "").split("$");
  const readable = parts.length === 6 && parts[0] === "scrypt";
  const [, n, r, p, salt, key] = readable ? parts : UNKNOWN.split("$");
  const expected = Buffer.from(key, "base64url");
  const actual = await scrypt(password, Buffer.from(salt, "base64url"), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected) && readable;
}

/** Minimum length of a staff password (NIST SP 800-63B: at least 8; more for accounts that see personal data). */
export const MIN_PASSWORD_LENGTH = 12;
