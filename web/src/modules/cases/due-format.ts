// Due dates as the law counts them, in the reader's language (issue 11 item 2): a date for
// day-counted periods ("12월 18일(금)까지", "12月18日（五）前", "by Fri 18 Dec"), the time only where
// hours are counted, the days (or hours) left, and the engine's structured reasons as sentences.
// Pure: takes a translate function, so it is unit-tested with the real resource files.
import type { DayOff, DueReason, LocalNames } from "./types";

export type Translate = (key: string, opts?: Record<string, unknown>) => string;
export type DueUnit = "days" | "hours";

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Local date key (YYYY-MM-DD) in the zone. */
  key: string;
}

function partsOf(ms: number, timeZone: string): Parts {
  const f = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
    hourCycle: "h23",
  });
  const p: Record<string, number> = {};
  for (const x of f.formatToParts(new Date(ms))) if (x.type !== "literal") p[x.type] = Number(x.value);
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    key: `${p.year}-${pad(p.month)}-${pad(p.day)}`,
  };
}

/** A YYYY-MM-DD key is a local date already; anything else is an instant read in the zone. */
function toMs(v: string): { ms: number; zone: string | null } {
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return { ms: Date.parse(`${v}T12:00:00Z`), zone: "UTC" };
  return { ms: Date.parse(v), zone: null };
}

function weekdayOf(ms: number, locale: string, timeZone: string, style: string): string {
  const s = style === "narrow" || style === "long" ? style : "short";
  return new Intl.DateTimeFormat(locale, { weekday: s, timeZone }).format(new Date(ms));
}

function monthName(ms: number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { month: "short", timeZone }).format(new Date(ms));
}

export interface DateOpts {
  /** Show the year only when it is not the current year in the zone (default: now). */
  now?: number;
  withTime?: boolean;
}

