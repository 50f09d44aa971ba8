import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  decodeBool,
  decodeCode,
  decodeItems,
  decodeList,
  encodeBool,
  encodeItems,
  encodeList,
} from "./cells";
import { FILE_FIELDS } from "./fields";
import { codeSet, inferItemKind, registryLists } from "./lists";
import { deviceNoticeText } from "./notice";
import { classifyIdentifier, fileMayHold, kindsForQuery, subjectKey } from "./subject";
import {
  checkFileRules,
  deriveItemFlags,
  fileFieldsPatchSchema,
  fileFieldsSchema,
  normaliseItems,
} from "./validate";

const UNIT = "8f14e45f-ceea-467f-a0e6-8b5a1c0d2f3e";

describe("register fields and lists", () => {
  test("B2/B3: every field has a label and help text in ko, zh-TW and en", () => {
    for (const f of FILE_FIELDS) {
      for (const l of ["ko", "zh-TW", "en"] as const) assert.ok(f.label[l], `${f.key} label ${l}`);
    }
    const keys = FILE_FIELDS.map((f) => f.key);
    // B3's 20 inventory fields and B2's registration fields map onto these keys.
    for (const k of [
      "name",
      "businessProcess",
      "unitId",
      "custodianUnitId",
      "custodyMethod",
      "fileTypes",
      "sources",
      "legalBasisText",
      "noticeRequired",
      "purposeCodes",
      "categoryCodes",
      "items",
      "subjectCount",
      "internalUsers",
      "externalProcessors",
      "entrusteeAccess",
      "retentionPeriod",
      "destructionMethod",
      "isPublic",
      "processingMethod",
      "accessRequestUnitId",
      "routineRecipients",
    ]) {
      assert.ok(keys.includes(k), k);
    }
  });

  test("B5/B6: lists come from the pack: TW has purposes and categories, KR legal bases and retention classes", () => {
    const tw = registryLists("TW");
    const kr = registryLists("KR");
    assert.ok(tw.purposes.length > 150 && tw.dataCategories.length > 50);
    assert.equal(kr.purposes.length, 0);
    assert.ok(codeSet(kr.legalBases).has("art15-1-1"));
    assert.ok(codeSet(kr.retentionClasses).has("5y"));
    assert.ok(codeSet(kr.entrustmentClauses).has("purpose_limit"));
    assert.ok(codeSet(tw.entrustmentClauses).has("termination_affidavit"));
    // E10: each pack's own risk factors (the KR list is the seeds' safeguard measures, flagged verify).
    assert.ok(
      codeSet(kr.riskFactors).has("internal_plan") && !codeSet(kr.riskFactors).has("identifiability"),
    );
    assert.ok(
      codeSet(tw.riskFactors).has("identifiability") && !codeSet(tw.riskFactors).has("internal_plan"),
    );
    assert.ok(kr.riskFactors.every((f) => f.verify === true));
  });

  test("item 2: local entries are merged and must not reuse official codes", () => {
    const local = registryLists("TW", {
      specificPurposes: [{ code: "L001", names: { "zh-TW": "區政業務", en: "District affairs" } }],
    });
    assert.ok(codeSet(local.purposes).has("L001"));
    assert.throws(() =>
      registryLists("TW", { specificPurposes: [{ code: "001", names: { "zh-TW": "x", en: "x" } }] }),
    );
  });

  test("B8: item kinds are inferred from labels in three languages", () => {
    assert.equal(inferItemKind("주민등록번호"), "rrn");
    assert.equal(inferItemKind("國民身分證統一編號"), "tw_id");
    assert.equal(inferItemKind("휴대전화번호"), "phone");
    assert.equal(inferItemKind("E-mail address"), "email");
    assert.equal(inferItemKind("病歷"), "health");
    assert.equal(inferItemKind("성명"), "name");
    assert.equal(inferItemKind("학력"), null);
  });
});

