// Whether a dated thing is overdue, due soon or fine (issue 11 item 8): the same rule and words on
// every screen that shows a date to meet (risk reviews, file reviews, contracts, corrective actions,
// inventory campaigns). Pure: unit-tested with the real resource files.

export type Translate = (key: string, opts?: Record<string, unknown>) => string;
export type DateStatusKind = "overdue" | "today" | "soon" | "ok";

const DAY_MS = 86_400_000;
const dayNumber = (key: string) => Date.parse(`${key}T00:00:00Z`) / DAY_MS;

/**
 * `due` and `today` are local dates (YYYY-MM-DD) on the agency's calendar. Due yesterday is overdue
 * by 1 day; due today is not overdue yet; within `soonDays` is due soon.
 */
export function dateStatus(
  due: string,
  today: string,
  soonDays = 30,
): { kind: DateStatusKind; days: number } {
  const days = dayNumber(due) - dayNumber(today);
  if (days < 0) return { kind: "overdue", days: -days };
  if (days === 0) return { kind: "today", days: 0 };
  if (days <= soonDays) return { kind: "soon", days };
  return { kind: "ok", days };
}

/** The badge text ("3일 지남", "逾期 3 天", "overdue by 3 days"); null when nothing needs saying. */
export function dateStatusText(t: Translate, due: string, today: string, soonDays = 30): string | null {
  const s = dateStatus(due, today, soonDays);
  if (s.kind === "ok") return null;
  return t(`components.dateStatus.${s.kind}`, { count: s.days });
}

/** Today's date (YYYY-MM-DD) on the wall clock of `timeZone`. */
export function todayInZone(timeZone: string, now = Date.now()): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}
