import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/**
 * Envelope encryption for stored files (E4). Each file gets its own random 256-bit data key; the body is
 * AES-256-GCM under that key, and the data key is kept beside the file record wrapped (AES-256-GCM) with
 * the field key. Destroying the wrapped key makes the file unreadable for good (crypto-shredding) without
 * touching backups of the body, and rotating the field key only re-wraps 32-byte keys.
 *
 * Layouts: body = version 2 (1 byte) | iv (12) | tag (16) | ciphertext; wrapped key = "fk1.<iv>.<ct>.<tag>"
 * (base64url). Version 2 so a body is never mistaken for the field-key blobs of letters/blob-crypto (1).
 */
const BODY_VERSION = 2;
const WRAP_VERSION = "fk1";

/** The file cannot be decrypted: tampered body, wrong or destroyed key. Never return the bytes anyway. */
export class FileIntegrityError extends Error {
  constructor() {
    super("stored file failed its integrity check");
    this.name = "FileIntegrityError";
  }
}

export interface SealedFile {
  data: Buffer;
  wrappedKey: string;
}

function gcmEncrypt(key: Buffer, plain: Buffer) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { iv, ct, tag: cipher.getAuthTag() };
}

function gcmDecrypt(key: Buffer, iv: Buffer, ct: Buffer, tag: Buffer): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]);
}

export function wrapKey(fieldKey: Buffer, dataKey: Buffer): string {
  const { iv, ct, tag } = gcmEncrypt(fieldKey, dataKey);
  return [WRAP_VERSION, iv, ct, tag]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

export function unwrapKey(fieldKey: Buffer, wrapped: string): Buffer {
  const [version, iv, ct, tag] = wrapped.split(".");
  if (version !== WRAP_VERSION || !iv || !ct || !tag) throw new FileIntegrityError();
  try {
    const key = gcmDecrypt(
      fieldKey,
      Buffer.from(iv, "base64url"),
      Buffer.from(ct, "base64url"),
      Buffer.from(tag, "base64url"),
    );
    if (key.length !== 32) throw new FileIntegrityError();
    return key;
  } catch {
    throw new FileIntegrityError();
  }
}

export function sealFile(fieldKey: Buffer, plain: Buffer): SealedFile {
  const dataKey = randomBytes(32);
  const { iv, ct, tag } = gcmEncrypt(dataKey, plain);
  return {
    data: Buffer.concat([Buffer.from([BODY_VERSION]), iv, tag, ct]),
    wrappedKey: wrapKey(fieldKey, dataKey),
  };
}

export function openFile(fieldKey: Buffer, sealed: SealedFile): Buffer {
  const body = Buffer.from(sealed.data);
  if (body.length < 29 || body[0] !== BODY_VERSION) throw new FileIntegrityError();
  const dataKey = unwrapKey(fieldKey, sealed.wrappedKey);
  try {
    return gcmDecrypt(dataKey, body.subarray(1, 13), body.subarray(29), body.subarray(13, 29));
  } catch {
    throw new FileIntegrityError();
  }
}
