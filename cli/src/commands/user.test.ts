import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { loadConfig } from "@civicpims/server/config";
import { agencies, roleAssignments, staff, units } from "@civicpims/server/db/schema/index";
import type { AppDeps } from "@civicpims/server/http/deps";
import { verifyPassword } from "@civicpims/server/modules/auth/password.service";
import { ephemeralSecrets } from "@civicpims/server/security/keys";
import { createTestDatabase, type TestDatabase } from "@civicpims/server/test-support/db";
import { Command } from "commander";
import { eq } from "drizzle-orm";
import { register, userIo } from "./user";

let tdb: TestDatabase;
let deps: AppDeps;

before(async () => {
  tdb = await createTestDatabase();
  const secrets = ephemeralSecrets();
  deps = {
    config: loadConfig({}, { logLevel: "silent", dataDir: "/tmp/civicpims-test-unused" }),
    database: tdb,
    secrets,
    ledger: { secrets, checkpointEvery: 100 },
  };
  const [ag] = await tdb.db
    .insert(agencies)
    .values({
      code: "CITY-X",
      nameLocal: "가상시",
      nameEn: "Fictional City",
      jurisdiction: "KR",
      timeZone: "Asia/Seoul",
      defaultLocale: "ko",
    })
    .returning();
  await tdb.db.insert(units).values({ agencyId: ag.id, code: "it", nameLocal: "정보통신과" });
});
after(async () => tdb.drop());

/** Runs `civicpims user ...` in-process against the test database. */
async function run(args: string[], stdin = ""): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const saved = { ...userIo };
  const prevCode = process.exitCode;
  process.exitCode = undefined;
  Object.assign(userIo, {
    open: async () => ({ deps, migrated: [], close: async () => {} }),
    readStdin: async () => stdin,
    out: (s: string) => out.push(s),
    err: (s: string) => err.push(s),
  });
  try {
    const program = new Command().name("civicpims").exitOverride();
    register(program);
    await program.parseAsync(["node", "civicpims", "user", ...args]);
  } finally {
    Object.assign(userIo, saved);
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = prevCode;
  return { code, out: out.join(""), err: err.join("") };
}

async function account(username: string) {
  const [row] = await tdb.db.select().from(staff).where(eq(staff.username, username));
  return row;
}
async function ledger(actions: string[]) {
  const rows = await tdb.query<{ action: string; actor_label: string; details: string }>(
    "SELECT action, actor_label, details::text AS details FROM ledger_entries ORDER BY seq",
  );
  return rows.filter((r) => actions.includes(r.action));
}

describe("civicpims user", () => {
  test("A12/E3: user add creates an account with roles and a generated password, printed once, logged", async () => {
    const r = await run([
      "add",
      "--agency",
      "city-x",
      "--username",
      "admin.kim",
      "--name",
      "김관리",
      "--role",
      "system_admin",
      "--role",
      "privacy_officer",
      "--unit",
      "it",
      "--format",
      "json",
    ]);
    assert.equal(r.code, 0, r.err);
    const j = JSON.parse(r.out);
    assert.equal(j.username, "admin.kim");
    assert.ok(typeof j.generatedPassword === "string" && j.generatedPassword.length >= 12);
    const row = await account("admin.kim");
    assert.ok(row.unitId);
    assert.equal(await verifyPassword(row.passwordHash, j.generatedPassword), true);
    const roles = await tdb.db.select().from(roleAssignments).where(eq(roleAssignments.staffId, row.id));
    assert.deepEqual(roles.map((x) => x.role).sort(), ["privacy_officer", "system_admin"]);
    const entries = await ledger(["org.staff.create", "org.role.grant"]);
    assert.equal(entries.length, 3);
    assert.ok(
      entries.every((e) => e.actor_label.startsWith("cli") && !e.details.includes(j.generatedPassword)),
    );
  });

  test("E2: user add refuses weak passwords, unknown roles, units and agencies, and duplicates (exit 2, nothing written)", async () => {
    const weak = await run(
      ["add", "--agency", "CITY-X", "--username", "lee", "--name", "이", "--password-stdin"],
      "abc\n",
    );
    assert.equal(weak.code, 2);
    assert.match(weak.err, /policy/);
    assert.equal(await account("lee"), undefined);
    const role = await run([
      "add",
      "--agency",
      "CITY-X",
      "--username",
      "lee",
      "--name",
      "이",
      "--role",
      "king",
    ]);
    assert.match(role.err, /unknown role king/);
    const unit = await run([
      "add",
      "--agency",
      "CITY-X",
      "--username",
      "lee",
      "--name",
      "이",
      "--unit",
      "nope",
    ]);
    assert.match(unit.err, /unknown unit/);
    const agency = await run(["add", "--agency", "NOPE", "--username", "lee", "--name", "이"]);
    assert.match(agency.err, /unknown agency/);
    const dup = await run(["add", "--agency", "CITY-X", "--username", "admin.kim", "--name", "x"]);
    assert.equal(dup.code, 2);
    assert.match(dup.err, /already exists/);
    assert.equal(await account("lee"), undefined);
  });

  test("E2/E3: reset-password takes a password from stdin, unlocks the account, forces a change at next sign-in and is logged", async () => {
    const ok = await run(
      ["add", "--agency", "CITY-X", "--username", "park", "--name", "박", "--password-stdin"],
      "First#Pass2026\n",
    );
    assert.equal(ok.code, 0, ok.err);
    assert.doesNotMatch(ok.out, /First#Pass2026/);
    const row = await account("park");
    assert.equal(await verifyPassword(row.passwordHash, "First#Pass2026"), true);
    assert.equal(row.mustChangePassword, false, "a password the user chose needs no change");
    await tdb.db
      .update(staff)
      .set({ failedAttempts: 4, lockedUntil: new Date(Date.now() + 600_000) })
      .where(eq(staff.id, row.id));
    const r = await run(
      ["reset-password", "--agency", "CITY-X", "--username", "park", "--password-stdin"],
      "Second#Pass2026",
    );
    assert.equal(r.code, 0, r.err);
    const after = await account("park");
    assert.equal(await verifyPassword(after.passwordHash, "Second#Pass2026"), true);
    assert.equal(after.lockedUntil, null);
    assert.equal(after.failedAttempts, 0);
    assert.equal(after.mustChangePassword, true, "the next sign-in must change the reset password");
    const gen = await run(["reset-password", "--agency", "CITY-X", "--username", "park", "--format", "json"]);
    const temp = JSON.parse(gen.out).temporaryPassword;
    assert.equal(await verifyPassword((await account("park")).passwordHash, temp), true);
    assert.equal((await ledger(["auth.password_reset"])).length, 2);
    const missing = await run(["reset-password", "--agency", "CITY-X", "--username", "ghost"]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no user ghost/);
  });

  test("E2/E3: reset-mfa removes the second factor and recovery codes, logged", async () => {
    const row = await account("admin.kim");
    await tdb.db
      .update(staff)
      .set({ mfaEnabled: true, mfaSecretEnc: "v1.a.b.c", mfaLastStep: 5 })
      .where(eq(staff.id, row.id));
    const r = await run(["reset-mfa", "--agency", "CITY-X", "--username", "admin.kim"]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /second factor of admin.kim removed/);
    const after = await account("admin.kim");
    assert.equal(after.mfaEnabled, false);
    assert.equal(after.mfaSecretEnc, null);
    assert.equal(after.mfaLastStep, null);
    assert.equal((await ledger(["auth.mfa_reset"])).length, 1);
  });
});
