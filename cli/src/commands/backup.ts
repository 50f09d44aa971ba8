import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { pgliteDir } from "@civicpims/server/db/client";
import { PGlite } from "@electric-sql/pglite";
import type { Command } from "commander";
import { configFrom, type DbCommandOptions, fail, output, withDbOptions } from "../context";

/**
 * backup / restore. Embedded: a gzip tarball of the PGlite data directory (stop the server first:
 * PGlite is single-process). PostgreSQL: pg_dump custom format / pg_restore. Keys under
 * ./data/keys are NOT in the backup: keep them apart (a backup must not carry its own key).
 */
export function register(program: Command): void {
  withDbOptions(program.command("backup"))
    .description("write a database backup to FILE (keys are not included: back up data/keys separately)")
    .requiredOption("--out <file>", "backup file to write")
    .action(async (opts: DbCommandOptions & { out: string }) => {
      const config = configFrom(opts);
      if (config.databaseUrl) {
        const r = spawnSync(
          "pg_dump",
          ["--format=custom", `--file=${opts.out}`, `--schema=${config.databaseSchema}`, config.databaseUrl],
          {
            stdio: ["ignore", "inherit", "pipe"],
          },
        );
        if (r.error || r.status !== 0)
          fail(`pg_dump failed: ${r.error?.message ?? r.stderr.toString().trim()}`, 1);
      } else {
        const dir = pgliteDir(config.dataDir);
        if (!existsSync(dir)) fail(`no embedded database at ${dir}`);
        const db = new PGlite(dir);
        await db.waitReady;
        const blob = await db.dumpDataDir("gzip");
        await db.close();
        writeFileSync(opts.out, Buffer.from(await blob.arrayBuffer()));
      }
      output(opts, { file: opts.out }, `backup written to ${opts.out}`);
    });

  withDbOptions(program.command("restore"))
    .description("restore a backup made by `civicpims backup` (stop the server first)")
    .requiredOption("--in <file>", "backup file to read")
    .option("--force", "replace an existing embedded database")
    .action(async (opts: DbCommandOptions & { in: string; force?: boolean }) => {
      const config = configFrom(opts);
      if (!existsSync(opts.in)) fail(`no such file: ${opts.in}`);
      if (config.databaseUrl) {
        const r = spawnSync(
          "pg_restore",
          ["--clean", "--if-exists", "--no-owner", `--dbname=${config.databaseUrl}`, opts.in],
          {
            stdio: ["ignore", "inherit", "pipe"],
          },
        );
        if (r.error || r.status !== 0)
          fail(`pg_restore failed: ${r.error?.message ?? r.stderr.toString().trim()}`, 1);
      } else {
        const dir = pgliteDir(config.dataDir);
        if (existsSync(dir)) {
          if (!opts.force) fail(`an embedded database already exists at ${dir}; use --force to replace it`);
          rmSync(dir, { recursive: true, force: true });
        }
        mkdirSync(dir, { recursive: true });
        const db = new PGlite(dir, { loadDataDir: new Blob([readFileSync(opts.in)]) });
        await db.waitReady;
        await db.query("SELECT 1");
        await db.close();
      }
      output(opts, { restored: opts.in }, `restored from ${opts.in}`);
    });
}
