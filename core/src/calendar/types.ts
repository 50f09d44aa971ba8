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
  detail: string;
  date?: string;
}
