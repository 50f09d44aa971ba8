import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { gunzipSync } from "node:zlib";
import { createTestApp, type TestApp } from "../../test-support/app";
import { onPostgres } from "../../test-support/db";

let t: TestApp;
const TOKEN = "operator-token-for-this-test-0123456789abcdef";
const bearer = { authorization: `Bearer ${TOKEN}`, "x-csrf-token": TOKEN };

before(async () => {
  t = await createTestApp();
  t.deps.operatorToken = TOKEN;
});
after(async () => t.close());

describe(`operator routes on ${onPostgres ? "PostgreSQL" : "PGlite"}`, () => {
  test("A1/E2: a session never reaches the installation-wide routes, not even a system administrator's", async () => {
    // A backup holds every agency of the installation: one agency's administrator must not get it.
    const headers = await t.as("system_admin");
    const backup = await t.inject({ method: "GET", url: "/api/system/backup", headers });
    assert.equal(backup.statusCode, 403, backup.body);
    assert.equal(backup.json().code, "auth.forbidden");
    const verify = await t.inject({ method: "POST", url: "/api/system/ledger/verify", payload: {}, headers });
    assert.equal(verify.statusCode, 403, verify.body);
  });

  test("E3: the local operator token verifies the ledger and the call is itself in the ledger", async () => {
    const res = await t.inject({
      method: "POST",
      url: "/api/system/ledger/verify",
      payload: {},
      headers: bearer,
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().ok, true);
    const [last] = await t.tdb.query<{ action: string; actor_label: string; agency_id: string | null }>(
      "SELECT action, actor_label, agency_id FROM ledger_entries ORDER BY seq DESC LIMIT 1",
    );
    assert.deepEqual(last, {
      action: "system.ledger.verify",
      actor_label: "local-operator",
      agency_id: null,
    });
  });

  test("E2: the token is refused when wrong, from another address, through a proxy or outside /api/system", async () => {
    const verify = { method: "POST" as const, url: "/api/system/ledger/verify", payload: {} };
    const wrong = await t.inject({ ...verify, headers: { ...bearer, authorization: "Bearer nope" } });
    assert.equal(wrong.statusCode, 401);
    const remote = await t.inject({ ...verify, headers: bearer, remoteAddress: "192.0.2.10" });
    assert.equal(remote.statusCode, 401);
    const proxied = await t.inject({ ...verify, headers: { ...bearer, "x-forwarded-for": "192.0.2.10" } });
    assert.equal(proxied.statusCode, 401);
    const elsewhere = await t.inject({ method: "GET", url: "/api/org/units", headers: bearer });
    assert.equal(elsewhere.statusCode, 401);
  });

  test("E4: online backup is a gzip tarball of the live embedded database; PostgreSQL is pg_dump's job", async () => {
    const res = await t.inject({
      method: "GET",
      url: "/api/system/backup",
      headers: { ...bearer, "x-locale": "en" },
    });
    if (onPostgres) {
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().code, "system.backup_use_pg_dump");
      assert.match(res.json().message, /pg_dump/);
      return;
    }
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers["content-type"], "application/gzip");
    const tar = gunzipSync(res.rawPayload);
    // A PostgreSQL data directory: the version file and the WAL are in the tarball (restoring it is
    // covered by the CLI test, which opens a restored copy).
    const names = tar.toString("latin1");
    assert.ok(names.includes("PG_VERSION") && names.includes("pg_wal"), "not a data directory");
  });
});
