// Issue 11 item 2: due dates as the law counts them, in ko / zh-TW / en. The templates come from the
// real resource files; every expected string is written by hand (2026-12-18 is a Friday).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import i18next from "i18next";
import { explainDue, formatDay, formatDue, formatLeft, type Translate } from "./due-format";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";
import type { DueReason } from "./types";

const i18n = i18next.createInstance();
await i18n.init({
  resources: {
    ko: { translation: { cases: ko } },
    "zh-TW": { translation: { cases: zhTW } },
    en: { translation: { cases: en } },
  },
  lng: "ko",
  fallbackLng: "en",
  interpolation: { escapeValue: false },
});
const tr = (lng: string): Translate => i18n.getFixedT(lng) as unknown as Translate;
const SEOUL = "Asia/Seoul";
const TAIPEI = "Asia/Taipei";
/** "now" for the tests: Mon 2026-12-14 10:00 in Seoul (01:00Z). */
const NOW = Date.parse("2026-12-14T01:00:00Z");

describe("due dates people read", () => {
  test("C7: a day-counted due is a date with the weekday, no time: ko / zh-TW / en", () => {
    const due = "2026-12-18T23:59:59+09:00";
    assert.equal(formatDue(due, "days", tr("ko"), "ko", SEOUL, { now: NOW }), "12월 18일(금)까지");
    assert.equal(formatDue(due, "days", tr("zh-TW"), "zh-TW", SEOUL, { now: NOW }), "12月18日（五）前");
    assert.equal(formatDue(due, "days", tr("en"), "en", SEOUL, { now: NOW }), "by Fri 18 Dec");
  });

  test("C7: the date is the agency's local date, not the browser's or UTC (23:59:59+08:00 is 15:59Z)", () => {
    const due = "2026-12-18T23:59:59+08:00";
    assert.equal(formatDue(due, "days", tr("zh-TW"), "zh-TW", TAIPEI, { now: NOW }), "12月18日（五）前");
  });

  test("C7: an hour-counted due adds the time of day", () => {
    const due = "2026-12-28T10:30:00+09:00";
    assert.equal(formatDue(due, "hours", tr("ko"), "ko", SEOUL, { now: NOW }), "12월 28일(월) 10:30까지");
    assert.equal(formatDue(due, "hours", tr("zh-TW"), "zh-TW", SEOUL, { now: NOW }), "12月28日（一）10:30前");
    assert.equal(formatDue(due, "hours", tr("en"), "en", SEOUL, { now: NOW }), "by Mon 28 Dec, 10:30");
  });

  test("C7: a TW day period ending at Monday noon (APA Art 48(4)) shows the noon", () => {
    const due = "2026-07-20T12:00:00+08:00";
    assert.equal(formatDue(due, "days", tr("zh-TW"), "zh-TW", TAIPEI, { now: NOW }), "7月20日（一）12:00前");
  });

  test("C7: another year is written out", () => {
    const due = "2027-01-05T23:59:59+09:00";
    assert.equal(formatDue(due, "days", tr("ko"), "ko", SEOUL, { now: NOW }), "2027년 1월 5일(화)까지");
    assert.equal(formatDue(due, "days", tr("zh-TW"), "zh-TW", SEOUL, { now: NOW }), "2027年1月5日（二）前");
    assert.equal(formatDue(due, "days", tr("en"), "en", SEOUL, { now: NOW }), "by Tue 5 Jan 2027");
  });

  test("C7: days left, due today, overdue; hours left for hour-counted periods", () => {
    const friday = "2026-12-18T23:59:59+09:00";
    assert.equal(formatLeft(friday, "days", tr("ko"), SEOUL, NOW), "4일 남음");
    assert.equal(formatLeft(friday, "days", tr("zh-TW"), SEOUL, NOW), "剩 4 天");
    assert.equal(formatLeft(friday, "days", tr("en"), SEOUL, NOW), "4 days left");
    const today = "2026-12-14T23:59:59+09:00";
    assert.equal(formatLeft(today, "days", tr("ko"), SEOUL, NOW), "오늘 마감");
    assert.equal(formatLeft(today, "days", tr("en"), SEOUL, NOW), "due today");
    const past = "2026-12-12T23:59:59+09:00"; // Sat; now is Mon 10:00
    assert.equal(formatLeft(past, "days", tr("ko"), SEOUL, NOW), "2일 지남");
    assert.equal(formatLeft(past, "days", tr("zh-TW"), SEOUL, NOW), "逾期 2 天");
    assert.equal(formatLeft("2026-12-13T23:59:59+09:00", "days", tr("en"), SEOUL, NOW), "1 day overdue");
    const soon = "2026-12-14T15:30:00+09:00"; // 5 h 30 min after now
    assert.equal(formatLeft(soon, "hours", tr("ko"), SEOUL, NOW), "5시간 남음");
    assert.equal(formatLeft(soon, "hours", tr("en"), SEOUL, NOW), "5 hours left");
  });

  test("C7: formatDay takes a local date key as it is", () => {
    assert.equal(formatDay("2026-12-25", tr("ko"), "ko", SEOUL, { now: NOW }), "12월 25일(금)");
    assert.equal(formatDay("2026-12-25", tr("en"), "en", TAIPEI, { now: NOW }), "Fri 25 Dec");
  });
});

