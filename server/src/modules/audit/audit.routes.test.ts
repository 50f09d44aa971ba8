import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";
import { onPostgres } from "../../test-support/db";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

describe(`audit routes on ${onPostgres ? "PostgreSQL" : "PGlite"}`, () => {
  test("E3: a ledger export leaves only after its own ledger entry has committed", async () => {
    const headers = await t.as("auditor");
    // A search leaves an entry, so the export has something to carry (an empty one is refused).
    await t.inject({ method: "GET", url: "/api/audit/ledger", headers });
    const ok = await t.inject({ method: "GET", url: "/api/audit/ledger/export?format=csv", headers });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.match(String(ok.headers["content-type"]), /^text\/csv/);
    const [entry] = await t.tdb.query<{ action: string }>(
      "SELECT action FROM ledger_entries WHERE action = 'audit.ledger.export' ORDER BY seq DESC LIMIT 1",
    );
    assert.equal(entry?.action, "audit.ledger.export");

    // Make appending the export's entry fail: the file must not have gone out.
    await t.tdb.query(`CREATE FUNCTION test_refuse_export() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.action = 'audit.ledger.export' THEN RAISE EXCEPTION 'refused by test'; END IF; RETURN NEW; END $$`);
    await t.tdb.query(
      "CREATE TRIGGER test_refuse_export BEFORE INSERT ON ledger_entries FOR EACH ROW EXECUTE FUNCTION test_refuse_export()",
    );
    try {
      for (const format of ["csv", "xlsx"]) {
        const res = await t.inject({
          method: "GET",
          url: `/api/audit/ledger/export?format=${format}`,
          headers,
        });
        assert.equal(res.statusCode, 500, `${format}: exported without a ledger entry`);
        assert.equal(res.json().code, "internal");
      }
    } finally {
      await t.tdb.query("DROP TRIGGER test_refuse_export ON ledger_entries");
      await t.tdb.query("DROP FUNCTION test_refuse_export()");
    }
  });
});
