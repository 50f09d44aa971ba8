// Real-format phone numbers of both countries in every notation people and phone exports write,
// with the expected answer written by hand (not derived from the recognizers). Numbers follow the
// national numbering plans (KR: 010 + 8 digits, Seoul 02 + 7/8, other areas 0XX + 7/8, 070 + 8;
// TW: 09 + 8 digits, Taipei 02 + 8, Taichung 04 + 7/8, Kaohsiung 07 + 7, Nantou 049 + 7) but are
// fictional.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { type PiiType, scanText } from "./index";

/**
 * [notation, written value, expected type or null when it is not a valid number of that plan,
 * "both" when the national form is also a valid number of the other country (Seoul and Taipei
 * "02-2345-6789", Taichung "04-2234-5678" = Daejeon 042): alone it may be either country's
 * phone, in a sentence the script around it decides].
 */
type Case = [string, string, PiiType | null, "both"?];

const KR: Case[] = [
  // mobile 010-1234-5678
  ["E.164 compact", "+821012345678", "KR_PHONE"],
  ["E.164 spaces", "+82 10 1234 5678", "KR_PHONE"],
  ["E.164 hyphens", "+82-10-1234-5678", "KR_PHONE"],
  ["E.164 mixed", "+82 10-1234-5678", "KR_PHONE"],
  ["(0) spaces", "+82 (0)10 1234 5678", "KR_PHONE"],
  ["(0) hyphens", "+82(0)10-1234-5678", "KR_PHONE"],
  ["(0) spaced", "+82 (0) 10 1234 5678", "KR_PHONE"],
  ["(+82) parentheses", "(+82) 10-1234-5678", "KR_PHONE"],
  ["national hyphens", "010-1234-5678", "KR_PHONE"],
  ["national spaces", "010 1234 5678", "KR_PHONE"],
  ["national dots", "010.1234.5678", "KR_PHONE"],
  ["national compact", "01012345678", "KR_PHONE"],
  ["national parentheses", "(010) 1234-5678", "KR_PHONE"],
  ["old 011, 3-digit middle", "011-234-5678", "KR_PHONE"],
  // Seoul 02-1234-5678 and 02-123-4567
  ["Seoul E.164 compact (8)", "+82212345678", "KR_PHONE"],
  ["Seoul E.164 compact (7)", "+8221234567", "KR_PHONE"],
  ["Seoul E.164 spaces", "+82 2 1234 5678", "KR_PHONE"],
  ["Seoul E.164 hyphens", "+82-2-123-4567", "KR_PHONE"],
  ["Seoul (0)", "+82 (0)2 1234 5678", "KR_PHONE"],
  ["Seoul (+82)", "(+82) 2-1234-5678", "KR_PHONE"],
  ["Seoul parentheses", "(02) 1234-5678", "KR_PHONE"],
  ["Seoul hyphens", "02-123-4567", "KR_PHONE"],
  // Gyeonggi 031, internet phone 070
  ["031 E.164 compact", "+82311234567", "KR_PHONE"],
  ["031 E.164 spaces", "+82 31 123 4567", "KR_PHONE"],
  ["031 parentheses", "(031) 123-4567", "KR_PHONE"],
  ["031 hyphens (8)", "031-1234-5678", "KR_PHONE"],
  ["070 E.164", "+82 70 1234 5678", "KR_PHONE"],
  ["070 hyphens", "070-1234-5678", "KR_PHONE"],
  // not numbers of the plan
  ["010 with a 3-digit middle", "+82 10 123 4567", null],
  ["Seoul with a 6-digit subscriber", "+82 2 123 456", null],
];

