import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { applyChanges, diffRecords } from "./diff";

describe("registry diff", () => {
  test("B1/item 8: scalar, list and nested changes are reported field by field", () => {
    const before = {
      name: "민원 처리 파일",
      version: 1,
      purposeCodes: ["001"],
      items: [
        { name: "성명", sensitive: false },
        { name: "주민등록번호", sensitive: false },
      ],
      retentionYears: 5,
      notes: null,
    };
    const after = {
      name: "민원처리 파일",
      version: 2,
      purposeCodes: ["001", "002"],
      items: [
        { name: "성명", sensitive: false },
        { name: "주민등록번호", sensitive: true },
        { name: "연락처", sensitive: false },
      ],
      retentionYears: 5,
      notes: "변경",
    };
    const changes = diffRecords(before, after);
    assert.deepEqual(
      changes.map((c) => [c.path, c.kind]),
      [
        ["items.1.sensitive", "changed"],
        ["items.2", "added"],
        ["name", "changed"],
        ["notes", "added"],
        ["purposeCodes", "changed"],
      ],
    );
    assert.deepEqual(changes.find((c) => c.path === "purposeCodes")?.after, ["001", "002"]);
    assert.ok(!changes.some((c) => c.path === "version"), "bookkeeping fields are ignored");
  });

  test("item 8: no change gives an empty diff; creation lists only filled fields", () => {
    const r = { name: "x", codes: ["a"], empty: [], blank: "" };
    assert.deepEqual(diffRecords(r, structuredClone(r)), []);
    const created = diffRecords(null, r);
    assert.deepEqual(
      created.map((c) => c.path),
      ["codes", "name"],
    );
    const deleted = diffRecords(r, null);
    assert.ok(deleted.every((c) => c.kind === "removed"));
  });

  test("item 8: dates compare by instant", () => {
    const d = new Date("2026-01-01T00:00:00Z");
    assert.deepEqual(diffRecords({ at: d }, { at: new Date(d.getTime()) }), []);
    assert.equal(diffRecords({ at: d }, { at: new Date(d.getTime() + 1) }).length, 1);
  });

  test("item 8 (property): applying the diff to before yields after", () => {
    const value = fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.boolean(), fc.constant(null));
    const rec = fc.dictionary(
      fc.constantFrom("a", "b", "c", "d"),
      fc.oneof(
        value,
        fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
        fc.array(fc.record({ n: fc.string({ maxLength: 3 }), s: fc.boolean() }), { maxLength: 3 }),
      ),
    );
    fc.assert(
      fc.property(rec, rec, (b, a) => {
        const applied = applyChanges(b, diffRecords(b, a, []));
        // Keys that end up null/empty on both sides are equivalent to absent.
        const clean = (o: Record<string, unknown>) =>
          Object.fromEntries(
            Object.entries(o).filter(
              ([, v]) => !(v === null || v === "" || (Array.isArray(v) && v.length === 0)),
            ),
          );
        assert.deepEqual(JSON.parse(JSON.stringify(clean(applied))), JSON.parse(JSON.stringify(clean(a))));
      }),
      { numRuns: 300 },
    );
  });
});
