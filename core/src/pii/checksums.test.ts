import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  brnValid,
  frnCheckDigit,
  isIPv4,
  isIPv6,
  luhnValid,
  rrnCheckDigit,
  rrnDateValid,
  twIdChecksumValid,
  ubnValid,
} from "./checksums";

// Examples are the verified ones from shared/domain/pii.md.
describe("checksums (pii.md examples)", () => {
  test("KR RRN: 960121-1021413 and 050912-2000019 valid; a changed check digit is not", () => {
    for (const v of ["9601211021413", "0509122000019"]) {
      assert.equal(rrnCheckDigit(v.slice(0, 12)), Number(v[12]), v);
      assert.ok(rrnDateValid(v));
    }
    assert.notEqual(rrnCheckDigit("960121102141"), 4);
  });
  test("KR FRN: 911124-5678906 valid", () => {
    assert.equal(frnCheckDigit("911124567890"), 6);
    assert.notEqual(frnCheckDigit("911124567890"), 5);
  });
  test("RRN date part: impossible dates and century digits are rejected", () => {
    assert.equal(rrnDateValid("9613211021413"), false); // month 13
    assert.equal(rrnDateValid("9602301021413"), false); // 30 Feb
    assert.equal(rrnDateValid("0002292000000"), false); // 1900-02-29 (G=2: 1900s, not leap)
    assert.equal(rrnDateValid("0002294000000"), true); // 2000-02-29 (G=4: 2000s, leap)
    assert.equal(rrnDateValid("9901013000000", 2026), false); // born 2099: future
  });
  test("KR BRN: 104-86-56659 valid, 123-45-67890 invalid", () => {
    assert.equal(brnValid("1048656659"), true);
    assert.equal(brnValid("1234567890"), false);
  });
  test("TW ID: A123456789 valid, A123456788 invalid; ARC A800000014 and AA00000009 valid", () => {
    assert.equal(twIdChecksumValid("A123456789"), true);
    assert.equal(twIdChecksumValid("A123456788"), false);
    assert.equal(twIdChecksumValid("A800000014"), true);
    assert.equal(twIdChecksumValid("AA00000009"), true);
    assert.equal(twIdChecksumValid("AA00000008"), false);
  });
  test("TW UBN: 04595252 and 12345675 valid, 00501502 invalid", () => {
    assert.equal(ubnValid("04595252"), true);
    assert.equal(ubnValid("12345675"), true);
    assert.equal(ubnValid("00501502"), false);
  });
  test("Luhn and IP parsers", () => {
    assert.equal(luhnValid("4111111111111111"), true);
    assert.equal(luhnValid("4111111111111112"), false);
    assert.equal(isIPv4("192.168.0.1"), true);
    assert.equal(isIPv4("256.1.1.1"), false);
    assert.equal(isIPv4("01.2.3.4"), false);
    assert.equal(isIPv6("2001:db8::1"), true);
    assert.equal(isIPv6("fe80::1:2:3:4:5:6:7:8"), false);
    assert.equal(isIPv6("::ffff:192.0.2.1"), true);
    assert.equal(isIPv6("12:30:45"), false);
  });
});
