import assert from "node:assert/strict";
import { createHash, createSign, generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { staff } from "../../db/schema";
import { createTestApp, type TestApp } from "../../test-support/app";
import { onPostgres } from "../../test-support/db";
import { OIDC_COOKIE } from "./oidc.service";
import { SESSION_COOKIE } from "./session.service";

/**
 * A minimal OpenID provider on 127.0.0.1 (discovery, JWKS, token endpoint with PKCE and nonce),
 * so the whole sign-in runs without network access. The test plays the browser: it follows the
 * redirect to the provider, picks the user there, and comes back with the code.
 */
const CLIENT_ID = "civicpims-test";
const CLIENT_SECRET = "test-secret-123";
const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: "jwk" }), kid: "k1", alg: "RS256", use: "sig" };
const grants = new Map<string, { challenge: string; nonce: string; claims: Record<string, unknown> }>();
let idp: Server;
let issuer: string;
let t: TestApp;

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
function idToken(claims: Record<string, unknown>): string {
  const head = b64({ alg: "RS256", kid: "k1", typ: "JWT" });
  const body = b64(claims);
  const sig = createSign("RSA-SHA256").update(`${head}.${body}`).sign(privateKey).toString("base64url");
  return `${head}.${body}.${sig}`;
}

before(async () => {
  idp = createServer((req, res) => {
    const url = new URL(req.url ?? "/", issuer);
    const json = (status: number, v: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(v));
    };
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post"],
      });
    }
    if (url.pathname === "/jwks") return json(200, { keys: [jwk] });
    if (url.pathname === "/token" && req.method === "POST") {
      let raw = "";
      req.on("data", (c) => {
        raw += c;
      });
      req.on("end", () => {
        const form = new URLSearchParams(raw);
        const basic = Buffer.from(
          (req.headers.authorization ?? "").replace(/^Basic /, ""),
          "base64",
        ).toString();
        const [id, secret] = basic.split(":").map(decodeURIComponent);
        const clientOk =
          (id === CLIENT_ID && secret === CLIENT_SECRET) ||
          (form.get("client_id") === CLIENT_ID && form.get("client_secret") === CLIENT_SECRET);
        const g = grants.get(form.get("code") ?? "");
        const verifier = form.get("code_verifier") ?? "";
        const pkceOk = g && createHash("sha256").update(verifier).digest("base64url") === g.challenge;
        if (!clientOk || !g || !pkceOk) return json(400, { error: "invalid_grant" });
        grants.delete(form.get("code") ?? "");
        const now = Math.floor(Date.now() / 1000);
        return json(200, {
          access_token: randomBytes(16).toString("hex"),
          token_type: "Bearer",
          expires_in: 300,
          id_token: idToken({
            iss: issuer,
            aud: CLIENT_ID,
            iat: now,
            exp: now + 300,
            nonce: g.nonce,
            ...g.claims,
          }),
        });
      });
      return;
    }
    json(404, { error: "not_found" });
  });
  await new Promise<void>((r) => idp.listen(0, "127.0.0.1", r));
  issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
  t = await createTestApp({
    oidcIssuer: issuer,
    oidcClientId: CLIENT_ID,
    oidcClientSecret: CLIENT_SECRET,
    oidcAgencyClaim: "civicpims_agency",
  });
});
after(async () => {
  await t.close();
  await new Promise((r) => idp.close(r));
});

