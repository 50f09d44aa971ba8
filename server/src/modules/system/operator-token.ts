import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyRequest } from "fastify";
import type { AuthContext } from "../auth/auth-context";

/**
 * How `civicpims backup --online` / `verify-ledger --online` authenticate to the running server.
 *
 * At every start the server writes a fresh random token to data/keys/operator-token.json (mode 0600,
 * in the 0700 keys directory). Whoever can read that file is the OS user who runs the server and can
 * already read the database files and the keys themselves, so the token grants nothing new; it is
 * accepted only on /api/system/*, only over a direct loopback connection (no proxy headers), and it
 * dies with the server process. No password or second factor is typed into a shell and no long-lived
 * API key exists to leak.
 */
export interface OperatorTokenFile {
  token: string;
  url: string;
  pid: number;
  startedAt: string;
}

export function operatorTokenPath(dataDir: string): string {
  return join(dataDir, "keys", "operator-token.json");
}

export function newOperatorToken(): string {
  return randomBytes(32).toString("base64url");
}

/** Writes the token file atomically with mode 0600. */
export function writeOperatorToken(dataDir: string, content: OperatorTokenFile): string {
  const file = operatorTokenPath(dataDir);
  mkdirSync(join(dataDir, "keys"), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(content)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
  return file;
}

/** Removes the file at shutdown, unless another server start already replaced it. */
export function removeOperatorToken(dataDir: string, token: string): void {
  const file = operatorTokenPath(dataDir);
  try {
    if ((JSON.parse(readFileSync(file, "utf8")) as OperatorTokenFile).token === token) rmSync(file);
  } catch {}
}

const LOOPBACK = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);
const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * The local operator's identity when the request carries the current token, on an operator route,
 * straight from this machine. It acts as a system administrator without an agency: ledger entries
 * record actor "local-operator" with no agency or staff id.
 */
export function operatorAuth(req: FastifyRequest, token: string | undefined): AuthContext | null {
  if (!token || !req.url.startsWith("/api/system/")) return null;
  const header = req.headers.authorization;
  if (!header?.startsWith("Bearer ")) return null;
  // The socket's address, not req.ip: with trustProxy the latter comes from a header. A request a
  // local reverse proxy forwards arrives from loopback too, so proxy headers disqualify it.
  if (!LOOPBACK.has(req.socket.remoteAddress ?? "")) return null;
  if (req.headers["x-forwarded-for"] || req.headers.forwarded || req.headers["x-real-ip"]) return null;
  if (!timingSafeEqual(digest(header.slice(7)), digest(token))) return null;
  return {
    operator: true,
    sessionId: "",
    staffId: "",
    agencyId: "",
    username: "local-operator",
    displayName: "local operator (civicpims CLI)",
    unitId: null,
    roles: [{ role: "system_admin", unitId: null }],
    mfaPassed: true,
    mustChangePassword: false,
    mfaEnabled: true,
    // The token is the proof; a browser never sends it on its own, so it doubles as the CSRF token.
    csrfToken: token,
    locale: null,
    jurisdiction: "KR",
    agencyLocale: "en",
  };
}
