// Small calendar queries for other modules (case engine, reminders, UI).
import { addWorkingMinutes, nextOpening } from "./counting";
import { DeadlineError } from "./errors";
import { type CalendarOptions, calendarPacks, getCalendar } from "./registry";
import type { HolidayEntry } from "./types";
import { dayToKey, formatZoned, keyToDay, parseInstant, toLocal } from "./zoned";

export type DateInput = Date | string | number;

function localDay(v: DateInput, tz: string): number {
  try {
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v.trim())) return keyToDay(v.trim());
    return toLocal(parseInstant(v, tz), tz).day;
  } catch (e) {
    throw new DeadlineError("BAD_INPUT", (e as Error).message);
  }
}

/** Whether the agency works on the local date of `date` (YYYY-MM-DD is taken as a local date). */
export function isWorkingDay(date: DateInput, opts: CalendarOptions): boolean {
  const cal = getCalendar(opts);
  return cal.isWorking(localDay(date, cal.timeZone));
}

/** Why a day is (not) worked: weekend, holiday (with name and source), closure, make-up workday. */
export function dayStatus(date: DateInput, opts: CalendarOptions) {
  const cal = getCalendar(opts);
  const day = localDay(date, cal.timeZone);
  return { date: dayToKey(day), ...cal.status(day), description: cal.describe(day) };
}

/** The n-th working day after the local date of `start` (n = 0: the start day or the next working day). */
export function addWorkingDays(start: DateInput, n: number, opts: CalendarOptions): string {
  if (!Number.isInteger(n) || n < 0 || n > 3650)
    throw new DeadlineError("BAD_INPUT", "n must be a whole number 0-3650");
  const cal = getCalendar(opts);
  let d = localDay(start, cal.timeZone);
  let left = n;
  if (left === 0) {
    while (!cal.isWorking(d)) d++;
    return dayToKey(d);
  }
  while (left > 0) {
    d++;
    if (cal.isWorking(d)) left--;
  }
  return dayToKey(d);
}

/** Adds working hours inside office hours (outside office hours the clock starts at the next opening). */
export function addWorkingHours(start: DateInput, hours: number, opts: CalendarOptions): string {
  if (!(hours >= 0) || !Number.isFinite(hours)) throw new DeadlineError("BAD_INPUT", "hours must be ≥ 0");
  const cal = getCalendar(opts);
  let ms: number;
  try {
    ms = parseInstant(start, cal.timeZone);
  } catch (e) {
    throw new DeadlineError("BAD_INPUT", (e as Error).message);
  }
  const open = nextOpening(cal, ms);
  if (hours === 0) return formatZoned(open, cal.timeZone);
  return formatZoned(addWorkingMinutes(cal, open, hours * 60).dueMs, cal.timeZone);
}

/** Holidays and agency closures between two local dates, inclusive. */
export function holidaysBetween(from: DateInput, to: DateInput, opts: CalendarOptions): HolidayEntry[] {
  const cal = getCalendar(opts);
  const a = localDay(from, cal.timeZone);
  const b = localDay(to, cal.timeZone);
  if (b < a) return [];
  if (b - a > 3660 * 2) throw new DeadlineError("BAD_INPUT", "range too long (max 20 years)");
  return cal.holidaysBetween(a, b);
}

/**
 * How a deadline kind is counted, for lists that do not run the engine per row: "hours" for periods
 * in hours and for §19 petitions of 5 days or less (counted in working hours), "days" otherwise.
 * An agency rule override (counting, days) is taken into account when given.
 */
export function deadlineUnit(
  jurisdiction: string,
  kind: string,
  overrides?: { rules?: Record<string, { counting?: string; days?: number }> },
): "days" | "hours" {
  const rule = calendarPacks[jurisdiction as keyof typeof calendarPacks]?.rules[kind];
  if (!rule) return "days";
  const ro = overrides?.rules?.[kind];
  if (rule.period?.unit === "hours" && ro?.days === undefined) return "hours";
  const counting = ro?.counting ?? rule.counting;
  const days = ro?.days ?? (rule.period?.unit === "days" ? rule.period.amount : undefined);
  return counting === "kr_petition_19" && days !== undefined && days <= 5 ? "hours" : "days";
}