/** A local date with its weekday in the locale's short form: "12월 18일(금)", "12月18日（五）", "Fri 18 Dec". */
export function formatDay(
  value: string,
  t: Translate,
  locale: string,
  timeZone: string,
  o: DateOpts = {},
): string {
  const { ms, zone } = toMs(value);
  if (Number.isNaN(ms)) return "";
  const tz = zone ?? timeZone;
  const p = partsOf(ms, tz);
  const thisYear = partsOf(o.now ?? Date.now(), timeZone).year;
  const vars = {
    year: p.year,
    month: p.month,
    day: p.day,
    monthName: monthName(ms, locale, tz),
    weekday: weekdayOf(ms, locale, tz, t("cases.due.weekdayStyle")),
  };
  const date = t(p.year === thisYear ? "cases.due.date" : "cases.due.dateYear", vars);
  if (!o.withTime) return date;
  const time = `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
  return t("cases.due.dateTime", { date, time });
}

/** True when the instant is the last second of its local day (a day-counted period's end). */
function isEndOfDay(ms: number, timeZone: string): boolean {
  const p = partsOf(ms, timeZone);
  return p.hour === 23 && p.minute === 59 && p.second === 59;
}

/**
 * The due date as people read it: "12월 18일(금)까지". A time is added for hour-counted periods and
 * where a day-counted period ends inside the day (TW APA Art 48(4): Monday at noon).
 */
export function formatDue(
  dueAt: string,
  unit: DueUnit,
  t: Translate,
  locale: string,
  timeZone: string,
  o: { now?: number } = {},
): string {
  const ms = Date.parse(dueAt);
  if (Number.isNaN(ms)) return "";
  const withTime = unit === "hours" || !isEndOfDay(ms, timeZone);
  return t("cases.due.by", { date: formatDay(dueAt, t, locale, timeZone, { now: o.now, withTime }) });
}

const DAY = 86_400_000;

/** "3일 남음", "剩 3 天", "3 days left"; "오늘 마감"; "2일 지남". Hours for hour-counted periods under two days. */
export function formatLeft(
  dueAt: string,
  unit: DueUnit,
  t: Translate,
  timeZone: string,
  now = Date.now(),
): string {
  const ms = Date.parse(dueAt);
  if (Number.isNaN(ms)) return "";
  if (unit === "hours" && Math.abs(ms - now) < 2 * DAY) {
    const h = Math.floor(Math.abs(ms - now) / 3_600_000);
    if (ms < now) return t("cases.due.hoursOverdue", { count: Math.max(1, h) });
    return h < 1 ? t("cases.due.underAnHour") : t("cases.due.hoursLeft", { count: h });
  }
  // Whole local days between today and the due date, both read in the agency's zone.
  const days = Math.round(
    (Date.parse(partsOf(ms, timeZone).key) - Date.parse(partsOf(now, timeZone).key)) / DAY,
  );
  if (ms < now) return t("cases.due.daysOverdue", { count: Math.max(1, -days) });
  if (days === 0) return t("cases.due.today");
  return t("cases.due.daysLeft", { count: days });
}

/** A name in the reader's language, falling back to English, then to any language the engine gave. */
export function localName(n: LocalNames, locale: string): string {
  const l = locale as keyof LocalNames;
  return n[l] ?? n.en ?? n.ko ?? n["zh-TW"] ?? "";
}

function dayOffLabel(d: DayOff, t: Translate, locale: string, tz: string, now?: number): string {
  const date = formatDay(d.date, t, locale, tz, { now });
  switch (d.code) {
    case "weekend":
      return t("cases.due.off.weekend", { date, name: t(`cases.due.weekday.${d.weekday}`) });
    case "holiday":
      return t("cases.due.off.holiday", {
        date,
        name: d.holidays
          .map((h) => {
            const n = localName(h.name, locale);
            return h.substitute ? t("cases.due.off.substitute", { name: n }) : n;
          })
          .join(" / "),
      });
    case "agency_closure":
      return t("cases.due.off.closure", { date, name: d.name });
  }
}

function amountLabel(amount: number, unit: "days" | "working_days" | "minutes", t: Translate): string {
  if (unit === "minutes") {
    const h = Math.floor(amount / 60);
    const m = Math.round(amount % 60);
    if (m === 0) return t("cases.due.amount.hours", { count: h });
    return t("cases.due.amount.hoursMinutes", { hours: h, minutes: m });
  }
  return t(`cases.due.amount.${unit === "days" ? "days" : "workingDays"}`, { count: amount });
}

/**
 * The engine's reasons as one sentence each, in the reader's language, with dates written for the
 * locale. Several "(verify)" notes become one sentence; notes in English stay off the screen.
 */
export function explainDue(
  reasons: DueReason[],
  t: Translate,
  locale: string,
  timeZone: string,
  o: { now?: number } = {},
): string[] {
  const now = o.now;
  const day = (v: string) => formatDay(v, t, locale, timeZone, { now });
  const at = (v: string) => formatDay(v, t, locale, timeZone, { now, withTime: true });
  const out: string[] = [];
  let verify = false;
  for (const r of reasons) {
    switch (r.code) {
      case "rule":
        out.push(t(`cases.due.why.rule_${r.unit}`, { count: r.amount }));
        break;
      case "counting_override":
        out.push(t("cases.due.why.countingOverride"));
        break;
      case "received":
        out.push(t("cases.due.why.received", { at: at(r.at) }));
        break;
      case "start_next_day":
        out.push(t("cases.due.why.startNextDay", { date: day(r.date) }));
        break;
      case "start_same_day":
        out.push(t("cases.due.why.startSameDay", { date: day(r.date) }));
        break;
      case "start_next_opening":
        out.push(t("cases.due.why.startNextOpening", { at: at(r.at) }));
        break;
      case "hours_counting":
        out.push(
          r.elapsed
            ? t("cases.due.why.hoursElapsed", { count: r.hours })
            : r.fromDays
              ? t("cases.due.why.hoursFromDays", { days: r.fromDays, count: r.hours })
              : t("cases.due.why.hoursWorking", { count: r.hours }),
        );
        break;
      case "days_off_counted":
        if (r.days.length)
          out.push(
            t("cases.due.why.daysOffCounted", {
              list: r.days.map((d) => dayOffLabel(d, t, locale, timeZone, now)).join(", "),
            }),
          );
        break;
      case "weekend":
      case "holiday":
      case "agency_closure":
        out.push(
          t(r.effect === "not_counted" ? "cases.due.why.notCounted" : "cases.due.why.endMoved", {
            day: dayOffLabel(r, t, locale, timeZone, now),
          }),
        );
        break;
      case "saturday_to_monday_noon":
        out.push(t("cases.due.why.saturdayToMondayNoon", { date: day(r.date), monday: day(r.monday) }));
        break;
      case "monday_off_next_working_day":
        out.push(
          t("cases.due.why.mondayOff", {
            date: day(r.date),
            monday: dayOffLabel(r.monday, t, locale, timeZone, now),
          }),
        );
        break;
      case "last_day":
        out.push(
          r.nominal
            ? t("cases.due.why.lastDayNominal", { date: day(r.date) })
            : t(r.working ? "cases.due.why.lastWorkingDay" : "cases.due.why.lastDay", {
                date: day(r.date),
                count: r.n,
              }),
        );
        break;
      case "pause":
        out.push(
          t("cases.due.why.pause", {
            from: at(r.from),
            to: at(r.to),
            amount: amountLabel(r.amount, r.unit, t),
          }),
        );
        break;
      case "pause_ignored":
        out.push(t("cases.due.why.pauseIgnored", { at: at(r.from) }));
        break;
      case "original_due":
        out.push(t("cases.due.why.originalDue", { date: day(r.at) }));
        break;
      case "extension":
        out.push(
          r.reason
            ? t("cases.due.why.extensionReason", {
                amount: amountLabel(r.amount, r.unit, t),
                reason: r.reason,
              })
            : t("cases.due.why.extension", { amount: amountLabel(r.amount, r.unit, t) }),
        );
        break;
      case "verify":
        verify = true;
        break;
      case "due":
        out.push(
          t(`cases.due.why.due_${r.end}`, {
            date: day(r.date),
            at: at(r.at),
          }),
        );
        break;
    }
  }
  if (verify) out.push(t("cases.due.why.verify"));
  return out;
}
