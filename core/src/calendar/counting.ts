// The counting methods. Each returns the due instant; when `steps` is given it also records why
// (days skipped, end shifts). Day numbers are local civil dates in the calendar's zone.
import type { WorkingCalendar } from "./calendar";
import { DeadlineError } from "./errors";
import type { DueReason, ExplanationStep } from "./types";
import { DAY_MS, dayToKey, formatClock, formatZoned, fromLocal, toLocal } from "./zoned";

export interface Due {
  dueMs: number;
  dueDay: number;
}

/** Counting loops stop after this many days: a calendar with no working day would never end. */
const MAX_SCAN_DAYS = 3660;

export function endOfDay(cal: WorkingCalendar, day: number): Due {
  return { dueMs: fromLocal(day + 1, 0, cal.timeZone) - 1, dueDay: day };
}

function tooFar(): never {
  throw new DeadlineError("OUT_OF_RANGE", "no working day found within ten years: check the override table");
}

/** A day off with what it does to the period (the structured twin of `cal.describe`). */
function offReason(cal: WorkingCalendar, day: number, effect: "not_counted" | "end_moved"): DueReason {
  const off = cal.dayOff(day) ?? {
    code: "weekend" as const,
    date: dayToKey(day),
    weekday: "sunday" as const,
  };
  return { ...off, effect };
}

/** Civil Act §§157-161: last = first + n - 1; a Saturday/holiday/closure end moves to the next day. */
export function civilActEnd(cal: WorkingCalendar, first: number, n: number, steps?: ExplanationStep[]): Due {
  let last = first + n - 1;
  if (steps) {
    const inside = cal.holidaysBetween(first, last);
    if (inside.length)
      steps.push({
        step: "counted",
        detail:
          "days off inside the period are counted (Civil Act): " +
          inside.map((h) => `${h.date} ${h.name}`).join(", "),
        reason: { code: "days_off_counted", days: cal.daysOffBetween(first, last) },
      });
    steps.push({
      step: "last-day",
      detail: `day ${n} of the period`,
      date: dayToKey(last),
      reason: { code: "last_day", date: dayToKey(last), n },
    });
  }
  let guard = 0;
  while (!cal.isWorking(last)) {
    if (steps)
      steps.push({
        step: "shift",
        detail: `${cal.describe(last)}: the period ends on the next day (Civil Act §161)`,
        date: dayToKey(last),
        reason: offReason(cal, last, "end_moved"),
      });
    last++;
    if (++guard > MAX_SCAN_DAYS) tooFar();
  }
  return endOfDay(cal, last);
}

/** Civil Petitions Act §19(2): count n working days from `first` inclusive. */
export function petitionDaysEnd(
  cal: WorkingCalendar,
  first: number,
  n: number,
  steps?: ExplanationStep[],
): Due {
  let d = first;
  let counted = 0;
  let guard = 0;
  for (;;) {
    if (cal.isWorking(d)) {
      counted++;
      if (counted === n) break;
    } else if (steps) {
      steps.push({
        step: "skip",
        detail: `${cal.describe(d)}: not counted (Civil Petitions Act §19(2))`,
        date: dayToKey(d),
        reason: offReason(cal, d, "not_counted"),
      });
    }
    d++;
    if (++guard > MAX_SCAN_DAYS) tooFar();
  }
  if (steps)
    steps.push({
      step: "last-day",
      detail: `working day ${n} of the period`,
      date: dayToKey(d),
      reason: { code: "last_day", date: dayToKey(d), n, working: true },
    });
  return endOfDay(cal, d);
}

/** Administrative Procedure Act Art 48(3)-(4) applied to a nominal last day. */
export function apa48End(cal: WorkingCalendar, last: number, steps?: ExplanationStep[]): Due {
  if (steps)
    steps.push({
      step: "last-day",
      detail: "nominal last day of the period",
      date: dayToKey(last),
      reason: { code: "last_day", date: dayToKey(last), nominal: true },
    });
  let d = last;
  let guard = 0;
  while (!cal.isWorking(d)) {
    if (cal.isSaturday(d)) {
      const monday = d + 2;
      const holidayToo = cal.status(d).reason?.kind !== "weekend";
      if (cal.isWorking(monday)) {
        if (steps)
          steps.push({
            step: "shift",
            detail:
              `${cal.describe(d)}: a period ending on a Saturday ends on the following Monday at 12:00 (APA Art 48(4))` +
              (holidayToo ? "; the Saturday is also a day off: Art 48(4) applied (verify)" : ""),
            date: dayToKey(d),
            reason: {
              code: "saturday_to_monday_noon",
              date: dayToKey(d),
              monday: dayToKey(monday),
              ...(holidayToo ? { alsoHoliday: true } : {}),
            },
          });
        return { dueMs: fromLocal(monday, 12 * 3_600_000, cal.timeZone), dueDay: monday };
      }
      if (steps)
        steps.push({
          step: "shift",
          detail: `${cal.describe(d)}; the following Monday is not a working day (${cal.describe(monday)}): the period ends on the next working day, end of day (APA Art 48(3)-(4)) (verify)`,
          date: dayToKey(d),
          reason: {
            code: "monday_off_next_working_day",
            date: dayToKey(d),
            monday: cal.dayOff(monday) ?? { code: "weekend", date: dayToKey(monday), weekday: "saturday" },
          },
        });
      d = monday;
      continue;
    }
    if (steps)
      steps.push({
        step: "shift",
        detail: `${cal.describe(d)}: the next day is the last day (APA Art 48(3))`,
        date: dayToKey(d),
        reason: offReason(cal, d, "end_moved"),
      });
    d++;
    if (++guard > MAX_SCAN_DAYS) tooFar();
  }
  return endOfDay(cal, d);
}

