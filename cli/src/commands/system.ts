import type { Command } from "commander";
import { configFrom, type DbCommandOptions, output, withDbOptions } from "../context";

/** init and migrate: prepare a data directory and the database schema. */
export function register(program: Command): void {
  withDbOptions(program.command("init"))
    .description(
      "create the data directory and (embedded mode) the session, field-encryption and ledger keys",
    )
    .action(async (opts: DbCommandOptions) => {
      const { openFromConfig } = await import("@civicpims/server/runtime");
      const { initKeys } = await import("@civicpims/server/security/keys");
      const config = await configFrom(opts);
      const written = config.mode === "embedded" ? initKeys(config) : [];
      const rt = await openFromConfig(config);
      await rt.close();
      output(
        opts,
        { dataDir: config.dataDir, keysWritten: written, migrationsApplied: rt.migrated },
        [
          `data directory: ${config.dataDir}`,
          written.length ? `keys created (0600): ${written.join(", ")}` : "keys: already present",
          `migrations applied: ${rt.migrated.length ? rt.migrated.join(", ") : "none (up to date)"}`,
        ].join("\n"),
      );
    });

  withDbOptions(program.command("migrate"))
    .description("apply pending database migrations")
    .action(async (opts: DbCommandOptions) => {
      const { openFromConfig } = await import("@civicpims/server/runtime");
      const rt = await openFromConfig(await configFrom(opts));
      await rt.close();
      output(
        opts,
        { applied: rt.migrated },
        rt.migrated.length ? `applied: ${rt.migrated.join(", ")}` : "up to date",
      );
    });
}
