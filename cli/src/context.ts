import type { Config } from "@civicpims/server/config";
import type { Command } from "commander";

/** Options every database-touching command accepts; they override the environment. */
export function withDbOptions(cmd: Command): Command {
  return cmd
    .option("--data-dir <dir>", "embedded data directory (default ./data or CIVICPIMS_DATA_DIR)")
    .option("--database-url <url>", "PostgreSQL URL (default: DATABASE_URL; embedded PGlite when unset)")
    .option("--format <format>", "output format: text or json", "text");
}

export interface DbCommandOptions {
  dataDir?: string;
  databaseUrl?: string;
  format?: "text" | "json";
}

/** Loads the configuration module (and zod) only when a command needs the configuration. */
export async function configFrom(
  opts: DbCommandOptions,
  extra: Record<string, unknown> = {},
): Promise<Config> {
  const { ConfigError, loadConfig } = await import("@civicpims/server/config");
  try {
    return loadConfig(process.env, {
      ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
      ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
      ...extra,
    });
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
}

/** Prints a user-facing error (never a stack) and exits with the usage/config error code. */
export function fail(message: string, code = 2): never {
  process.stderr.write(`civicpims: ${message}\n`);
  process.exit(code);
}

export function output(opts: { format?: string }, json: unknown, text: string): void {
  process.stdout.write(opts.format === "json" ? `${JSON.stringify(json, null, 2)}\n` : `${text}\n`);
}
