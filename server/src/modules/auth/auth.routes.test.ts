import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Role } from "@civicpims/core/auth/index";
import { eq } from "drizzle-orm";
import { generate } from "otplib";
import { staff } from "../../db/schema";
import { decryptField } from "../../security/field-crypto";
import { createTestApp, type TestApp } from "../../test-support/app";
import { onPostgres } from "../../test-support/db";
import { appendLedger, type LedgerInput } from "../audit/ledger.service";
import { createStaffCredentials } from "./admin.service";
import { SESSION_COOKIE } from "./session.service";

let t: TestApp;
let ipCounter = 0;
/** Each test signs in from its own address so the per-address rate limit never couples tests. */
const freshIp = () => `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

const PASSWORD = "Civic#Pims2026";

/** A new staff member of agency a (or b) with a password and the given roles. */
async function newStaff(username: string, roles: Role[] = ["handler"], which: "a" | "b" = "a") {
  const ag = which === "a" ? t.a : t.b;
  const audit: LedgerInput[] = [];
  const r = await t.tdb.db.transaction(async (tx) => {
    const out = await createStaffCredentials(
      tx,
      {
        agencyId: ag.id,
        username,
        displayName: `Test ${username}`,
        unitId: ag.unitId,
        password: PASSWORD,
        roles: roles.map((role) => ({ role })),
      },
      (e) => audit.push(e),
    );
    await appendLedger(tx, audit, t.deps.ledger);
    return out;
  });
  return { id: r.staffId, username, agency: ag.code };
}

async function login(agency: string, username: string, password: string, ip = freshIp()) {
  return t.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { agency, username, password },
    remoteAddress: ip,
  });
}

function sessionHeaders(res: Awaited<ReturnType<typeof login>>) {
  const c = res.cookies.find((x) => x.name === SESSION_COOKIE);
  assert.ok(c, "session cookie set");
  return { cookie: `${SESSION_COOKIE}=${c.value}`, "x-csrf-token": res.json().csrfToken as string };
}

async function ledgerSince(seq: number) {
  return t.tdb.query<{
    seq: number;
    action: string;
    result: string;
    actor_id: string | null;
    details: string | null;
    all: string;
  }>(
    "SELECT seq, action, result, actor_id, details::text AS details, row_to_json(l)::text AS all FROM ledger_entries l WHERE seq > $1 ORDER BY seq",
    [seq],
  );
}
async function ledgerHead(): Promise<number> {
  const [r] = await t.tdb.query<{ m: number | null }>("SELECT max(seq)::int AS m FROM ledger_entries");
  return Number(r?.m ?? 0);
}
async function staffRow(id: string) {
  const [r] = await t.tdb.db.select().from(staff).where(eq(staff.id, id));
  return r;
}

describe(`staff authentication on ${onPostgres ? "PostgreSQL" : "PGlite"}`, () => {
  test("E2/E3: a correct password opens a session (httpOnly, SameSite=Lax cookie) and is logged without the password", async () => {
    const u = await newStaff("h.ok");
    const seq = await ledgerHead();
    const res = await login(u.agency, u.username, PASSWORD);
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.status, "ok");
    assert.equal(body.mfaPassed, true);
    assert.equal(body.user.username, "h.ok");
    const cookie = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, "Lax");
    assert.equal(cookie.path, "/");
    assert.equal(cookie.secure, undefined, "not Secure when cookieSecure is off");
    const s = await t.inject({ method: "GET", url: "/api/auth/session", headers: sessionHeaders(res) });
    assert.equal(s.statusCode, 200);
    const sj = s.json();
    assert.equal(sj.user.id, u.id);
    assert.deepEqual(sj.user.roles, [{ role: "handler", unitId: null }]);
    assert.equal(sj.agency.code, t.a.code);
    assert.equal(sj.agency.jurisdiction, "KR");
    assert.equal(sj.csrfToken, body.csrfToken);
    assert.ok(sj.permissions.includes("org.units.read"));
    assert.ok(!sj.permissions.includes("org.staff.write"));
    const entries = await ledgerSince(seq);
    const ok = entries.find((e) => e.action === "auth.login");
    assert.equal(ok?.actor_id, u.id);
    assert.ok(
      entries.every((e) => !e.all.includes(PASSWORD)),
      "the password is never written to the ledger",
    );
  });

  test("E2/E3: unknown agency, unknown user and wrong password get the same 401; each is logged, none names the typed secret", async () => {
    const u = await newStaff("h.wrong");
    const seq = await ledgerHead();
    const typedName = "Secret#Typed1";
    const r1 = await login("no-such-agency", u.username, "Wrong#Pass123");
    const r2 = await login(u.agency, typedName, "Wrong#Pass123");
    const r3 = await login(u.agency, u.username, "Wrong#Pass123");
    for (const r of [r1, r2, r3]) {
      assert.equal(r.statusCode, 401);
      assert.equal(r.json().code, "auth.invalid_credentials");
      assert.ok(!r.cookies.some((c) => c.name === SESSION_COOKIE && c.value));
    }
    assert.equal(r1.json().message, r3.json().message);
    const entries = (await ledgerSince(seq)).filter((e) => e.action === "auth.login_failed");
    assert.deepEqual(
      entries.map((e) => JSON.parse(e.details ?? "{}").reason),
      ["unknown_agency", "unknown_user", "wrong_password"],
    );
    assert.equal(entries[2].actor_id, u.id);
    assert.ok(entries.every((e) => !e.all.includes("Wrong#Pass123") && !e.all.includes(typedName)));
    assert.equal((await staffRow(u.id)).failedAttempts, 1);
  });

  test("E2/E3: five wrong passwords from one address stop that address for that name (429), not the account; a guarded account needs more than the password", async () => {
    // Changed by design (issue 10 section 3): no more 423 after five wrong passwords, which told
    // strangers the account existed and let anyone lock anyone out.
    const u = await newStaff("h.lock");
    const ip = freshIp();
    const seq = await ledgerHead();
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push((await login(u.agency, u.username, `Wrong#Pass${i}00`, ip)).statusCode);
    assert.deepEqual(codes, [401, 401, 401, 401, 401]);
    const limited = await login(u.agency, u.username, PASSWORD, ip);
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().code, "auth.rate_limited");
    const retry = Number(limited.headers["retry-after"]);
    assert.ok(retry > 14 * 60 && retry <= 15 * 60, `the address waits lockoutMinutes: ${retry}`);
    assert.ok(!limited.cookies.some((c) => c.name === SESSION_COOKIE));
    const actions = (await ledgerSince(seq)).map((e) => e.action);
    assert.equal(actions.filter((a) => a === "auth.login_failed").length, 5);
    assert.equal(actions.filter((a) => a === "auth.rate_limited").length, 1);
    // The owner elsewhere is not affected, and a completed sign-in clears the account counter.
    assert.equal((await staffRow(u.id)).failedAttempts, 5);
    assert.equal((await login(u.agency, u.username, PASSWORD)).statusCode, 200);
    assert.equal((await staffRow(u.id)).failedAttempts, 0);
    // Guarded (many failures from many addresses): the password alone answers like a wrong one;
    // once the guard runs out, the password works again and clears the counters.
    await t.tdb.db
      .update(staff)
      .set({ lockedUntil: new Date(Date.now() + 600_000) })
      .where(eq(staff.id, u.id));
    const guarded = await login(u.agency, u.username, PASSWORD);
    assert.equal(guarded.statusCode, 401);
    assert.equal(guarded.json().code, "auth.invalid_credentials");
    await t.tdb.db
      .update(staff)
      .set({ lockedUntil: new Date(Date.now() - 1000), failedAttempts: 3 })
      .where(eq(staff.id, u.id));
    const ok = await login(u.agency, u.username, PASSWORD);
    assert.equal(ok.statusCode, 200);
    const after = await staffRow(u.id);
    assert.equal(after.failedAttempts, 0);
    assert.equal(after.lockedUntil, null);
  });

  test("E2/E3: the login rate limit (failures per address) answers 429 with Retry-After, logged once, changing nothing", async () => {
    const limit = t.deps.config.loginRateLimitPerMinute;
    const u = await newStaff("h.rate");
    const ip = freshIp();
    // Successful sign-ins do not count: a whole office behind one address can sign in at 9:00.
    for (let i = 0; i < limit + 2; i++)
      assert.equal((await login(u.agency, u.username, PASSWORD, ip)).statusCode, 200);
    const seq = await ledgerHead();
    for (let i = 0; i < limit; i++) {
      const r = await login(u.agency, `nobody${i}`, "Wrong#Pass123", ip);
      assert.equal(r.statusCode, 401);
    }
    const limited = await login(u.agency, u.username, PASSWORD, ip);
    assert.equal(limited.statusCode, 429);
    assert.equal(limited.json().code, "auth.rate_limited");
    assert.ok(Number(limited.headers["retry-after"]) >= 1 && Number(limited.headers["retry-after"]) <= 60);
    assert.ok(
      !limited.cookies.some((c) => c.name === SESSION_COOKIE),
      "no session even with the right password",
    );
    assert.equal((await login(u.agency, u.username, PASSWORD, ip)).statusCode, 429);
    const rl = (await ledgerSince(seq)).filter((e) => e.action === "auth.rate_limited");
    assert.equal(rl.length, 1, "one ledger entry per key and window");
    assert.equal(JSON.parse(rl[0].details ?? "{}").scope, "ip");
    assert.equal((await staffRow(u.id)).failedAttempts, 0, "refused attempts do not count toward lockout");
    // Changed by design (issue 10 section 3): one name from many addresses is not throttled, so
    // strangers cannot keep a staff member out; those failures count on the account instead.
    const statuses: number[] = [];
    for (let i = 0; i <= limit; i++)
      statuses.push((await login(u.agency, "spread.target", "Wrong#Pass123")).statusCode);
    assert.deepEqual(statuses, Array(limit + 1).fill(401));
    const [row] = await t.tdb.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM login_throttle WHERE key LIKE '%nobody%' OR key LIKE '%10.%'",
    );
    assert.equal(Number(row.n), 0, "throttle keys are hashed, never the address or name");
  });

  test("E2/E3: an MFA role must enrol TOTP before anything else; recovery codes are shown once and stored hashed", async () => {
    const u = await newStaff("po.enrol", ["privacy_officer"]);
    const res = await login(u.agency, u.username, PASSWORD);
    assert.equal(res.json().status, "mfa_enrolment_required");
    const h = sessionHeaders(res);
    const blocked = await t.inject({ method: "GET", url: "/api/org/units", headers: h });
    assert.equal(blocked.statusCode, 401);
    assert.equal(blocked.json().code, "auth.mfa_enrolment_required");
    const pre = await t.inject({ method: "GET", url: "/api/auth/session", headers: h });
    assert.equal(pre.json().mfaPassed, false);
    const start = await t.inject({ method: "POST", url: "/api/auth/mfa/enrol/start", headers: h });
    assert.equal(start.statusCode, 200, start.body);
    const { secret, otpauthUrl, qrDataUrl } = start.json();
    assert.match(qrDataUrl, /^data:image\/png;base64,/);
    assert.match(decodeURIComponent(otpauthUrl), new RegExp(`issuer=CivicPIMS \\(${t.a.code}\\)`));
    const row = await staffRow(u.id);
    assert.equal(row.mfaEnabled, false);
    assert.ok(row.mfaSecretEnc && !row.mfaSecretEnc.includes(secret), "secret stored encrypted");
    assert.equal(decryptField(t.deps.secrets.fieldKey, row.mfaSecretEnc), secret);
    const wrong = await t.inject({
      method: "POST",
      url: "/api/auth/mfa/enrol/confirm",
      headers: h,
      payload: { code: "000000" },
    });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().code, "auth.invalid_totp");
    const code = await generate({ secret });
    const ok = await t.inject({
      method: "POST",
      url: "/api/auth/mfa/enrol/confirm",
      headers: h,
      payload: { code },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const recovery: string[] = ok.json().recoveryCodes;
    assert.equal(recovery.length, 10);
    const stored = await t.tdb.query<{ code_hash: string }>(
      "SELECT code_hash FROM recovery_codes WHERE staff_id = $1",
      [u.id],
    );
    assert.equal(stored.length, 10);
    assert.ok(stored.every((s) => !recovery.some((r) => s.code_hash.includes(r.replace("-", "")))));
    const full = sessionHeaders(ok);
    assert.equal((await t.inject({ method: "GET", url: "/api/org/units", headers: full })).statusCode, 200);
    assert.equal((await staffRow(u.id)).failedAttempts, 0, "a completed sign-in resets the counter");
    // An enrolled account cannot be re-enrolled by a session (that would bypass the factor).
    const again = await t.inject({ method: "POST", url: "/api/auth/mfa/enrol/start", headers: full });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, "auth.mfa_already_enabled");
  });

  test("E2/E3: TOTP at sign-in refuses replayed and expired codes, accepts the next code and a recovery code once", async () => {
    const u = await newStaff("pm.totp", ["privacy_manager"]);
    const first = sessionHeaders(await login(u.agency, u.username, PASSWORD));
    const { secret } = (
      await t.inject({ method: "POST", url: "/api/auth/mfa/enrol/start", headers: first })
    ).json();
    const enrolCode = await generate({ secret });
    const enrol = await t.inject({
      method: "POST",
      url: "/api/auth/mfa/enrol/confirm",
      headers: first,
      payload: { code: enrolCode },
    });
    const recovery: string[] = enrol.json().recoveryCodes;

    const res = await login(u.agency, u.username, PASSWORD);
    assert.equal(res.json().status, "mfa_required");
    const h = sessionHeaders(res);
    const seq = await ledgerHead();
    const verify = (code: string) =>
      t.inject({ method: "POST", url: "/api/auth/mfa/verify", headers: h, payload: { code } });
    const replay = await verify(enrolCode);
    assert.equal(replay.statusCode, 401);
    assert.equal(replay.json().code, "auth.invalid_totp");
    const expired = await verify(await generate({ secret, epoch: Math.floor(Date.now() / 1000) - 150 }));
    assert.equal(expired.statusCode, 401);
    assert.equal(
      (await t.inject({ method: "GET", url: "/api/org/units", headers: h })).json().code,
      "auth.mfa_required",
    );
    const reasons = (await ledgerSince(seq))
      .filter((e) => e.action === "auth.mfa_failed")
      .map((e) => JSON.parse(e.details ?? "{}").reason);
    assert.deepEqual(reasons, ["replay", "invalid"]);
    assert.equal((await staffRow(u.id)).mfaFailedAttempts, 2, "failed second factors count toward lockout");
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const ok = await verify(next);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(
      (await t.inject({ method: "GET", url: "/api/org/units", headers: sessionHeaders(ok) })).statusCode,
      200,
    );
    assert.equal((await staffRow(u.id)).mfaFailedAttempts, 0);

    const r2 = sessionHeaders(await login(u.agency, u.username, PASSWORD));
    const useRc = (headers: typeof r2) =>
      t.inject({
        method: "POST",
        url: "/api/auth/mfa/verify",
        headers,
        payload: { code: recovery[3].toUpperCase() },
      });
    assert.equal((await useRc(r2)).statusCode, 200);
    const r3 = sessionHeaders(await login(u.agency, u.username, PASSWORD));
    const reused = await useRc(r3);
    assert.equal(reused.statusCode, 401, "a recovery code works once");
    assert.equal(reused.json().code, "auth.invalid_totp");
  });

  test("E2/E3: five wrong second-factor codes lock the account and end the half-open session", async () => {
    const u = await newStaff("so.lock", ["system_admin"]);
    const first = sessionHeaders(await login(u.agency, u.username, PASSWORD));
    const { secret } = (
      await t.inject({ method: "POST", url: "/api/auth/mfa/enrol/start", headers: first })
    ).json();
    await t.inject({
      method: "POST",
      url: "/api/auth/mfa/enrol/confirm",
      headers: first,
      payload: { code: await generate({ secret }) },
    });
    const h = sessionHeaders(await login(u.agency, u.username, PASSWORD));
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.inject({
        method: "POST",
        url: "/api/auth/mfa/verify",
        headers: h,
        payload: { code: `00000${i}` },
      });
      statuses.push(r.statusCode);
    }
    assert.deepEqual(statuses, [401, 401, 401, 401, 423]);
    const probe = await t.inject({ method: "GET", url: "/api/auth/session", headers: h });
    assert.equal(probe.statusCode, 401);
    assert.equal((await login(u.agency, u.username, PASSWORD)).statusCode, 423);
  });

  test("E2/E3: a missing or wrong CSRF token is refused with 403 auth.csrf, logged, and the session survives", async () => {
    const u = await newStaff("h.csrf");
    const h = sessionHeaders(await login(u.agency, u.username, PASSWORD));
    const seq = await ledgerHead();
    const none = await t.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: h.cookie } });
    assert.equal(none.statusCode, 403);
    assert.equal(none.json().code, "auth.csrf");
    const bad = await t.inject({
      method: "PATCH",
      url: "/api/auth/me",
      headers: { cookie: h.cookie, "x-csrf-token": "forged" },
      payload: { locale: "en" },
    });
    assert.equal(bad.statusCode, 403);
    assert.equal(bad.json().code, "auth.csrf");
    assert.equal((await staffRow(u.id)).locale, null, "nothing changed");
    const entries = (await ledgerSince(seq)).filter((e) => e.action === "auth.csrf_rejected");
    assert.equal(entries.length, 2);
    assert.ok(entries.every((e) => e.actor_id === u.id && e.result === "denied"));
    assert.equal((await t.inject({ method: "GET", url: "/api/auth/session", headers: h })).statusCode, 200);
  });

  test("E2: sessions end after 30 idle minutes and after 12 hours in any case (401 auth.session_expired)", async () => {
    const u = await newStaff("h.expiry");
    const idle = sessionHeaders(await login(u.agency, u.username, PASSWORD));
    const abs = sessionHeaders(await login(u.agency, u.username, PASSWORD));
    const live = sessionHeaders(await login(u.agency, u.username, PASSWORD));
    const sid = async (h: { cookie: string }) => {
      const { createHash } = await import("node:crypto");
      return createHash("sha256").update(h.cookie.split("=")[1]).digest("hex");
    };
    const ago = (min: number) => new Date(Date.now() - min * 60_000);
    await t.tdb.query("UPDATE sessions SET last_seen_at = $2 WHERE id = $1", [await sid(idle), ago(31)]);
    await t.tdb.query("UPDATE sessions SET expires_at = $2, created_at = $3 WHERE id = $1", [
      await sid(abs),
      ago(0.1),
      ago(12 * 60),
    ]);
    await t.tdb.query("UPDATE sessions SET last_seen_at = $2 WHERE id = $1", [await sid(live), ago(29)]);
    for (const h of [idle, abs]) {
      const r = await t.inject({ method: "GET", url: "/api/auth/session", headers: h });
      assert.equal(r.statusCode, 401);
      assert.equal(r.json().code, "auth.session_expired");
    }
    assert.equal(
      (await t.inject({ method: "GET", url: "/api/auth/session", headers: live })).statusCode,
      200,
    );
    const [s] = await t.tdb.query<{ expires_at: Date; created_at: Date }>(
      "SELECT expires_at, created_at FROM sessions WHERE id = $1",
      [await sid(live)],
    );
    const hours = (new Date(s.expires_at).getTime() - new Date(s.created_at).getTime()) / 3600_000;
    assert.ok(Math.abs(hours - 12) < 0.01, "absolute limit is 12 hours from creation");
  });

  test("E2: over-long fields and malformed JSON get 400 with stable codes and change nothing", async () => {
    const u = await newStaff("h.bad");
    const seq = await ledgerHead();
    const long = await login(u.agency, "x".repeat(65), PASSWORD);
    assert.equal(long.statusCode, 400);
    assert.equal(long.json().code, "validation");
    assert.ok(Array.isArray(long.json().details));
    const longPw = await login(u.agency, u.username, "A#1".repeat(100));
    assert.equal(longPw.json().code, "validation");
    const malformed = await t.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { "content-type": "application/json" },
      payload: '{"agency": "a", "username":',
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(malformed.json().code, "malformed_json");
    assert.ok(malformed.json().requestId);
    assert.equal((await ledgerSince(seq)).length, 0);
    assert.equal((await staffRow(u.id)).failedAttempts, 0);
  });

  test("E2/E3: logout ends this session; logout-all ends every session; both are logged", async () => {
    const u = await newStaff("h.logout");
    const a = sessionHeaders(await login(u.agency, u.username, PASSWORD));
    const b = sessionHeaders(await login(u.agency, u.username, PASSWORD));
    const c = sessionHeaders(await login(u.agency, u.username, PASSWORD));
    const seq = await ledgerHead();
    const out = await t.inject({ method: "POST", url: "/api/auth/logout", headers: a });
    assert.equal(out.statusCode, 200);
    const cleared = out.cookies.find((x) => x.name === SESSION_COOKIE);
    assert.equal(cleared?.value, "");
    assert.equal(
      (await t.inject({ method: "GET", url: "/api/auth/session", headers: a })).json().code,
      "auth.required",
    );
    assert.equal((await t.inject({ method: "GET", url: "/api/auth/session", headers: b })).statusCode, 200);
    const all = await t.inject({ method: "POST", url: "/api/auth/logout-all", headers: b });
    assert.equal(all.json().sessions, 2);
    assert.equal((await t.inject({ method: "GET", url: "/api/auth/session", headers: c })).statusCode, 401);
    const actions = (await ledgerSince(seq)).map((e) => e.action);
    assert.deepEqual(actions, ["auth.logout", "auth.logout_all"]);
  });

  test("E2/E3: changing one's password checks the current one and the policy, and ends other sessions", async () => {
    const u = await newStaff("h.pw");
    const a = sessionHeaders(await login(u.agency, u.username, PASSWORD));
    const b = sessionHeaders(await login(u.agency, u.username, PASSWORD));
    const change = (currentPassword: string, newPassword: string) =>
      t.inject({
        method: "POST",
        url: "/api/auth/password",
        headers: a,
        payload: { currentPassword, newPassword },
      });
    const wrong = await change("Wrong#Pass123", "Brand#New2026");
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().code, "auth.current_password_wrong");
    const weak = await change(PASSWORD, "password");
    assert.equal(weak.statusCode, 400);
    assert.equal(weak.json().code, "auth.weak_password");
    assert.ok(weak.json().details.problems.includes("too_few_classes"));
    const before = (await staffRow(u.id)).passwordHash;
    const ok = await change(PASSWORD, "Brand#New2026");
    assert.equal(ok.statusCode, 200, ok.body);
    assert.notEqual((await staffRow(u.id)).passwordHash, before);
    assert.equal((await t.inject({ method: "GET", url: "/api/auth/session", headers: b })).statusCode, 401);
    assert.equal((await t.inject({ method: "GET", url: "/api/auth/session", headers: a })).statusCode, 200);
    assert.equal((await login(u.agency, u.username, PASSWORD)).statusCode, 401);
    assert.equal((await login(u.agency, u.username, "Brand#New2026")).statusCode, 200);
  });

  test("E2: passing the second factor rotates the session (the pre-MFA cookie and CSRF token stop working)", async () => {
    const u = await newStaff("po.rotate", ["privacy_officer"]);
    const pre = sessionHeaders(await login(u.agency, u.username, PASSWORD));
    const { secret } = (
      await t.inject({ method: "POST", url: "/api/auth/mfa/enrol/start", headers: pre })
    ).json();
    const enrol = await t.inject({
      method: "POST",
      url: "/api/auth/mfa/enrol/confirm",
      headers: pre,
      payload: { code: await generate({ secret }) },
    });
    assert.equal(enrol.statusCode, 200, enrol.body);
    const enrolled = sessionHeaders(enrol);
    assert.notEqual(enrolled.cookie, pre.cookie, "enrolment issues a new session cookie");
    assert.notEqual(enrolled["x-csrf-token"], pre["x-csrf-token"], "and a new CSRF token");
    assert.equal((await t.inject({ method: "GET", url: "/api/org/units", headers: pre })).statusCode, 401);
    assert.equal(
      (await t.inject({ method: "GET", url: "/api/org/units", headers: enrolled })).statusCode,
      200,
    );

    const half = sessionHeaders(await login(u.agency, u.username, PASSWORD));
    const next = await generate({ secret, epoch: Math.floor(Date.now() / 1000) + 30 });
    const ok = await t.inject({
      method: "POST",
      url: "/api/auth/mfa/verify",
      headers: half,
      payload: { code: next },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().status, "ok");
    const full = sessionHeaders(ok);
    assert.notEqual(full.cookie, half.cookie, "verification issues a new session cookie");
    assert.equal((await t.inject({ method: "GET", url: "/api/org/units", headers: half })).statusCode, 401);
    assert.equal((await t.inject({ method: "GET", url: "/api/org/units", headers: full })).statusCode, 200);
    const s = await t.inject({ method: "GET", url: "/api/auth/session", headers: full });
    assert.equal(s.json().mfaPassed, true);
    assert.equal(s.json().csrfToken, full["x-csrf-token"]);
  });

  test("E2: staff set their own language", async () => {
    const u = await newStaff("h.locale");
    const h = sessionHeaders(await login(u.agency, u.username, PASSWORD));
    const r = await t.inject({
      method: "PATCH",
      url: "/api/auth/me",
      headers: h,
      payload: { locale: "zh-TW" },
    });
    assert.equal(r.statusCode, 200);
    const s = await t.inject({ method: "GET", url: "/api/auth/session", headers: h });
    assert.equal(s.json().user.locale, "zh-TW");
    const bad = await t.inject({
      method: "PATCH",
      url: "/api/auth/me",
      headers: h,
      payload: { locale: "fr" },
    });
    assert.equal(bad.json().code, "validation");
    const err = await t.inject({ method: "GET", url: "/api/org/staff", headers: h });
    assert.equal(err.statusCode, 403);
    assert.equal(err.json().message, "您的角色無權執行此操作。", "errors follow the saved language");
  });

  test("E2/E3: administrators reset passwords and second factors of their own agency only; each reset is logged", async () => {
    const u = await newStaff("pm.reset", ["privacy_manager"]);
    const admin = await t.as("system_admin");
    const seq = await ledgerHead();
    const reset = await t.inject({
      method: "POST",
      url: `/api/org/staff/${u.id}/reset-password`,
      headers: admin,
    });
    assert.equal(reset.statusCode, 200, reset.body);
    const temp: string = reset.json().temporaryPassword;
    assert.ok(temp.length >= 12);
    assert.equal((await login(u.agency, u.username, temp)).statusCode, 200);
    const chosen = await t.inject({
      method: "POST",
      url: `/api/org/staff/${u.id}/reset-password`,
      headers: admin,
      payload: { password: "weak" },
    });
    assert.equal(chosen.json().code, "auth.weak_password");
    await t.tdb.db
      .update(staff)
      .set({ mfaEnabled: true, mfaSecretEnc: "v1.x.y.z" })
      .where(eq(staff.id, u.id));
    const mfa = await t.inject({ method: "POST", url: `/api/org/staff/${u.id}/reset-mfa`, headers: admin });
    assert.equal(mfa.statusCode, 200);
    const row = await staffRow(u.id);
    assert.equal(row.mfaEnabled, false);
    assert.equal(row.mfaSecretEnc, null);
    const otherAgency = await t.inject({
      method: "POST",
      url: `/api/org/staff/${u.id}/reset-password`,
      headers: await t.as("system_admin", "b"),
    });
    assert.equal(otherAgency.statusCode, 404, "another agency's staff look unknown");
    const notAdmin = await t.inject({
      method: "POST",
      url: `/api/org/staff/${u.id}/reset-mfa`,
      headers: await t.as("privacy_officer"),
    });
    assert.equal(notAdmin.statusCode, 403);
    const entries = await ledgerSince(seq);
    const resets = entries.filter((e) => e.action === "auth.password_reset" || e.action === "auth.mfa_reset");
    assert.deepEqual(
      resets.map((e) => e.action),
      ["auth.password_reset", "auth.mfa_reset"],
    );
    assert.ok(resets.every((e) => e.actor_id === t.a.staffByRole.system_admin));
    assert.ok(
      entries.every((e) => !e.all.includes(temp)),
      "the temporary password is not logged",
    );
    assert.ok(entries.some((e) => e.action === "auth.permission_denied"));
  });

  test("E2: OIDC routes answer 404 auth.oidc_not_configured without an identity provider", async () => {
    for (const url of ["/api/auth/oidc/start?agency=agency-a", "/api/auth/oidc/callback?code=x&state=y"]) {
      const r = await t.inject({ method: "GET", url });
      assert.equal(r.statusCode, 404);
      assert.equal(r.json().code, "auth.oidc_not_configured");
    }
  });

  test("A1: the public agency list names every agency for the login form", async () => {
    const r = await t.inject({ method: "GET", url: "/api/public/agencies" });
    assert.equal(r.statusCode, 200);
    const list = r.json() as Array<{ code: string; jurisdiction: string }>;
    assert.deepEqual(
      list.map((x) => [x.code, x.jurisdiction]).filter(([c]) => c === t.a.code || c === t.b.code),
      [
        [t.a.code, "KR"],
        [t.b.code, "TW"],
      ],
    );
    assert.ok(
      list.every((x) => Object.keys(x).length === 4),
      "only code, names and jurisdiction",
    );
  });
});
