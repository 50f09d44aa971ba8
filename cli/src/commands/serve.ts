import type { seedDemo } from "@civicpims/server/demo/seed";
import type { Command } from "commander";
import { configFrom, type DbCommandOptions, withDbOptions } from "../context";

interface ServeOptions extends DbCommandOptions {
  host?: string;
  port?: string;
}

function serveOptions(cmd: Command): Command {
  return withDbOptions(cmd)
    .option("--host <host>", "address to listen on (default 127.0.0.1 or HOST)")
    .option("--port <port>", "port (default 3000 or PORT; 0 picks a free one)");
}

async function serverConfig(opts: ServeOptions) {
  return await configFrom(opts, {
    ...(opts.host ? { host: opts.host } : {}),
    ...(opts.port !== undefined ? { port: opts.port } : {}),
  });
}

// Loaded inside the actions: the server, database and demo modules cost most of the CLI's start time.
const server = async () => {
  const [{ seedDemo }, { startServer }, { openFromConfig }, { initKeys }] = await Promise.all([
    import("@civicpims/server/demo/seed"),
    import("@civicpims/server/main"),
    import("@civicpims/server/runtime"),
    import("@civicpims/server/security/keys"),
  ]);
  return { seedDemo, startServer, openFromConfig, initKeys };
};

/** serve, seed-demo and demo (init + seed + serve: what `npm start` runs). */
export function register(program: Command): void {
  serveOptions(program.command("serve"))
    .description("run the web server (migrates first)")
    .action(async (opts: ServeOptions) => {
      const { startServer } = await server();
      const { port } = await startServer(await serverConfig(opts));
      process.stdout.write(`CivicPIMS listening on http://${opts.host ?? "127.0.0.1"}:${port}\n`);
    });

  withDbOptions(program.command("seed-demo"))
    .description("create the fictional demo agencies (a Korean city and a Taiwanese district office)")
    .option("--password <password>", "password for every demo account (default: generated)")
    .action(async (opts: DbCommandOptions & { password?: string }) => {
      const { seedDemo, openFromConfig, initKeys } = await server();
      const config = await configFrom(opts);
      if (config.mode === "embedded") initKeys(config);
      const rt = await openFromConfig(config);
      const r = await seedDemo(rt.deps, { password: opts.password });
      await rt.close();
      process.stdout.write(opts.format === "json" ? `${JSON.stringify(r)}\n` : `${describeDemo(r)}\n`);
    });

  serveOptions(program.command("demo"))
    .description("init, seed the demo agencies if needed, print the sign-in details and serve")
    .option("--password <password>", "password for every demo account (default: generated at first run)")
    .action(async (opts: ServeOptions & { password?: string }) => {
      const { seedDemo, startServer, openFromConfig, initKeys } = await server();
      const config = await serverConfig(opts);
      if (config.mode === "embedded") initKeys(config);
      const rt = await openFromConfig(config);
      const seeded = await seedDemo(rt.deps, { password: opts.password });
      await rt.close();
      const { port } = await startServer(config);
      const url = `http://${config.host}:${port}`;
      if (opts.format === "json") process.stdout.write(`${JSON.stringify({ url, ...seeded })}\n`);
      else process.stdout.write(`${describeDemo(seeded)}\n\nCivicPIMS is running at ${url}\n`);
    });
}

function describeDemo(r: Awaited<ReturnType<typeof seedDemo>>): string {
  const lines = ["Demo agencies (fictional):"];
  for (const a of r.agencies) lines.push(`  ${a.code}  ${a.name}  users: ${a.usernames.join(", ")}`);
  lines.push(
    r.password
      ? `Sign in as agency "hanbit-city", user "admin", password: ${r.password}\n` +
          "(every demo user has this password; administrators and privacy officers set up an authenticator app at first sign-in)"
      : "Demo data was already there: use the password printed at the first start, or `civicpims user reset-password`.",
  );
  return lines.join("\n");
}
