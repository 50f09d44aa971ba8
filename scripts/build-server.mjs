#!/usr/bin/env node
// Bundles the server (and the workspace packages it imports) into server/dist/main.mjs with
// esbuild; npm dependencies stay external and load from node_modules. The SQL migrations are
// copied beside the bundle. Run: node server/dist/main.mjs (reads the same configuration).
import { spawnSync } from "node:child_process";
import { cpSync, readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

const pkg = JSON.parse(readFileSync("server/package.json", "utf8"));
const corePkg = JSON.parse(readFileSync("core/package.json", "utf8"));
const external = [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(corePkg.dependencies ?? {})].filter(
  (d) => !d.startsWith("@civicpims/"),
);

rmSync("server/dist", { recursive: true, force: true });
// The upload workers' entry is bundled on its own: the pool starts server/dist/worker.mjs beside main.mjs.
for (const [entry, outfile] of [
  ["server/src/main.ts", "server/dist/main.mjs"],
  ["server/src/workers/worker.ts", "server/dist/worker.mjs"],
]) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    sourcemap: true,
    external,
    // CommonJS dependencies bundled into ESM need require().
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
    logLevel: "warning",
  });
}
cpSync("server/src/db/migrations", "server/dist/migrations", { recursive: true });
console.log("server bundle: server/dist/main.mjs (+ worker.mjs)");
// A migrated PGlite data directory (gzipped, ~1 MB): a fresh embedded install starts from it instead of
// running initdb and every migration (server/src/db/template.ts).
const tpl = spawnSync(
  process.execPath,
  ["--import", "tsx", "server/src/db/make-template.ts", "server/dist"],
  {
    stdio: "inherit",
  },
);
if (tpl.status !== 0) process.exit(tpl.status ?? 1);
