import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { decryptField, encryptField } from "../../security/field-crypto";

/**
 * Envelope encryption of an uploaded original: a fresh AES-256-GCM key per document encrypts the bytes,
 * and that key is stored encrypted with the field key (encryptField). Purging a document drops both, and
 * a leaked backup of one table alone reveals nothing.
 */
export interface SealedDocument {
  /** iv (12) | tag (16) | ciphertext */
  data: Buffer;
  keyWrapped: string;
}

export function sealDocument(fieldKey: Buffer, plain: Uint8Array): SealedDocument {
  const key = randomBytes(32);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  const data = Buffer.concat([iv, cipher.getAuthTag(), ct]);
  const keyWrapped = encryptField(fieldKey, key.toString("base64"));
  key.fill(0);
  return { data, keyWrapped };
}

export function openDocument(fieldKey: Buffer, sealed: SealedDocument): Buffer {
  const key = Buffer.from(decryptField(fieldKey, sealed.keyWrapped), "base64");
  try {
    const d = sealed.data;
    const decipher = createDecipheriv("aes-256-gcm", key, d.subarray(0, 12));
    decipher.setAuthTag(d.subarray(12, 28));
    return Buffer.concat([decipher.update(d.subarray(28)), decipher.final()]);
  } finally {
    key.fill(0);
  }
}
