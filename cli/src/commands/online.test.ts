import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";

// The real `civicpims` binary against a real server process on an embedded database.
const dir = mkdtempSync(join(tmpdir(), "civicpims-online-"));
const a = join(dir, "a");
let server: ChildProcess | undefined;

function env(): NodeJS.ProcessEnv {
  const e: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: "silent" };
  delete e.DATABASE_URL;
  return e;
}

function civicpims(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ["cli/bin/civicpims.mjs", ...args], { env: env() });
    let out = "";
    let err = "";
    p.stdout.on("data", (d) => {
      out += d;
    });
    p.stderr.on("data", (d) => {
      err += d;
    });
    p.on("close", (code) => resolve({ code, out, err }));
  });
}

before(async () => {
  assert.equal((await civicpims("init", "--data-dir", a)).code, 0);
  const seeded = await civicpims("seed-demo", "--data-dir", a);
  assert.equal(seeded.code, 0, seeded.err);
  server = spawn(process.execPath, ["cli/bin/civicpims.mjs", "serve", "--data-dir", a, "--port", "0"], {
    env: env(),
  });
  await new Promise<void>((resolve, reject) => {
    let out = "";
    server?.stdout?.on("data", (d) => {
      out += d;
      if (/listening on http/.test(out)) resolve();
    });
    server?.on("exit", (code) => reject(new Error(`server exited with ${code}`)));
  });
});

after(async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGTERM");
    await new Promise((r) => server?.once("exit", r));
  }
  rmSync(dir, { recursive: true, force: true });
});

test("E4: while the server runs, backup and verify-ledger refuse its data directory and name the server", async () => {
  const held = new RegExp(
    `the server \\(pid ${server?.pid}, started \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC\\) holds ${join(a, "pgdata").replaceAll("/", "\\/")}; stop it or use --online`,
  );
  const backup = await civicpims("backup", "--data-dir", a, "--out", join(dir, "refused.tgz"));
  assert.equal(backup.code, 2, backup.err);
  assert.match(backup.err, held);
  assert.equal(existsSync(join(dir, "refused.tgz")), false);
  const verify = await civicpims("verify-ledger", "--data-dir", a);
  assert.equal(verify.code, 2);
  assert.match(verify.err, held);
});

test("E4: backup --online writes an archive of the running server's database that restores and opens", async () => {
  const file = join(dir, "online.tgz");
  const r = await civicpims("backup", "--online", "--data-dir", a, "--out", file);
  assert.equal(r.code, 0, r.err);
  assert.ok(statSync(file).size > 1000);
  // Restore into another directory with the same keys (keys are not in a backup) and verify it there.
  const b = join(dir, "b");
  cpSync(join(a, "keys"), join(b, "keys"), { recursive: true });
  const restored = await civicpims("restore", "--data-dir", b, "--in", file);
  assert.equal(restored.code, 0, restored.err);
  const v = await civicpims("verify-ledger", "--data-dir", b, "--format", "json");
  assert.equal(v.code, 0, v.err);
  const vr = JSON.parse(v.out);
  assert.equal(vr.ok, true);
  // The seeded demo wrote ledger entries; they are all in the copy.
  assert.ok(vr.count >= 2, `count ${vr.count}`);
});

test("E3: verify-ledger --online verifies, exports and checks against the export through the server", async () => {
  const file = join(dir, "cp.json");
  const r = await civicpims(
    "verify-ledger",
    "--online",
    "--data-dir",
    a,
    "--format",
    "json",
    "--export",
    file,
  );
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).ok, true);
  const exported = JSON.parse(readFileSync(file, "utf8"));
  assert.ok(exported.checkpoints.length >= 1 && exported.publicKey.includes("PUBLIC KEY"));
  const again = await civicpims("verify-ledger", "--online", "--data-dir", a, "--against", file);
  assert.equal(again.code, 0, again.err);
  assert.match(again.out, /^OK \d+ entries/);
  assert.match(again.out, /OK against .*cp\.json: its \d+ checkpoints are in the chain/);
});

test("E4: --online refuses to send the operator token to another machine", async () => {
  const r = await civicpims("verify-ledger", "--online", "--data-dir", a, "--url", "http://192.0.2.10:3000");
  assert.equal(r.code, 2);
  assert.match(r.err, /only talks to a server on this machine/);
});

test("E4: once the server stops, its token is gone and the directory can be opened again", async () => {
  server?.kill("SIGTERM");
  await new Promise((r) => server?.once("exit", r));
  assert.equal(existsSync(join(a, "keys", "operator-token.json")), false);
  const v = await civicpims("verify-ledger", "--data-dir", a);
  assert.equal(v.code, 0, v.err);
  const online = await civicpims("verify-ledger", "--online", "--data-dir", a);
  assert.equal(online.code, 2);
  assert.match(online.err, /no running server/);
});
