import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { normalizeForScan } from "./normalize";

test("full-width digits, letters, hyphens and at signs fold to ASCII; length never changes", () => {
  assert.equal(normalizeForScan("９６０１２１－１０２１４１３"), "960121-1021413");
  assert.equal(normalizeForScan("ａ．ｂ＠ｅｘ．ｃｏｍ"), "a.b@ex.com");
  assert.equal(normalizeForScan("010‐1234–5678"), "010-1234-5678");
  assert.equal(normalizeForScan("（０２）"), "(02)");
  assert.equal(normalizeForScan("，：　"), "，：　"); // CJK punctuation is not needed and stays
  const odd = "\uFEFF０\uD800x\uDC00９";
  assert.equal(normalizeForScan(odd), "\uFEFF0\uD800x\uDC009"); // BOM and lone surrogates kept
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
      assert.equal(normalizeForScan(s).length, s.length);
    }),
  );
});
