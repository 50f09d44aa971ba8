// One input must never kill a scan: every recognizer's validate function takes any text without
// throwing, and when one does throw anyway the engine keeps the document (needs_review, naming it).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { scanText } from "./index";
import { normalizeForScan } from "./normalize";
import type { RawMatch, Recognizer } from "./recognizer";
import { email } from "./recognizers/email";
import { RECOGNIZERS } from "./recognizers/index";
import { twPhone } from "./recognizers/tw-phone";

/** Replaces one method of a recognizer for the duration of fn (the engine holds the same objects). */
function withPatched<K extends "validate" | "find">(
  r: Recognizer,
  key: K,
  impl: Recognizer[K],
  fn: () => void,
) {
  const saved = r[key];
  r[key] = impl;
  try {
    fn();
  } finally {
    r[key] = saved;
  }
}

const RRN = "960121-1021413";

describe("E4: a recognizer that throws does not lose the document", () => {
  test("E4: validate throwing -> needs_review naming the recognizer; other identifiers are still found", () => {
    const text = `주민등록번호 ${RRN}, 電話 0912-345-678, mail hong@example.go.kr`;
    withPatched(
      twPhone,
      "validate",
      () => {
        throw new TypeError("Cannot read properties of undefined (reading 'replace')");
      },
      () => {
        const r = scanText(text);
        assert.equal(r.status, "needs_review");
        assert.deepEqual(r.failedRecognizers, ["tw-phone"]);
        assert.match(r.reason ?? "", /tw-phone/);
        // The reason names the recognizer and the error class, never the text it was looking at.
        assert.ok(!(r.reason ?? "").includes("0912"), r.reason ?? "");
        assert.deepEqual(
          r.spans.map((s) => `${s.type}:${text.slice(s.start, s.end)}`),
          [`KR_RRN:${RRN}`, "EMAIL:hong@example.go.kr"],
        );
      },
    );
  });

  test("E4: a finder throwing (e-mail) -> needs_review, the regex recognizers still report", () => {
    const text = `주민등록번호 ${RRN}, mail hong@example.go.kr`;
    withPatched(
      email,
      "find",
      () => {
        throw new RangeError("boom");
      },
      () => {
        const r = scanText(text);
        assert.equal(r.status, "needs_review");
        assert.deepEqual(r.failedRecognizers, ["email"]);
        assert.deepEqual(
          r.spans.map((s) => s.type),
          ["KR_RRN"],
        );
      },
    );
  });

  test("E4: the same text scans ok again once the recognizer behaves (no state left behind)", () => {
    const text = "電話 0912-345-678";
    withPatched(
      twPhone,
      "validate",
      () => {
        throw new Error("x");
      },
      () => assert.equal(scanText(text).status, "needs_review"),
    );
    const r = scanText(text);
    assert.equal(r.status, "ok");
    assert.equal(r.failedRecognizers, undefined);
    assert.deepEqual(
      r.spans.map((s) => s.type),
      ["TW_PHONE"],
    );
  });
});

// Digits, +, spaces, hyphens, parentheses, dots and their full-width forms (plus a few letters,
// @ and : so the TW ID, e-mail and IP recognizers see their own shapes too).
const UNIT = fc.constantFrom(
  ..."0123456789+ -().".split(""),
  ..."０１２３４５６７８９＋－（）．".split(""),
  "\u3000",
  "\u2010",
  "\u00a0",
  "A",
  "a",
  "@",
  ":",
);
const PREFIX = fc.constantFrom(
  "",
  "+886",
  "+82",
  "(+886)",
  "(+82)",
  "+886 (0)",
  "+82(0)",
  "0",
  "09",
  "(0",
  "010",
);
const phoneish = fc.tuple(PREFIX, fc.string({ unit: UNIT, maxLength: 40 })).map(([p, s]) => p + s);
const DIGIT = fc.constantFrom(..."0123456789".split(""));
/** A prefix then a run of plain digits: the compact forms phone exports write ("+886223456789"). */
const compact = fc.tuple(PREFIX, fc.string({ unit: DIGIT, maxLength: 12 })).map(([p, s]) => p + s);
const anyInput = fc.oneof(phoneish, compact, fc.string({ unit: UNIT, maxLength: 80 }));

/** Every candidate a recognizer would be offered in text: its own pattern's matches or its finder's. */
function candidates(r: Recognizer, norm: string): RawMatch[] {
  const out: RawMatch[] = [];
  if (r.pattern) {
    const re = new RegExp(r.pattern.source, "g");
    for (let m = re.exec(norm); m !== null; m = re.exec(norm)) {
      out.push({ start: m.index, end: m.index + m[0].length, m });
      re.lastIndex = m.index + 1;
    }
  } else {
    r.find?.(norm, (m) => {
      out.push({ ...m });
      return false;
    });
  }
  return out;
}

describe("E4: property: no input makes a recognizer or the scan throw", () => {
  test("E4: every recognizer's validate takes its candidates and any range of random digit / phone-like text", () => {
    fc.assert(
      fc.property(anyInput, fc.nat(), fc.nat(), (text, a, b) => {
        const norm = normalizeForScan(text);
        const start = norm.length ? a % (norm.length + 1) : 0;
        const end = start + (norm.length - start ? b % (norm.length - start + 1) : 0);
        for (const r of RECOGNIZERS) {
          for (const m of [...candidates(r, norm), { start, end }]) {
            let v: ReturnType<Recognizer["validate"]>;
            try {
              v = r.validate(norm, m);
            } catch (e) {
              assert.fail(
                `${r.id} threw ${(e as Error).name} on ${JSON.stringify(norm.slice(m.start, m.end))}`,
              );
            }
            if (v) {
              assert.ok(v.score >= 0 && v.score <= 1.01, `${r.id} score ${v.score}`);
              const s = v.start ?? m.start;
              const e = v.end ?? m.end;
              assert.ok(s >= 0 && s <= e && e <= norm.length, `${r.id} span ${s}-${e}`);
            }
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  test("E4: scanText finishes ok (no recognizer failed) on the same inputs, spans in bounds", () => {
    fc.assert(
      fc.property(anyInput, (text) => {
        const r = scanText(text, { includeLowConfidence: true });
        assert.equal(r.status, "ok", `${JSON.stringify(text)}: ${r.reason}`);
        for (const s of r.spans) assert.ok(s.start >= 0 && s.start < s.end && s.end <= text.length);
      }),
      { numRuns: 3000 },
    );
  });
});
