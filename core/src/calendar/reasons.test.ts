// Structured due-date reasons (issue 11 item 2): the engine returns data, the web renders it per
// language. Every expected value below is worked out by hand from the calendar, not by the engine.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { computeDeadline, type DueReason, deadlineUnit } from "./index";

const withoutVerify = (r: DueReason[]) => r.filter((x) => x.code !== "verify");

describe("structured reasons of a due date", () => {
  test("C7: KR 10-day PIPA period over Christmas 2026: holiday counted and named in ko/zh-TW/en, Sunday end moved", () => {
    // Received Thu 2026-12-17; day 1 = Fri 12-18; day 10 = Sun 12-27 -> Mon 12-28 (Civil Act §161).
    // 12-25 (Fri) lies inside the period and is counted; Saturdays/Sundays inside are not listed.
    const r = computeDeadline({ jurisdiction: "KR", kind: "pipa_access", received: "2026-12-17T10:00" });
    assert.equal(r.unit, "days");
    assert.deepEqual(withoutVerify(r.reasons), [
      {
        code: "rule",
        kind: "pipa_access",
        amount: 10,
        unit: "days",
        counting: "kr_civil_act",
        citations: r.reasons[0].code === "rule" ? r.reasons[0].citations : [],
      },
      { code: "received", at: "2026-12-17T10:00:00+09:00" },
      { code: "start_next_day", date: "2026-12-18" },
      {
        code: "days_off_counted",
        days: [
          {
            code: "holiday",
            date: "2026-12-25",
            holidays: [{ name: { ko: "기독탄신일", "zh-TW": "聖誕節", en: "Christmas Day" } }],
          },
        ],
      },
      { code: "last_day", date: "2026-12-27", n: 10 },
      { code: "weekend", date: "2026-12-27", weekday: "sunday", effect: "end_moved" },
      { code: "due", at: "2026-12-28T23:59:59+09:00", date: "2026-12-28", end: "end_of_day" },
    ]);
    const rule = r.reasons[0];
    assert.ok(rule.code === "rule" && rule.citations.length > 0, "the rule carries its citations");
  });

  test("C7: TW 15-day PDPA period over two typhoon closures: ends Saturday -> Monday 12:00 (APA Art 48(4))", () => {
    // Received Wed 2026-07-01; counting starts Thu 07-02; nominal last day 07-01 + 15 = Thu 07-16.
    // 07-16 and 07-17 closed (typhoon) -> Sat 07-18 -> Mon 07-20 at noon.
    const typhoon = "颱風停止上班";
    const r = computeDeadline({
      jurisdiction: "TW",
      kind: "tw_pdpa_access",
      received: "2026-07-01T15:00",
      overrides: {
        closures: [
          { date: "2026-07-16", reason: typhoon },
          { date: "2026-07-17", reason: typhoon },
        ],
      },
    });
    assert.equal(r.unit, "days");
    assert.deepEqual(withoutVerify(r.reasons).slice(1), [
      { code: "received", at: "2026-07-01T15:00:00+08:00" },
      { code: "start_next_day", date: "2026-07-02" },
      { code: "last_day", date: "2026-07-16", nominal: true },
      { code: "agency_closure", date: "2026-07-16", name: typhoon, effect: "end_moved" },
      { code: "agency_closure", date: "2026-07-17", name: typhoon, effect: "end_moved" },
      { code: "saturday_to_monday_noon", date: "2026-07-18", monday: "2026-07-20" },
      { code: "due", at: "2026-07-20T12:00:00+08:00", date: "2026-07-20", end: "noon" },
    ]);
  });

  test("C7: KR 민원 of 3 working hours (§19(1)) over Christmas and a weekend: hours, skipped days named", () => {
    // Received Thu 2026-12-24 16:30: 1.5 h left that day (to 18:00); Fri 12-25 Christmas, Sat, Sun
    // not counted; Mon 12-28 09:00 + 1.5 h = 10:30.
    const r = computeDeadline({ jurisdiction: "KR", kind: "minwon", hours: 3, received: "2026-12-24T16:30" });
    assert.equal(r.unit, "hours");
    assert.deepEqual(withoutVerify(r.reasons).slice(1), [
      { code: "received", at: "2026-12-24T16:30:00+09:00" },
      { code: "hours_counting", hours: 3, officeHours: "09:00-18:00 (breaks 12:00-13:00)" },
      {
        code: "holiday",
        date: "2026-12-25",
        holidays: [{ name: { ko: "기독탄신일", "zh-TW": "聖誕節", en: "Christmas Day" } }],
        effect: "not_counted",
      },
      { code: "weekend", date: "2026-12-26", weekday: "saturday", effect: "not_counted" },
      { code: "weekend", date: "2026-12-27", weekday: "sunday", effect: "not_counted" },
      { code: "due", at: "2026-12-28T10:30:00+09:00", date: "2026-12-28", end: "instant" },
    ]);
  });

  test("C7: 5 days of a §19 petition become 40 working hours; a night receipt starts at the next opening", () => {
    // Received Mon 2026-12-14 20:00 -> clock starts Tue 12-15 09:00; 40 h = 5 working days -> Tue 12-22 09:00
    // is the start of day 6, so the end is Mon 12-21 18:00 (5 full days: 15, 16, 17, 18, 21).
    const r = computeDeadline({ jurisdiction: "KR", kind: "minwon", days: 5, received: "2026-12-14T20:00" });
    assert.equal(r.unit, "hours");
    const codes = withoutVerify(r.reasons).map((x) => x.code);
    assert.deepEqual(codes, [
      "rule",
      "received",
      "start_next_opening",
      "hours_counting",
      "weekend",
      "weekend",
      "due",
    ]);
    assert.deepEqual(
      r.reasons.find((x) => x.code === "start_next_opening"),
      {
        code: "start_next_opening",
        at: "2026-12-15T09:00:00+09:00",
        officeHours: "09:00-18:00 (breaks 12:00-13:00)",
      },
    );
    assert.deepEqual(
      r.reasons.find((x) => x.code === "hours_counting"),
      {
        code: "hours_counting",
        hours: 40,
        fromDays: 5,
        officeHours: "09:00-18:00 (breaks 12:00-13:00)",
      },
    );
    assert.equal(r.due, "2026-12-21T18:00:00+09:00");
  });

  test("C7: a pause and an extension are data: from/to instants, amounts in the period's unit, reason kept", () => {
    // KR pipa_access received Mon 2026-03-23 (due Thu 04-02 without pause); paused 03-25 10:00 ->
    // 03-27 10:00 = 2 calendar days -> Sat 04-04 -> Mon 04-06. Extension of 10 days from the day after
    // (04-07 .. 04-16, a Thursday).
    const r = computeDeadline({
      jurisdiction: "KR",
      kind: "pipa_access",
      received: "2026-03-23T10:00",
      pauses: [{ from: "2026-03-25T10:00", to: "2026-03-27T10:00", reason: "보완 요청" }],
      extended: { days: 10, reason: "자료 검토" },
    });
    const pause = r.reasons.find((x) => x.code === "pause");
    assert.deepEqual(pause, {
      code: "pause",
      from: "2026-03-25T10:00:00+09:00",
      to: "2026-03-27T10:00:00+09:00",
      amount: 2,
      unit: "days",
      reason: "보완 요청",
    });
    assert.deepEqual(
      r.reasons.find((x) => x.code === "original_due"),
      {
        code: "original_due",
        at: "2026-04-06T23:59:59+09:00",
      },
    );
    const ext = r.reasons.find((x) => x.code === "extension");
    assert.ok(ext && ext.code === "extension");
    assert.equal(ext.amount, 10);
    assert.equal(ext.unit, "days");
    assert.equal(ext.reason, "자료 검토");
    assert.equal(r.due, "2026-04-16T23:59:59+09:00");
  });

  test("C7: the English explanation stays for the CLI and logs; every step carries its structured reason", () => {
    const r = computeDeadline({ jurisdiction: "TW", kind: "tw_pdpa_access", received: "2026-07-01T15:00" });
    assert.ok(r.explanation.every((s) => typeof s.detail === "string" && s.detail.length > 0));
    assert.ok(r.explanation.every((s) => s.reason !== undefined));
    assert.equal(r.reasons.length, r.explanation.length);
  });

  test("C7: deadlineUnit: PIPA/PDPA periods are days; a §19 override of 5 days or less counts hours", () => {
    assert.equal(deadlineUnit("KR", "pipa_access"), "days");
    assert.equal(deadlineUnit("TW", "tw_pdpa_correction"), "days");
    assert.equal(deadlineUnit("KR", "foi"), "days");
    assert.equal(deadlineUnit("KR", "foi", { rules: { foi: { days: 5 } } }), "hours");
    assert.equal(
      deadlineUnit("KR", "pipa_access", { rules: { pipa_access: { counting: "kr_petition_19", days: 3 } } }),
      "hours",
    );
  });
});