/** Browser round trip: start -> provider (signs in as `claims`) -> callback. */
async function ssoAs(claims: Record<string, unknown>, opts: { tamperState?: boolean; agency?: string } = {}) {
  const start = await t.inject({
    method: "GET",
    url: `/api/auth/oidc/start?agency=${opts.agency ?? t.a.code}`,
  });
  assert.equal(start.statusCode, 302, start.body);
  const to = new URL(start.headers.location as string);
  assert.equal(to.origin + to.pathname, `${issuer}/authorize`);
  assert.equal(to.searchParams.get("code_challenge_method"), "S256");
  assert.equal(to.searchParams.get("client_id"), CLIENT_ID);
  const state = to.searchParams.get("state") as string;
  const nonce = to.searchParams.get("nonce") as string;
  assert.ok(state && nonce);
  const stateCookie = start.cookies.find((c) => c.name === OIDC_COOKIE);
  assert.ok(stateCookie?.httpOnly);
  const code = randomBytes(8).toString("hex");
  grants.set(code, { challenge: to.searchParams.get("code_challenge") as string, nonce, claims });
  const back = opts.tamperState ? `${state}x` : state;
  return t.inject({
    method: "GET",
    url: `/api/auth/oidc/callback?code=${code}&state=${encodeURIComponent(back)}`,
    headers: { cookie: `${OIDC_COOKIE}=${stateCookie.value}` },
  });
}

async function ledgerActions(sinceSeq: number) {
  return t.tdb.query<{ action: string; details: string | null; actor_id: string | null }>(
    "SELECT action, details::text AS details, actor_id FROM ledger_entries WHERE seq > $1 ORDER BY seq",
    [sinceSeq],
  );
}
async function head() {
  const [r] = await t.tdb.query<{ m: number | null }>("SELECT max(seq)::int AS m FROM ledger_entries");
  return Number(r?.m ?? 0);
}

