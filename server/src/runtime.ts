import { type Config, loadConfig } from "./config";
import { type Database, openDatabase, pgliteDir } from "./db/client";
import { migrate } from "./db/migrate";
import type { AppDeps } from "./http/deps";
import { sealLegacyFiles } from "./security/file-migration";
import { loadSecrets } from "./security/keys";

/** Opens the configured database (PGlite in ./data or PostgreSQL), migrates it, loads secrets. */
export async function openFromConfig(
  config: Config = loadConfig(),
  opts: { migrate?: boolean } = {},
): Promise<{ deps: AppDeps; migrated: string[]; close(): Promise<void> }> {
  const secrets = loadSecrets(config);
  const database = await openConfiguredDatabase(config);
  // A fresh embedded database started from the built template already holds those migrations.
  const migrated = [
    ...database.templateMigrations,
    ...(opts.migrate === false ? [] : await migrate(database)),
  ];
  // Files stored before envelope encryption are sealed once, right after the schema that holds their keys.
  if (opts.migrate !== false) await sealLegacyFiles(database.db, secrets.fieldKey);
  return {
    deps: { config, database, secrets, ledger: { secrets, checkpointEvery: config.ledgerCheckpointEvery } },
    migrated,
    close: () => database.close(),
  };
}

export function openConfiguredDatabase(config: Config): Promise<Database> {
  return openDatabase(
    config.databaseUrl
      ? { url: config.databaseUrl, schema: config.databaseSchema }
      : { dataDir: pgliteDir(config.dataDir), schema: config.databaseSchema },
  );
}
