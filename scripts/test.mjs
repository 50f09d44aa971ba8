#!/usr/bin/env node
// Runs every *.test.ts under core/, server/ and cli/ with Node's own test runner (through tsx).
// Usage: node scripts/test.mjs [path-prefix ...]   e.g. node scripts/test.mjs core/src/pii
// With TEST_DATABASE_URL set, database tests run against that PostgreSQL server instead of PGlite.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const roots = ["core/src", "server/src", "cli/src", "web/src"];
const filters = process.argv.slice(2);
const files = [];
function walk(dir) {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist") continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith(".test.ts") || name.endsWith(".test.tsx")) files.push(relative(process.cwd(), p));
  }
}
for (const r of roots) walk(r);
const selected = filters.length ? files.filter((f) => filters.some((x) => f.startsWith(x))) : files;
if (selected.length === 0) {
  console.error("no test files matched");
  process.exit(1);
}
const concurrency = process.env.TEST_CONCURRENCY ?? "2";
const r = spawnSync(
  process.execPath,
  ["--import", "tsx", "--test", `--test-concurrency=${concurrency}`, "--test-reporter=spec", ...selected],
  { stdio: "inherit", env: { ...process.env, NODE_ENV: "test" } },
);
process.exit(r.status ?? 1);
