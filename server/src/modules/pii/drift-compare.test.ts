import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { compareWithRegister } from "./drift-compare";

const item = (
  name: string,
  kind: string | null,
  extra: Partial<{ sensitive: boolean; uniqueIdentifier: boolean; classCode: string }> = {},
) => ({
  name,
  kind,
  sensitive: false,
  uniqueIdentifier: false,
  classCode: null,
  ...extra,
});

describe("register drift comparison (B8)", () => {
  test("B8: found unique identifiers not among the declared kinds or class codes are undeclared", () => {
    const r = compareWithRegister({
      items: [item("성명", "name"), item("여권", null, { uniqueIdentifier: true, classCode: "passport" })],
      itemKinds: ["name"],
      found: { KR_RRN: 2, KR_PASSPORT: 1, TW_ID: 1, EMAIL: 3, KR_BRN: 4, IP_ADDRESS: 1 },
      headers: [],
    });
    assert.deepEqual(r.undeclaredUnique, ["rrn", "tw_id"]);
    assert.deepEqual(r.undeclaredOther, ["email"]);
  });

  test("B8: sensitive columns are matched in ko / zh-TW / en and count as declared through their class code", () => {
    const none = compareWithRegister({
      items: [],
      itemKinds: [],
      found: {},
      headers: ["病歷號碼", "Criminal record", "주소"],
    });
    assert.deepEqual(none.undeclaredSensitive, ["criminal_record", "health"]);
    const declared = compareWithRegister({
      items: [item("病歷", null, { sensitive: true, classCode: "medical_record" })],
      itemKinds: [],
      found: {},
      headers: ["病歷號碼"],
    });
    assert.deepEqual(declared.undeclaredSensitive, []);
    assert.deepEqual(declared.sensitiveHeaders, [{ header: "病歷號碼", cls: "health" }]);
  });

  test("B8: an item without a kind is read by its name (전화번호 declares phone)", () => {
    const r = compareWithRegister({
      items: [item("전화번호", null)],
      itemKinds: [],
      found: { KR_PHONE: 1, EMAIL: 1 },
      headers: [],
    });
    assert.deepEqual(r.undeclaredOther, ["email"]);
  });

  test("B8: zero counts and unmapped types never produce drift", () => {
    const r = compareWithRegister({
      items: [],
      itemKinds: [],
      found: { KR_RRN: 0, TW_UBN: 5 },
      headers: ["금액"],
    });
    assert.deepEqual([r.undeclaredUnique, r.undeclaredOther, r.undeclaredSensitive], [[], [], []]);
  });
});
