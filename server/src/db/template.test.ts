import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { openDatabase } from "./client";
import { writeTemplate } from "./make-template";
import { migrate, migrationsDir } from "./migrate";
import { templateMatches } from "./template";

// Issue 10 (cold start): a fresh embedded data directory starts from a migrated PGlite template.
const root = mkdtempSync(join(tmpdir(), "civicpims-template-"));
const tplDir = join(root, "tpl");
const saved = process.env.CIVICPIMS_PGLITE_TEMPLATE_DIR;
let normalRows: Array<{ tag: string; checksum: string }>;
let normalColumns: string[];

const columns = async (d: Awaited<ReturnType<typeof openDatabase>>) =>
  (
    await d.query<{ c: string }>(
      `SELECT table_name || '.' || column_name || ':' || data_type AS c FROM information_schema.columns
       WHERE table_schema = 'public' ORDER BY 1`,
    )
  ).map((r) => r.c);

before(async () => {
  const { mkdirSync } = await import("node:fs");
  mkdirSync(tplDir);
  await writeTemplate(tplDir);
  process.env.CIVICPIMS_PGLITE_TEMPLATE_DIR = tplDir;
  // The reference: initdb + every migration, the way a data directory was made before the template.
  const d = await openDatabase({ dataDir: join(root, "reference"), template: false });
  assert.ok((await migrate(d)).length >= 2);
  normalRows = await d.query("SELECT tag, checksum FROM schema_migrations ORDER BY tag");
  normalColumns = await columns(d);
  await d.close();
});

after(() => {
  if (saved === undefined) delete process.env.CIVICPIMS_PGLITE_TEMPLATE_DIR;
  else process.env.CIVICPIMS_PGLITE_TEMPLATE_DIR = saved;
  rmSync(root, { recursive: true, force: true });
});

test("a fresh data dir started from the template has the same schema_migrations rows and schema, and works", async () => {
  const dir = join(root, "fresh");
  const d = await openDatabase({ dataDir: dir });
  try {
    assert.deepEqual(
      d.templateMigrations,
      normalRows.map((r) => r.tag),
    );
    assert.deepEqual(await migrate(d), [], "nothing left to migrate");
    assert.deepEqual(await d.query("SELECT tag, checksum FROM schema_migrations ORDER BY tag"), normalRows);
    assert.deepEqual(await columns(d), normalColumns);
    await d.query(
      "INSERT INTO agencies (code, name_local, name_en, jurisdiction, time_zone, default_locale) VALUES ('t', 'T', 'T', 'KR', 'Asia/Seoul', 'ko')",
    );
  } finally {
    await d.close();
  }
  // Written to disk: a restart reads it back without the template.
  const again = await openDatabase({ dataDir: dir });
  try {
    assert.deepEqual(again.templateMigrations, []);
    assert.deepEqual(await again.query("SELECT code FROM agencies"), [{ code: "t" }]);
  } finally {
    await again.close();
  }
});

test("a template built from other migrations (stale checksum) is ignored: initdb + every migration", async () => {
  const stale = join(root, "stale-tpl");
  const { cpSync } = await import("node:fs");
  cpSync(tplDir, stale, { recursive: true });
  const metaFile = join(stale, "pglite-template.json");
  const meta = JSON.parse(readFileSync(metaFile, "utf8")) as { migrations: Array<{ checksum: string }> };
  meta.migrations[0].checksum = "0".repeat(64);
  writeFileSync(metaFile, JSON.stringify(meta));
  process.env.CIVICPIMS_PGLITE_TEMPLATE_DIR = stale;
  try {
    const d = await openDatabase({ dataDir: join(root, "from-stale") });
    try {
      assert.deepEqual(d.templateMigrations, []);
      assert.deepEqual(
        await migrate(d),
        normalRows.map((r) => r.tag),
      );
    } finally {
      await d.close();
    }
  } finally {
    process.env.CIVICPIMS_PGLITE_TEMPLATE_DIR = tplDir;
  }
});

test("a template is used only as a checksum-equal prefix of the shipped migrations", () => {
  const a = { tag: "0000_init", checksum: "aa" };
  const b = { tag: "0001_next", checksum: "bb" };
  assert.equal(templateMatches([a], [a, b]), true, "later migrations are applied normally");
  assert.equal(templateMatches([a, b], [a, b]), true);
  assert.equal(templateMatches([a, b], [a]), false, "template newer than the code");
  assert.equal(templateMatches([{ ...a, checksum: "ab" }], [a, b]), false);
  assert.equal(templateMatches([b], [a, b]), false);
  assert.equal(templateMatches([], [a]), false);
  assert.ok(migrationsDir());
});
