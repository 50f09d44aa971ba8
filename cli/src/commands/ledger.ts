import { readFileSync, writeFileSync } from "node:fs";
import type { AgainstResult, CheckpointExport } from "@civicpims/server/modules/audit/ledger.against";
import type { VerifyResult } from "@civicpims/server/modules/audit/ledger.service";
import type { Command } from "commander";
import { configFrom, type DbCommandOptions, fail, output, withDbOptions } from "../context";
import { type OnlineOptions, onlineOptions, operatorFetch } from "../online";

type Opts = DbCommandOptions & OnlineOptions & { export?: string; against?: string };

// Online: only the newest checkpoints travel (the request body is capped at 1 MB). With the chain
// itself verified, the newest matching checkpoint vouches for every entry before it.
const ONLINE_CHECKPOINTS = 500;

/** verify-ledger: walk the hash chain and the signed checkpoints; export them or check against an export. */
export function register(program: Command): void {
  onlineOptions(withDbOptions(program.command("verify-ledger")))
    .description("verify the audit ledger; prints OK with the count, or the first bad seq and why (exit 1)")
    .option(
      "--export <file>",
      "sign a checkpoint at the current head, then write every signed checkpoint and the public key to FILE (JSON)",
    )
    .option(
      "--against <file>",
      "also check that every checkpoint in FILE (from --export) is still in the chain",
    )
    .action(async (opts: Opts) => {
      const { parseCheckpointExport } = await import("@civicpims/server/modules/audit/ledger.against");
      let against: CheckpointExport | undefined;
      if (opts.against) {
        try {
          against = parseCheckpointExport(readFileSync(opts.against, "utf8"));
        } catch (e) {
          fail(
            `${opts.against}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (e as Error).message}`,
          );
        }
      }
      const r = opts.online ? await online(opts, against) : await offline(opts, against);
      const lines = [
        r.ok
          ? `OK ${r.count} entries, ${r.checkpoints} signed checkpoints`
          : `BROKEN at seq ${r.firstBadSeq}: ${r.reason} (${r.count} entries verified before it)`,
      ];
      if (r.against) {
        lines.push(
          r.against.ok
            ? `OK against ${opts.against}: its ${r.against.checked} checkpoints are in the chain`
            : `MISSING against ${opts.against}:`,
          ...r.against.problems.map((p) => `  ${p}`),
        );
      }
      output(opts, r, lines.join("\n"));
      process.exitCode = r.ok && (r.against?.ok ?? true) ? 0 : 1;
    });
}

type Outcome = VerifyResult & { against?: AgainstResult };

async function offline(opts: Opts, against?: CheckpointExport): Promise<Outcome> {
  const [{ openFromConfig }, service, { verifyAgainstExport }] = await Promise.all([
    import("@civicpims/server/runtime"),
    import("@civicpims/server/modules/audit/ledger.service"),
    import("@civicpims/server/modules/audit/ledger.against"),
  ]);
  const rt = await openFromConfig(await configFrom(opts));
  try {
    const trustedPublicKey = rt.deps.secrets.ledgerPublicKey
      .export({ type: "spki", format: "pem" })
      .toString();
    const r: Outcome = await service.verifyLedger(rt.deps.database, { trustedPublicKey });
    if (against) r.against = await verifyAgainstExport(rt.deps.database, against, trustedPublicKey);
    if (opts.export) {
      // Pin the head: without a checkpoint at it, entries after the last timed checkpoint would not
      // be covered by the file.
      await service.checkpointIfStale(rt.deps.database, rt.deps.ledger);
      const checkpoints = await service.exportCheckpoints(rt.deps.database);
      writeFileSync(
        opts.export,
        `${JSON.stringify({ exportedAt: new Date().toISOString(), publicKey: trustedPublicKey, verify: r, checkpoints }, null, 2)}\n`,
      );
    }
    return r;
  } finally {
    await rt.close();
  }
}

async function online(opts: Opts, against?: CheckpointExport): Promise<Outcome> {
  const body = {
    export: !!opts.export,
    ...(against
      ? { against: { ...against, checkpoints: against.checkpoints.slice(-ONLINE_CHECKPOINTS) } }
      : {}),
  };
  const res = await operatorFetch(opts, "/api/system/ledger/verify", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const { export: exported, ...r } = (await res.json()) as Outcome & { export?: CheckpointExport };
  if (opts.export && exported)
    writeFileSync(opts.export, `${JSON.stringify({ ...exported, verify: r }, null, 2)}\n`);
  return r;
}
