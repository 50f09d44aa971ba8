import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../http/deps";
import { appendLedger } from "../audit/ledger.service";
import { purgeDocuments } from "./review.service";

/** How often the server destroys originals past their retention date. */
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

/** Runs the sweep on a timer while the app is up (not at start: tests and the CLI stay quiet). */
export function scheduleRetention(app: FastifyInstance, deps: AppDeps): void {
  let timer: NodeJS.Timeout | null = null;
  app.addHook("onReady", async () => {
    timer = setInterval(() => {
      runPiiRetention(deps).catch((err) => app.log.warn({ err }, "pii retention sweep failed"));
    }, RETENTION_SWEEP_MS);
    timer.unref();
  });
  app.addHook("onClose", async () => {
    if (timer) clearInterval(timer);
  });
}
