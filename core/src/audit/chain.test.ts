import assert from "node:assert/strict";
import { test } from "node:test";
import { canonicalJson } from "./canonical-json";
import { checkLink, GENESIS_HASH, hashEntry, type LedgerEntry, type LedgerEntryContent } from "./chain";

function entry(seq: number, prevHash: string, action = "org.staff.read"): LedgerEntry {
  const content: LedgerEntryContent = {
    seq,
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, seq)).toISOString(),
    agencyId: null,
    actorId: null,
    actorLabel: "admin",
    clientIp: "127.0.0.1",
    userAgent: null,
    action,
    resourceType: "staff",
    resourceId: String(seq),
    subjectRef: null,
    purpose: null,
    result: "ok",
    details: { b: 1, a: [1, 2] },
    prevHash,
  };
  return { ...content, hash: hashEntry(content) };
}

test("E3: canonical JSON sorts keys and drops undefined", () => {
  assert.equal(canonicalJson({ b: 1, a: { d: undefined, c: "x" } }), '{"a":{"c":"x"},"b":1}');
});

test("E3: a valid chain links; an altered, reordered or re-linked entry is named by seq", () => {
  const e1 = entry(1, GENESIS_HASH);
  const e2 = entry(2, e1.hash);
  const e3 = entry(3, e2.hash);
  assert.equal(checkLink(null, e1), null);
  assert.equal(checkLink(e1, e2), null);
  assert.equal(checkLink(e2, e3), null);
  const altered = { ...e2, action: "org.staff.delete" };
  assert.match(checkLink(e1, altered)?.reason ?? "", /altered/);
  assert.equal(checkLink(e1, e3)?.seq, 3);
  assert.match(checkLink(e1, e3)?.reason ?? "", /gap/);
  const relinked = entry(2, "f".repeat(64));
  assert.match(checkLink(e1, relinked)?.reason ?? "", /prev_hash/);
});
