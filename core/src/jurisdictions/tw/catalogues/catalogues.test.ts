import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  codesOf,
  entriesToVerify,
  findEntry,
  mergeCatalogueDefinition,
  validateCatalogue,
} from "../../../registry/catalogue";
import {
  scoreRisk,
  TW_SPECIFIC_PURPOSE_GAPS,
  twCatalogues,
  twCollectionBases,
  twDataCategories,
  twDataCategoryGroups,
  twDesignatedDuties002,
  twDesignatedDuties004,
  twEntrustmentChecklist,
  twFeeSchedule,
  twOutOfPurposeGrounds,
  twRefusalGrounds,
  twRequestKinds,
  twRiskFactors,
  twSensitiveDataClasses,
  twSpecificPurposes,
} from "./index";

describe("TW catalogues: schema", () => {
  for (const [id, def] of Object.entries(twCatalogues)) {
    test(`${def.requirements.join(", ")}: ${id} is valid, has unique codes and zh-TW + en names`, () => {
      assert.ok(def.entries.length > 0);
      assert.deepEqual(validateCatalogue(def.entries, { requiredLocales: def.requiredLocales }), []);
      assert.equal(def.jurisdiction, "TW");
    });
  }
});

describe("TW specific purposes", () => {
  test("B3, B5: codes run 001..182 without gaps except the listed ones", () => {
    const expected: string[] = [];
    for (let n = 1; n <= 182; n++) {
      const code = String(n).padStart(3, "0");
      if (!TW_SPECIFIC_PURPOSE_GAPS.includes(code)) expected.push(code);
    }
    assert.deepEqual(codesOf(twSpecificPurposes), expected);
  });

  test("B5: anchors of the official list are where the official list puts them", () => {
    assert.equal(findEntry(twSpecificPurposes, "001")?.names["zh-TW"], "人身保險");
    assert.equal(findEntry(twSpecificPurposes, "069")?.names["zh-TW"], "契約、類似契約或其他法律關係事務");
    assert.equal(findEntry(twSpecificPurposes, "157")?.names["zh-TW"], "調查、統計與研究分析");
    assert.equal(findEntry(twSpecificPurposes, "182")?.names["zh-TW"], "其他諮詢與顧問服務");
  });

  test("placeholders and unconfirmed names are flagged verify; confirmed ones are not", () => {
    for (const e of twSpecificPurposes) {
      if (e.names["zh-TW"]?.includes("待確認")) assert.equal(e.verify, true, e.code);
    }
    const toVerify = entriesToVerify(twSpecificPurposes).length;
    assert.ok(toVerify > 0 && toVerify < twSpecificPurposes.length);
    assert.equal(findEntry(twSpecificPurposes, "002")?.verify, undefined);
  });

  test("B5: 071, 095, 168 and 179 are confirmed by public notices (names as transcribed); 051 and 092 stay unknown", () => {
    // Expected names written out from the published notices, not read from the catalogue.
    const seen: Record<string, string> = {
      "071": "建築管理、都市更新、國民住宅事務",
      "095": "財稅行政",
      "168": "護照、簽證及文件證明處理",
      "179": "其他財政服務",
    };
    for (const [code, zh] of Object.entries(seen)) {
      const e = findEntry(twSpecificPurposes, code);
      assert.equal(e?.names["zh-TW"], zh, code);
      assert.equal(e?.verify, undefined, `${code} is confirmed`);
    }
    for (const code of ["051", "092"]) assert.equal(findEntry(twSpecificPurposes, code)?.verify, true, code);
  });

  test("B5: an agency adds a local purpose without a code change, and cannot reuse an official code", () => {
    const merged = mergeCatalogueDefinition(twCatalogues.specificPurposes, [
      { code: "L01", names: { "zh-TW": "里鄰業務", en: "Village affairs" } },
    ]);
    assert.equal(findEntry(merged.entries, "L01")?.local, true);
    assert.throws(
      () =>
        mergeCatalogueDefinition(twCatalogues.specificPurposes, [
          { code: "023", names: { "zh-TW": "民政", en: "Civil affairs" } },
        ]),
      /023.*already exists/,
    );
    assert.throws(
      () =>
        mergeCatalogueDefinition(twCatalogues.specificPurposes, [
          { code: "L02", names: { en: "English only" } },
        ]),
      /names\.zh-TW/,
    );
  });
});

describe("TW data categories", () => {
  test("B3: codes are C + 3 digits, ascending, and every group is a known class", () => {
    const groups = new Set(codesOf(twDataCategoryGroups));
    let prev = "";
    for (const e of twDataCategories) {
      assert.match(e.code, /^C\d{3}$/);
      assert.ok(e.code > prev, `${e.code} after ${prev}`);
      prev = e.code;
      assert.ok(e.group && groups.has(e.group), `${e.code} group ${e.group}`);
    }
    // Every class has at least one category.
    for (const g of groups)
      assert.ok(
        twDataCategories.some((e) => e.group === g),
        g,
      );
  });

  test("B3: identification class is C001 辨識個人者, C002 辨識財務者, C003 政府資料中之辨識者", () => {
    const ids = twDataCategories.filter((e) => e.group === "identification");
    assert.deepEqual(
      ids.map((e) => `${e.code} ${e.names["zh-TW"]}`),
      ["C001 辨識個人者", "C002 辨識財務者", "C003 政府資料中之辨識者"],
    );
    assert.equal(findEntry(twDataCategories, "C003")?.uniqueIdentifier, true);
  });

  test("B8: categories holding Art. 6 data are flagged sensitive", () => {
    for (const code of ["C111", "C112"])
      assert.equal(findEntry(twDataCategories, code)?.sensitive, true, code);
    assert.equal(findEntry(twDataCategories, "C001")?.sensitive, undefined);
  });
});

