import { userInfo } from "node:os";
import { ROLES, type Role } from "@civicpims/core/auth/index";
import type { Tx } from "@civicpims/server/db/client";
import type { AppDeps } from "@civicpims/server/http/deps";
import type { LedgerInput } from "@civicpims/server/modules/audit/ledger.service";
import type { Command } from "commander";
import { configFrom, type DbCommandOptions, withDbOptions } from "../context";

/**
 * user add / reset-password / reset-mfa: account administration from the server's shell (first
 * administrator, locked-out administrator). Every change is a ledger entry whose actor is
 * "cli:<os user>", in the same transaction as the change.
 */

/** Seams for tests: where the database comes from, where stdin and errors go. */
export const userIo = {
  open: async (opts: DbCommandOptions) =>
    (await import("@civicpims/server/runtime")).openFromConfig(await configFrom(opts)),
  readStdin: async (): Promise<string> => {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
  out: (s: string) => {
    process.stdout.write(s);
  },
  err: (s: string) => {
    process.stderr.write(s);
  },
};

class UsageError extends Error {}

// The server modules (database, argon2) load only when a user command runs, so `civicpims --help`
// and the database-free commands start fast.
const adminService = () => import("@civicpims/server/modules/auth/admin.service");

function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return "cli";
  }
}

async function inLedgerTx<T>(
  deps: AppDeps,
  fn: (tx: Tx, audit: (e: LedgerInput) => void) => Promise<T>,
): Promise<T> {
  const actorLabel = cliActor();
  const { appendLedger } = await import("@civicpims/server/modules/audit/ledger.service");
  return deps.database.db.transaction(async (tx) => {
    const entries: LedgerInput[] = [];
    const r = await fn(tx, (e) => entries.push({ actorLabel, actorId: null, ...e }));
    await appendLedger(tx, entries, deps.ledger);
    return r;
  });
}

/** Reads a password from stdin (first line; a trailing newline from `echo` is not part of it). */
async function passwordFromStdin(): Promise<string> {
  const raw = await userIo.readStdin();
  const pw = raw.split(/\r?\n/)[0] ?? "";
  if (!pw) throw new UsageError("--password-stdin: nothing was read from standard input");
  return pw;
}

export interface AddUserOptions {
  agency: string;
  username: string;
  name: string;
  role: string[];
  unit?: string;
  email?: string;
  password?: string;
  generatePassword?: boolean;
}

export async function addUser(deps: AppDeps, o: AddUserOptions) {
  const bad = o.role.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (bad.length) throw new UsageError(`unknown role ${bad.join(", ")}; roles: ${ROLES.join(", ")}`);
  const { createStaffCredentials, findStaff, findUnitByCode } = await adminService();
  return inLedgerTx(deps, async (tx, audit) => {
    const found = await findStaff(tx, o.agency, o.username);
    if (!found) throw new UsageError(`unknown agency ${o.agency}`);
    if (found.staffId) throw new UsageError(`${o.username} already exists in ${o.agency}`);
    let unitId: string | null = null;
    if (o.unit) {
      unitId = await findUnitByCode(tx, found.agencyId, o.unit);
      if (!unitId) throw new UsageError(`unknown unit ${o.unit} in ${o.agency}`);
    }
    const r = await createStaffCredentials(
      tx,
      {
        agencyId: found.agencyId,
        username: o.username,
        displayName: o.name,
        unitId,
        email: o.email ?? null,
        password: o.password,
        generatePassword: o.password === undefined,
        roles: (o.role as Role[]).map((role) => ({ role, unitId: null })),
        reason: "civicpims user add",
      },
      audit,
    );
    return {
      staffId: r.staffId,
      agency: o.agency,
      username: o.username,
      roles: o.role,
      generatedPassword: r.generatedPassword,
    };
  });
}

async function target(tx: Tx, agency: string, username: string) {
  const { findStaff } = await adminService();
  const found = await findStaff(tx, agency, username);
  if (!found) throw new UsageError(`unknown agency ${agency}`);
  if (!found.staffId) throw new UsageError(`no user ${username} in ${agency}`);
  return { agencyId: found.agencyId, staffId: found.staffId };
}

export async function resetUserPassword(
  deps: AppDeps,
  o: { agency: string; username: string; password?: string },
) {
  return inLedgerTx(deps, async (tx, audit) => {
    const who = await target(tx, o.agency, o.username);
    const r = await (await adminService()).resetPassword(tx, { ...who, password: o.password }, audit);
    return { staffId: who.staffId, ...r };
  });
}

