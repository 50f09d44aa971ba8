// TW days off for administrative agencies. For 2025 and 2026 the pack ships the DGPA office
// calendars (政府行政機關辦公日曆表) in full, because date-holidays 3.37 misses the bridge and
// make-up days (補假: 2026-02-27, 04-03, 10-09, 10-26) and the holidays added by the 2025 Act
// (紀念日及節日實施條例: 5/1 for agencies, 9/28, 10/25, 12/25, 小年夜). Other years fall back to the
// package plus the 2025 Act's fixed days with the Saturday->Friday / Sunday->Monday rule (verify).
import type { HolidayEntry, HolidayPack, LocalNames, MakeupWorkday } from "../../calendar/types";

const DGPA_2025 = "DGPA 2025 office calendar (approved June 2024), revised for the 2025 Act";
const DGPA_2026 = "DGPA 2026 office calendar (approved June 2025); deadlines.md";
const ACT_2025 = "紀念日及節日實施條例 (2025)";

function h(
  date: string,
  name: string,
  kind: HolidayEntry["kind"],
  source: string,
  note?: string,
): HolidayEntry {
  return note ? { date, name, kind, source, note } : { date, name, kind, source };
}

export const twOfficialCalendar2025: HolidayEntry[] = [
  h("2025-01-01", "開國紀念日", "public", DGPA_2025),
  h("2025-01-27", "除夕前一日 (調整放假)", "bridge", DGPA_2025, "made up on Sat 2025-02-08"),
  h("2025-01-28", "農曆除夕", "public", DGPA_2025),
  h("2025-01-29", "春節 (初一)", "public", DGPA_2025),
  h("2025-01-30", "春節 (初二)", "public", DGPA_2025),
  h("2025-01-31", "春節 (初三)", "public", DGPA_2025),
  h("2025-02-28", "和平紀念日", "public", DGPA_2025),
  h(
    "2025-04-03",
    "兒童節 (補假)",
    "substitute",
    DGPA_2025,
    "Children's Day and Tomb Sweeping Day on one day",
  ),
  h("2025-04-04", "兒童節及民族掃墓節", "public", DGPA_2025),
  h("2025-05-30", "端午節 (補假)", "substitute", DGPA_2025, "端午節 2025-05-31 is a Saturday"),
  h("2025-05-31", "端午節", "weekend-holiday", DGPA_2025),
  h("2025-09-28", "教師節", "weekend-holiday", ACT_2025),
  h("2025-09-29", "教師節 (補假)", "substitute", ACT_2025),
  h("2025-10-06", "中秋節", "public", DGPA_2025),
  h("2025-10-10", "國慶日", "public", DGPA_2025),
  h("2025-10-24", "臺灣光復暨金門古寧頭大捷紀念日 (補假)", "substitute", ACT_2025),
  h("2025-10-25", "臺灣光復暨金門古寧頭大捷紀念日", "weekend-holiday", ACT_2025),
  h("2025-12-25", "行憲紀念日", "public", ACT_2025),
];

export const twOfficialCalendar2026: HolidayEntry[] = [
  h("2026-01-01", "開國紀念日", "public", DGPA_2026),
  h("2026-02-15", "小年夜", "weekend-holiday", DGPA_2026, "on a Sunday: made up on 2026-02-20"),
  h("2026-02-16", "農曆除夕", "public", DGPA_2026),
  h("2026-02-17", "春節 (初一)", "public", DGPA_2026),
  h("2026-02-18", "春節 (初二)", "public", DGPA_2026),
  h("2026-02-19", "春節 (初三)", "public", DGPA_2026),
  h("2026-02-20", "小年夜 (補假)", "substitute", DGPA_2026),
  h("2026-02-27", "和平紀念日 (補假)", "substitute", DGPA_2026, "2026-02-28 is a Saturday"),
  h("2026-02-28", "和平紀念日", "weekend-holiday", DGPA_2026),
  h("2026-04-03", "兒童節 (補假)", "substitute", DGPA_2026, "2026-04-04 is a Saturday"),
  h("2026-04-04", "兒童節", "weekend-holiday", DGPA_2026),
  h("2026-04-05", "民族掃墓節", "weekend-holiday", DGPA_2026),
  h("2026-04-06", "民族掃墓節 (補假)", "substitute", DGPA_2026, "2026-04-05 is a Sunday"),
  h("2026-05-01", "勞動節", "public", DGPA_2026),
  h("2026-06-19", "端午節", "public", DGPA_2026),
  h("2026-09-25", "中秋節", "public", DGPA_2026),
  h("2026-09-28", "教師節", "public", DGPA_2026),
  h("2026-10-09", "國慶日 (補假)", "substitute", DGPA_2026, "2026-10-10 is a Saturday"),
  h("2026-10-10", "國慶日", "weekend-holiday", DGPA_2026),
  h("2026-10-25", "臺灣光復暨金門古寧頭大捷紀念日", "weekend-holiday", DGPA_2026),
  h("2026-10-26", "臺灣光復暨金門古寧頭大捷紀念日 (補假)", "substitute", DGPA_2026, "2026-10-25 is a Sunday"),
  h("2026-12-25", "行憲紀念日", "public", DGPA_2026),
];

