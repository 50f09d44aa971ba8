// Shared types of the calendar and deadline engine. Rule packs (core/src/jurisdictions/*) hold data
// shaped by these types; the engine holds no country facts of its own.

export type Jurisdiction = "KR" | "TW";

/** A day off (or named day) from the rule pack or the holiday package. Dates are local YYYY-MM-DD. */
export interface HolidayEntry {
  date: string;
  name: string;
  kind: "public" | "substitute" | "election" | "temporary" | "bridge" | "weekend-holiday";
  /** Where the fact comes from (package, statute, official calendar). */
  source: string;
  /** True where the facts were not confirmed against the official text (deadlines.md "(verify)"). */
  verify?: boolean;
  note?: string;
  /** The name in other languages (the pack's own language is `name`). */
  names?: LocalNames;
}

/** A Saturday (or Sunday) on which offices work, e.g. TW 補行上班. */
export interface MakeupWorkday {
  date: string;
  reason: string;
  source: string;
  verify?: boolean;
}

/** A listed holiday the pack knows is wrong in the package: removed with a reason. */
export interface HolidayRemoval {
  date: string;
  name?: string;
  reason: string;
  source: string;
}

export interface HolidayPack {
  jurisdiction: Jurisdiction;
  timeZone: string;
  /** Country code passed to date-holidays. */
  dateHolidaysCountry: string;
  /** Years for which `additions` is the complete official calendar: the package is not consulted. */
  officialYears: number[];
  additions: HolidayEntry[];
  removals: HolidayRemoval[];
  makeupWorkdays: MakeupWorkday[];
  /** Fixes rules the package gets wrong for every year (e.g. KR Lunar New Year window). */
  adjustPackageYear?: (year: number, entries: HolidayEntry[]) => HolidayEntry[];
  /** Recurring days the package may not know yet (e.g. KR 17 Jul from 2026). */
  recurring?: (year: number) => HolidayEntry[];
  /** Last year whose one-off days (elections, temporary holidays) the pack lists. */
  knownThrough?: number;
  /** Shown (verify) in explanations for years outside officialYears or after knownThrough. */
  fallbackNote?: string;
  /** Language of `HolidayEntry.name` in this pack. */
  nameLang?: ReasonLang;
  /** Names in every language of the pack's holidays, keyed by the base name (without substitute marks). */
  holidayNames?: Record<string, LocalNames>;
}

/** Agency override table (data input, e.g. from the database or a JSON file). */
export interface CalendarOverrides {
  /** Extra closures: typhoon days, temporary holidays, election days, office closures. */
  closures?: Array<{ date: string; reason: string }>;
  /** Make-up workdays (補行上班) or other days the office is open although normally closed. */
  workdays?: Array<{ date: string; reason: string }>;
  /** Listed holidays on which the agency works normally. */
  removals?: Array<{ date: string; reason: string }>;
  officeHours?: OfficeHoursInput;
  /** Per-kind rule overrides, e.g. run PIPA requests through Civil Petitions Act §19 counting. */
  rules?: Record<string, RuleOverride>;
}

export interface OfficeHoursInput {
  open: string;
  close: string;
  breaks?: Array<{ from: string; to: string }>;
}

export interface RuleOverride {
  counting?: CountingMethod;
  days?: number;
  extensionMaxDays?: number;
  reason?: string;
}

export type CountingMethod =
  /** KR Civil Act §§157, 159, 161 (via Framework Act on Public Administration §6). */
  | "kr_civil_act"
  /** KR Civil Petitions Act §19: <= 5 days in working hours, >= 6 days in working days. */
  | "kr_petition_19"
  /** TW Administrative Procedure Act Art 48. */
  | "tw_apa_48";

