import { readFileSync } from "node:fs";
import { join } from "node:path";
import { configFrom, type DbCommandOptions, fail } from "./context";

/**
 * The --online path of backup and verify-ledger: ask the running server instead of opening its
 * database. Authenticates with the operator token the server writes to data/keys at start (see
 * server/src/modules/system/operator-token.ts for why that is enough and where it is accepted).
 */
export interface OnlineOptions extends DbCommandOptions {
  online?: boolean;
  url?: string;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function onlineOptions<T extends { option: (flags: string, description: string) => T }>(cmd: T): T {
  return cmd
    .option("--online", "ask the running server (embedded mode: the server holds the database)")
    .option("--url <url>", "the running server on this machine (default: the address it wrote at start)");
}

export async function operatorFetch(
  opts: OnlineOptions,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const config = await configFrom(opts);
  const file = join(config.dataDir, "keys", "operator-token.json");
  let token: { token: string; url: string };
  try {
    token = JSON.parse(readFileSync(file, "utf8"));
  } catch {
    fail(`no running server for ${config.dataDir}: ${file} is missing (the server writes it when it starts)`);
  }
  const url = new URL(path, opts.url ?? token.url);
  // The token never leaves this machine, whatever --url says.
  if (!LOOPBACK_HOSTS.has(url.hostname))
    fail("--online only talks to a server on this machine (127.0.0.1, localhost, [::1])");
  let res: Response;
  try {
    res = await fetch(url, {
      ...init,
      headers: {
        authorization: `Bearer ${token.token}`,
        "x-csrf-token": token.token,
        "x-locale": "en",
        ...init.headers,
      },
    });
  } catch (e) {
    const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).message;
    fail(`cannot reach the server at ${url.origin} (${cause}); is it running?`, 1);
  }
  if (!res.ok) {
    let why = res.statusText;
    try {
      const j = (await res.json()) as { code?: string; message?: string };
      why = `${j.message ?? ""} (${j.code ?? res.status})`;
    } catch {}
    fail(`the server refused: ${res.status} ${why}`, res.status === 401 || res.status === 409 ? 2 : 1);
  }
  return res;
}
