// Literal identifiers whose validity was worked out by hand (arithmetic below) or taken from
// public examples, independent of checksums.ts. The quality corpus is generated with the same
// checksum code it measures, so a wrong weight there passes the F2 gate; these fixtures do not.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { brnValid, frnCheckDigit, rrnCheckDigit, twIdChecksumValid, ubnValid } from "./checksums";
import { type PiiType, scanText } from "./index";

/** Best score the scan gives the whole value as the given type (0 when it is not reported). */
function scoreOf(text: string, value: string, type: PiiType): number {
  const at = text.indexOf(value);
  const s = scanText(text).spans.find(
    (x) => x.type === type && x.start === at && x.end === at + value.length,
  );
  return s?.score ?? 0;
}

// KR RRN: weights 2,3,4,5,6,7,8,9,2,3,4,5 over the first 12 digits; check = (11 - sum mod 11) mod 10.
const RRN_VALID: Array<[string, number, string]> = [
  // pii.md public example.
  ["960121-1021413", 3, "18+18+0+5+12+7+8+0+4+3+16+5 = 96; 96 mod 11 = 8; (11-8) mod 10 = 3"],
  // pii.md public example.
  ["050912-2000019", 9, "0+15+0+45+6+14+16+0+0+0+0+5 = 101; 101 mod 11 = 2; (11-2) mod 10 = 9"],
  // 8x2 5x3 0x4 3x5 1x6 5x7 1x8 2x9 3x2 4x3 5x4 6x5
  ["850315-1234566", 6, "16+15+0+15+6+35+8+18+6+12+20+30 = 181; 181 mod 11 = 5; (11-5) mod 10 = 6"],
  // 0x2 1x3 1x4 2x5 0x6 5x7 3x8 4x9 5x2 6x3 7x4 8x5 (born 2001, G = 3)
  ["011205-3456781", 1, "0+3+4+10+0+35+24+36+10+18+28+40 = 208; 208 mod 11 = 10; (11-10) mod 10 = 1"],
];
/** Valid birth date, wrong check digit (the hand-computed digit plus one). */
const RRN_INVALID = ["850315-1234567", "960121-1021414", "011205-3456782"];

// KR FRN: same weights, check = (13 - sum mod 11) mod 10.
const FRN_VALID: Array<[string, number, string]> = [
  // pii.md public example: 9x2 1x3 1x4 1x5 2x6 4x7 5x8 6x9 7x2 8x3 9x4 0x5
  ["911124-5678906", 6, "18+3+4+5+12+28+40+54+14+24+36+0 = 238; 238 mod 11 = 7; (13-7) mod 10 = 6"],
  // 8x2 5x3 0x4 3x5 1x6 5x7 5x8 2x9 3x2 4x3 5x4 6x5
  ["850315-5234569", 9, "16+15+0+15+6+35+40+18+6+12+20+30 = 213; 213 mod 11 = 4; (13-4) mod 10 = 9"],
  // 0x2 3x3 0x4 7x5 0x6 8x7 7x8 1x9 2x2 3x3 4x4 5x5 (born 2003, G = 7)
  ["030708-7123453", 3, "0+9+0+35+0+56+56+9+4+9+16+25 = 219; 219 mod 11 = 10; (13-10) mod 10 = 3"],
];
const FRN_INVALID = ["850315-5234568", "911124-5678907"];

// KR BRN: weights 1,3,7,1,3,7,1,3,5 over 9 digits, plus floor(9th x 5 / 10); check = (10 - sum mod 10) mod 10.
const BRN_VALID: Array<[string, string]> = [
  // pii.md public example.
  ["104-86-56659", "1+0+28+8+18+35+6+18+25 = 139; + floor(5x5/10) = 2 -> 141; (10-1) mod 10 = 9"],
  // Samsung Electronics, published on its statements; the 9th digit 9 exercises the floor term.
  ["124-81-00998", "1+6+28+8+3+0+0+27+45 = 118; + floor(9x5/10) = 4 -> 122; (10-2) mod 10 = 8"],
  ["220-81-62517", "2+6+0+8+3+42+2+15+5 = 83; + floor(1x5/10) = 0 -> 83; (10-3) mod 10 = 7"],
  ["211-86-00093", "2+3+7+8+18+0+0+0+45 = 83; + floor(9x5/10) = 4 -> 87; (10-7) mod 10 = 3"],
];
/** pii.md invalid example, and the valid ones with the check digit moved by one. */
const BRN_INVALID = ["123-45-67890", "124-81-00999", "220-81-62518"];

