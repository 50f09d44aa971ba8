import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";

// Which modules a `civicpims` run loads, recorded by a module hook (cli/test-support/trace-imports.mjs).
// Behavioural, not a timing test: start time is dominated by loading the server, database and
// document libraries, so the simple commands must not load them at all.
const dir = mkdtempSync(join(tmpdir(), "civicpims-startup-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const HEAVY =
  /\/server\/src\/(db|http|modules|demo|runtime|main)\b|\/node_modules\/(@electric-sql|fastify|@fastify|drizzle-orm|pg|pdfkit|exceljs|mupdf|argon2|i18next)\//;

function loadedBy(name: string, ...args: string[]): string[] {
  const trace = join(dir, `${name}.txt`);
  const r = spawnSync(
    process.execPath,
    ["--import", "./cli/test-support/trace-imports.mjs", "cli/bin/civicpims.mjs", ...args],
    { encoding: "utf8", env: { ...process.env, CIVICPIMS_IMPORT_TRACE: trace }, timeout: 120_000 },
  );
  assert.equal(r.status, 0, r.stderr);
  const urls = readFileSync(trace, "utf8").split("\n").filter(Boolean);
  // The hook works: the CLI's own entry was recorded.
  assert.ok(
    urls.some((u) => u.endsWith("/cli/src/index.ts")),
    "trace recorded nothing",
  );
  return urls.filter((u) => HEAVY.test(u));
}

// --help needs not even the configuration (zod) or the calendar engine (holiday tables).
const HELP_EXTRA = /\/server\/src\/|\/node_modules\/(zod|date-holidays|astronomia)\//;

test("civicpims --help loads no server, database or document modules", () => {
  assert.deepEqual(loadedBy("help", "--help"), []);
  const trace = readFileSync(join(dir, "help.txt"), "utf8").split("\n");
  assert.deepEqual(
    trace.filter((u) => HELP_EXTRA.test(u)),
    [],
  );
});

test("C7: civicpims deadline (no --agency) loads no server, database or document modules", () => {
  const heavy = loadedBy(
    "deadline",
    "deadline",
    "--jurisdiction",
    "KR",
    "--kind",
    "pipa_access",
    "--received",
    "2026-03-23T10:00",
  );
  assert.deepEqual(heavy, []);
});
