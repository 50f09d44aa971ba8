import { renameSync, writeFileSync } from "node:fs";
import { type Database, openDatabase } from "./client";
import { migrate } from "./migrate";
import { type MigrationStamp, TEMPLATE_FILE, TEMPLATE_META_FILE } from "./template";

/**
 * Builds the migrated PGlite template in `outDir` (see template.ts): an in-memory PGlite migrated the
 * normal way, dumped gzipped, and a JSON file naming the migrations (tag + checksum) it holds, read
 * back from its schema_migrations. Returns the template's size in bytes.
 */
export async function writeTemplate(outDir: string): Promise<number> {
  const database = await openDatabase({ template: false });
  try {
    await migrate(database);
    const stamps = await database.query<MigrationStamp>(
      "SELECT tag, checksum FROM schema_migrations ORDER BY tag",
    );
    // A checkpoint so the dump carries the migrated state with no WAL to replay on first open.
    await database.query("CHECKPOINT");
    const blob = await (database.pglite as NonNullable<Database["pglite"]>).dumpDataDir("gzip");
    const bytes = Buffer.from(await blob.arrayBuffer());
    // Data first, meta last, each via rename: a half-written template is never picked up.
    writeFileSync(`${outDir}/${TEMPLATE_FILE}.tmp`, bytes);
    renameSync(`${outDir}/${TEMPLATE_FILE}.tmp`, `${outDir}/${TEMPLATE_FILE}`);
    writeFileSync(
      `${outDir}/${TEMPLATE_META_FILE}.tmp`,
      `${JSON.stringify({ migrations: stamps }, null, 1)}\n`,
    );
    renameSync(`${outDir}/${TEMPLATE_META_FILE}.tmp`, `${outDir}/${TEMPLATE_META_FILE}`);
    return bytes.length;
  } finally {
    await database.close();
  }
}

// `node --import tsx server/src/db/make-template.ts <outDir>` (scripts/build-server.mjs runs this).
if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? "server/dist";
  writeTemplate(out).then((n) =>
    console.log(`PGlite template: ${out}/${TEMPLATE_FILE} (${(n / 1024).toFixed(0)} KiB)`),
  );
}
