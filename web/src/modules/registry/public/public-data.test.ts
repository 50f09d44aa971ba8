import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { matchesQuery, publicParts, publicText } from "./public-data";

describe("B1/B9: published values print whatever their shape", () => {
  test("plain values, lists and coded entries", () => {
    assert.equal(publicText(null), "");
    assert.equal(publicText("5년"), "5년");
    assert.equal(publicText(["성명", "전화번호"]), "성명; 전화번호");
    assert.equal(publicText([{ code: "C001", name: "辨識個人者" }]), "C001 辨識個人者");
  });

  test("a legal basis { codes, text } and a unit { name, phone }", () => {
    const basis = { codes: ["art15-1-1 동의"], text: "민원 처리에 관한 법률 제12조" };
    assert.equal(publicText(basis), "art15-1-1 동의; 민원 처리에 관한 법률 제12조");
    assert.deepEqual(publicParts(basis), ["art15-1-1 동의", "민원 처리에 관한 법률 제12조"]);
    assert.equal(publicText({ name: "행정지원과", phone: "061-000-2100" }), "행정지원과 (061-000-2100)");
    assert.equal(publicText({ name: "經建課", phone: null }), "經建課");
    assert.doesNotMatch(publicText({ codes: [], text: null }), /object/);
  });

  test("B9 (issue 11 item 3): internal codes stay out; official codes (C001, 特定目的 001) stay in", () => {
    // The server sends legal bases as { code, name }; "art15-1-1" is the pack's key, not the law's words.
    const basis = { codes: [{ code: "art15-1-1", name: "정보주체의 동의" }], text: null };
    assert.equal(publicText(basis), "정보주체의 동의");
    assert.deepEqual(publicParts(basis), ["정보주체의 동의"]);
    assert.equal(publicText({ code: "entrusted", name: "受託機關" }), "受託機關");
    assert.equal(publicText({ code: "identification", name: "識別類" }), "識別類");
    assert.equal(publicText({ code: "C001", name: "辨識個人者" }), "C001 辨識個人者");
    assert.equal(publicText({ code: "023", name: "民政" }), "023 民政");
  });

  test("search matches every word anywhere in the row, case-insensitively", () => {
    const row = {
      name: "Petition file",
      items: ["성명", "전화번호"],
      unit: { name: "민원봉사과", phone: "1" },
    };
    assert.ok(matchesQuery(row, "petition 전화"));
    assert.ok(matchesQuery(row, "  "));
    assert.ok(matchesQuery(row, "민원봉사과"));
    assert.ok(!matchesQuery(row, "petition 주민등록번호"));
  });
});
