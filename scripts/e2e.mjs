#!/usr/bin/env node
// Browser end-to-end run: starts the demo server (CLI `civicpims demo`) on a free port with a fresh
// temporary data directory, waits for /readyz, runs every e2e/*.e2e.ts with Node's test runner in
// Debian's chromium, then stops the server. Builds nothing: run `npm run build` first (CI does).
// With E2E_DATABASE_URL set, the server runs on a fresh, throw-away database of that PostgreSQL server.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
process.chdir(root);

if (!existsSync("web/dist/index.html")) {
  console.error("e2e: web/dist is missing; run `npm run build` first");
  process.exit(1);
}
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(`e2e: no chromium at ${chromium} (apt-get install chromium, or set CHROMIUM_PATH)`);
  process.exit(1);
}

const files = readdirSync("e2e")
  .filter((f) => f.endsWith(".e2e.ts"))
  .map((f) => join("e2e", f));
const only = process.argv.slice(2);
const selected = only.length ? files.filter((f) => only.some((o) => f.includes(o))) : files;
if (selected.length === 0) {
  console.error("e2e: no e2e/*.e2e.ts files matched");
  process.exit(1);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** A fresh database on the given PostgreSQL server, so runs never meet an earlier run's demo data. */
async function freshDatabase(url) {
  const { default: pg } = await import("pg");
  const name = `cpims_e2e_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
      await c.end();
    },
  };
}

const dataDir = mkdtempSync(join(tmpdir(), "civicpims-e2e-"));
const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
// Every demo account gets this password (4 character classes, 18 characters).
const password = `E2e-${randomBytes(6).toString("hex")}!`;
const db = process.env.E2E_DATABASE_URL ? await freshDatabase(process.env.E2E_DATABASE_URL) : null;

const args = [
  "cli/bin/civicpims.mjs",
  "demo",
  "--data-dir",
  dataDir,
  "--port",
  String(port),
  "--password",
  password,
  "--format",
  "json",
  ...(db ? ["--database-url", db.url] : []),
];
// Request logs are noise here; E2E_LOG_LEVEL=info brings them back when a run needs debugging.
const serverEnv = {
  ...process.env,
  CIVICPIMS_DATA_DIR: dataDir,
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
};
delete serverEnv.DATABASE_URL;
const logPath = join(dataDir, "server.log");
const log = createWriteStream(logPath);
const server = spawn(process.execPath, args, { env: serverEnv, stdio: ["ignore", "pipe", "pipe"] });
server.stdout.pipe(log);
server.stderr.pipe(log);
let exited = null;
server.on("exit", (code, signal) => {
  exited = { code, signal };
});

async function stopServer() {
  if (exited) return;
  const done = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 10_000);
  await done;
  clearTimeout(timer);
}

async function cleanup() {
  await stopServer();
  if (db) await db.drop();
  rmSync(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

function serverLogTail() {
  try {
    return readFileSync(logPath, "utf8").split("\n").slice(-40).join("\n");
  } catch {
    return "";
  }
}

// A loaded machine (shared CI runners) may need longer than 90 s for the demo seed: E2E_READY_SECONDS.
const readySeconds = Number(process.env.E2E_READY_SECONDS ?? 90);

async function waitReady() {
  const deadline = Date.now() + readySeconds * 1000;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`server exited early (${JSON.stringify(exited)})`);
    try {
      const r = await fetch(`${baseUrl}/readyz`);
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server not ready after ${readySeconds} s`);
}

let status = 1;
try {
  const t0 = Date.now();
  await waitReady();
  console.log(`e2e: server ready at ${baseUrl} in ${Date.now() - t0} ms (${db ? "PostgreSQL" : "PGlite"})`);
  const testTmp = join(dataDir, "tmp");
  mkdirSync(testTmp, { recursive: true });
  const r = spawnSync(
    process.execPath,
    ["--import", "tsx", "--test", "--test-concurrency=1", "--test-reporter=spec", ...selected],
    {
      stdio: "inherit",
      env: {
        ...process.env,
        // Browser profiles and other temporary files land in the run's directory, removed below.
        TMPDIR: testTmp,
        BASE_URL: baseUrl,
        CHROMIUM_PATH: chromium,
        E2E_AGENCY: "hanbit-city",
        E2E_USERNAME: "admin",
        E2E_PASSWORD: password,
      },
    },
  );
  status = r.status ?? 1;
  if (status !== 0) console.error(`e2e: server log (last lines):\n${serverLogTail()}`);
} catch (e) {
  console.error(`e2e: ${e.message}\n${serverLogTail()}`);
  status = 1;
} finally {
  await cleanup();
}
process.exit(status);
