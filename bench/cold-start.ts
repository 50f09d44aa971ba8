// Cold start of the built server (server/dist/main.mjs) on embedded PGlite: time from spawn to the
// first 200 from /readyz, on a fresh data directory (migrations included) and on a restart. The
// baseline, measured in the same run, is a bare Fastify server answering its first request.
// Target: < 3 s. Usage: node --import tsx bench/cold-start.ts [--quick]
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

async function timeToFirst200(
  args: string[],
  env: NodeJS.ProcessEnv,
  url: (port: number) => string,
): Promise<number> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: "ignore",
  });
  try {
    for (;;) {
      if (performance.now() - t0 > 60_000) throw new Error("server did not become ready in 60 s");
      try {
        const r = await fetch(url(port));
        if (r.status === 200) return performance.now() - t0;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  }
}

export async function run(opts: { quick: boolean }): Promise<Record<string, number | string>> {
  if (!existsSync("server/dist/main.mjs"))
    spawnSync(process.execPath, ["scripts/build-server.mjs"], { stdio: "inherit" });
  const rounds = opts.quick ? 2 : 5;
  const dir = mkdtempSync(join(tmpdir(), "civicpims-bench-"));
  const bare = join(dir, "bare.mjs");
  writeFileSync(
    bare,
    `import Fastify from "${import.meta.resolve("fastify")}";
const app = Fastify(); app.get("/readyz", async () => ({ status: "ready" }));
await app.listen({ host: "127.0.0.1", port: Number(process.env.PORT) });`,
  );
  const results = { fresh: [] as number[], restart: [] as number[], bare: [] as number[] };
  for (let i = 0; i < rounds; i++) {
    const dataDir = join(dir, `data-${i}`);
    spawnSync(process.execPath, ["cli/bin/civicpims.mjs", "init", "--data-dir", dataDir], {
      stdio: "ignore",
    });
    rmSync(join(dataDir, "pgdata"), { recursive: true, force: true });
    const env = { CIVICPIMS_DATA_DIR: dataDir, LOG_LEVEL: "warn" };
    const ready = (port: number) => `http://127.0.0.1:${port}/readyz`;
    results.fresh.push(await timeToFirst200(["server/dist/main.mjs"], env, ready));
    results.restart.push(await timeToFirst200(["server/dist/main.mjs"], env, ready));
    results.bare.push(await timeToFirst200([bare], {}, ready));
  }
  rmSync(dir, { recursive: true, force: true });
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const fresh = median(results.fresh);
  const restart = median(results.restart);
  const base = median(results.bare);
  console.log(`cold start, fresh data dir (incl. migrations): ${(fresh / 1000).toFixed(2)} s (target < 3 s)`);
  console.log(`cold start, restart: ${(restart / 1000).toFixed(2)} s`);
  console.log(
    `bare Fastify to first 200: ${(base / 1000).toFixed(2)} s -> ratio bare/ours ${(base / restart).toFixed(2)} (restart), ${(base / fresh).toFixed(2)} (fresh)`,
  );
  return {
    fresh_s: fresh / 1000,
    restart_s: restart / 1000,
    bare_s: base / 1000,
    ratio_restart: base / restart,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run({ quick: process.argv.includes("--quick") }).then((r) => console.log(JSON.stringify(r)));
}