describe("file validation", () => {
  const lists = registryLists("KR");
  const base = fileFieldsSchema.parse({ name: "x", unitId: UNIT, processingMethod: "paper" });

  test("B6/B9: codes, dates, exemption reason", () => {
    const issues = checkFileRules(
      {
        ...base,
        legalBasisCodes: ["art15-1-1", "zzz"],
        isPublic: false,
        registeredOn: "2099-01-01",
        publishedOn: "2020-01-01",
        nextReviewOn: "2090-01-01",
      },
      // Withdrawing a published file (issue 11 item 3: a new file simply waits unpublished).
      { lists, today: "2026-06-01", wasPublic: true },
    );
    assert.deepEqual(issues.map((i) => `${i.field}:${i.code}`).sort(), [
      "exemptionReason:exemption_required",
      "legalBasisCodes:unknown_code",
      "nextReviewOn:date_out_of_range",
      "publishedOn:date_order",
      "registeredOn:date_out_of_range",
    ]);
    assert.deepEqual(
      checkFileRules(
        { ...base, isPublic: false, exemptionReason: "법 제32조" },
        { lists, today: "2026-06-01", wasPublic: true },
      ),
      [],
    );
    assert.equal(base.isPublic, false, "B9: a file is not public unless published explicitly");
    assert.deepEqual(checkFileRules({ ...base, isPublic: false }, { lists, today: "2026-06-01" }), []);
  });

  test("B8: item flags are derived; unknown kinds and class codes are refused", () => {
    const items = normaliseItems([
      { name: "주민등록번호", uniqueIdentifier: true, sensitive: false },
      { name: "병력", sensitive: true, uniqueIdentifier: false, classCode: "health" },
    ]);
    assert.deepEqual(deriveItemFlags(items), {
      itemKinds: ["health", "rrn"],
      hasSensitive: true,
      hasUniqueIdentifier: true,
    });
    const bad = checkFileRules(
      {
        ...base,
        items: [
          { name: "x", kind: "shoe_size", sensitive: false, uniqueIdentifier: false, classCode: "nope" },
        ],
      },
      { lists, today: "2026-06-01" },
    );
    assert.equal(bad.length, 2);
  });

  test("item 8: the patch schema leaves absent fields absent", () => {
    assert.deepEqual(fileFieldsPatchSchema.parse({ notes: "n" }), { notes: "n" });
    assert.equal(fileFieldsPatchSchema.safeParse({ processingMethod: "fax" }).success, false);
  });
});

describe("xlsx cell codecs", () => {
  test("item 9: lists, items and booleans survive encode -> decode", () => {
    const list = ["a b", "c", "d-e"];
    assert.deepEqual(decodeList(encodeList(list)), list);
    const items = [
      { name: "성명", kind: "name", sensitive: false, uniqueIdentifier: false, classCode: null },
      { name: "주민등록번호", kind: "rrn", sensitive: false, uniqueIdentifier: true, classCode: "rrn" },
      {
        name: "Health (self-reported)",
        kind: null,
        sensitive: true,
        uniqueIdentifier: false,
        classCode: "health",
      },
    ];
    assert.deepEqual(decodeItems(encodeItems(items)), items);
    for (const lang of ["ko", "zh-TW", "en"] as const) {
      assert.equal(decodeBool(encodeBool(true, lang)), true);
      assert.equal(decodeBool(encodeBool(false, lang)), false);
    }
    assert.equal(decodeBool("perhaps"), "invalid");
    assert.equal(decodeCode("5y 5년", new Set(["5y"])), "5y");
  });
});

describe("subject search rules", () => {
  test("item 12: identifiers are classified by shape", () => {
    assert.equal(classifyIdentifier("900101-1234567"), "rrn");
    assert.equal(classifyIdentifier("900101-5234567"), "alien_registration");
    assert.equal(classifyIdentifier("A123456789"), "tw_id");
    assert.equal(classifyIdentifier("010-1234-5678"), "phone");
    assert.equal(classifyIdentifier("0912-345-678"), "phone");
    assert.equal(classifyIdentifier("someone@example.org"), "email");
    assert.equal(classifyIdentifier("M12345678"), "passport");
    assert.equal(classifyIdentifier("hello"), null);
  });

  test("item 12: a file may hold a person when it declares the identifier kind (name+birthdate needs both)", () => {
    const f = { itemKinds: ["name", "phone"], subjectCategories: ["민원인"] };
    assert.deepEqual(fileMayHold(f, { identifier: "010-1234-5678" }), ["phone"]);
    assert.equal(fileMayHold(f, { identifier: "900101-1234567" }), null);
    assert.equal(fileMayHold(f, { name: "홍길동", birthdate: "1990-01-01" }), null);
    assert.deepEqual(
      fileMayHold({ ...f, itemKinds: ["name", "birthdate"] }, { name: "홍길동", birthdate: "1990-01-01" }),
      ["name", "birthdate"],
    );
    assert.equal(fileMayHold(f, { identifier: "010-1234-5678", subjectCategory: "직원" }), null);
    assert.equal(kindsForQuery({}), null);
    assert.equal(
      subjectKey({ name: " 홍길동 ", birthdate: "1990-01-01" }),
      subjectKey({ name: "홍길동", birthdate: "1990-01-01" }),
    );
  });
});

describe("CCTV notice", () => {
  test("B10: the notice text carries purpose, place, count, hours, retention and manager", () => {
    const d = {
      name: "x",
      location: "1층 로비",
      purpose: "시설 안전",
      count: 2,
      recordingHours: "24시간",
      retentionDays: 30,
      managers: [{ name: "홍길동", unit: "총무과", phone: "02-000-0000" }],
    };
    const ko = deviceNoticeText(d, "한빛시", "ko");
    for (const part of [
      "시설 안전",
      "1층 로비 (2대)",
      "24시간",
      "30일",
      "총무과 홍길동 02-000-0000",
      "한빛시",
    ])
      assert.ok(ko.includes(part), part);
    assert.match(deviceNoticeText(d, "青山區公所", "zh-TW"), /保存期間：自攝錄日起30日/);
    assert.match(deviceNoticeText({ ...d, count: 1 }, "Hanbit", "en"), /\(1 camera\)/);
  });
});
