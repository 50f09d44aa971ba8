import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { falsePositiveHash, maskValue, PII_TYPES, redactFreeText, redactText, scanText } from "./index";

const DOC = "주민번호 960121-1021413, 연락처 010-1234-5678, 이메일 hong@example.go.kr, 身分證A123456789";

describe("B8/C12: redaction policies", () => {
  test("mask follows the Korean agency convention", () => {
    assert.equal(maskValue("KR_RRN", "960121-1021413"), "960121-1******");
    assert.equal(maskValue("KR_PHONE", "010-1234-5678"), "010-****-5678");
    assert.equal(maskValue("KR_PHONE", "+82-10-1234-5678"), "+82-10-****-5678");
    assert.equal(maskValue("TW_ID", "A123456789"), "A12****789");
    assert.equal(maskValue("PERSON_NAME", "홍길동"), "홍*동");
    assert.equal(maskValue("CREDIT_CARD", "4111-1111-1111-1111"), "****-****-****-1111");
    assert.equal(maskValue("IP_ADDRESS", "192.168.10.24"), "192.168.***.**");
    assert.equal(maskValue("KR_RRN", "９６０１２１－１０２１４１３"), "９６０１２１－１******");
  });
  test("mask output of every type is not itself detected (masked forms are not findings)", () => {
    const spans = scanText(DOC).spans;
    assert.equal(spans.length, 4);
    const masked = redactText(DOC, spans, "mask");
    assert.deepEqual(scanText(masked).spans, []);
    for (const v of ["960121-1021413", "010-1234-5678", "hong@example.go.kr", "A123456789"]) {
      assert.ok(!masked.includes(v), v);
    }
  });
  test("remove and label (per locale)", () => {
    const spans = scanText(DOC).spans;
    assert.equal(redactText(DOC, spans, "remove"), "주민번호 , 연락처 , 이메일 , 身分證");
    assert.equal(
      redactText(DOC, spans, "label"),
      "주민번호 [주민등록번호], 연락처 [전화번호], 이메일 [이메일], 身分證[대만 신분증번호]",
    );
    assert.ok(redactText(DOC, spans, "label", { locale: "en" }).startsWith("주민번호 [RRN],"));
    assert.ok(redactText(DOC, spans, "label", { locale: "zh-TW" }).endsWith("身分證[身分證字號]"));
  });
  test("per-type policy map; types missing from the map are masked, never left in clear", () => {
    const spans = scanText(DOC).spans;
    const out = redactText(DOC, spans, { KR_RRN: "label", EMAIL: "remove" });
    assert.ok(out.includes("[주민등록번호]"));
    assert.ok(out.includes("010-****-5678"));
    assert.ok(!out.includes("hong@"));
  });
  test("pseudonym: keyed, same value -> same token across documents, separators ignored", () => {
    const key = "agency-secret";
    const a = "960121-1021413 then 9601211021413";
    const outA = redactText(a, scanText(a).spans, "pseudonym", { pseudonymKey: key });
    const tokens = outA.match(/\[주민등록번호-[0-9a-f]{10}\]/g) ?? [];
    assert.equal(tokens.length, 2);
    assert.equal(tokens[0], tokens[1]);
    const b = "other doc 960121-1021413";
    assert.ok(redactText(b, scanText(b).spans, "pseudonym", { pseudonymKey: key }).includes(tokens[0]));
    const other = redactText(b, scanText(b).spans, "pseudonym", { pseudonymKey: "other-key" });
    assert.ok(!other.includes(tokens[0]));
    assert.throws(() => redactText(b, scanText(b).spans, "pseudonym"));
  });
  test("overlapping spans are merged, no part survives", () => {
    const t = "xx960121-1021413yy";
    const out = redactText(
      t,
      [
        { start: 2, end: 10, type: "KR_RRN", score: 1 },
        { start: 8, end: 16, type: "KR_RRN", score: 1 },
      ],
      "remove",
    );
    assert.equal(out, "xxyy");
  });
  test("redactFreeText leaves no trace of a valid RRN (logger serializer)", () => {
    const line = "user 960121-1021413 logged in from 192.168.0.7";
    const out = redactFreeText(line);
    assert.ok(!out.includes("1021413"));
    assert.ok(!out.includes("192.168.0.7"));
  });
  test("PII_TYPES lists every type with three labels", () => {
    assert.ok(PII_TYPES.length >= 14);
    for (const t of PII_TYPES)
      for (const l of ["ko", "zh-TW", "en"] as const) assert.ok(t.labels[l].length > 0);
  });
});

describe("false positives confirmed by an agency", () => {
  test("hashed values are skipped; the hash hides the value and depends on the key", () => {
    const key = "k1";
    const h = falsePositiveHash("TW_UBN", "04595252", key);
    assert.ok(!h.includes("04595252"));
    assert.notEqual(h, falsePositiveHash("TW_UBN", "04595252", "k2"));
    const t = "統一編號：04595252，電話0912-345-678";
    assert.equal(scanText(t).spans.length, 2);
    const r = scanText(t, { ignoreHashes: new Set([h]), ignoreKey: key });
    assert.deepEqual(
      r.spans.map((s) => s.type),
      ["TW_PHONE"],
    );
  });
});
