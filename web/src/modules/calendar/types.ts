// Shapes of the calendar API (server/src/modules/calendar).
export type OverrideKind = "closure" | "holiday" | "workday" | "removal";
export const OVERRIDE_KINDS: OverrideKind[] = ["closure", "holiday", "workday", "removal"];

export interface OverrideEntry {
  id: string;
  kind: OverrideKind;
  dateFrom: string;
  dateTo: string;
  reason: string;
  scopeNote: string | null;
  version: number;
  createdBy: string | null;
  createdByLabel: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface YearDay {
  date: string;
  weekday: number;
  working: boolean;
  status?: string;
  name?: string;
  source?: string;
  verify?: boolean;
  overrideId?: string;
  overrideKind?: OverrideKind;
}

export interface YearHoliday {
  date: string;
  name: string;
  kind: string;
  origin: "package" | "rule_pack";
  source: string;
  verify?: boolean;
  removedByAgency?: boolean;
}

export interface YearCalendar {
  year: number;
  jurisdiction: "KR" | "TW";
  timeZone: string;
  days: YearDay[];
  holidays: YearHoliday[];
  makeupWorkdays: Array<{ date: string; reason: string; source: string; verify?: boolean }>;
  workingDays: number;
  fallbackNote?: string;
  overrides: OverrideEntry[];
}

export interface DueMove {
  caseId: string;
  number: string;
  from: string;
  to: string;
}

export interface RuleOverride {
  counting?: string;
  days?: number;
  extensionMaxDays?: number;
  reason?: string;
}

export interface CalendarSettings {
  officeHours: { open: string; close: string; breaks?: Array<{ from: string; to: string }> } | null;
  rules: Record<string, RuleOverride>;
  version: number;
  jurisdiction: "KR" | "TW";
  timeZone: string;
  kinds: Array<{
    kind: string;
    title: string;
    period: { amount: number; unit: string } | null;
    counting: string;
    extension: { allowed: boolean; maxDays?: number | string | null };
  }>;
}

export interface DeadlineAnswer {
  due: string;
  counting: string;
  timeZone: string;
  verify: boolean;
  explanation: Array<{ step: string; detail: string; date?: string }>;
}
