import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * A migrated PGlite template (issue 10). A fresh embedded database otherwise pays PGlite's initdb and
 * every migration on first start (8 s on a quiet machine); `npm run build` writes a gzipped copy of a
 * data directory with all migrations applied, and a fresh data directory starts from it instead.
 * The template is used only when every migration it holds is, tag for tag and checksum for checksum,
 * a prefix of the migrations shipped now; later migrations are then applied the normal way.
 */

export interface MigrationStamp {
  tag: string;
  checksum: string;
}

interface Journal {
  entries: Array<{ idx: number; tag: string }>;
}

/** The migrations in journal order, each with its SQL text and the checksum migrate() records. */
export function readMigrations(dir: string): Array<MigrationStamp & { text: string }> {
  const journal = JSON.parse(readFileSync(`${dir}/meta/_journal.json`, "utf8")) as Journal;
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map((e) => {
      const text = readFileSync(`${dir}/${e.tag}.sql`, "utf8").replaceAll('"public".', "");
      return { tag: e.tag, text, checksum: createHash("sha256").update(text).digest("hex") };
    });
}

export const TEMPLATE_FILE = "pglite-template.tar.gz";
export const TEMPLATE_META_FILE = "pglite-template.json";

/** Where a built template may be: beside the bundle (server/dist) or, running from source, in server/dist. */
export function templateDirs(): string[] {
  // An explicit directory (tests, packagers) is the only place looked at.
  const explicit = process.env.CIVICPIMS_PGLITE_TEMPLATE_DIR;
  if (explicit) return [explicit];
  return [
    fileURLToPath(new URL(".", import.meta.url)),
    fileURLToPath(new URL("../../dist", import.meta.url)),
  ];
}

/** True when `stamps` (the template's migrations) are a prefix of `current`, checksums included. */
export function templateMatches(stamps: MigrationStamp[], current: MigrationStamp[]): boolean {
  if (!stamps.length || stamps.length > current.length) return false;
  return stamps.every((s, i) => s.tag === current[i].tag && s.checksum === current[i].checksum);
}

/** A directory that does not exist yet or holds nothing: PGlite would run initdb there. */
export function isFreshDir(dir: string): boolean {
  return !existsSync(dir) || readdirSync(dir).length === 0;
}

/**
 * The template to load into a fresh data directory, with the migrations it already holds, or null
 * when there is none or it was built from other migrations than `current`.
 */
export function findTemplate(
  current: MigrationStamp[],
  dirs: string[] = templateDirs(),
): { data: Blob; migrations: string[] } | null {
  for (const dir of dirs) {
    const meta = `${dir}/${TEMPLATE_META_FILE}`;
    const tar = `${dir}/${TEMPLATE_FILE}`;
    if (!existsSync(meta) || !existsSync(tar)) continue;
    let stamps: MigrationStamp[];
    try {
      stamps = (JSON.parse(readFileSync(meta, "utf8")) as { migrations: MigrationStamp[] }).migrations;
    } catch {
      continue;
    }
    if (!Array.isArray(stamps) || !templateMatches(stamps, current)) continue;
    return { data: new Blob([readFileSync(tar)]), migrations: stamps.map((s) => s.tag) };
  }
  return null;
}
