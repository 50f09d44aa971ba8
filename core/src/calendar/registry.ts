// Default rule packs the engine knows. The lead assembles full jurisdiction packs elsewhere; the
// calendar only needs holidays and deadline rules, imported by name.
import { krDeadlineRules } from "../jurisdictions/kr/deadlines";
import { krHolidayPack } from "../jurisdictions/kr/holidays";
import { twDeadlineRules } from "../jurisdictions/tw/deadlines";
import { twHolidayPack } from "../jurisdictions/tw/holidays";
import { WorkingCalendar } from "./calendar";
import { DeadlineError } from "./errors";
import type { CalendarOverrides, DeadlineRule, HolidayPack, Jurisdiction } from "./types";
import { assertTimeZone } from "./zoned";

export interface CalendarPack {
  holidays: HolidayPack;
  rules: Record<string, DeadlineRule>;
}

export const calendarPacks: Record<Jurisdiction, CalendarPack> = {
  KR: { holidays: krHolidayPack, rules: krDeadlineRules },
  TW: { holidays: twHolidayPack, rules: twDeadlineRules },
};

export function packFor(jurisdiction: string): CalendarPack {
  const p = calendarPacks[jurisdiction as Jurisdiction];
  if (!p)
    throw new DeadlineError(
      "UNKNOWN_JURISDICTION",
      `unknown jurisdiction: ${jurisdiction} (expected KR or TW)`,
    );
  return p;
}

export interface CalendarOptions {
  jurisdiction: Jurisdiction | string;
  timeZone?: string;
  overrides?: CalendarOverrides;
}

const plain = new Map<string, WorkingCalendar>();
const withOverrides = new WeakMap<CalendarOverrides, Map<string, WorkingCalendar>>();

/** A cached working calendar; override tables are compiled once per object identity. */
export function getCalendar(opts: CalendarOptions): WorkingCalendar {
  const pack = packFor(opts.jurisdiction).holidays;
  const tz = opts.timeZone ?? pack.timeZone;
  const key = pack.jurisdiction + "|" + tz;
  let m: Map<string, WorkingCalendar> | undefined;
  if (opts.overrides) {
    m = withOverrides.get(opts.overrides);
    if (!m) {
      m = new Map();
      withOverrides.set(opts.overrides, m);
    }
  } else m = plain;
  let cal = m.get(key);
  if (!cal) {
    try {
      assertTimeZone(tz);
    } catch {
      throw new DeadlineError("BAD_INPUT", `unknown time zone: ${tz}`);
    }
    try {
      cal = new WorkingCalendar(pack, tz, opts.overrides);
    } catch (e) {
      throw new DeadlineError("BAD_INPUT", `invalid overrides: ${(e as Error).message}`);
    }
    m.set(key, cal);
  }
  return cal;
}
