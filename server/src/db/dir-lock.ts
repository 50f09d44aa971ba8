import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { basename } from "node:path";

/**
 * One process per embedded data directory. PGlite is PostgreSQL in a single process: a second
 * process opening the same directory (a backup or a ledger check while the server runs) works on
 * the same files without any coordination and can corrupt them. `<dir>.lock` (next to the
 * directory, so backups of the directory never carry it) records who holds it; a lock whose
 * process is gone (a crash, kill -9) is taken over.
 */
export interface LockHolder {
  pid: number;
  command: string;
  startedAt: string;
  host: string;
}

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    const when = holder.startedAt.slice(0, 16).replace("T", " ");
    const where = holder.host === hostname() ? "" : ` on ${holder.host}`;
    super(`${holder.command} (pid ${holder.pid}${where}, started ${when} UTC) holds ${dir}`);
  }
}

/** What the lock file says about this process; never the arguments (they may carry a password). */
export function describeProcess(argv = process.argv): string {
  const script = basename(argv[1] ?? "node");
  const sub = argv.slice(2).find((a) => !a.startsWith("-"));
  if (/^main\.(m?js|ts)$/.test(script)) return "the server";
  if (script.startsWith("civicpims")) {
    return sub === "serve" || sub === "demo" ? "the server" : `civicpims ${sub ?? ""}`.trim();
  }
  return script;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(file, "utf8")) as LockHolder;
    return Number.isInteger(h.pid) ? h : null;
  } catch {
    return null;
  }
}

/** Takes the lock or throws DataDirLockedError; returns the release function. */
export function acquireDirLock(dir: string, command = describeProcess()): () => void {
  const file = `${dir}.lock`;
  const me: LockHolder = { pid: process.pid, command, startedAt: new Date().toISOString(), host: hostname() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, "wx", 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = readHolder(file);
      // Another host's pid cannot be checked from here: treat it as alive.
      if (holder && (holder.host !== me.host || alive(holder.pid))) throw new DataDirLockedError(dir, holder);
      // Stale (its process is gone) or unreadable (a crash while writing it): take it over.
      try {
        unlinkSync(file);
      } catch {}
      continue;
    }
    writeSync(fd, `${JSON.stringify(me)}\n`);
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off("exit", release);
      // Only our own lock: never remove one another process took over.
      if (readHolder(file)?.pid === me.pid) {
        try {
          unlinkSync(file);
        } catch {}
      }
    };
    process.on("exit", release);
    return release;
  }
  throw new Error(`could not take the lock ${file}`);
}
