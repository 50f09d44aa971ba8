import { writeFileSync } from "node:fs";
import { exportCheckpoints, verifyLedger } from "@civicpims/server/modules/audit/ledger.service";
import { openFromConfig } from "@civicpims/server/runtime";
import type { Command } from "commander";
import { configFrom, type DbCommandOptions, output, withDbOptions } from "../context";

/** verify-ledger: walk the hash chain and the signed checkpoints; optionally export them. */
export function register(program: Command): void {
  withDbOptions(program.command("verify-ledger"))
    .description("verify the audit ledger; prints OK with the count, or the first bad seq and why (exit 1)")
    .option("--export <file>", "also write the signed checkpoints and public key to FILE (JSON)")
    .action(async (opts: DbCommandOptions & { export?: string }) => {
      const rt = await openFromConfig(configFrom(opts));
      try {
        const trustedPublicKey = rt.deps.secrets.ledgerPublicKey
          .export({ type: "spki", format: "pem" })
          .toString();
        const r = await verifyLedger(rt.deps.database, { trustedPublicKey });
        if (opts.export) {
          const checkpoints = await exportCheckpoints(rt.deps.database);
          writeFileSync(
            opts.export,
            `${JSON.stringify({ exportedAt: new Date().toISOString(), publicKey: trustedPublicKey, verify: r, checkpoints }, null, 2)}\n`,
          );
        }
        output(
          opts,
          r,
          r.ok
            ? `OK ${r.count} entries, ${r.checkpoints} signed checkpoints`
            : `BROKEN at seq ${r.firstBadSeq}: ${r.reason} (${r.count} entries verified before it)`,
        );
        process.exitCode = r.ok ? 0 : 1;
      } finally {
        await rt.close();
      }
    });
}