describe("TW legal catalogues", () => {
  test("B8: Art. 6 lists the six sensitive classes, all flagged", () => {
    assert.deepEqual(
      twSensitiveDataClasses.map((e) => e.names["zh-TW"]),
      ["病歷", "醫療", "基因", "性生活", "健康檢查", "犯罪前科"],
    );
    assert.ok(twSensitiveDataClasses.every((e) => e.sensitive === true));
  });

  test("B6: Art. 15 gives three collection grounds for government agencies (plus lawful entrustment)", () => {
    assert.equal(twCollectionBases.filter((e) => e.article?.startsWith("PDPA Art. 15")).length, 3);
  });

  test("G3: Art. 16 gives seven out-of-purpose grounds, numbered in order", () => {
    assert.equal(twOutOfPurposeGrounds.length, 7);
    twOutOfPurposeGrounds.forEach((e, i) => {
      assert.equal(e.code, `art16-${i + 1}`);
    });
  });

  test("C6: refusal grounds cover the Art. 10 provisos, Art. 11(2)/(3) provisos and the procedural grounds", () => {
    const byGroup = (g: string) => twRefusalGrounds.filter((e) => e.group === g).length;
    assert.equal(byGroup("art10"), 3);
    assert.equal(byGroup("art11-2"), 2);
    assert.equal(byGroup("art11-3"), 2);
    assert.equal(byGroup("procedural"), 2);
    assert.match(findEntry(twRefusalGrounds, "art10-2")?.names["zh-TW"] ?? "", /妨害公務機關執行法定職務/);
    // Every ground points at request kinds that exist.
    const kinds = new Set(codesOf(twRequestKinds));
    for (const g of twRefusalGrounds) {
      const applies = String(g.attributes?.appliesTo ?? "");
      assert.ok(applies.length > 0, g.code);
      if (applies !== "*") for (const k of applies.split(",")) assert.ok(kinds.has(k), `${g.code} -> ${k}`);
    }
  });

  test("C1, C7: request kinds map to the TW statutory clocks (Art. 10 -> access, Art. 11 -> correction)", () => {
    for (const k of twRequestKinds) {
      assert.ok(k.deadlineKind === "tw_pdpa_access" || k.deadlineKind === "tw_pdpa_correction", k.code);
      const art11 = /Art\. 11/.test(k.article ?? "");
      assert.equal(k.deadlineKind, art11 ? "tw_pdpa_correction" : "tw_pdpa_access", k.code);
    }
    assert.deepEqual(codesOf(twRequestKinds).sort(), [
      "copy",
      "correction",
      "deletion",
      "inspection",
      "query",
      "stop_processing",
      "transcription",
    ]);
  });

  test("C13: fees follow the archives fee standard; unconfirmed copy amounts are null and marked verify", () => {
    assert.equal(findEntry(twFeeSchedule, "inspection")?.attributes?.amountTwd, 20);
    assert.equal(findEntry(twFeeSchedule, "transcription")?.attributes?.unit, "per_2_hours");
    assert.equal(findEntry(twFeeSchedule, "mail_handling")?.attributes?.amountTwd, 50);
    for (const f of twFeeSchedule) {
      assert.equal(f.attributes?.currency, "TWD", f.code);
      // A fee the text does not give is never invented: null amount, and flagged unless the agency sets it.
      if (f.verify) assert.equal(f.attributes?.amountTwd, null, f.code);
      const amount = f.attributes?.amountTwd;
      assert.ok(amount === null || (typeof amount === "number" && amount >= 0), f.code);
    }
    assert.ok(twFeeSchedule.some((f) => f.verify));
  });
});

describe("TW management catalogues", () => {
  test("E10: seven risk factors in the seed's order", () => {
    assert.equal(twRiskFactors.length, 7);
    assert.equal(twRiskFactors[0].names["zh-TW"], "個人資料可識別程度");
    assert.equal(twRiskFactors[6].names["zh-TW"], "個人資料保護意識及相關知能");
  });

  test("E10: suggested scoring gives low/medium/high and refuses incomplete or out-of-range scores", () => {
    const all = (n: number) => Object.fromEntries(twRiskFactors.map((f) => [f.code, n]));
    assert.equal(scoreRisk(all(1)).level, "low");
    assert.equal(scoreRisk(all(3)).level, "medium");
    assert.equal(scoreRisk(all(5)).level, "high");
    assert.equal(scoreRisk(all(2)).mean, 2);
    const partial = all(1);
    delete partial.awareness;
    assert.throws(() => scoreRisk(partial), /awareness/);
    assert.throws(() => scoreRisk({ ...all(1), legality: 6 }), /legality/);
  });

  test("G8, G9: entrustment checklist covers tender, contract, performance and termination", () => {
    const groups = new Set(twEntrustmentChecklist.map((e) => e.group));
    assert.deepEqual([...groups].sort(), ["contract", "performance", "tender", "termination"]);
    assert.equal(
      findEntry(twEntrustmentChecklist, "termination_affidavit")?.attributes?.exemptOnRenewal,
      true,
    );
    assert.ok(findEntry(twEntrustmentChecklist, "staff_departure_passwords"));
  });

  test("A7: designated-staff duties: six in 002 (unit + secretariat), ten in 004", () => {
    assert.equal(twDesignatedDuties002.length, 6);
    assert.deepEqual(
      twDesignatedDuties002.map((e) => e.attributes?.responsible),
      ["unit", "secretariat", "secretariat", "secretariat", "secretariat", "secretariat"],
    );
    assert.equal(twDesignatedDuties004.length, 10);
    assert.ok(findEntry(twDesignatedDuties004, "self_inspection"));
  });
});
