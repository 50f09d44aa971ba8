import { hkdfSync } from "node:crypto";
import { falsePositiveHash, type PiiType, scanText } from "@civicpims/core/pii/index";
import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { piiFalsePositives } from "../../db/schema";
import type { Secrets } from "../../security/keys";
import { coreEngine } from "./documents/engine";
import type { PiiEngine } from "./documents/index";

/**
 * The key of an agency's false-positive hashes: derived from the field key and the agency id, so a hash
 * cannot be checked against guessed values without the server's key, nor linked across agencies.
 */
export function falsePositiveKey(secrets: Pick<Secrets, "fieldKey">, agencyId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secrets.fieldKey, agencyId, "civicpims pii false positive v1", 32));
}

export async function agencyIgnoreHashes(q: Queryable, agencyId: string): Promise<Set<string>> {
  const rows = await q
    .select({ hash: piiFalsePositives.hash })
    .from(piiFalsePositives)
    .where(eq(piiFalsePositives.agencyId, agencyId));
  return new Set(rows.map((r) => r.hash));
}

/**
 * core's detector for one agency: its confirmed false positives are skipped (ignoreHashes), and every
 * finding carries the keyed hash of its value (fingerprint) so a reviewer can confirm one more.
 */
export function engineFor(key: Buffer, ignoreHashes: Set<string>): PiiEngine {
  return {
    ...coreEngine,
    scan: (text, opts) => scanText(text, { contextHint: opts?.contextHint, ignoreHashes, ignoreKey: key }),
    fingerprint: (type, value) => falsePositiveHash(type as PiiType, value, key),
  };
}

export async function agencyEngine(
  q: Queryable,
  secrets: Pick<Secrets, "fieldKey">,
  agencyId: string,
): Promise<PiiEngine> {
  return engineFor(falsePositiveKey(secrets, agencyId), await agencyIgnoreHashes(q, agencyId));
}
