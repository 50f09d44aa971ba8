import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { timeLeft } from "./time-left";

// Instants written by hand in KST (UTC+9); the days counted against a printed 2026 calendar.
const kst = (iso: string) => Date.parse(`${iso}+09:00`);
const endOf = (date: string) => kst(`${date}T23:59:59.999`);
const kr = { jurisdiction: "KR" as const, timeZone: "Asia/Seoul", unit: "days" as const };

describe("time left on the clock (issue 11 item 1)", () => {
  test("C3: working days after today up to the due day (Mon 14 Dec -> Fri 18 Dec = 4)", () => {
    assert.deepEqual(timeLeft({ ...kr, now: kst("2026-12-14T10:00"), dueMs: endOf("2026-12-18") }), {
      unit: "working_days",
      value: 4,
    });
  });

  test("C3: Christmas and the weekend are not counted (Wed 23 Dec -> Mon 28 Dec = 2)", () => {
    assert.equal(timeLeft({ ...kr, now: kst("2026-12-23T10:00"), dueMs: endOf("2026-12-28") }).value, 2);
  });

  test("C3: due today is 0; after the due day the count is negative in working days", () => {
    assert.equal(timeLeft({ ...kr, now: kst("2026-12-18T17:00"), dueMs: endOf("2026-12-18") }).value, 0);
    // Due Thu 24 Dec; on Mon 28 Dec one working day (the 28th) has passed: 25th holiday, 26-27 weekend.
    assert.equal(timeLeft({ ...kr, now: kst("2026-12-28T10:00"), dueMs: endOf("2026-12-24") }).value, -1);
  });

  test("C3: the day is taken in the agency's zone, not UTC (23:30 KST Monday is still Monday)", () => {
    // 2026-12-14T23:30 KST = 14:30Z; due Tue 15 Dec: one working day left.
    assert.equal(
      timeLeft({ ...kr, now: Date.UTC(2026, 11, 14, 14, 30), dueMs: endOf("2026-12-15") }).value,
      1,
    );
  });

  test("C3: working hours where hours are counted (09-18, lunch 12-13): 10:00 -> 17:00 = 6 h", () => {
    assert.deepEqual(
      timeLeft({ ...kr, unit: "hours", now: kst("2026-12-14T10:00"), dueMs: kst("2026-12-14T17:00") }),
      { unit: "working_hours", value: 6 },
    );
    assert.equal(
      timeLeft({ ...kr, unit: "hours", now: kst("2026-12-15T10:00"), dueMs: kst("2026-12-14T17:00") }).value,
      -2,
    );
  });
});
