import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { krHolidayPack } from "../jurisdictions/kr/holidays";
import { holidaysBetween, isWorkingDay, packageHolidays } from "./index";

const KR = { jurisdiction: "KR" } as const;
const TW = { jurisdiction: "TW" } as const;

/** Days off on weekdays in a year (weekends excluded), as YYYY-MM-DD. */
function weekdayClosures(year: number, opts: { jurisdiction: string }): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000) {
    const d = new Date(t);
    const key = d.toISOString().slice(0, 10);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6 && !isWorkingDay(key, opts)) out.push(key);
  }
  return out;
}

function daysOff(year: number, opts: { jurisdiction: string }): number {
  let n = 0;
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000)
    if (!isWorkingDay(new Date(t).toISOString().slice(0, 10), opts)) n++;
  return n;
}

describe("KR official public-holiday calendars", () => {
  test("2026 weekday holidays match 관공서의 공휴일 (deadlines.md list)", () => {
    // deadlines.md 2026 list, weekday dates only (06-06, 09-26, 10-03, 08-15, 03-01, 05-24 fall on weekends).
    assert.deepEqual(weekdayClosures(2026, KR), [
      "2026-01-01",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-03-02",
      "2026-05-05",
      "2026-05-25",
      "2026-06-03",
      "2026-07-17",
      "2026-08-17",
      "2026-09-24",
      "2026-09-25",
      "2026-10-05",
      "2026-10-09",
      "2026-12-25",
    ]);
  });

  test("2025 weekday holidays incl. temporary holiday 01-27 and presidential election 06-03", () => {
    assert.deepEqual(weekdayClosures(2025, KR), [
      "2025-01-01",
      "2025-01-27",
      "2025-01-28",
      "2025-01-29",
      "2025-01-30",
      "2025-03-03",
      "2025-05-05",
      "2025-05-06",
      "2025-06-03",
      "2025-06-06",
      "2025-08-15",
      "2025-10-03",
      "2025-10-06",
      "2025-10-07",
      "2025-10-08",
      "2025-10-09",
      "2025-12-25",
    ]);
  });

  test("Lunar New Year: the pack corrects date-holidays' window (eve, day, next day)", () => {
    const pkg = packageHolidays(krHolidayPack, 2026)
      .filter((h) => h.name.startsWith("설날"))
      .map((h) => h.date);
    // The package puts 설날 on lunar 1/1..1/3; the regulation says 12/30..1/2.
    assert.ok(!pkg.includes("2026-02-16"), "if date-holidays fixed 설날, drop adjustKrPackageYear");
    const pack = holidaysBetween("2026-02-01", "2026-02-28", KR).map((h) => `${h.date} ${h.name}`);
    assert.deepEqual(pack, ["2026-02-16 설날 전날", "2026-02-17 설날", "2026-02-18 설날 다음날"]);
    assert.equal(isWorkingDay("2026-02-19", KR), true);
  });

  test("substitute holidays: Sunday/Saturday triggers, and the days without a substitute", () => {
    for (const d of [
      "2026-03-02",
      "2026-05-25",
      "2026-08-17",
      "2026-10-05",
      "2025-03-03",
      "2025-05-06",
      "2025-10-08",
    ])
      assert.equal(isWorkingDay(d, KR), false, d);
    // 현충일 (06-06 Sat) has no substitute; Chuseok on a Saturday (09-26) triggers none.
    assert.equal(isWorkingDay("2026-06-08", KR), true);
    assert.equal(isWorkingDay("2026-09-28", KR), true);
    const subs = holidaysBetween("2026-01-01", "2026-12-31", KR).filter((h) => h.kind === "substitute");
    assert.deepEqual(
      subs.map((h) => h.date),
      ["2026-03-02", "2026-05-25", "2026-08-17", "2026-10-05"],
    );
  });

  test("Constitution Day 17 Jul is a holiday from 2026 only", () => {
    assert.equal(isWorkingDay("2026-07-17", KR), false);
    assert.equal(isWorkingDay("2025-07-17", KR), true);
    assert.equal(isWorkingDay("2027-07-16", KR), true);
    assert.ok(holidaysBetween("2027-07-17", "2027-07-17", KR).some((h) => h.name === "제헌절"));
  });

  test("election day 2026-06-03 (local elections) is a day off with its source", () => {
    const [h] = holidaysBetween("2026-06-03", "2026-06-03", KR);
    assert.equal(h.kind, "election");
    assert.match(h.source, /Election Act/);
  });
});

describe("TW DGPA office calendars", () => {
  test("2026 has 120 days off (deadlines.md: DGPA calendar approved June 2025)", () => {
    assert.equal(daysOff(2026, TW), 120);
  });

  test("2026 bridge days and Lunar New Year break", () => {
    assert.deepEqual(weekdayClosures(2026, TW), [
      "2026-01-01",
      "2026-02-16",
      "2026-02-17",
      "2026-02-18",
      "2026-02-19",
      "2026-02-20",
      "2026-02-27",
      "2026-04-03",
      "2026-04-06",
      "2026-05-01",
      "2026-06-19",
      "2026-09-25",
      "2026-09-28",
      "2026-10-09",
      "2026-10-26",
      "2026-12-25",
    ]);
  });

  test("2025: Lunar New Year 01-27..01-31 off, make-up workday Saturday 02-08", () => {
    for (const d of ["2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31"])
      assert.equal(isWorkingDay(d, TW), false, d);
    assert.equal(isWorkingDay("2025-02-08", TW), true);
    assert.equal(isWorkingDay("2025-02-15", TW), false, "an ordinary Saturday");
    // Holidays added by the 2025 Act, moved off the weekend.
    for (const d of ["2025-09-29", "2025-10-24", "2025-12-25", "2025-04-03", "2025-05-30"])
      assert.equal(isWorkingDay(d, TW), false, d);
    assert.equal(isWorkingDay("2025-05-01", TW), true, "agencies worked on 2025-05-01");
  });

  test("years without a DGPA calendar fall back to date-holidays and are flagged (verify)", () => {
    const list = holidaysBetween("2027-01-01", "2027-12-31", TW);
    assert.ok(list.length > 5);
    assert.ok(list.some((h) => h.verify));
  });
});

describe("agency overrides", () => {
  test("closures, make-up workdays and removals change working days", () => {
    const overrides = {
      closures: [{ date: "2026-07-08", reason: "typhoon day (停止上班)" }],
      workdays: [{ date: "2026-07-11", reason: "補行上班" }],
      removals: [{ date: "2026-05-01", reason: "office open on Labour Day" }],
    };
    const o = { jurisdiction: "TW", overrides };
    assert.equal(isWorkingDay("2026-07-08", o), false);
    assert.equal(isWorkingDay("2026-07-11", o), true);
    assert.equal(isWorkingDay("2026-05-01", o), true);
    assert.equal(isWorkingDay("2026-07-08", TW), true);
    assert.ok(holidaysBetween("2026-07-01", "2026-07-31", o).some((h) => h.name.includes("typhoon")));
  });
});
