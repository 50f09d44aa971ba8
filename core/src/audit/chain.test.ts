import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { canonicalJson } from "./canonical-json";
import {
  canonicalEntry,
  checkLink,
  GENESIS_HASH,
  hashEntry,
  type LedgerEntry,
  type LedgerEntryContent,
} from "./chain";

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

test("E3: the fast entry serialiser is byte-identical to canonical JSON for any entry", () => {
  const nullableText = fc.option(fc.string({ unit: "grapheme" }), { nil: null });
  fc.assert(
    fc.property(
      fc.record({
        seq: fc.integer({ min: 1, max: 2 ** 40 }),
        occurredAt: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        agencyId: nullableText,
        actorId: nullableText,
        actorLabel: nullableText,
        clientIp: nullableText,
        userAgent: nullableText,
        action: fc.string(),
        resourceType: nullableText,
        resourceId: nullableText,
        subjectRef: nullableText,
        purpose: nullableText,
        result: fc.constantFrom("ok" as const, "denied" as const, "failed" as const),
        details: fc.option(fc.dictionary(fc.string(), fc.jsonValue()), { nil: null }) as fc.Arbitrary<Record<
          string,
          unknown
        > | null>,
        prevHash: fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 64, maxLength: 64 }),
      }),
      (c) => {
        // canonicalJson rejects -0 and non-finite numbers the same way; jsonValue produces neither here.
        assert.equal(canonicalEntry(c), canonicalJson(c));
      },
    ),
  );
});
