import { createCipheriv, createDecipheriv, randomBytes, randomFillSync } from "node:crypto";
import { dataDirSecret } from "@/lib/config/secrets";

/**
 * Personal data at rest: AES-256-GCM, a fresh 12-byte IV per value, stored as
 * "v1.<iv>.<tag>.<ciphertext>" in base64url so the key version can change later.
 */
export interface Sealer {
  seal(value: unknown): string;
  open<T = unknown>(sealed: string): T;
}

const IV_BYTES = 12;
const IVS_PER_FILL = 256;

/** Random IVs drawn from a buffer refilled 256 IVs at a time (as randomUUID does), not one system call each. */
function ivSource(): () => Buffer {
  const pool = Buffer.alloc(IV_BYTES * IVS_PER_FILL);
  let offset = pool.length;
  return () => {
    if (offset === pool.length) {
      randomFillSync(pool);
      offset = 0;
    }
    offset += IV_BYTES;
    return Buffer.from(pool.subarray(offset - IV_BYTES, offset));
  };
}

export function createSealer(key: Buffer): Sealer {
  if (key.length !== 32) throw new Error("The encryption key must be 32 bytes (AES-256).");
  const nextIv = ivSource();
  return {
    seal(value) {
      const iv = nextIv();
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), "utf8"), cipher.final()]);
      return ["v1", iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
    },
    open(sealed) {
      const [version, iv, tag, body] = sealed.split(".");
      if (version !== "v1" || !iv || !tag || body === undefined) throw new Error("Unreadable sealed value.");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      const text = Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
      return JSON.parse(text);
    },
  };
}

/** Parses APP_ENCRYPTION_KEY: 64 hex characters or 32 bytes in base64. */
export function parseKey(text: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32) {
    throw new Error("APP_ENCRYPTION_KEY must be 32 bytes: 64 hex characters or 44 base64 characters (openssl rand -base64 32).");
  }
  return key;
}

/**
 * The key from the environment or, for the embedded default, a key generated once
 * into the data folder. Every instance that shares a database must share the key.
 */
export function loadKey(options: { envKey?: string; dataDir: string; warn: (message: string) => void }): Buffer {
  if (options.envKey) return parseKey(options.envKey);
  const key = dataDirSecret(options.dataDir, "encryption.key", () => randomBytes(32).toString("base64"), (made) =>
    options.warn(`APP_ENCRYPTION_KEY is not set: ${made}. Set APP_ENCRYPTION_KEY in production, the same on every instance.`),
  );
  return parseKey(key);
}
