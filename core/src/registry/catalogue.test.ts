import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import {
  type CatalogueEntry,
  CatalogueError,
  entriesInGroup,
  entryLabel,
  entryName,
  findEntry,
  groupEntries,
  mergeCatalogue,
  requireEntry,
  selectableEntries,
  tryMergeCatalogue,
  validateCatalogue,
} from "./catalogue";

const base: CatalogueEntry[] = [
  { code: "001", names: { "zh-TW": "人身保險", en: "Life and health insurance" }, group: "a" },
  { code: "002", names: { "zh-TW": "人事管理", en: "Human resources" }, group: "b" },
  { code: "003", names: { en: "Deleted item" }, deletedOn: "2020-02-04" },
];
const zhEn = ["zh-TW", "en"] as const;

describe("mergeCatalogue", () => {
  test("B5: accepts a valid local entry and marks it local", () => {
    const merged = mergeCatalogue(
      base,
      [{ code: "L-001", names: { "zh-TW": "區公所里鄰業務", en: "Village and neighbourhood affairs" } }],
      { requiredLocales: zhEn },
    );
    assert.equal(merged.length, base.length + 1);
    const added = findEntry(merged, "L-001");
    assert.equal(added?.local, true);
    // The rule-pack entries stay untouched and are not marked local.
    assert.equal(findEntry(merged, "001")?.local, undefined);
  });

  test("an agency cannot pass its entry off as official (local: false is overridden)", () => {
    const merged = mergeCatalogue(base, [{ code: "X1", names: { en: "x" }, local: false }]);
    assert.equal(findEntry(merged, "X1")?.local, true);
  });

  test("B5: rejects a code that already exists in the rule pack, naming the code", () => {
    assert.throws(
      () => mergeCatalogue(base, [{ code: "002", names: { en: "Other HR" } }]),
      (err: unknown) => {
        assert.ok(err instanceof CatalogueError);
        assert.match(err.message, /002/);
        assert.match(err.message, /already exists/);
        assert.equal(err.issues[0].index, 0);
        assert.equal(err.issues[0].path, "code");
        return true;
      },
    );
  });

  test("rejects duplicate codes inside the local list", () => {
    const r = tryMergeCatalogue(base, [
      { code: "L1", names: { en: "a" } },
      { code: "L1", names: { en: "b" } },
    ]);
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.equal(r.issues.length, 1);
      assert.equal(r.issues[0].index, 1);
      assert.match(r.issues[0].message, /duplicate local code/);
    }
  });

  test("rejects invalid entries with the field that failed", () => {
    const r = tryMergeCatalogue(base, [
      { code: "ok", names: { en: "fine" } },
      { code: "bad code!", names: { en: "x" } },
      { code: "L2", names: { ko: "이름만" } },
      { code: "L3", names: { en: "x" }, unknownField: 1 },
      "not an object",
    ]);
    assert.equal(r.ok, false);
    if (!r.ok) {
      const byIndex = new Map(r.issues.map((i) => [i.index, i]));
      assert.equal(byIndex.has(0), false, "the valid entry raises no issue");
      assert.equal(byIndex.get(1)?.path, "code");
      assert.equal(byIndex.get(2)?.path, "names.en");
      assert.ok(byIndex.has(3), "unknown fields are refused (strict schema)");
      assert.ok(byIndex.has(4));
    }
  });

  test("rejects local entries missing a required language", () => {
    const r = tryMergeCatalogue(base, [{ code: "L9", names: { en: "English only" } }], {
      requiredLocales: zhEn,
    });
    assert.equal(r.ok, false);
    if (!r.ok) assert.equal(r.issues[0].path, "names.zh-TW");
  });

  test("merges nothing when any local entry fails (all or nothing)", () => {
    const r = tryMergeCatalogue(base, [
      { code: "L1", names: { en: "good" } },
      { code: "001", names: { en: "clash" } },
    ]);
    assert.equal(r.ok, false);
  });

  test("property: any set of fresh valid codes merges completely and keeps base order", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^L[A-Za-z0-9_-]{0,10}$/), { maxLength: 20 }), (codes) => {
        const merged = mergeCatalogue(
          base,
          codes.map((code) => ({ code, names: { en: `name ${code}` } })),
        );
        assert.deepEqual(
          merged.map((e) => e.code),
          [...base.map((e) => e.code), ...codes],
        );
        assert.ok(merged.slice(base.length).every((e) => e.local === true));
      }),
      { numRuns: 100 },
    );
  });
});

describe("validateCatalogue and lookups", () => {
  test("reports duplicate codes and missing languages", () => {
    const issues = validateCatalogue(
      [...base, { code: "001", names: { en: "dup" } }, { code: "004", names: { en: "no zh" } }],
      { requiredLocales: ["en"] },
    );
    assert.equal(issues.filter((i) => /duplicate/.test(i.message)).length, 1);
    const zh = validateCatalogue([{ code: "004", names: { en: "no zh" } }], { requiredLocales: zhEn });
    assert.equal(zh[0].path, "names.zh-TW");
  });

  test("lookups: find, require, group, names with fallback, selectable", () => {
    assert.equal(findEntry(base, "nope"), undefined);
    assert.throws(() => requireEntry(base, "nope"), /unknown catalogue code/);
    assert.equal(entriesInGroup(base, "a").length, 1);
    assert.deepEqual([...groupEntries(base).keys()], ["a", "b", ""]);
    assert.equal(entryName(base[0], "ko"), "Life and health insurance");
    assert.equal(entryName(base[0], "ko", ["zh-TW"]), "人身保險");
    assert.equal(entryLabel(base[0], "zh-TW"), "001 人身保險");
    assert.deepEqual(
      selectableEntries(base).map((e) => e.code),
      ["001", "002"],
    );
  });
});
