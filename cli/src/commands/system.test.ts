import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";

// These run the real `civicpims` binary on an embedded database in a temporary directory.
const dir = mkdtempSync(join(tmpdir(), "civicpims-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function civicpims(...args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent" };
  delete env.DATABASE_URL;
  const r = spawnSync(process.execPath, ["cli/bin/civicpims.mjs", ...args], {
    encoding: "utf8",
    env,
    timeout: 120_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test("E4: init creates the data dir and the three keys with mode 0600, and migrates", () => {
  const r = civicpims("init", "--data-dir", join(dir, "a"), "--format", "json");
  assert.equal(r.code, 0, r.err);
  const j = JSON.parse(r.out);
  assert.equal(j.keysWritten.length, 3);
  for (const f of j.keysWritten) assert.equal(statSync(f).mode & 0o777, 0o600);
  assert.ok(j.migrationsApplied.length >= 2);
  const again = JSON.parse(civicpims("init", "--data-dir", join(dir, "a"), "--format", "json").out);
  assert.deepEqual(again.keysWritten, []);
  assert.deepEqual(again.migrationsApplied, []);
});

test("A1/E3: seed-demo, verify-ledger, backup and restore round-trip on the embedded database", () => {
  const a = join(dir, "a");
  const seeded = civicpims("seed-demo", "--data-dir", a, "--format", "json");
  assert.equal(seeded.code, 0, seeded.err);
  const s = JSON.parse(seeded.out);
  assert.deepEqual(
    s.agencies.map((x: { code: string }) => x.code),
    ["hanbit-city", "qingshan-district"],
  );
  assert.match(s.password, /^.{12,}$/);
  const v = civicpims("verify-ledger", "--data-dir", a, "--format", "json", "--export", join(dir, "cp.json"));
  assert.equal(v.code, 0, v.err);
  const vr = JSON.parse(v.out);
  assert.equal(vr.ok, true);
  assert.ok(vr.count >= 2);
  assert.ok(JSON.parse(readFileSync(join(dir, "cp.json"), "utf8")).publicKey.includes("PUBLIC KEY"));

  const backup = join(dir, "backup.tgz");
  assert.equal(civicpims("backup", "--data-dir", a, "--out", backup).code, 0);
  assert.ok(statSync(backup).size > 1000);
  const b = join(dir, "b");
  // Restore into a second install that shares the keys (keys are not in the backup by design).
  civicpims("init", "--data-dir", b);
  const refused = civicpims("restore", "--data-dir", b, "--in", backup);
  assert.equal(refused.code, 2, "restore over an existing database needs --force");
  assert.match(refused.err, /--force/);
  rmSync(join(b, "keys"), { recursive: true });
  spawnSync("cp", ["-r", join(a, "keys"), join(b, "keys")]);
  assert.equal(civicpims("restore", "--data-dir", b, "--in", backup, "--force").code, 0);
  const v2 = JSON.parse(civicpims("verify-ledger", "--data-dir", b, "--format", "json").out);
  assert.equal(v2.ok, true);
  assert.equal(v2.count, vr.count);
});

test("bad configuration stops with a clear message and exit code 2", () => {
  const r = civicpims("migrate", "--data-dir", join(dir, "c"), "--database-url", "not-a-url");
  assert.equal(r.code, 2);
  assert.match(r.err, /databaseUrl \(DATABASE_URL\)/);
  const missing = civicpims("verify-ledger", "--data-dir", join(dir, "never-initialised"));
  assert.notEqual(missing.code, 0);
  assert.match(missing.err, /civicpims init/);
  assert.ok(!existsSync(join(dir, "never-initialised", "keys")));
});

test("E3: verify-ledger --against names the entries cut after the exported checkpoint", async () => {
  const a = join(dir, "a");
  const file = join(dir, "pinned.json");
  const exported = civicpims("verify-ledger", "--data-dir", a, "--format", "json", "--export", file);
  assert.equal(exported.code, 0, exported.err);
  const head = JSON.parse(exported.out).count as number;
  // --export signs a checkpoint at the head first, so the file covers every entry.
  const cps = JSON.parse(readFileSync(file, "utf8")).checkpoints as Array<{ seq: number }>;
  assert.equal(cps.at(-1)?.seq, head);
  assert.equal(civicpims("verify-ledger", "--data-dir", a, "--against", file).code, 0);

  // Someone with database rights switches the append-only triggers off and cuts the last two entries.
  const { openDatabase } = await import("@civicpims/server/db/client");
  const db = await openDatabase({ dataDir: join(a, "pgdata") });
  await db.query("ALTER TABLE ledger_entries DISABLE TRIGGER USER");
  await db.query("ALTER TABLE ledger_checkpoints DISABLE TRIGGER USER");
  await db.query(`DELETE FROM ledger_entries WHERE seq > ${head - 2}`);
  await db.query(`DELETE FROM ledger_checkpoints WHERE seq > ${head - 2}`);
  await db.query("ALTER TABLE ledger_entries ENABLE TRIGGER USER");
  await db.query("ALTER TABLE ledger_checkpoints ENABLE TRIGGER USER");
  await db.close();

  assert.equal(civicpims("verify-ledger", "--data-dir", a).code, 0, "the database alone cannot tell");
  const r = civicpims("verify-ledger", "--data-dir", a, "--against", file);
  assert.equal(r.code, 1, r.err);
  assert.match(
    r.out,
    new RegExp(
      `checkpoint at seq ${head} \\(signed \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\) is not in the database: entries ${head - 1}–${head} missing or rewritten`,
    ),
  );
});
