import { spawnSync } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Command } from "commander";
import { configFrom, type DbCommandOptions, fail, output, withDbOptions } from "../context";
import { type OnlineOptions, onlineOptions, operatorFetch } from "../online";

/**
 * backup / restore. Embedded: a gzip tarball of the PGlite data directory. The server holds that
 * directory while it runs (one process per directory, enforced by a lock): stop it, or use
 * `backup --online`, which asks the running server for a consistent copy. PostgreSQL: pg_dump custom
 * format / pg_restore. Keys under ./data/keys are NOT in the backup: keep them apart (a backup must
 * not carry its own key).
 */
export function register(program: Command): void {
  onlineOptions(withDbOptions(program.command("backup")))
    .description("write a database backup to FILE (keys are not included: back up data/keys separately)")
    .requiredOption("--out <file>", "backup file to write")
    .action(async (opts: OnlineOptions & { out: string }) => {
      const config = await configFrom(opts);
      if (opts.online) {
        if (config.databaseUrl)
          fail(
            "--online backs up the embedded database; on PostgreSQL run `civicpims backup` (pg_dump) without it",
          );
        const res = await operatorFetch(opts, "/api/system/backup");
        if (!res.body) fail("the server sent an empty backup", 1);
        await pipeline(
          Readable.fromWeb(res.body as import("node:stream/web").ReadableStream),
          createWriteStream(opts.out),
        );
      } else if (config.databaseUrl) {
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
        const { openDatabase, pgliteDir } = await import("@civicpims/server/db/client");
        const dir = pgliteDir(config.dataDir);
        if (!existsSync(dir)) fail(`no embedded database at ${dir}`);
        // Through openDatabase: it takes the directory's lock (refused while the server runs).
        const db = await openDatabase({ dataDir: dir });
        try {
          const blob = await db.dumpDataDir?.();
          if (!blob) fail("this database cannot be dumped", 1);
          writeFileSync(opts.out, Buffer.from(await blob.arrayBuffer()));
        } finally {
          await db.close();
        }
      }
      output(opts, { file: opts.out }, `backup written to ${opts.out}`);
    });

  withDbOptions(program.command("restore"))
    .description("restore a backup made by `civicpims backup` (stop the server first)")
    .requiredOption("--in <file>", "backup file to read")
    .option("--force", "replace an existing embedded database")
    .action(async (opts: DbCommandOptions & { in: string; force?: boolean }) => {
      const config = await configFrom(opts);
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
        const [{ pgliteDir }, { acquireDirLock }, { PGlite }] = await Promise.all([
          import("@civicpims/server/db/client"),
          import("@civicpims/server/db/dir-lock"),
          import("@electric-sql/pglite"),
        ]);
        const dir = pgliteDir(config.dataDir);
        // Nobody may be using the directory we are about to replace.
        const release = acquireDirLock(dir);
        try {
          if (existsSync(dir)) {
            if (!opts.force) fail(`an embedded database already exists at ${dir}; use --force to replace it`);
            rmSync(dir, { recursive: true, force: true });
          }
          mkdirSync(dir, { recursive: true });
          const db = new PGlite(dir, { loadDataDir: new Blob([readFileSync(opts.in)]) });
          await db.waitReady;
          await db.query("SELECT 1");
          await db.close();
        } finally {
          release();
        }
      }
      output(opts, { restored: opts.in }, `restored from ${opts.in}`);
    });
}
