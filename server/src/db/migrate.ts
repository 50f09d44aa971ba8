import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { Database } from "./client";
import { readMigrations } from "./template";

/** Finds the committed SQL migrations, beside this file in source or copied next to the bundle. */
export function migrationsDir(): string {
  const candidates = [
    process.env.CIVICPIMS_MIGRATIONS_DIR,
    fileURLToPath(new URL("./migrations", import.meta.url)),
    fileURLToPath(new URL("./db/migrations", import.meta.url)),
  ].filter((x): x is string => !!x);
  const found = candidates.find((d) => existsSync(`${d}/meta/_journal.json`));
  if (!found) throw new Error(`SQL migrations not found (looked in ${candidates.join(", ")})`);
  return found;
}

/**
 * Applies the drizzle-kit SQL migrations in order, each in its own transaction, under an advisory
 * lock so several instances starting together migrate once. drizzle-kit qualifies some names with
 * "public".; we strip that so the same SQL works in any schema (tests use one schema per file).
 */
export async function migrate(database: Database): Promise<string[]> {
  const applied: string[] = [];
  const lockKey = `civicpims-migrate:${database.schema}`;
  await database.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    tag text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  // Already applied ones are skipped without a transaction each (every restart pays this); pending
  // ones are re-checked under the lock, so instances starting together still migrate once.
  const known = new Set(
    (await database.query<{ tag: string }>("SELECT tag FROM schema_migrations")).map((r) => r.tag),
  );
  for (const entry of readMigrations(migrationsDir())) {
    if (known.has(entry.tag)) continue;
    const { text, checksum } = entry;
    const statements = text
      .split("--> statement-breakpoint")
      .map((s) => s.trim())
      .filter(Boolean);
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${lockKey}))`);
      const done = await tx.execute(sql`SELECT 1 FROM schema_migrations WHERE tag = ${entry.tag}`);
      if ((done as unknown as { rows: unknown[] }).rows.length) return;
      for (const s of statements) await tx.execute(sql.raw(s));
      await tx.execute(sql`INSERT INTO schema_migrations (tag, checksum) VALUES (${entry.tag}, ${checksum})`);
      applied.push(entry.tag);
    });
  }
  return applied;
}