describe(`OIDC sign-in against a local provider on ${onPostgres ? "PostgreSQL" : "PGlite"}`, () => {
  test("E2/E3: one provider, several agencies: a user name alone (no agency claim, or another agency's) links nobody", async () => {
    const username = `handler.${t.a.code}`;
    const none = await ssoAs({ sub: "idp-handler-1", preferred_username: username });
    assert.equal(none.statusCode, 401);
    const other = await ssoAs({
      sub: "idp-handler-1",
      preferred_username: username,
      civicpims_agency: t.b.code,
    });
    assert.equal(other.statusCode, 401);
    const [row] = await t.tdb.db.select().from(staff).where(eq(staff.id, t.a.staffByRole.handler));
    assert.equal(row.oidcSubject, null, "not linked");
  });

  test("E2/E3: first sign-in with the agency claim links issuer + subject, then the subject alone signs in", async () => {
    const username = `handler.${t.a.code}`;
    const seq = await head();
    const res = await ssoAs({
      sub: "idp-handler-1",
      preferred_username: username,
      civicpims_agency: t.a.code,
    });
    assert.equal(res.statusCode, 302, res.body);
    assert.equal(res.headers.location, "/");
    const sid = res.cookies.find((c) => c.name === SESSION_COOKIE);
    assert.ok(sid?.value && sid.httpOnly);
    const s = await t.inject({
      method: "GET",
      url: "/api/auth/session",
      headers: { cookie: `${SESSION_COOKIE}=${sid.value}` },
    });
    assert.equal(s.json().user.username, username);
    assert.equal(s.json().mfaPassed, true);
    const [row] = await t.tdb.db.select().from(staff).where(eq(staff.id, t.a.staffByRole.handler));
    assert.equal(row.oidcSubject, "idp-handler-1");
    assert.equal(row.oidcIssuer, issuer);
    const actions = await ledgerActions(seq);
    assert.deepEqual(
      actions.map((a) => a.action),
      ["auth.oidc_linked", "auth.login"],
    );
    assert.equal(JSON.parse(actions[1].details ?? "{}").method, "oidc");
    // Later the provider may rename the user: the linked subject still decides.
    const again = await ssoAs({ sub: "idp-handler-1", preferred_username: "renamed" });
    assert.equal(again.statusCode, 302);
    assert.equal(again.headers.location, "/");
  });

  test("E2: staff in an MFA role still give their TOTP code after SSO (default configuration)", async () => {
    const res = await ssoAs({
      sub: "idp-po-1",
      preferred_username: `privacy_officer.${t.a.code}`,
      civicpims_agency: t.a.code,
    });
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.location, "/login?step=mfa");
    const sid = res.cookies.find((c) => c.name === SESSION_COOKIE)!;
    const units = await t.inject({
      method: "GET",
      url: "/api/org/units",
      headers: { cookie: `${SESSION_COOKIE}=${sid.value}` },
    });
    assert.equal(units.statusCode, 401);
    assert.equal(units.json().code, "auth.mfa_enrolment_required");
  });

  test("E2/E3: unknown subjects, other agencies' staff, linked accounts and a tampered state are refused and logged", async () => {
    const seq = await head();
    const unknown = await ssoAs({ sub: "idp-nobody", preferred_username: "nobody" });
    assert.equal(unknown.statusCode, 401);
    assert.equal(unknown.json().code, "auth.invalid_credentials");
    assert.ok(!unknown.cookies.some((c) => c.name === SESSION_COOKIE && c.value));
    // Agency b's auditor is not a member of agency a, whatever the provider says.
    const cross = await ssoAs({
      sub: "idp-b",
      preferred_username: `auditor.${t.b.code}`,
      civicpims_agency: t.b.code,
    });
    assert.equal(cross.statusCode, 401);
    // The handler is linked to idp-handler-1: another subject claiming the name is not let in.
    const takeover = await ssoAs({
      sub: "idp-evil",
      preferred_username: `handler.${t.a.code}`,
      civicpims_agency: t.a.code,
    });
    assert.equal(takeover.statusCode, 401);
    const tampered = await ssoAs({ sub: "idp-handler-1" }, { tamperState: true });
    assert.equal(tampered.statusCode, 401);
    const noCookie = await t.inject({ method: "GET", url: "/api/auth/oidc/callback?code=x&state=y" });
    assert.equal(noCookie.statusCode, 400);
    assert.equal(noCookie.json().code, "auth.oidc_state");
    const reasons = (await ledgerActions(seq))
      .filter((a) => a.action === "auth.login_failed")
      .map((a) => JSON.parse(a.details ?? "{}").reason);
    assert.deepEqual(reasons, [
      "oidc_unknown_subject",
      "oidc_unknown_subject",
      "oidc_unknown_subject",
      "oidc_exchange_failed",
    ]);
  });

  test("E2/E3: an administrator links an account explicitly; the subject then signs in without any claim, and only in that agency", async () => {
    const admin = await t.as("system_admin");
    const target = t.a.staffByRole.auditor;
    const seq = await head();
    const bad = await t.inject({
      method: "PUT",
      url: `/api/org/staff/${target}/oidc`,
      headers: admin,
      payload: { subject: "" },
    });
    assert.equal(bad.statusCode, 400);
    const link = await t.inject({
      method: "PUT",
      url: `/api/org/staff/${target}/oidc`,
      headers: admin,
      payload: { subject: "idp-auditor-7" },
    });
    assert.equal(link.statusCode, 200, link.body);
    const [row] = await t.tdb.db.select().from(staff).where(eq(staff.id, target));
    assert.equal(row.oidcSubject, "idp-auditor-7");
    assert.equal(row.oidcIssuer, issuer, "the configured provider by default");
    const ok = await ssoAs({ sub: "idp-auditor-7" });
    assert.equal(ok.statusCode, 302, ok.body);
    assert.equal(ok.headers.location, "/");
    const elsewhere = await ssoAs({ sub: "idp-auditor-7" }, { agency: t.b.code });
    assert.equal(elsewhere.statusCode, 401, "the link belongs to one agency's staff member");
    const otherAdmin = await t.inject({
      method: "PUT",
      url: `/api/org/staff/${target}/oidc`,
      headers: await t.as("system_admin", "b"),
      payload: { subject: "idp-x" },
    });
    assert.equal(otherAdmin.statusCode, 404);
    const actions = (await ledgerActions(seq)).filter((a) => a.action === "auth.oidc_linked");
    assert.equal(actions.length, 1);
    assert.equal(actions[0].actor_id, t.a.staffByRole.system_admin);
    const unlink = await t.inject({ method: "DELETE", url: `/api/org/staff/${target}/oidc`, headers: admin });
    assert.equal(unlink.statusCode, 200);
    assert.equal((await ssoAs({ sub: "idp-auditor-7" })).statusCode, 401);
  });
});
