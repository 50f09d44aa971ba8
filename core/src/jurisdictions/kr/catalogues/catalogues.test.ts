import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  codesOf,
  DEADLINE_KINDS,
  findEntry,
  mergeCatalogueDefinition,
  selectableEntries,
  validateCatalogue,
} from "../../../registry/catalogue";
import { twRequestKinds } from "../../tw/catalogues/index";
import {
  krAccessLimitGrounds,
  krCatalogues,
  krCollectionBases,
  krDeletionRefusalGrounds,
  krDestructionMethods,
  krEntrustmentClauses,
  krOutOfPurposeGrounds,
  krProvisionBases,
  krRecordsRetentionClasses,
  krRemedyBodies,
  krRequestKinds,
  krSensitiveDataClasses,
  krSuspensionRefusalGrounds,
  krUniqueIdentifiers,
} from "./index";

describe("KR catalogues: schema", () => {
  for (const [id, def] of Object.entries(krCatalogues)) {
    test(`${def.requirements.join(", ")}: ${id} is valid, has unique codes and ko + en names`, () => {
      assert.ok(def.entries.length > 0);
      assert.deepEqual(validateCatalogue(def.entries, { requiredLocales: def.requiredLocales }), []);
      assert.equal(def.jurisdiction, "KR");
    });
  }
});

describe("KR legal bases", () => {
  test("B6: PIPA Art. 15(1) has seven grounds in order, incl. public institutions' duties (item 3)", () => {
    assert.deepEqual(
      codesOf(krCollectionBases),
      [1, 2, 3, 4, 5, 6, 7].map((n) => `art15-1-${n}`),
    );
    assert.match(findEntry(krCollectionBases, "art15-1-3")?.names.ko ?? "", /공공기관/);
  });

  test("B7: Art. 17(1) provision bases: consent and within the collection purpose", () => {
    assert.equal(krProvisionBases.length, 2);
  });

  test("G1: Art. 18(2) numbered as in Gunsan's policy, item 4 deleted (2020-02-04) and not selectable", () => {
    assert.equal(krOutOfPurposeGrounds[3].code, "art18-2-4");
    assert.equal(krOutOfPurposeGrounds[3].deletedOn, "2020-02-04");
    const selectable = codesOf(selectableEntries(krOutOfPurposeGrounds));
    assert.ok(!selectable.includes("art18-2-4"));
    for (const n of [1, 2, 3, 5, 6, 7, 8, 9]) assert.ok(selectable.includes(`art18-2-${n}`), String(n));
    assert.match(findEntry(krOutOfPurposeGrounds, "art18-2-5")?.names.ko ?? "", /보호위원회의 심의·의결/);
    // Items 5-9 apply to public institutions only.
    for (const n of [5, 6, 7, 8, 9]) {
      assert.equal(
        findEntry(krOutOfPurposeGrounds, `art18-2-${n}`)?.attributes?.publicInstitutionsOnly,
        true,
      );
    }
  });
});

describe("KR data classes", () => {
  test("B8: Art. 23 and Decree 18 sensitive classes, all flagged sensitive", () => {
    const names = krSensitiveDataClasses.map((e) => e.names.ko ?? "");
    for (const word of [
      "사상·신념",
      "노동조합·정당",
      "정치적 견해",
      "건강",
      "성생활",
      "유전정보",
      "범죄경력",
      "인종",
    ]) {
      assert.ok(
        names.some((n) => n.includes(word)),
        word,
      );
    }
    assert.ok(findEntry(krSensitiveDataClasses, "biometric"));
    assert.ok(krSensitiveDataClasses.every((e) => e.sensitive === true));
  });

  test("E4: Decree 19 unique identifiers: resident registration, passport, driver's licence, alien registration", () => {
    assert.deepEqual(codesOf(krUniqueIdentifiers), [
      "rrn",
      "passport",
      "driver_licence",
      "alien_registration",
    ]);
    assert.ok(krUniqueIdentifiers.every((e) => e.uniqueIdentifier === true));
  });
});

