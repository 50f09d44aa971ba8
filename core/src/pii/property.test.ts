import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import * as G from "./corpus/identifiers";
import { makeRng } from "./corpus/rng";
import { type CorePiiType, scanText } from "./index";

/** Generators of valid identifiers that are reported without context. */
const STANDALONE: Array<[CorePiiType, (r: () => number) => string]> = [
  ["KR_RRN", (r) => G.genRrn(r)],
  ["KR_FRN", (r) => G.genFrn(r)],
  ["KR_BRN", (r) => G.genBrn(r)],
  ["KR_PHONE", (r) => G.genKrPhone(r, 0)],
  ["TW_ID", G.genTwId],
  ["TW_ARC", G.genTwArc],
  ["TW_PHONE", (r) => G.genTwPhone(r, 0)],
  ["EMAIL", G.genEmail],
  ["CREDIT_CARD", (r) => G.genCard(r)],
  ["IP_ADDRESS", (r) => `10.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${1 + Math.floor(r() * 254)}`],
];

const MASKED = [G.maskedRrn, G.maskedPhone, G.maskedTwId, G.maskedCard, G.maskedEmail, G.maskedTwPhone];

/** Text that cannot extend an identifier: CJK, spaces, punctuation, letters away from the edges. */
const gluePiece = fc.constantFrom(
  "",
  " ",
  "\n",
  "입니다",
  "번호",
  "，",
  "。",
  "(",
  ")",
  "：",
  "は",
  "電話",
  ", ",
);
const WORDS = ["민원", "처리", "申請", "資料", " the ", "\n", "、", "회의", "第3條", "2023년"];
const filler = fc.array(fc.constantFrom(...WORDS), { maxLength: 6 });
/** After the identifier: no word starting with a digit (a glued digit makes a different number). */
const fillerAfter = fc.array(fc.constantFrom(...WORDS.filter((w) => !/^\d/.test(w))), { maxLength: 6 });

describe("property: identifiers inserted in arbitrary text", () => {
  test("any valid generated identifier is found at its exact offsets", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: STANDALONE.length - 1 }),
        fc.integer(),
        filler,
        gluePiece,
        gluePiece,
        fillerAfter,
        (which, seed, pre, g1, g2, post) => {
          const [type, gen] = STANDALONE[which];
          const value = gen(makeRng(seed));
          const before = pre.join("") + g1;
          const text = before + value + g2 + post.join("");
          const spans = scanText(text).spans;
          const hit = spans.find((s) => s.start === before.length && s.end === before.length + value.length);
          assert.ok(hit, `${type} ${value} not found in ${JSON.stringify(text)}: ${JSON.stringify(spans)}`);
          assert.equal(hit.type, type);
        },
      ),
      { numRuns: 600 },
    );
  });
  test("digit identifiers glued to ASCII letters are still found (digit look-arounds, not \\b)", () => {
    const digitTypes = STANDALONE.filter(([t]) =>
      ["KR_RRN", "KR_FRN", "KR_BRN", "KR_PHONE", "CREDIT_CARD"].includes(t),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: digitTypes.length - 1 }),
        fc.integer(),
        fc.stringMatching(/^[a-zA-Z_=:]{0,6}$/),
        fc.stringMatching(/^[a-zA-Z_,;]{0,6}$/),
        (which, seed, pre, post) => {
          const [type, gen] = digitTypes[which];
          const value = gen(makeRng(seed));
          const text = pre + value + post;
          const hit = scanText(text).spans.find(
            (s) => s.start === pre.length && s.end === pre.length + value.length,
          );
          assert.equal(hit?.type, type, JSON.stringify(text));
        },
      ),
      { numRuns: 300 },
    );
  });
  test("any masked form is not a finding", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MASKED.length - 1 }),
        fc.integer(),
        filler,
        gluePiece,
        (w, seed, pre, g) => {
          const text = pre.join("") + g + MASKED[w](makeRng(seed)) + g;
          assert.deepEqual(scanText(text).spans, [], JSON.stringify(text));
        },
      ),
      { numRuns: 400 },
    );
  });
  test("arbitrary Unicode (surrogate pairs included) never throws; spans stay in bounds", () => {
    const anyText = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.string({
        unit: fc.constantFrom(
          "0",
          "1",
          "9",
          "-",
          "@",
          ".",
          ":",
          "A",
          "M",
          "０",
          "－",
          "＠",
          "😀",
          "\uD800",
          "가",
          "中",
          " ",
        ),
        maxLength: 200,
      }),
    );
    fc.assert(
      fc.property(anyText, fc.boolean(), (text, low) => {
        const r = scanText(text, { includeLowConfidence: low });
        assert.ok(r.status === "ok" || r.status === "needs_review");
        let prevEnd = 0;
        for (const s of r.spans) {
          assert.ok(s.start >= 0 && s.start < s.end && s.end <= text.length, JSON.stringify(s));
          assert.ok(s.start >= prevEnd, "spans sorted and disjoint");
          prevEnd = s.end;
        }
      }),
      { numRuns: 800 },
    );
  });
});
