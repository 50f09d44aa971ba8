import type { AppDeps } from "../../http/deps";
import { appendLedger } from "../audit/ledger.service";
import { purgeDocuments } from "./review.service";

/** How often the server destroys originals past their retention date (the "pii.retention" job). */
export const RETENTION_SWEEP_MS = 6 * 60 * 60 * 1000;

/**
 * Destroys every agency's expired originals in one transaction, with one ledger entry per document
 * (actor "system"). Returns how many were destroyed.
 */
export async function runPiiRetention(deps: AppDeps, now = new Date()): Promise<number> {
  return deps.database.db.transaction(async (tx) => {
    const entries = await purgeDocuments(tx, { now, reason: "retention" });
    if (entries.length) await appendLedger(tx, entries, deps.ledger);
    return entries.length;
  });
}