const TW: Case[] = [
  // mobile 0919-198-962
  ["E.164 compact", "+886919198962", "TW_PHONE"],
  ["E.164 compact 2", "+886912345678", "TW_PHONE"],
  ["E.164 spaces", "+886 919 198 962", "TW_PHONE"],
  ["E.164 hyphens", "+886-919-198-962", "TW_PHONE"],
  ["(0) spaces", "+886 (0)919 198 962", "TW_PHONE"],
  ["(0) spaced", "+886 (0) 919-198-962", "TW_PHONE"],
  ["(+886) parentheses", "(+886) 919-198-962", "TW_PHONE"],
  ["national hyphens", "0919-198-962", "TW_PHONE"],
  ["national spaces", "0919 198 962", "TW_PHONE"],
  ["national dots", "0919.198.962", "TW_PHONE"],
  ["national compact", "0919198962", "TW_PHONE"],
  // Taipei (02) 2345-6789
  ["Taipei E.164 compact", "+886223456789", "TW_PHONE"],
  ["Taipei E.164 spaces", "+886 2 2345 6789", "TW_PHONE"],
  ["Taipei E.164 hyphens", "+886-2-2345-6789", "TW_PHONE"],
  ["Taipei (0) spaces", "+886 (0)2 2345 6789", "TW_PHONE"],
  ["Taipei (0) hyphens", "+886(0)2-2345-6789", "TW_PHONE"],
  ["Taipei (+886)", "(+886) 2-2345-6789", "TW_PHONE"],
  ["Taipei parentheses", "(02) 2345-6789", "TW_PHONE", "both"],
  ["Taipei parentheses glued", "(02)2345-6789", "TW_PHONE", "both"],
  ["Taipei hyphens", "02-2345-6789", "TW_PHONE", "both"],
  ["Taipei one hyphen", "02-23456789", "TW_PHONE", "both"],
  // Taichung 04 (8), Kaohsiung 07 (7), Nantou 049 (7)
  ["Taichung E.164 spaces", "+886 4 2234 5678", "TW_PHONE"],
  ["Taichung hyphens", "04-2234-5678", "TW_PHONE", "both"],
  ["Kaohsiung E.164 compact", "+88672345678", "TW_PHONE"],
  ["Kaohsiung E.164 spaces", "+886 7 234 5678", "TW_PHONE"],
  ["Kaohsiung parentheses", "(07) 234-5678", "TW_PHONE"],
  ["Nantou parentheses", "(049) 234-5678", "TW_PHONE"],
  ["Nantou E.164", "+886 49 234 5678", "TW_PHONE"],
  // not numbers of the plan
  ["Taipei with a 7-digit subscriber", "+886 2 234 5678", null],
  ["Taipei compact with a 7-digit subscriber", "+88622345678", null],
  ["mobile one digit short", "+886 919 198 96", null],
];

function phonesIn(text: string): string[] {
  const r = scanText(text);
  assert.equal(r.status, "ok", `${JSON.stringify(text)}: ${r.reason}`);
  return r.spans
    .filter((s) => s.type.endsWith("_PHONE"))
    .map((s) => `${s.type}:${text.slice(s.start, s.end)}`);
}

function check(cases: Case[], sentence: (v: string) => string): void {
  const wrong: string[] = [];
  for (const [notation, value, type, both] of cases) {
    for (const text of [value, sentence(value)]) {
      const got = phonesIn(text);
      let want = type ? [`${type}:${value}`] : [];
      if (both && text === value && got[0]?.endsWith(`_PHONE:${value}`)) want = got;
      if (JSON.stringify(got) !== JSON.stringify(want)) {
        wrong.push(
          `${notation} ${JSON.stringify(text)}: got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`,
        );
      }
    }
  }
  assert.deepEqual(wrong, []);
}

describe("E4: phone numbers in every notation (hand-written expectations)", () => {
  test("E4: Korean numbers: E.164 compact, spaces, hyphens, (0), parentheses; alone and in a Korean sentence", () => {
    check(KR, (v) => `민원인 연락처 ${v} (평일 9시~18시)`);
  });
  test("E4: Taiwanese numbers: E.164 compact, spaces, hyphens, (0), parentheses; alone and in a Chinese sentence", () => {
    check(TW, (v) => `申請人聯絡電話：${v}，上班時間可撥打。`);
  });
  test("E4: compact +886 / +82 numbers in a phone export never make the scan fail", () => {
    const csv = "name,phone\n王小明,+886223456789\n陳美麗,+886919198962\n김민수,+821012345678\n";
    const r = scanText(csv);
    assert.equal(r.status, "ok");
    assert.deepEqual(
      r.spans.map((s) => `${s.type}:${csv.slice(s.start, s.end)}`),
      ["TW_PHONE:+886223456789", "TW_PHONE:+886919198962", "KR_PHONE:+821012345678"],
    );
  });
});
