// Public holidays per jurisdiction and year: date-holidays (type "public") corrected by the rule
// pack, or the pack's complete official calendar for the years it covers. Cached per year.
import Holidays from "date-holidays";
import type { HolidayEntry, HolidayPack } from "./types";
import { DAY_MS, dayToKey, keyToDay, toLocal } from "./zoned";

export interface YearHolidays {
  /** Day number -> entries (several names can share a day). */
  byDay: Map<number, HolidayEntry[]>;
  makeup: Map<number, { reason: string; source: string; verify?: boolean }>;
  official: boolean;
  /** Holiday day numbers in ascending order (for range listings). */
  sortedDays: number[];
}

const packageInstances = new Map<string, Holidays>();
function packageFor(country: string): Holidays {
  let hd = packageInstances.get(country);
  if (!hd) {
    hd = new Holidays(country);
    packageInstances.set(country, hd);
  }
  return hd;
}

/** date-holidays "public" entries of a year, one entry per local day (multi-day rules expanded). */
export function packageHolidays(pack: HolidayPack, year: number): HolidayEntry[] {
  const out: HolidayEntry[] = [];
  const src = "date-holidays";
  for (const h of packageFor(pack.dateHolidaysCountry).getHolidays(year)) {
    if (h.type !== "public") continue;
    const first = toLocal(h.start.getTime(), pack.timeZone).day;
    const last = toLocal(h.end.getTime() - 1, pack.timeZone).day;
    for (let d = first; d <= last; d++) {
      out.push({
        date: dayToKey(d),
        name: h.name,
        kind: h.substitute ? "substitute" : "public",
        source: src,
      });
    }
  }
  return out;
}

const cache = new WeakMap<HolidayPack, Map<number, YearHolidays>>();

export function holidaysForYear(pack: HolidayPack, year: number): YearHolidays {
  let byYear = cache.get(pack);
  if (!byYear) {
    byYear = new Map();
    cache.set(pack, byYear);
  }
  const hit = byYear.get(year);
  if (hit) return hit;

  const prefix = `${year}-`;
  const official = pack.officialYears.includes(year);
  let entries: HolidayEntry[];
  if (official) {
    entries = pack.additions.filter((e) => e.date.startsWith(prefix));
  } else {
    entries = packageHolidays(pack, year);
    if (pack.adjustPackageYear) entries = pack.adjustPackageYear(year, entries);
    const removed = new Set(pack.removals.filter((r) => r.date.startsWith(prefix)).map((r) => r.date));
    entries = entries.filter((e) => !removed.has(e.date));
    entries.push(...pack.additions.filter((e) => e.date.startsWith(prefix)));
    if (pack.fallbackNote && pack.officialYears.length > 0) {
      entries = entries.map((e) => (e.source === "date-holidays" ? { ...e, verify: true } : e));
    }
  }
  if (pack.recurring) {
    for (const r of pack.recurring(year)) {
      if (!entries.some((e) => e.date === r.date && e.name === r.name)) {
        // A recurring rule never overrides an official calendar; it only fills what is missing.
        if (!official) entries.push(r);
      }
    }
  }
  const byDay = new Map<number, HolidayEntry[]>();
  for (const e of entries) {
    const d = keyToDay(e.date);
    const list = byDay.get(d);
    if (!list) byDay.set(d, [e]);
    else if (!list.some((x) => x.name === e.name)) list.push(e);
  }
  const makeup = new Map<number, { reason: string; source: string; verify?: boolean }>();
  for (const m of pack.makeupWorkdays) {
    if (m.date.startsWith(prefix)) makeup.set(keyToDay(m.date), m);
  }
  const sortedDays = [...byDay.keys()].sort((a, b) => a - b);
  const result: YearHolidays = { byDay, makeup, official, sortedDays };
  byYear.set(year, result);
  return result;
}

/** All holiday entries with from <= date <= to (local day numbers), in date order. */
export function listHolidays(pack: HolidayPack, fromDay: number, toDay: number): HolidayEntry[] {
  const out: HolidayEntry[] = [];
  const y0 = new Date(fromDay * DAY_MS).getUTCFullYear();
  const y1 = new Date(toDay * DAY_MS).getUTCFullYear();
  for (let y = y0; y <= y1; y++) {
    const yh = holidaysForYear(pack, y);
    for (const d of yh.sortedDays) {
      if (d > toDay) break;
      if (d >= fromDay) out.push(...(yh.byDay.get(d) ?? []));
    }
  }
  return out;
}