describe("the explanation in the reader's language", () => {
  // The reasons the engine returns for a KR 10-day period received Thu 2026-12-17 (see reasons.test.ts).
  const kr: DueReason[] = [
    {
      code: "rule",
      kind: "pipa_access",
      amount: 10,
      unit: "days",
      counting: "kr_civil_act",
      citations: ["PIPA §35"],
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
    { code: "verify", note: "not shown" },
    { code: "due", at: "2026-12-28T23:59:59+09:00", date: "2026-12-28", end: "end_of_day" },
  ];

  test("C7: ko: holidays named, dates in Korean form, no ISO dates or codes", () => {
    assert.deepEqual(explainDue(kr, tr("ko"), "ko", SEOUL, { now: NOW }), [
      "법정 처리기간은 10일입니다.",
      "12월 17일(목) 10:00에 접수되었습니다.",
      "첫날은 기간에 넣지 않으므로 12월 18일(금)부터 셉니다.",
      "기간 중의 휴일도 기간에 들어갑니다: 12월 25일(금) 기독탄신일.",
      "기간의 10번째 날은 12월 27일(일)입니다.",
      "12월 27일(일) 일요일: 기간의 끝이 휴일이어서 다음 날로 넘어갑니다.",
      "기한: 12월 28일(월)까지(그날 자정).",
      "일부 휴일 정보는 공식 고시와 아직 대조 중입니다.",
    ]);
  });

  test("C7: en: the same reasons in English", () => {
    assert.deepEqual(explainDue(kr, tr("en"), "en", SEOUL, { now: NOW }), [
      "The law allows 10 days.",
      "Received Thu 17 Dec, 10:00.",
      "The first day is not counted: counting starts on Fri 18 Dec.",
      "Days off inside the period are counted: Fri 25 Dec (Christmas Day).",
      "Day 10 of the period is Sun 27 Dec.",
      "Sun 27 Dec (Sunday): the period ends on a day off, so it moves to the next day.",
      "Due by the end of Mon 28 Dec.",
      "Some holiday data is still being checked against the official calendar.",
    ]);
  });

  test("C7: zh-TW: a typhoon closure and the Saturday -> Monday noon rule", () => {
    const tw: DueReason[] = [
      { code: "agency_closure", date: "2026-07-17", name: "颱風停止上班", effect: "end_moved" },
      { code: "saturday_to_monday_noon", date: "2026-07-18", monday: "2026-07-20" },
      { code: "due", at: "2026-07-20T12:00:00+08:00", date: "2026-07-20", end: "noon" },
    ];
    assert.deepEqual(explainDue(tw, tr("zh-TW"), "zh-TW", TAIPEI, { now: NOW }), [
      "7月17日（五）機關停止上班（颱風停止上班）：期間末日為休息日，以其次日為期間末日。",
      "期間末日7月18日（六）為星期六，以7月20日（一）中午12時為期間末日。",
      "期限：7月20日（一）12:00。",
    ]);
  });

  test("C7: a substitute holiday and a pause in working days (ko)", () => {
    const r: DueReason[] = [
      {
        code: "holiday",
        date: "2026-08-17",
        holidays: [{ name: { ko: "광복절", en: "Liberation Day" }, substitute: true }],
        effect: "not_counted",
      },
      {
        code: "pause",
        from: "2026-08-10T10:00:00+09:00",
        to: "2026-08-12T15:00:00+09:00",
        amount: 2,
        unit: "working_days",
      },
    ];
    assert.deepEqual(explainDue(r, tr("ko"), "ko", SEOUL, { now: NOW }), [
      "8월 17일(월) 광복절 대체공휴일은(는) 세지 않습니다.",
      "8월 10일(월) 10:00부터 8월 12일(수) 15:00까지 신청인의 보완을 기다리는 동안 기간이 멈췄습니다(2근무일).",
    ]);
  });
});
