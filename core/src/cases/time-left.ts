// Time left on a case's clock for the work queue badge, in the unit the law counts: working days for
// day-counted periods, working hours where hours are counted (KR Civil Petitions Act §19, <= 5 days).
import { workingDaysIn, workingMinutesBetween } from "../calendar/counting";
import { getCalendar } from "../calendar/registry";
import type { CalendarOverrides } from "../calendar/types";
import { toLocal } from "../calendar/zoned";

export interface TimeLeftInput {
  jurisdiction: "KR" | "TW";
  timeZone: string;
  overrides?: CalendarOverrides;
  dueMs: number;
  now: number;
  unit: "days" | "hours";
}

export interface TimeLeft {
  unit: "working_days" | "working_hours";
  /**
   * Working days after today up to and including the due day (0 = due today), or whole working hours until
   * the due instant. Negative once overdue: working days (hours) passed since the due day (instant).
   */
  value: number;
}

export function timeLeft(input: TimeLeftInput): TimeLeft {
  const cal = getCalendar({
    jurisdiction: input.jurisdiction,
    timeZone: input.timeZone,
    overrides: input.overrides,
  });
  if (input.unit === "hours") {
    const ahead = input.dueMs >= input.now;
    const minutes = ahead
      ? workingMinutesBetween(cal, input.now, input.dueMs)
      : workingMinutesBetween(cal, input.dueMs, input.now);
    const h = Math.floor(minutes / 60);
    return { unit: "working_hours", value: ahead ? h : -h };
  }
  const today = toLocal(input.now, input.timeZone).day;
  const dueDay = toLocal(input.dueMs, input.timeZone).day;
  const value = dueDay >= today ? workingDaysIn(cal, today, dueDay) : -workingDaysIn(cal, dueDay, today);
  return { unit: "working_days", value };
}
