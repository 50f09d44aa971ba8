// KR public holidays (관공서의 공휴일에 관한 규정) as the rule pack ships them on top of date-holidays.
// Checked against date-holidays 3.37 for 2025 and 2026 (see core/src/calendar/holidays.test.ts):
// - it puts 설날 one day late (lunar 1/1..1/3 instead of 12/30..1/2): fixed for every year below;
// - it lacks election days and government-designated temporary holidays: listed below;
// - 17 Jul (제헌절) is public again from 2026 (Act amended 2026-01-29): shipped as a recurring rule.
import type { HolidayEntry, HolidayPack, HolidayRemoval, LocalNames } from "../../calendar/types";

const REG = "관공서의 공휴일에 관한 규정";

export const krHolidayAdditions: HolidayEntry[] = [
  {
    date: "2025-01-27",
    name: "임시공휴일",
    kind: "temporary",
    source: "government designation (Cabinet decision, Jan 2025); not in deadlines.md",
    verify: true,
  },
  {
    date: "2025-06-03",
    name: "제21대 대통령선거일",
    kind: "election",
    source: "Public Official Election Act §34 / " + REG + " §2(10); not in deadlines.md",
    verify: true,
  },
  {
    date: "2026-06-03",
    name: "제9회 전국동시지방선거일",
    kind: "election",
    source: "Public Official Election Act §34 / " + REG + " §2(10); deadlines.md",
  },
];

/** Nothing to remove for 2025/2026 beyond the 설날 window fix (adjustKrPackageYear). */
export const krHolidayRemovals: HolidayRemoval[] = [];

const DAY = 86_400_000;
const key = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (k: string) => Date.parse(k + "T00:00:00Z");

/**
 * date-holidays encodes 설날 as "korean 01-0-01 P3D" (new-year day + 2 days). The regulation gives
 * the eve, the day and the next day, with a substitute day when one of them falls on a Sunday or
 * another holiday (a Saturday does not trigger it). Rebuild the window and its substitute.
 */
export function adjustKrPackageYear(_year: number, entries: HolidayEntry[]): HolidayEntry[] {
  const seollal = entries.filter((e) => e.name.startsWith("설날"));
  if (seollal.length === 0) return entries;
  const newYearDay = seollal.filter((e) => e.kind !== "substitute").map((e) => e.date)[0];
  const rest = entries.filter((e) => !e.name.startsWith("설날"));
  if (!newYearDay) return rest;
  const src = "date-holidays (lunar date) + " + REG + " §2(4), §3 (window rebuilt by the rule pack)";
  const t = dayMs(newYearDay);
  const window = [
    { date: key(t - DAY), name: "설날 전날" },
    { date: key(t), name: "설날" },
    { date: key(t + DAY), name: "설날 다음날" },
  ].map((w) => ({ ...w, kind: "public" as const, source: src }));
  const otherDates = new Set(rest.map((e) => e.date));
  let triggers = 0;
  for (const w of window) {
    const wd = new Date(dayMs(w.date)).getUTCDay();
    if (wd === 0 || otherDates.has(w.date)) triggers++;
  }
  const out: HolidayEntry[] = [...rest, ...window];
  let cursor = t + DAY;
  while (triggers > 0) {
    cursor += DAY;
    const k = key(cursor);
    if (new Date(cursor).getUTCDay() === 0 || otherDates.has(k)) continue;
    out.push({ date: k, name: "설날 대체공휴일", kind: "substitute", source: src });
    triggers--;
  }
  return out;
}

/** 제헌절 is a public holiday again from 2026 (no substitute rule is stated for it: verify). */
export function krRecurringHolidays(year: number): HolidayEntry[] {
  if (year < 2026) return [];
  return [
    {
      date: `${year}-07-17`,
      name: "제헌절",
      kind: "public",
      source: "Act on Public Holidays as amended 2026-01-29; deadlines.md",
    },
  ];
}

/** zh-TW and English names of the Korean days off (keyed by the Korean name the pack and date-holidays use). */
export const krHolidayNames: Record<string, LocalNames> = {
  신정: { "zh-TW": "元旦", en: "New Year's Day" },
  "설날 전날": { "zh-TW": "春節前一日", en: "Day before Seollal" },
  설날: { "zh-TW": "春節（설날）", en: "Seollal (Lunar New Year)" },
  "설날 다음날": { "zh-TW": "春節翌日", en: "Day after Seollal" },
  "3·1절": { "zh-TW": "三一節", en: "Independence Movement Day" },
  어린이날: { "zh-TW": "兒童節", en: "Children's Day" },
  석가탄신일: { "zh-TW": "佛誕日", en: "Buddha's Birthday" },
  부처님오신날: { "zh-TW": "佛誕日", en: "Buddha's Birthday" },
  현충일: { "zh-TW": "顯忠日", en: "Memorial Day" },
  제헌절: { "zh-TW": "制憲節", en: "Constitution Day" },
  광복절: { "zh-TW": "光復節", en: "Liberation Day" },
  추석: { "zh-TW": "中秋節（추석）", en: "Chuseok" },
  개천절: { "zh-TW": "開天節", en: "National Foundation Day" },
  한글날: { "zh-TW": "韓文日", en: "Hangul Day" },
  기독탄신일: { "zh-TW": "聖誕節", en: "Christmas Day" },
  임시공휴일: { "zh-TW": "臨時公休日", en: "Temporary public holiday" },
  "제21대 대통령선거일": { "zh-TW": "第21屆總統選舉日", en: "21st presidential election day" },
  "제9회 전국동시지방선거일": {
    "zh-TW": "第9屆全國同步地方選舉日",
    en: "9th nationwide local elections day",
  },
};

export const krHolidayPack: HolidayPack = {
  nameLang: "ko",
  holidayNames: krHolidayNames,
  jurisdiction: "KR",
  timeZone: "Asia/Seoul",
  dateHolidaysCountry: "KR",
  officialYears: [],
  additions: krHolidayAdditions,
  removals: krHolidayRemovals,
  makeupWorkdays: [],
  adjustPackageYear: adjustKrPackageYear,
  recurring: krRecurringHolidays,
  knownThrough: 2026,
  fallbackNote:
    "Election days and temporary holidays are only known to the pack for 2025-2026; add others as agency closures",
};

/** (verify) 1 May (노동절) for public offices: not a holiday in the pack; agencies add it as an override. */
export const krLabourDayNote =
  "1 May (노동절) is not treated as a day off for public offices until confirmed (verify); add it as an agency closure if it applies.";
