import { createHash } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { caseAttachments, registryEvidence } from "../db/schema";
import { decryptBytes } from "../modules/letters/blob-crypto";
import { FileIntegrityError, openFile, sealFile } from "./file-crypto";

// Stored files from before envelope encryption: register evidence was plaintext, case attachments were
// encrypted with the field key directly (or plaintext before that). A row without a wrapped key is legacy.

const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/**
 * The original bytes of a legacy row. Whatever the format, the result must match the sha256 recorded at
 * upload, so a tampered row, or an envelope row whose key was removed, is an error, never garbage.
 */
export function openLegacy(fieldKey: Buffer, data: Buffer, expectedSha256: string): Buffer {
  let decrypted: Buffer | null = null;
  try {
    decrypted = decryptBytes(fieldKey, data);
  } catch {
    // Not a field-key blob: plaintext from before encryption at rest (checked against the hash below).
  }
  for (const candidate of [decrypted, data]) {
    if (candidate && sha256(candidate) === expectedSha256) return candidate;
  }
  throw new FileIntegrityError();
}

/** The original bytes of a stored file row (envelope, or legacy until the migration job sealed it). */
export function readStoredFile(
  fieldKey: Buffer,
  row: { data: Buffer | Uint8Array; wrappedKey: string | null; sha256: string },
): Buffer {
  const data = Buffer.from(row.data);
  return row.wrappedKey
    ? openFile(fieldKey, { data, wrappedKey: row.wrappedKey })
    : openLegacy(fieldKey, data, row.sha256);
}

export interface SealResult {
  sealed: number;
  /** Legacy rows whose bytes do not match their recorded hash: left as they are for an administrator. */
  unreadable: number;
}

const BATCH = 50;

/**
 * Seals every legacy row with its own data key. Idempotent and safe with several instances starting at
 * once: a row is updated only while it still has no wrapped key, and a sealed row is never touched again.
 */
export async function sealLegacyFiles(db: Db, fieldKey: Buffer): Promise<SealResult> {
  const result: SealResult = { sealed: 0, unreadable: 0 };
  for (const table of [registryEvidence, caseAttachments] as const) {
    const skip = new Set<string>();
    for (;;) {
      const rows = await db
        .select({ id: table.id, data: table.data, sha256: table.sha256 })
        .from(table)
        .where(isNull(table.wrappedKey))
        .limit(BATCH + skip.size);
      const todo = rows.filter((r) => !skip.has(r.id));
      if (!todo.length) break;
      for (const r of todo) {
        let plain: Buffer;
        try {
          plain = openLegacy(fieldKey, Buffer.from(r.data), r.sha256);
        } catch {
          skip.add(r.id);
          result.unreadable += 1;
          continue;
        }
        const sealed = sealFile(fieldKey, plain);
        const done = await db
          .update(table)
          .set({ data: sealed.data, wrappedKey: sealed.wrappedKey })
          .where(and(eq(table.id, r.id), isNull(table.wrappedKey)))
          .returning({ id: table.id });
        result.sealed += done.length;
      }
    }
  }
  return result;
}
