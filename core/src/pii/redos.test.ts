import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { scanText } from "./index";

/**
 * CPU time of one scan, in ms. CPU time rather than wall time: other processes on a busy CI
 * machine stretch wall time at random, but not the CPU this (synchronous) scan consumes.
 */
function timeScan(text: string): number {
  const c0 = process.cpuUsage();
  const r = scanText(text, { timeBudgetMs: 60_000 });
  const c = process.cpuUsage(c0);
  assert.equal(r.status, "ok");
  return (c.user + c.system) / 1000;
}

/** Best-of-5 times of small and big input, interleaved so both see the same machine load. */
function bestPair(small: string, big: string): [number, number] {
  let a = Number.POSITIVE_INFINITY;
  let b = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    a = Math.min(a, timeScan(small));
    b = Math.min(b, timeScan(big));
  }
  return [a, b];
}

const MB = 1 << 20;
const INPUTS: Record<string, string> = {
  digits: "0123456789",
  hyphens: "-",
  "digit-hyphen": "1-",
  "near-miss RRN": "960121-102141 ",
  "near-miss phone": "010-1234-567-",
  "near-miss card": "4111 1111 1111 ",
  "at signs": "a@",
  "hex colons": "ab:",
  dots: "1.2.",
  "full-width": "９６０１２１－",
  "CJK glue": "번호1",
};

describe("ReDoS: every pattern scans in linear time", () => {
  for (const [name, unit] of Object.entries(INPUTS)) {
    test(`1 MB of ${name} scans in linear time (vs 100 KB)`, () => {
      const big = unit.repeat(Math.ceil(MB / unit.length)).slice(0, MB);
      const small = unit.repeat(Math.ceil(MB / 10 / unit.length)).slice(0, MB / 10);
      timeScan(small); // warm-up (JIT)
      // Floor of 2 ms: sub-millisecond timings are mostly noise. Linear input gives ~10x; a
      // quadratic pattern would give ~100x, so 30x separates them with room for CI noise.
      const [small1, big1] = bestPair(small, big);
      const tSmall = Math.max(small1, 2);
      const tBig = big1;
      assert.ok(tBig < 30 * tSmall, `${name}: 1MB ${tBig.toFixed(1)}ms vs 100KB ${tSmall.toFixed(1)}ms`);
      assert.ok(tBig < 5000, `${name}: 1MB took ${tBig.toFixed(0)}ms`);
    });
  }
});

describe("time budget", () => {
  test("exceeded budget -> needs_review, never ok", () => {
    const text = "주민번호 960121-1021413 ".repeat(20000);
    const r = scanText(text, { timeBudgetMs: 0 });
    assert.equal(r.status, "needs_review");
    assert.match(r.reason ?? "", /time budget/);
  });
  test("a NaN or negative budget fails closed instead of disabling the check", () => {
    assert.equal(scanText("960121-1021413", { timeBudgetMs: Number.NaN }).status, "needs_review");
    assert.equal(scanText("960121-1021413", { timeBudgetMs: -1 }).status, "needs_review");
    assert.equal(scanText("", {}).status, "ok");
  });
  test("budget running out midway keeps what was found and still fails closed", () => {
    const text = "010-1234-5678 hong@example.com 960121-1021413\n".repeat(40000);
    const r = scanText(text, { timeBudgetMs: 5 });
    assert.equal(r.status, "needs_review");
  });
});
