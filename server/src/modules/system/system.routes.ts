import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { checkpointExportSchema, verifyAgainstExport } from "../audit/ledger.against";
import { checkpointIfStale, exportCheckpoints, verifyLedger } from "../audit/ledger.service";
import "./messages";

/**
 * Operator work on a running installation (`civicpims backup --online`, `verify-ledger --online`):
 * the embedded database belongs to the server process, so a second process must not open it.
 * System administrators only; the CLI authenticates with the local operator token (operator-token.ts).
 */
export function registerSystemRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "system";
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/system/backup",
    access: "system.backup",
    tag,
    summary: "Download a backup of the live embedded database (gzip tarball for `civicpims restore`)",
    // Outside a transaction: the dump waits for open transactions and the single embedded
    // connection must be free for it. The ledger entry commits before the file is sent.
    readOnlyNoTransaction: true,
    handler: async ({ reply }) => {
      if (!deps.database.dumpDataDir) throw new AppError(409, "system.backup_use_pg_dump");
      const file = Buffer.from(await (await deps.database.dumpDataDir()).arrayBuffer());
      const stamp = new Date().toISOString().slice(0, 10);
      reply
        .header("content-type", "application/gzip")
        .header("content-disposition", `attachment; filename="civicpims-${stamp}.tar.gz"`);
      return file;
    },
    audit: {
      action: "system.backup.online",
      resourceType: "database",
      details: (file) => ({ bytes: file.length }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/system/ledger/verify",
    access: "system.ledger.verify",
    tag,
    summary:
      "Verify the ledger chain and checkpoints; optionally against an exported checkpoint file, or export them",
    body: z.object({ against: checkpointExportSchema.optional(), export: z.boolean().default(false) }),
    readOnlyNoTransaction: true,
    handler: async ({ body }) => {
      const trustedPublicKey = deps.secrets.ledgerPublicKey
        .export({ type: "spki", format: "pem" })
        .toString();
      const chain = await verifyLedger(deps.database, { trustedPublicKey });
      const against = body.against
        ? await verifyAgainstExport(deps.database, body.against, trustedPublicKey)
        : undefined;
      let exported: { exportedAt: string; publicKey: string; checkpoints: unknown[] } | undefined;
      if (body.export) {
        // Pin the head first, so the exported file covers every entry up to now.
        await checkpointIfStale(deps.database, deps.ledger);
        const checkpoints = await exportCheckpoints(deps.database);
        exported = { exportedAt: new Date().toISOString(), publicKey: trustedPublicKey, checkpoints };
      }
      return { ...chain, ...(against ? { against } : {}), ...(exported ? { export: exported } : {}) };
    },
    audit: {
      action: "system.ledger.verify",
      resourceType: "ledger",
      details: (r) => ({
        ok: r.ok,
        count: r.count,
        against: r.against ? r.against.ok : null,
        exported: r.export ? r.export.checkpoints.length : null,
      }),
    },
  });
}
