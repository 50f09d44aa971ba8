import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";

/**
 * Field-level protection for unique identifiers (PIPA Art 24, E4): AES-256-GCM ciphertext for the
 * value, and an HMAC blind index so staff can find a person by exact identifier without the
 * database ever holding the plaintext.
 */
const VERSION = "v1";

export function encryptField(key: Buffer, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `${VERSION}.${iv.toString("base64url")}.${ct.toString("base64url")}.${tag.toString("base64url")}`;
}

export function decryptField(key: Buffer, token: string): string {
  const [version, iv, ct, tag] = token.split(".");
  if (version !== VERSION || !iv || ct === undefined || !tag) throw new Error("unrecognised ciphertext");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

/** Normalises an identifier (drops spaces and hyphens, upper-cases) so every spelling indexes alike. */
export function normaliseIdentifier(value: string): string {
  return value
    .normalize("NFKC")
    .replace(/[\s\-‐－]/g, "")
    .toUpperCase();
}

/** Keyed, deterministic, one-way reference to a person: "kind:value" -> 32 hex chars. */
export function blindIndex(key: Buffer, kind: string, value: string): string {
  return createHmac("sha256", key)
    .update(`${kind}:${normaliseIdentifier(value)}`)
    .digest("hex")
    .slice(0, 32);
}