export const twMakeupWorkdays: MakeupWorkday[] = [
  { date: "2025-02-08", reason: "補行上班 for 2025-01-27", source: DGPA_2025 },
  // (verify) deadlines.md: no make-up workdays are scheduled in the 2026 calendar.
];

const DAY = 86_400_000;
const key = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Fixed-date days off added by the 2025 Act, moved off weekends (Sat -> Fri, Sun -> Mon). */
export function twRecurringHolidays(year: number): HolidayEntry[] {
  if (year < 2025) return [];
  const fixed: Array<[string, string]> = [
    ["09-28", "教師節"],
    ["10-25", "臺灣光復暨金門古寧頭大捷紀念日"],
    ["12-25", "行憲紀念日"],
  ];
  if (year >= 2026) fixed.push(["05-01", "勞動節"]);
  const out: HolidayEntry[] = [];
  for (const [md, name] of fixed) {
    const t = Date.parse(`${year}-${md}T00:00:00Z`);
    const wd = new Date(t).getUTCDay();
    const src = ACT_2025 + " (computed; verify against the DGPA calendar)";
    out.push({
      date: key(t),
      name,
      kind: wd === 0 || wd === 6 ? "weekend-holiday" : "public",
      source: src,
      verify: true,
    });
    if (wd === 6)
      out.push({ date: key(t - DAY), name: name + " (補假)", kind: "substitute", source: src, verify: true });
    if (wd === 0)
      out.push({ date: key(t + DAY), name: name + " (補假)", kind: "substitute", source: src, verify: true });
  }
  return out;
}

/** Korean and English names of the Taiwanese days off (keyed by the name the pack and date-holidays use). */
export const twHolidayNames: Record<string, LocalNames> = {
  開國紀念日: { ko: "중화민국 개국기념일", en: "Founding Day of the Republic of China" },
  "中華民國開國紀念日 / 元旦": { ko: "중화민국 개국기념일", en: "Founding Day of the Republic of China" },
  "除夕前一日 (調整放假)": {
    ko: "섣달그믐 전날(조정 휴일)",
    en: "Day before Lunar New Year's Eve (bridge day)",
  },
  小年夜: { ko: "섣달그믐 전날", en: "Day before Lunar New Year's Eve" },
  農曆除夕: { ko: "섣달그믐", en: "Lunar New Year's Eve" },
  "春節 (初一)": { ko: "춘절(초하루)", en: "Lunar New Year (day 1)" },
  "春節 (初二)": { ko: "춘절(이튿날)", en: "Lunar New Year (day 2)" },
  "春節 (初三)": { ko: "춘절(사흗날)", en: "Lunar New Year (day 3)" },
  農曆年初一: { ko: "춘절(초하루)", en: "Lunar New Year (day 1)" },
  農曆年初二: { ko: "춘절(이튿날)", en: "Lunar New Year (day 2)" },
  農曆年初三: { ko: "춘절(사흗날)", en: "Lunar New Year (day 3)" },
  農曆年初四: { ko: "춘절(나흗날)", en: "Lunar New Year (day 4)" },
  农历新年假期: { ko: "춘절 연휴", en: "Lunar New Year holiday" },
  和平紀念日: { ko: "평화기념일", en: "Peace Memorial Day" },
  "228和平紀念日": { ko: "평화기념일", en: "Peace Memorial Day" },
  兒童節: { ko: "어린이날", en: "Children's Day" },
  兒童節及民族掃墓節: { ko: "어린이날·청명절", en: "Children's Day and Tomb Sweeping Day" },
  民族掃墓節: { ko: "청명절", en: "Tomb Sweeping Day" },
  淸明節: { ko: "청명절", en: "Tomb Sweeping Day" },
  勞動節: { ko: "노동절", en: "Labour Day" },
  端午節: { ko: "단오절", en: "Dragon Boat Festival" },
  中秋節: { ko: "중추절", en: "Mid-Autumn Festival" },
  教師節: { ko: "스승의 날", en: "Teachers' Day" },
  國慶日: { ko: "국경일", en: "National Day" },
  "國慶日 / 雙十節": { ko: "국경일", en: "National Day" },
  臺灣光復暨金門古寧頭大捷紀念日: {
    ko: "대만 광복 및 진먼 구닝터우 대첩 기념일",
    en: "Taiwan Retrocession and Guningtou Victory Day",
  },
  行憲紀念日: { ko: "행헌기념일", en: "Constitution Day" },
};

export const twHolidayPack: HolidayPack = {
  nameLang: "zh-TW",
  holidayNames: twHolidayNames,
  jurisdiction: "TW",
  timeZone: "Asia/Taipei",
  dateHolidaysCountry: "TW",
  officialYears: [2025, 2026],
  additions: [...twOfficialCalendar2025, ...twOfficialCalendar2026],
  removals: [],
  makeupWorkdays: twMakeupWorkdays,
  recurring: twRecurringHolidays,
  fallbackNote:
    "No DGPA office calendar in the rule pack for this year: holidays come from date-holidays and the 2025 Act (verify); add bridge and make-up days as agency overrides",
};
