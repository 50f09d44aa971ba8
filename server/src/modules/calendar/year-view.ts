// The year calendar of an agency as the staff screen shows it: every day's status with the reason,
// the holidays with where each comes from, the make-up workdays and the agency's own entries. Pure.
import { type CalendarOverrides, dayStatus, holidaysForYear, packFor } from "@civicpims/core/calendar/index";
import { expandDates } from "./override-rules";

export interface YearDay {
  date: string;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
  working: boolean;
  /** weekend | holiday | closure | makeup | override-workday | holiday-removed (absent: ordinary day). */
  status?: string;
  name?: string;
  source?: string;
  verify?: boolean;
  /** The agency entry that decides this day, if any. */
  overrideId?: string;
  overrideKind?: string;
}

export interface YearHoliday {
  date: string;
  name: string;
  kind: string;
  /** "package" = date-holidays; "rule_pack" = the jurisdiction's own data (statute, official calendar). */
  origin: "package" | "rule_pack";
  source: string;
  verify?: boolean;
  /** The agency works on it (removal entry). */
  removedByAgency?: boolean;
}

export interface YearCalendar {
  year: number;
  jurisdiction: string;
  timeZone: string;
  days: YearDay[];
  holidays: YearHoliday[];
  makeupWorkdays: Array<{ date: string; reason: string; source: string; verify?: boolean }>;
  workingDays: number;
  /** The pack's note when the year is outside its official calendars. */
  fallbackNote?: string;
}

export function buildYearCalendar(
  jurisdiction: string,
  timeZone: string,
  overrides: CalendarOverrides,
  entries: ReadonlyArray<{ id: string; kind: string; dateFrom: string; dateTo: string }>,
  year: number,
): YearCalendar {
  const pack = packFor(jurisdiction).holidays;
  const yh = holidaysForYear(pack, year);
  const byDate = new Map<string, { id: string; kind: string }>();
  for (const e of entries) for (const d of expandDates(e.dateFrom, e.dateTo)) byDate.set(d, e);
  const opts = { jurisdiction, timeZone, overrides };
  const days: YearDay[] = [];
  for (const date of expandDates(`${year}-01-01`, `${year}-12-31`)) {
    const s = dayStatus(date, opts);
    const own = byDate.get(date);
    days.push({
      date,
      weekday: new Date(`${date}T00:00:00Z`).getUTCDay(),
      working: s.working,
      ...(s.reason
        ? {
            status: s.reason.kind,
            name: s.reason.name,
            ...(s.reason.source ? { source: s.reason.source } : {}),
            ...(s.reason.verify ? { verify: true } : {}),
          }
        : {}),
      ...(own ? { overrideId: own.id, overrideKind: own.kind } : {}),
    });
  }
  const removed = new Set((overrides.removals ?? []).map((r) => r.date));
  const holidays: YearHoliday[] = [];
  for (const day of yh.sortedDays) {
    for (const h of yh.byDay.get(day) ?? []) {
      holidays.push({
        date: h.date,
        name: h.name,
        kind: h.kind,
        origin: h.source === "date-holidays" ? "package" : "rule_pack",
        source: h.source,
        ...(h.verify ? { verify: true } : {}),
        ...(removed.has(h.date) ? { removedByAgency: true } : {}),
      });
    }
  }
  const makeupWorkdays = [...yh.makeup.entries()]
    .map(([day, m]) => ({
      date: new Date(day * 86_400_000).toISOString().slice(0, 10),
      reason: m.reason,
      source: m.source,
      ...(m.verify ? { verify: true } : {}),
    }))
    .sort((a, b) => (a.date < b.date ? -1 : 1));
  // The pack vouches for a year when it holds the official calendar or lists one-off days through it.
  const covered =
    pack.officialYears.includes(year) || (pack.knownThrough !== undefined && year <= pack.knownThrough);
  return {
    year,
    jurisdiction,
    timeZone,
    days,
    holidays,
    makeupWorkdays,
    workingDays: days.filter((d) => d.working).length,
    ...(!covered && pack.fallbackNote ? { fallbackNote: pack.fallbackNote } : {}),
  };
}