/** The next instant at or after `ms` inside office hours on a working day. */
export function nextOpening(cal: WorkingCalendar, ms: number): number {
  const tz = cal.timeZone;
  const { day, msOfDay } = toLocal(ms, tz);
  let d = day;
  let cur = msOfDay / 60_000;
  for (let guard = 0; guard <= MAX_SCAN_DAYS; guard++) {
    if (cal.isWorking(d)) {
      for (const [a, b] of cal.officeHours.segments) {
        if (cur < b) return cur <= a ? fromLocal(d, a * 60_000, tz) : ms;
      }
    }
    d++;
    cur = 0;
  }
  tooFar();
}

/** Adds working minutes inside office hours on working days (Civil Petitions Act §19(1)). */
export function addWorkingMinutes(
  cal: WorkingCalendar,
  startMs: number,
  minutes: number,
  steps?: ExplanationStep[],
): Due {
  const tz = cal.timeZone;
  const { day, msOfDay } = toLocal(startMs, tz);
  let d = day;
  let cur = msOfDay / 60_000;
  let remaining = minutes;
  const segs = cal.officeHours.segments;
  for (let guard = 0; guard <= MAX_SCAN_DAYS; guard++) {
    if (cal.isWorking(d)) {
      for (const [a, b] of segs) {
        if (cur >= b) continue;
        const s = Math.max(cur, a);
        const avail = b - s;
        if (remaining <= avail) {
          const t = s + remaining;
          return { dueMs: fromLocal(d, Math.round(t * 60_000), tz), dueDay: d };
        }
        remaining -= avail;
        cur = b;
      }
    } else if (steps) {
      steps.push({
        step: "skip",
        detail: `${cal.describe(d)}: no working hours`,
        date: dayToKey(d),
        reason: offReason(cal, d, "not_counted"),
      });
    }
    d++;
    cur = 0;
  }
  tooFar();
}

/** Working minutes between two instants (for pauses on hour-counted periods). */
export function workingMinutesBetween(cal: WorkingCalendar, fromMs: number, toMs: number): number {
  if (toMs <= fromMs) return 0;
  const tz = cal.timeZone;
  const a0 = toLocal(fromMs, tz);
  const b0 = toLocal(toMs, tz);
  if (b0.day - a0.day > MAX_SCAN_DAYS) tooFar();
  let total = 0;
  for (let d = a0.day; d <= b0.day; d++) {
    if (!cal.isWorking(d)) continue;
    const lo = d === a0.day ? a0.msOfDay / 60_000 : 0;
    const hi = d === b0.day ? b0.msOfDay / 60_000 : 1440;
    for (const [a, b] of cal.officeHours.segments) {
      const s = Math.max(a, lo);
      const e = Math.min(b, hi);
      if (e > s) total += e - s;
    }
  }
  return total;
}

/** Working days d with fromDay < d <= toDay. */
export function workingDaysIn(cal: WorkingCalendar, fromDay: number, toDay: number): number {
  if (toDay - fromDay > MAX_SCAN_DAYS) tooFar();
  let n = 0;
  for (let d = fromDay + 1; d <= toDay; d++) if (cal.isWorking(d)) n++;
  return n;
}

export function describeOpening(
  cal: WorkingCalendar,
  receivedMs: number,
  openMs: number,
): ExplanationStep | null {
  if (openMs === receivedMs) return null;
  const at = formatZoned(openMs, cal.timeZone);
  return {
    step: "start",
    detail: `received outside office hours (${cal.officeHours.label}): the clock starts at the next opening`,
    date: at,
    reason: { code: "start_next_opening", at, officeHours: cal.officeHours.label },
  };
}

export function hoursLabel(minutes: number): string {
  const h = minutes / 60;
  return Number.isInteger(h) ? `${h} h` : `${formatClock(minutes)} h:min`;
}

export { DAY_MS };
