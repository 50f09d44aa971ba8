import { hkdfSync } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { piiFalsePositives } from "../../db/schema";
import type { Secrets } from "../../security/keys";
import { engineFor } from "./documents/engine";
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

export { engineFor };

/** What a worker needs to rebuild the agency's detector: the fingerprint key and the ignored hashes. */
export interface EngineSpec {
  key: Uint8Array;
  ignore: string[];
}

export async function agencyEngineSpec(
  q: Queryable,
  secrets: Pick<Secrets, "fieldKey">,
  agencyId: string,
): Promise<EngineSpec> {
  return { key: falsePositiveKey(secrets, agencyId), ignore: [...(await agencyIgnoreHashes(q, agencyId))] };
}

export async function agencyEngine(
  q: Queryable,
  secrets: Pick<Secrets, "fieldKey">,
  agencyId: string,
): Promise<PiiEngine> {
  return engineFor(falsePositiveKey(secrets, agencyId), await agencyIgnoreHashes(q, agencyId));
}
