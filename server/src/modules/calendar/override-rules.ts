// Pure rules of the agency calendar table: date ranges, the mapping onto the engine's
// CalendarOverrides, and the checks a new entry or settings change must pass. No I/O.
import {
  type CalendarOverrides,
  calendarOverridesSchema,
  compileOfficeHours,
  dayStatus,
  packFor,
} from "@civicpims/core/calendar/index";

export type OverrideKind = "closure" | "holiday" | "workday" | "removal";

export interface OverrideEntry {
  kind: OverrideKind;
  dateFrom: string;
  dateTo: string;
  reason: string;
}

export interface SettingsData {
  officeHours: CalendarOverrides["officeHours"] | null;
  rules: CalendarOverrides["rules"] | null;
}

/** Longest range one entry may cover: a closure lasting weeks is several decisions, not one. */
export const MAX_RANGE_DAYS = 31;

const DAY_MS = 86_400_000;
const dayNumber = (key: string) => Date.parse(`${key}T00:00:00Z`) / DAY_MS;
const keyOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Whether a YYYY-MM-DD string is a real calendar date. */
export function isDateKey(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const ms = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(ms) && keyOf(ms / DAY_MS) === s;
}

/** Every local date from `from` to `to` inclusive. */
export function expandDates(from: string, to: string): string[] {
  const a = dayNumber(from);
  const b = dayNumber(to);
  const out: string[] = [];
  for (let d = a; d <= b; d++) out.push(keyOf(d));
  return out;
}

/** Closures and temporary holidays both close the office; the engine names them by their reason. */
const ENGINE_LIST: Record<OverrideKind, "closures" | "workdays" | "removals"> = {
  closure: "closures",
  holiday: "closures",
  workday: "workdays",
  removal: "removals",
};

export function toEngineOverrides(
  rows: readonly OverrideEntry[],
  settings: SettingsData | null,
): CalendarOverrides {
  const out: CalendarOverrides = {};
  for (const r of rows) {
    const list = ENGINE_LIST[r.kind];
    const arr = out[list] ?? [];
    out[list] = arr;
    for (const date of expandDates(r.dateFrom, r.dateTo)) arr.push({ date, reason: r.reason });
  }
  if (settings?.officeHours) out.officeHours = settings.officeHours;
  if (settings?.rules && Object.keys(settings.rules).length > 0) out.rules = settings.rules;
  return out;
}

export type EntryProblem =
  | { code: "bad_range" }
  | { code: "range_too_long"; max: number }
  | { code: "overlap"; with: string; date: string }
  | { code: "not_a_holiday"; date: string }
  | { code: "already_working"; date: string };

/**
 * Checks an entry against the agency's other entries and the base calendar (package + rule pack,
 * without the agency's table): a removal must hit a listed holiday, a make-up workday a day the
 * office is otherwise closed; two entries never cover the same day.
 */
export function checkEntry(
  entry: OverrideEntry,
  others: ReadonlyArray<OverrideEntry & { id: string }>,
  jurisdiction: string,
  timeZone: string,
): EntryProblem | null {
  if (!isDateKey(entry.dateFrom) || !isDateKey(entry.dateTo) || entry.dateTo < entry.dateFrom)
    return { code: "bad_range" };
  const y1 = Number(entry.dateFrom.slice(0, 4));
  const y2 = Number(entry.dateTo.slice(0, 4));
  if (y1 < 1900 || y2 > 2200) return { code: "bad_range" };
  const span = dayNumber(entry.dateTo) - dayNumber(entry.dateFrom) + 1;
  if (span > MAX_RANGE_DAYS) return { code: "range_too_long", max: MAX_RANGE_DAYS };
  for (const o of others) {
    if (o.dateFrom <= entry.dateTo && o.dateTo >= entry.dateFrom) {
      const date = o.dateFrom > entry.dateFrom ? o.dateFrom : entry.dateFrom;
      return { code: "overlap", with: o.id, date };
    }
  }
  if (entry.kind === "removal" || entry.kind === "workday") {
    for (const date of expandDates(entry.dateFrom, entry.dateTo)) {
      const s = dayStatus(date, { jurisdiction, timeZone });
      if (entry.kind === "removal" && s.reason?.kind !== "holiday") return { code: "not_a_holiday", date };
      if (entry.kind === "workday" && s.working) return { code: "already_working", date };
    }
  }
  return null;
}

/** Counting methods that belong to each jurisdiction's law. */
const COUNTING_BY_JURISDICTION: Record<string, readonly string[]> = {
  KR: ["kr_civil_act", "kr_petition_19"],
  TW: ["tw_apa_48"],
};

export type SettingsProblem =
  | { code: "invalid_settings"; issues: string[] }
  | { code: "invalid_office_hours"; reason: string }
  | { code: "unknown_kind"; kind: string; known: string[] }
  | { code: "counting_not_for_jurisdiction"; kind: string; counting: string };

/** Validates office hours and counting-rule overrides with the engine's own schema, then against the pack. */
export function checkSettings(
  jurisdiction: string,
  input: unknown,
): { ok: true; value: SettingsData } | { ok: false; problem: SettingsProblem } {
  const parsed = calendarOverridesSchema
    .pick({ officeHours: true, rules: true })
    .strict()
    .safeParse(input ?? {});
  if (!parsed.success)
    return {
      ok: false,
      problem: {
        code: "invalid_settings",
        issues: parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
      },
    };
  const { officeHours, rules } = parsed.data;
  if (officeHours) {
    try {
      const c = compileOfficeHours(officeHours);
      if (c.minutesPerDay < 60) throw new RangeError("office hours: less than one working hour a day");
    } catch (e) {
      return { ok: false, problem: { code: "invalid_office_hours", reason: (e as Error).message } };
    }
  }
  const known = Object.keys(packFor(jurisdiction).rules);
  for (const [kind, r] of Object.entries(rules ?? {})) {
    if (!known.includes(kind)) return { ok: false, problem: { code: "unknown_kind", kind, known } };
    if (r.counting && !COUNTING_BY_JURISDICTION[jurisdiction]?.includes(r.counting))
      return { ok: false, problem: { code: "counting_not_for_jurisdiction", kind, counting: r.counting } };
  }
  return { ok: true, value: { officeHours: officeHours ?? null, rules: rules ?? null } };
}