describe("KR refusal grounds", () => {
  test("C8: access limits: items 1, 2 and each of 3 가–마 (tax, grades, exams, compensation, audits)", () => {
    assert.equal(krAccessLimitGrounds.length, 7);
    const sub = krAccessLimitGrounds.filter((e) => e.group === "art35-4-3");
    assert.deepEqual(
      sub.map((e) => e.article?.slice(-2)),
      ["가목", "나목", "다목", "라목", "마목"],
    );
    assert.match(sub[0].names.ko ?? "", /조세/);
    assert.match(sub[4].names.ko ?? "", /감사 및 조사/);
  });

  test("C9: deletion is refused where another law names the data as to be collected", () => {
    assert.equal(krDeletionRefusalGrounds.length, 1);
    assert.match(krDeletionRefusalGrounds[0].names.ko ?? "", /수집 대상으로 명시/);
  });

  test("C10: four grounds to refuse suspension (Art. 37(2))", () => {
    assert.deepEqual(
      codesOf(krSuspensionRefusalGrounds),
      [1, 2, 3, 4].map((n) => `art37-2-${n}`),
    );
    assert.match(krSuspensionRefusalGrounds[3].names.ko ?? "", /계약의 해지 의사/);
  });
});

describe("KR management catalogues", () => {
  test("G7: entrustment checklist holds Mokpo's three and Gunsan's six clauses", () => {
    const seeds = (s: string) =>
      krEntrustmentClauses.filter((e) => String(e.attributes?.seeds).split(",").includes(s)).length;
    assert.equal(seeds("000"), 4, "3 clauses + publication duty");
    assert.equal(seeds("001"), 7, "6 clauses + publication duty");
  });

  test("D5: destruction methods: Mokpo's full and partial methods and Gunsan's per-medium methods", () => {
    assert.equal(krDestructionMethods.filter((e) => e.group === "full").length, 5);
    assert.equal(krDestructionMethods.filter((e) => e.group === "partial").length, 2);
    assert.ok(
      krDestructionMethods.every((e) =>
        ["any", "paper", "electronic"].includes(String(e.attributes?.medium)),
      ),
    );
  });

  test("J2: retention classes include every class of the seed schedule, longest first", () => {
    const names = krRecordsRetentionClasses.map((e) => e.names.ko);
    for (const n of ["영구", "준영구", "20년", "10년", "5년", "3년", "1년"]) assert.ok(names.includes(n), n);
    const years = krRecordsRetentionClasses
      .map((e) => e.attributes?.years)
      .filter((y) => typeof y === "number");
    assert.deepEqual(
      years,
      [...years].sort((a, b) => (b as number) - (a as number)),
    );
  });

  test("H4: remedy bodies list 118, 1833-6972, 1301, 182 and the administrative appeal", () => {
    const phones = krRemedyBodies.map((e) => e.attributes?.phone).filter(Boolean);
    assert.deepEqual(phones, ["118", "1833-6972", "1301", "182"]);
    assert.equal(findEntry(krRemedyBodies, "kopico")?.attributes?.altPhone, "1688-0070");
    assert.equal(findEntry(krRemedyBodies, "admin_appeal")?.names.ko, "행정심판");
  });

  test("C1: KR request kinds map to the pipa_* clocks; with TW kinds every deadline kind is used", () => {
    assert.deepEqual(
      krRequestKinds.map((e) => e.deadlineKind),
      ["pipa_access", "pipa_correction", "pipa_suspension"],
    );
    const used = new Set([...krRequestKinds, ...twRequestKinds].map((e) => e.deadlineKind));
    assert.deepEqual([...used].sort(), [...DEADLINE_KINDS].sort());
  });

  test("G7: an agency adds a local clause; the same code twice is refused with the code named", () => {
    const merged = mergeCatalogueDefinition(krCatalogues.entrustmentClauses, [
      { code: "local-audit", names: { ko: "수탁자 현장점검 연 2회", en: "On-site audit twice a year" } },
    ]);
    assert.equal(findEntry(merged.entries, "local-audit")?.local, true);
    assert.throws(
      () =>
        mergeCatalogueDefinition(krCatalogues.entrustmentClauses, [
          { code: "safeguards", names: { ko: "중복", en: "dup" } },
        ]),
      /safeguards.*already exists/,
    );
  });
});
