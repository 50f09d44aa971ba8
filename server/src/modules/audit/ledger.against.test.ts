import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Database } from "../../db/client";
import { ephemeralSecrets } from "../../security/keys";
import { createTestDatabase, onPostgres, type TestDatabase } from "../../test-support/db";
import { type CheckpointExport, verifyAgainstExport } from "./ledger.against";
import {
  appendLedger,
  checkpointIfStale,
  exportCheckpoints,
  type LedgerOptions,
  verifyLedger,
} from "./ledger.service";

const secrets = ephemeralSecrets();
const publicKey = secrets.ledgerPublicKey.export({ type: "spki", format: "pem" }).toString();
const opts: LedgerOptions = { secrets, checkpointEvery: 50 };
let tdb: TestDatabase;

before(async () => {
  tdb = await createTestDatabase();
});
after(async () => {
  await tdb.drop();
});

async function appendMany(database: Database, n: number, tag: string) {
  for (let i = 0; i < n; i += 10) {
    const entries = Array.from({ length: Math.min(10, n - i) }, (_, k) => ({
      action: "test.append",
      actorLabel: tag,
      details: { i: i + k, tag },
    }));
    await database.db.transaction((tx) => appendLedger(tx, entries, opts));
  }
}

/** What an attacker with database rights does: switch the append-only triggers off, cut the tail. */
async function truncateAfter(seq: number) {
  await tdb.query("ALTER TABLE ledger_entries DISABLE TRIGGER USER");
  await tdb.query("ALTER TABLE ledger_checkpoints DISABLE TRIGGER USER");
  await tdb.query(`DELETE FROM ledger_entries WHERE seq > ${seq}`);
  await tdb.query(`DELETE FROM ledger_checkpoints WHERE seq > ${seq}`);
  await tdb.query("ALTER TABLE ledger_entries ENABLE TRIGGER USER");
  await tdb.query("ALTER TABLE ledger_checkpoints ENABLE TRIGGER USER");
}

describe(`ledger checked against an exported checkpoint file on ${onPostgres ? "PostgreSQL" : "PGlite"}`, () => {
  let exported: CheckpointExport;

  test("E3: an unchanged database passes the check against its own export", async () => {
    // 120 entries with a checkpoint every 50 (seq 50, 100), then the timer's checkpoint at the head (120).
    await appendMany(tdb, 120, "a");
    assert.equal((await checkpointIfStale(tdb, opts))?.seq, 120);
    exported = { exportedAt: new Date().toISOString(), publicKey, checkpoints: await exportCheckpoints(tdb) };
    assert.deepEqual(
      exported.checkpoints.map((c) => c.seq),
      [50, 100, 120],
    );
    const r = await verifyAgainstExport(tdb, exported, publicKey);
    assert.deepEqual(r.problems, []);
    assert.equal(r.ok, true);
    assert.equal(r.checked, 3);
  });

  test("E3: entries cut after the last checkpoint in the database are named by the exported file", async () => {
    await truncateAfter(100);
    // The database alone cannot tell: its chain and its remaining checkpoints are consistent.
    const alone = await verifyLedger(tdb, { trustedPublicKey: publicKey });
    assert.equal(alone.ok, true);
    assert.equal(alone.count, 100);
    const r = await verifyAgainstExport(tdb, exported, publicKey);
    assert.equal(r.ok, false);
    assert.equal(r.problems.length, 1);
    assert.match(
      r.problems[0],
      /^checkpoint at seq 120 \(signed \d{4}-\d\d-\d\d \d\d:\d\d UTC\) is not in the database: entries 101–120 missing or rewritten$/,
    );
  });

  test("E3: a cut tail written again with other entries is named as rewritten", async () => {
    await appendMany(tdb, 30, "forged");
    assert.equal((await verifyLedger(tdb, { trustedPublicKey: publicKey })).ok, true);
    const r = await verifyAgainstExport(tdb, exported, publicKey);
    assert.equal(r.ok, false);
    assert.match(
      r.problems.join("\n"),
      /checkpoint at seq 120 \(signed [^)]+\) does not match the database: entries up to 120 were rewritten/,
    );
  });

  test("E3: an exported file that was edited or signed by another key is refused checkpoint by checkpoint", async () => {
    const edited: CheckpointExport = {
      ...exported,
      checkpoints: exported.checkpoints.map((c) => (c.seq === 50 ? { ...c, hash: "f".repeat(64) } : c)),
    };
    const r = await verifyAgainstExport(tdb, edited, publicKey);
    assert.equal(r.ok, false);
    assert.match(r.problems.join("\n"), /checkpoint at seq 50 in the file has an invalid signature/);
    const other = ephemeralSecrets().ledgerPublicKey.export({ type: "spki", format: "pem" }).toString();
    const foreign = await verifyAgainstExport(tdb, exported, other);
    assert.equal(foreign.ok, false);
    assert.match(foreign.problems[0], /not this installation's ledger key/);
  });
});
