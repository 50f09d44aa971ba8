// A working calendar: pack holidays + agency overrides + office hours, in the agency's time zone.
import { holidaysForYear, listHolidays, type YearHolidays } from "./holidays";
import { holidayName } from "./names";
import type { CalendarOverrides, DayOff, HolidayEntry, HolidayPack, OfficeHoursInput } from "./types";
import { DAY_MS, dayToKey, keyToDay, parseClock, weekday } from "./zoned";

export type NonWorkingKind = "weekend" | "holiday" | "closure";

export interface DayStatus {
  working: boolean;
  /** Why the day is off, or why a normally closed day is worked (make-up). */
  reason?: {
    kind: NonWorkingKind | "makeup" | "override-workday" | "holiday-removed";
    name: string;
    source?: string;
    verify?: boolean;
  };
}

/** Office hours as [start, end) minute segments; default 09:00-18:00 with a 12:00-13:00 lunch. */
export interface OfficeHours {
  segments: Array<[number, number]>;
  minutesPerDay: number;
  label: string;
}

export const DEFAULT_OFFICE_HOURS: OfficeHoursInput = {
  open: "09:00",
  close: "18:00",
  breaks: [{ from: "12:00", to: "13:00" }],
};

export function compileOfficeHours(input: OfficeHoursInput = DEFAULT_OFFICE_HOURS): OfficeHours {
  const open = parseClock(input.open);
  const close = parseClock(input.close);
  if (close <= open) throw new RangeError("office hours: close must be after open");
  const breaks = (input.breaks ?? [])
    .map((b) => [parseClock(b.from), parseClock(b.to)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const segments: Array<[number, number]> = [];
  let cur = open;
  for (const [from, to] of breaks) {
    if (to <= from || from < cur || to > close)
      throw new RangeError("office hours: breaks must lie inside the day, in order");
    if (from > cur) segments.push([cur, from]);
    cur = to;
  }
  if (close > cur) segments.push([cur, close]);
  const minutesPerDay = segments.reduce((s, [a, b]) => s + b - a, 0);
  const label =
    `${input.open}-${input.close}` +
    (breaks.length ? ` (breaks ${(input.breaks ?? []).map((b) => `${b.from}-${b.to}`).join(", ")})` : "");
  return { segments, minutesPerDay, label };
}

const DEFAULT_HOURS = compileOfficeHours();

interface OverrideMaps {
  closures: Map<number, string>;
  workdays: Map<number, string>;
  removals: Map<number, string>;
}

function compileOverrides(o: CalendarOverrides | undefined): OverrideMaps {
  const toMap = (list: Array<{ date: string; reason: string }> | undefined) => {
    const m = new Map<number, string>();
    for (const x of list ?? []) m.set(keyToDay(x.date), x.reason);
    return m;
  };
  return { closures: toMap(o?.closures), workdays: toMap(o?.workdays), removals: toMap(o?.removals) };
}

export class WorkingCalendar {
  readonly officeHours: OfficeHours;
  private readonly o: OverrideMaps;
  private yearStart = 1;
  private yearEnd = 0;
  private year: YearHolidays | null = null;

  constructor(
    readonly pack: HolidayPack,
    readonly timeZone: string,
    readonly overrides?: CalendarOverrides,
  ) {
    this.o = compileOverrides(overrides);
    this.officeHours = overrides?.officeHours ? compileOfficeHours(overrides.officeHours) : DEFAULT_HOURS;
  }

  private yearOf(day: number): YearHolidays {
    if (day < this.yearStart || day > this.yearEnd || !this.year) {
      const y = new Date(day * DAY_MS).getUTCFullYear();
      this.year = holidaysForYear(this.pack, y);
      this.yearStart = Date.UTC(y, 0, 1) / DAY_MS;
      this.yearEnd = Date.UTC(y + 1, 0, 1) / DAY_MS - 1;
    }
    return this.year;
  }

  /** Fast check used by the counting loops. */
  isWorking(day: number): boolean {
    if (this.o.closures.has(day)) return false;
    if (this.o.workdays.has(day)) return true;
    const yh = this.yearOf(day);
    if (yh.makeup.has(day)) return true;
    if (yh.byDay.has(day) && !this.o.removals.has(day)) return false;
    const wd = weekday(day);
    return wd !== 0 && wd !== 6;
  }

  isSaturday(day: number): boolean {
    return weekday(day) === 6;
  }

  holidaysOn(day: number): HolidayEntry[] {
    return this.yearOf(day).byDay.get(day) ?? [];
  }

  /** Full status with the reason, for explanations. */
  status(day: number): DayStatus {
    const closure = this.o.closures.get(day);
    if (closure !== undefined)
      return { working: false, reason: { kind: "closure", name: closure, source: "agency override" } };
    const wdo = this.o.workdays.get(day);
    if (wdo !== undefined)
      return { working: true, reason: { kind: "override-workday", name: wdo, source: "agency override" } };
    const yh = this.yearOf(day);
    const mk = yh.makeup.get(day);
    if (mk)
      return {
        working: true,
        reason: { kind: "makeup", name: mk.reason, source: mk.source, verify: mk.verify },
      };
    const hol = yh.byDay.get(day);
    const wd = weekday(day);
    const removal = this.o.removals.get(day);
    if (hol && removal === undefined) {
      const verify = hol.some((h) => h.verify) || undefined;
      return {
        working: false,
        reason: {
          kind: "holiday",
          name: hol.map((h) => h.name).join(" / "),
          source: [...new Set(hol.map((h) => h.source))].join("; "),
          verify,
        },
      };
    }
    if (wd === 0 || wd === 6)
      return { working: false, reason: { kind: "weekend", name: wd === 0 ? "Sunday" : "Saturday" } };
    if (hol && removal !== undefined)
      return { working: true, reason: { kind: "holiday-removed", name: removal, source: "agency override" } };
    return { working: true };
  }

  describe(day: number): string {
    const s = this.status(day);
    if (!s.reason) return s.working ? "working day" : "day off";
    const r = s.reason;
    const v = r.verify ? " (verify)" : "";
    switch (r.kind) {
      case "weekend":
        return r.name;
      case "holiday":
        return `public holiday: ${r.name} [${r.source}]${v}`;
      case "closure":
        return `agency closure: ${r.name}`;
      case "makeup":
        return `make-up workday: ${r.name} [${r.source}]${v}`;
      case "override-workday":
        return `agency workday: ${r.name}`;
      case "holiday-removed":
        return `holiday worked by the agency: ${r.name}`;
    }
  }

  /** Why a day is off, as data (null for a working day): for the structured due-date reasons. */
  dayOff(day: number): DayOff | null {
    const s = this.status(day);
    if (s.working || !s.reason) return null;
    const date = dayToKey(day);
    if (s.reason.kind === "closure") return { code: "agency_closure", date, name: s.reason.name };
    if (s.reason.kind === "holiday") {
      const holidays = this.holidaysOn(day).map((h) => holidayName(this.pack, h));
      return s.reason.verify
        ? { code: "holiday", date, holidays, verify: true }
        : { code: "holiday", date, holidays };
    }
    return { code: "weekend", date, weekday: weekday(day) === 0 ? "sunday" : "saturday" };
  }

  /** Holidays and closures inside a range, as data (a Civil Act period counts them). */
  daysOffBetween(fromDay: number, toDay: number): DayOff[] {
    const out: DayOff[] = [];
    const seen = new Set<string>();
    for (const h of this.holidaysBetween(fromDay, toDay)) {
      if (seen.has(h.date)) continue;
      seen.add(h.date);
      const off = this.dayOff(keyToDay(h.date));
      if (off) out.push(off);
    }
    return out;
  }

  holidaysBetween(fromDay: number, toDay: number): HolidayEntry[] {
    const out = listHolidays(this.pack, fromDay, toDay).filter((e) => !this.o.removals.has(keyToDay(e.date)));
    for (const [d, reason] of this.o.closures) {
      if (d >= fromDay && d <= toDay)
        out.push({ date: dayToKey(d), name: reason, kind: "temporary", source: "agency override" });
    }
    return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }
}
