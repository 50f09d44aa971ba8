import { loadConfig, publicUrlForListen } from "./config";
import { buildApp } from "./http/app";
import { startScheduler } from "./modules/jobs/server-jobs";
import { newOperatorToken, removeOperatorToken, writeOperatorToken } from "./modules/system/operator-token";
import { openFromConfig } from "./runtime";

/**
 * Starts one server instance: migrate, listen, run the scheduled jobs (checkpoints, reminders, outbox ...), and shut down
 * gracefully on SIGTERM/SIGINT (stop accepting, finish in-flight requests, close the database).
 */
export async function startServer(config = loadConfig()) {
  const started = performance.now();
  const runtime = await openFromConfig(config);
  const operatorToken = newOperatorToken();
  runtime.deps.operatorToken = operatorToken;
  const app = await buildApp(runtime.deps);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  try {
    // Where `civicpims backup --online` / `verify-ledger --online` find this server and its token.
    const local = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
    writeOperatorToken(config.dataDir, {
      token: operatorToken,
      url: `http://${local.includes(":") ? `[${local}]` : local}:${port}`,
      pid: process.pid,
      startedAt: new Date().toISOString(),
    });
  } catch (err) {
    app.log.warn({ err }, "operator token not written: online backup and verification are unavailable");
  }
  // The one runner loop of this process: reminders, outbox, purges and ledger checkpoints are jobs in the
  // database, so with several instances each runs once per period (modules/jobs/scheduler.ts).
  const scheduler = await startScheduler(runtime.deps, app.log);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    await scheduler.stop();
    removeOperatorToken(config.dataDir, operatorToken);
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown("SIGTERM"));
  process.once("SIGINT", () => void shutdown("SIGINT"));
  // Links in mail must point at the port served, not the configured default (deps share this object).
  config.publicUrl = publicUrlForListen(config, port);
  return { app, runtime, port, startupMs: performance.now() - started };
}

// Entry point of the production bundle (server/dist/main.mjs).
if (process.argv[1] && /main\.(m?js|ts)$/.test(process.argv[1])) {
  startServer().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
