import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

// Binary counterpart of security/field-crypto for letter PDFs and mail attachments: AES-256-GCM with the
// field key, laid out as version (1 byte) | iv (12) | tag (16) | ciphertext.
const VERSION = 1;

export function encryptBytes(key: Buffer, plain: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), ct]);
}

export function decryptBytes(key: Buffer, blob: Buffer): Buffer {
  if (blob.length < 29 || blob[0] !== VERSION) throw new Error("unrecognised ciphertext");
  const decipher = createDecipheriv("aes-256-gcm", key, blob.subarray(1, 13));
  decipher.setAuthTag(blob.subarray(13, 29));
  return Buffer.concat([decipher.update(blob.subarray(29)), decipher.final()]);
}