export type ExtensionRule =
  | { allowed: false; citation: string; note?: string }
  | {
      allowed: true;
      maxCount: number;
      /** Upper bound in days; "original" = up to the original period; null = no fixed bound (deferral). */
      maxDays: number | "original" | null;
      /** Days used when `extended: true` is passed without a length. */
      defaultDays: number | "original" | null;
      countedFrom: "day_after_original_end";
      citation: string;
      notice: string;
      verify?: boolean;
    };

export interface DeadlineRule {
  jurisdiction: Jurisdiction;
  kind: string;
  title: string;
  /** Statutory period; null when it must be given per case (minwon). */
  period: { amount: number; unit: "days" | "hours" } | null;
  counting: CountingMethod;
  citations: string[];
  extension: ExtensionRule;
  /** Notes on facts not confirmed against the official text. */
  verify?: string[];
}

export interface ExplanationStep {
  step: string;
  /** English prose for the CLI and logs; screens render `reason` instead. */
  detail: string;
  date?: string;
  /** The same step as data, for rendering in the reader's language. */
  reason?: DueReason;
}

/** UI languages the engine names things in. */
export type ReasonLang = "ko" | "zh-TW" | "en";
/** A name in each language the engine knows it in (missing languages fall back in the renderer). */
export type LocalNames = Partial<Record<ReasonLang, string>>;

/** Why a day is off, as data: the web renders it per language; `explanation[].detail` is English only. */
export type DayOff =
  | { code: "weekend"; date: string; weekday: "saturday" | "sunday" }
  | {
      code: "holiday";
      date: string;
      holidays: Array<{ name: LocalNames; substitute?: boolean }>;
      verify?: boolean;
    }
  | { code: "agency_closure"; date: string; name: string };

/**
 * One structured reason of a due date (no prose). Dates are local YYYY-MM-DD in the agency zone;
 * instants (`at`) are ISO strings with the agency's offset. The web renders these per language.
 */
export type DueReason =
  | {
      code: "rule";
      kind: string;
      amount: number;
      unit: "days" | "hours";
      counting: CountingMethod;
      citations: string[];
    }
  | { code: "counting_override"; counting: CountingMethod; instead: CountingMethod; reason?: string }
  | { code: "received"; at: string }
  /** Civil Act §157 / APA Art 48(2): the first day is not counted. */
  | { code: "start_next_day"; date: string }
  /** Civil Act §157 proviso (00:00 receipt) or Civil Petitions Act §19(2): the first day counts. */
  | { code: "start_same_day"; date: string }
  /** Hours counting: received outside office hours, the clock starts at the next opening. */
  | { code: "start_next_opening"; at: string; officeHours: string }
  /** §19(1) working hours inside office hours (days <= 5 converted at 8 h a day), or hours at once. */
  | { code: "hours_counting"; hours: number; officeHours?: string; elapsed?: boolean; fromDays?: number }
  /** Days off inside a Civil Act period are counted. */
  | { code: "days_off_counted"; days: DayOff[] }
  /** A day off not counted (Civil Petitions Act §19). */
  | (DayOff & { effect: "not_counted" })
  /** A period ending on a day off moves to the next day (Civil Act §161, APA Art 48(3)). */
  | (DayOff & { effect: "end_moved" })
  | { code: "saturday_to_monday_noon"; date: string; monday: string; alsoHoliday?: boolean }
  | { code: "monday_off_next_working_day"; date: string; monday: DayOff }
  | { code: "last_day"; date: string; n?: number; working?: boolean; nominal?: boolean }
  | {
      code: "pause";
      from: string;
      to: string;
      amount: number;
      unit: "days" | "working_days" | "minutes";
      reason?: string;
    }
  | { code: "pause_ignored"; from: string }
  | { code: "original_due"; at: string }
  | {
      code: "extension";
      amount: number;
      unit: "days" | "working_days" | "minutes";
      citation: string;
      reason?: string;
    }
  | { code: "verify"; note: string }
  | { code: "due"; at: string; date: string; end: "end_of_day" | "noon" | "instant" };
