#!/usr/bin/env node
// Runs every benchmark in bench/ (each exports run({ quick })) one after another in a child
// process per file, so one benchmark's heap and JIT state never skew the next.
// Usage: node scripts/bench.mjs [--quick] [name-filter ...]
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const filters = args.filter((a) => !a.startsWith("--"));
const files = readdirSync("bench")
  .filter((f) => f.endsWith(".ts") && !f.startsWith("_") && !f.endsWith(".test.ts"))
  .filter((f) => !filters.length || filters.some((x) => f.includes(x)))
  // Shared fixtures and helpers live beside the benchmarks; a benchmark exports run().
  .filter((f) => /export (async )?function run\b/.test(readFileSync(`bench/${f}`, "utf8")))
  .sort();
let failed = 0;
for (const f of files) {
  console.log(`\n### bench/${f}${quick ? " (quick)" : ""}`);
  const r = spawnSync(process.execPath, ["--import", "tsx", `bench/${f}`, ...(quick ? ["--quick"] : [])], {
    stdio: "inherit",
  });
  if (r.status !== 0) {
    failed++;
    console.log(`bench/${f} exited with ${r.status}`);
  }
}
process.exit(failed ? 1 : 0);