// TW ID / ARC: letter value (two digits), then 9 characters; weights 1,9,8,7,6,5,4,3,2,1,1; sum mod 10 = 0.
// Letter values: A10 B11 C12 F15 Y31. Old ARC: the second letter's value mod 10 stands for a digit.
const TW_ID_VALID: Array<[string, string]> = [
  // Public textbook example.
  [
    "A123456789",
    "A=10: 1x1+0x9 + 1x8+2x7+3x6+4x5+5x4+6x3+7x2+8x1 = 1+0+8+14+18+20+20+18+14+8 = 121; +9 = 130",
  ],
  ["F131104093", "F=15: 1+45 + 8+21+6+5+0+12+0+9 = 107; +3 = 110"],
  ["Y204567893", "Y=31: 3+9 + 16+0+24+25+24+21+16+9 = 147; +3 = 150"],
];
const TW_ID_INVALID = ["A123456788", "F131104094", "Y204567890"];
const ARC_NEW_VALID: Array<[string, string]> = [
  // pii.md example (new format, 2nd character 8).
  ["A800000014", "A=10: 1+0 + 8x8 + 0+0+0+0+0+0 + 1x1 = 66; +4 = 70"],
  ["B901234562", "B=11: 1+9 + 9x8 + 0x7+1x6+2x5+3x4+4x3+5x2+6x1 = 1+9+72+0+6+10+12+12+10+6 = 138; +2 = 140"],
];
const ARC_OLD_VALID: Array<[string, string]> = [
  // pii.md example (old format): 2nd letter A = 10 -> 0.
  ["AA00000009", "A=10: 1+0 + 0x8 + 0... = 1; +9 = 10"],
  [
    "FC12345674",
    "F=15, C=12 -> 2: 1+45 + 2x8 + 1x7+2x6+3x5+4x4+5x3+6x2+7x1 = 1+45+16+7+12+15+16+15+12+7 = 146; +4 = 150",
  ],
];
const ARC_INVALID = ["A800000015", "B901234561", "AA00000008", "FC12345675"];

// TW UBN: weights 1,2,1,2,1,2,4,1, add the digits of each product; valid when the sum mod 5 = 0,
// or when the 7th digit is 7 and (sum + 1) mod 5 = 0.
const UBN_VALID: Array<[string, string]> = [
  // pii.md examples.
  ["04595252", "0,8,5,18->9,5,4,20->2,2: 0+8+5+9+5+4+2+2 = 35"],
  ["12345675", "1,4,3,8,5,12->3,28->10,5: 1+4+3+8+5+3+10+5 = 39; 7th digit 7 and 39+1 = 40"],
  // TSMC, public company registry.
  ["22099131", "2,4,0,18->9,9,2,12->3,1: 2+4+0+9+9+2+3+1 = 30"],
  ["10458575", "1,0,4,10->1,8,10->1,28->10,5: 1+0+4+1+8+1+10+5 = 30"],
];
const UBN_INVALID: Array<[string, string]> = [
  ["00501502", "0+0+5+0+1+1+0+2 = 9 (pii.md invalid example)"],
  ["22099132", "2+4+0+9+9+2+3+2 = 31"],
];

const digits = (s: string) => s.replace(/\D/g, "");

describe("E4: checksums against hand-computed literals (independent of checksums.ts)", () => {
  test("E4: KR RRN check digits and detection (valid -> 1.0 alone; wrong check digit never 1.0)", () => {
    for (const [v, check] of RRN_VALID) {
      assert.equal(rrnCheckDigit(digits(v).slice(0, 12)), check, v);
      assert.equal(scoreOf(`번호 ${v}`, v, "KR_RRN"), 1, v);
    }
    for (const v of RRN_INVALID) {
      assert.ok(scoreOf(`번호 ${v}`, v, "KR_RRN") < 1, v);
      assert.equal(scoreOf(`번호 ${digits(v)}`, digits(v), "KR_RRN"), 0, `${v} bare is not reported`);
    }
  });

  test("E4: KR FRN check digits and detection", () => {
    for (const [v, check] of FRN_VALID) {
      assert.equal(frnCheckDigit(digits(v).slice(0, 12)), check, v);
      assert.equal(scoreOf(`번호 ${v}`, v, "KR_FRN"), 1, v);
    }
    for (const v of FRN_INVALID) assert.ok(scoreOf(`번호 ${v}`, v, "KR_FRN") < 1, v);
  });

  test("E4: KR BRN (weights 1,3,7,1,3,7,1,3,5 and the floor term)", () => {
    for (const [v] of BRN_VALID) {
      assert.equal(brnValid(digits(v)), true, v);
      assert.equal(scoreOf(`번호 ${v}`, v, "KR_BRN"), 1, v);
    }
    for (const v of BRN_INVALID) {
      assert.equal(brnValid(digits(v)), false, v);
      assert.equal(scoreOf(`사업자등록번호 ${v}`, v, "KR_BRN"), 0, v);
    }
  });

  test("E4: TW ID and resident certificates (new and old format)", () => {
    for (const [v] of TW_ID_VALID) {
      assert.equal(twIdChecksumValid(v), true, v);
      assert.equal(scoreOf(`編號${v}。`, v, "TW_ID"), 1, v);
    }
    for (const [v] of [...ARC_NEW_VALID, ...ARC_OLD_VALID]) {
      assert.equal(twIdChecksumValid(v), true, v);
      assert.equal(scoreOf(`編號${v}。`, v, "TW_ARC"), 1, v);
    }
    for (const v of [...TW_ID_INVALID, ...ARC_INVALID]) {
      assert.equal(twIdChecksumValid(v), false, v);
      assert.deepEqual(scanText(`身分證字號${v}。`).spans, [], v);
    }
  });

  test("E4: TW UBN (digit sums, the 7th-digit-7 rule), found with its context word only when valid", () => {
    for (const [v] of UBN_VALID) {
      assert.equal(ubnValid(v), true, v);
      assert.ok(scoreOf(`統一編號：${v}`, v, "TW_UBN") >= 0.5, v);
    }
    for (const [v] of UBN_INVALID) {
      assert.equal(ubnValid(v), false, v);
      assert.equal(scoreOf(`統一編號：${v}`, v, "TW_UBN"), 0, v);
    }
  });
});
