import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Database } from "../../db/client";
import { ephemeralSecrets } from "../../security/keys";
import { createTestDatabase, onPostgres, type TestDatabase } from "../../test-support/db";
import {
  appendLedger,
  checkpointIfStale,
  exportCheckpoints,
  type LedgerOptions,
  verifyLedger,
} from "./ledger.service";

const secrets = ephemeralSecrets();
const opts: LedgerOptions = { secrets, checkpointEvery: 50 };
let tdb: TestDatabase;

before(async () => {
  tdb = await createTestDatabase();
});
after(async () => {
  await tdb.drop();
});

async function appendMany(database: Database, n: number, tag: string, batch = 1) {
  for (let i = 0; i < n; i += batch) {
    const entries = Array.from({ length: Math.min(batch, n - i) }, (_, k) => ({
      action: "test.append",
      actorLabel: tag,
      resourceType: "thing",
      resourceId: `${tag}-${i + k}`,
      details: { i: i + k, tag },
    }));
    await database.db.transaction((tx) => appendLedger(tx, entries, opts));
  }
}

describe(`audit ledger on ${onPostgres ? "PostgreSQL" : "PGlite"}`, () => {
  test("E3: appended entries form a valid chain with signed checkpoints every N entries", async () => {
    await appendMany(tdb, 120, "a", 7);
    const r = await verifyLedger(tdb, {
      trustedPublicKey: secrets.ledgerPublicKey.export({ type: "spki", format: "pem" }).toString(),
    });
    assert.equal(r.ok, true, r.reason ?? "");
    assert.equal(r.count, 120);
    assert.equal(r.checkpoints, 2);
    const cp = await checkpointIfStale(tdb, opts);
    assert.equal(cp?.seq, 120);
    assert.equal((await exportCheckpoints(tdb)).length, 3);
  });

  test("E3: the database refuses UPDATE, DELETE and TRUNCATE on the ledger", async () => {
    await assert.rejects(tdb.query("UPDATE ledger_entries SET action = 'x' WHERE seq = 1"), /append-only/);
    await assert.rejects(tdb.query("DELETE FROM ledger_entries WHERE seq = 1"), /append-only/);
    await assert.rejects(tdb.query("TRUNCATE ledger_entries"), /append-only/);
    await assert.rejects(tdb.query("DELETE FROM ledger_checkpoints"), /append-only/);
  });

  test("E3: two instances appending concurrently still produce one valid chain", async () => {
    const second = await tdb.reopen();
    const before = (await verifyLedger(tdb)).count;
    await Promise.all([
      appendMany(tdb, 60, "one", 3),
      appendMany(second, 60, "two", 2),
      appendMany(tdb, 30, "three"),
    ]);
    await second.close();
    const r = await verifyLedger(tdb);
    assert.equal(r.ok, true, r.reason ?? "");
    assert.equal(r.count, before + 150);
  });

  test("E3: tampering with a row (trigger disabled) is detected and named by seq", async () => {
    await tdb.query("ALTER TABLE ledger_entries DISABLE TRIGGER ledger_entries_no_update");
    await tdb.query("UPDATE ledger_entries SET actor_label = 'mallory' WHERE seq = 37");
    await tdb.query("ALTER TABLE ledger_entries ENABLE TRIGGER ledger_entries_no_update");
    const r = await verifyLedger(tdb);
    assert.equal(r.ok, false);
    assert.equal(r.firstBadSeq, 37);
    assert.match(r.reason ?? "", /altered/);
  });
});