export async function resetUserMfa(deps: AppDeps, o: { agency: string; username: string }) {
  return inLedgerTx(deps, async (tx, audit) => {
    const who = await target(tx, o.agency, o.username);
    const r = await (await adminService()).resetMfa(tx, who, audit);
    return { staffId: who.staffId, ...r };
  });
}

async function explain(e: unknown): Promise<string | null> {
  if (e instanceof UsageError) return e.message;
  const { AppError } = await import("@civicpims/server/http/errors");
  if (e instanceof AppError && e.code === "auth.weak_password") {
    const problems = (e.details as { problems?: string[] } | undefined)?.problems ?? [];
    return `the password does not meet the policy (${problems.join(", ")}): at least 8 characters with 3 kinds of characters, or 10 with 2`;
  }
  if (e instanceof AppError) return e.code;
  return null;
}

/** Opens the database, runs the step, prints the result; user mistakes exit 2 without a stack. */
async function run<T>(
  opts: DbCommandOptions,
  step: (deps: AppDeps) => Promise<T>,
  text: (r: T) => string,
  json: (r: T) => unknown = (r) => r,
) {
  let rt: Awaited<ReturnType<typeof userIo.open>> | null = null;
  try {
    rt = await userIo.open(opts);
    const r = await step(rt.deps);
    const write = userIo.out;
    write(opts.format === "json" ? `${JSON.stringify(json(r), null, 2)}\n` : `${text(r)}\n`);
  } catch (e) {
    const msg = await explain(e);
    if (!msg) throw e;
    userIo.err(`civicpims: ${msg}\n`);
    process.exitCode = 2;
  } finally {
    await rt?.close();
  }
}

const collect = (v: string, prev: string[]) => [...prev, v];

export function register(program: Command): void {
  const user = program
    .command("user")
    .description("staff accounts: add, reset password, reset second factor");

  withDbOptions(user.command("add"))
    .description("create a staff account (prints a generated password once unless --password-stdin)")
    .requiredOption("--agency <code>", "agency code")
    .requiredOption("--username <name>", "sign-in name (unique within the agency)")
    .requiredOption("--name <displayName>", "display name")
    .option("--role <role>", `role to grant, repeatable (${ROLES.join(", ")})`, collect, [])
    .option("--unit <code>", "unit code the account belongs to")
    .option("--email <email>", "e-mail address")
    .option("--password-stdin", "read the password from standard input (first line)")
    .option("--generate-password", "generate a strong password and print it once (the default)")
    .action(async (o: AddUserOptions & DbCommandOptions & { passwordStdin?: boolean }) => {
      await run(
        o,
        async (deps) =>
          addUser(deps, { ...o, password: o.passwordStdin ? await passwordFromStdin() : undefined }),
        (r) =>
          `created ${r.username} in ${r.agency}${r.roles.length ? ` with ${r.roles.join(", ")}` : ""}` +
          (r.generatedPassword ? `\ninitial password (shown once): ${r.generatedPassword}` : ""),
      );
    });

  withDbOptions(user.command("reset-password"))
    .description(
      "set a new password (generated and printed once unless --password-stdin); unlocks the account",
    )
    .requiredOption("--agency <code>", "agency code")
    .requiredOption("--username <name>", "sign-in name")
    .option("--password-stdin", "read the new password from standard input (first line)")
    .action(async (o: { agency: string; username: string; passwordStdin?: boolean } & DbCommandOptions) => {
      await run(
        o,
        async (deps) =>
          resetUserPassword(deps, {
            ...o,
            password: o.passwordStdin ? await passwordFromStdin() : undefined,
          }),
        (r) =>
          `password of ${o.username} reset; ${r.sessionsEnded} session(s) ended` +
          (r.temporaryPassword ? `\nnew password (shown once): ${r.temporaryPassword}` : ""),
      );
    });

  withDbOptions(user.command("reset-mfa"))
    .description("remove the second factor and recovery codes; the user enrols again at next sign-in")
    .requiredOption("--agency <code>", "agency code")
    .requiredOption("--username <name>", "sign-in name")
    .action(async (o: { agency: string; username: string } & DbCommandOptions) => {
      await run(
        o,
        (deps) => resetUserMfa(deps, o),
        (r) => `second factor of ${o.username} removed; ${r.sessionsEnded} session(s) ended`,
      );
    });
}
