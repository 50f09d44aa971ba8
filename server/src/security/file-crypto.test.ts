import assert from "node:assert/strict";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { test } from "node:test";
import { FileIntegrityError, openFile, sealFile } from "./file-crypto";

const fieldKey = randomBytes(32);
const plain = Buffer.from("%PDF-1.4\n% 수탁자 서약서 홍길동 900101-1234567\n%%EOF\n");

test("E4: a sealed file holds no plaintext, opens to the original, and each file has its own data key", () => {
  const a = sealFile(fieldKey, plain);
  const b = sealFile(fieldKey, plain);
  assert.ok(!a.data.includes(Buffer.from("900101-1234567")), "plaintext in the stored bytes");
  assert.ok(!a.data.includes(Buffer.from("서약서")), "plaintext in the stored bytes");
  assert.notEqual(a.wrappedKey, b.wrappedKey, "one data key per file");
  assert.ok(!a.data.equals(b.data));
  assert.deepEqual(openFile(fieldKey, a), plain);
});

test("E4: the data key really is independent of the field key (AES-256-GCM with the unwrapped key decrypts the body)", () => {
  const sealed = sealFile(fieldKey, plain);
  // Unwrap by hand from the documented layout: "fk1.<iv>.<ct>.<tag>" under the field key.
  const [v, iv, ct, tag] = sealed.wrappedKey.split(".");
  assert.equal(v, "fk1");
  const d = createDecipheriv("aes-256-gcm", fieldKey, Buffer.from(iv, "base64url"));
  d.setAuthTag(Buffer.from(tag, "base64url"));
  const dek = Buffer.concat([d.update(Buffer.from(ct, "base64url")), d.final()]);
  assert.equal(dek.length, 32);
  assert.ok(!dek.equals(fieldKey));
  // Body: version 2 | iv 12 | tag 16 | ciphertext.
  assert.equal(sealed.data[0], 2);
  const body = createDecipheriv("aes-256-gcm", dek, sealed.data.subarray(1, 13));
  body.setAuthTag(sealed.data.subarray(13, 29));
  assert.deepEqual(Buffer.concat([body.update(sealed.data.subarray(29)), body.final()]), plain);
  // And a body written with that layout by hand opens.
  const iv2 = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", dek, iv2);
  const ct2 = Buffer.concat([c.update(Buffer.from("hand made")), c.final()]);
  const hand = Buffer.concat([Buffer.from([2]), iv2, c.getAuthTag(), ct2]);
  assert.equal(openFile(fieldKey, { data: hand, wrappedKey: sealed.wrappedKey }).toString(), "hand made");
});

test("E4: tampered ciphertext, a wrong field key, a swapped or destroyed data key -> FileIntegrityError, never garbage", () => {
  const sealed = sealFile(fieldKey, plain);
  const flipped = Buffer.from(sealed.data);
  flipped[flipped.length - 3] ^= 0x01;
  assert.throws(() => openFile(fieldKey, { ...sealed, data: flipped }), FileIntegrityError);
  assert.throws(() => openFile(randomBytes(32), sealed), FileIntegrityError);
  const other = sealFile(fieldKey, plain);
  assert.throws(
    () => openFile(fieldKey, { data: sealed.data, wrappedKey: other.wrappedKey }),
    FileIntegrityError,
  );
  assert.throws(() => openFile(fieldKey, { data: sealed.data, wrappedKey: "" }), FileIntegrityError);
  assert.throws(
    () => openFile(fieldKey, { data: Buffer.alloc(5), wrappedKey: sealed.wrappedKey }),
    FileIntegrityError,
  );
});
