// computeDeadline: the statutory due date of a request, with an explanation of every step.
import type { WorkingCalendar } from "./calendar";
import {
  addWorkingMinutes,
  apa48End,
  civilActEnd,
  type Due,
  describeOpening,
  endOfDay,
  hoursLabel,
  nextOpening,
  petitionDaysEnd,
  workingDaysIn,
  workingMinutesBetween,
} from "./counting";
import { DeadlineError } from "./errors";
import { getCalendar, packFor } from "./registry";
import type {
  CalendarOverrides,
  CountingMethod,
  DeadlineRule,
  DueReason,
  ExplanationStep,
  Jurisdiction,
} from "./types";
import { DAY_MS, dayToKey, formatZoned, parseInstant, toLocal, yearOfDay } from "./zoned";

export type InstantInput = Date | string | number;

export interface PauseInput {
  from: InstantInput;
  to: InstantInput;
  reason?: string;
}

export interface ExtensionInput {
  days?: number;
  hours?: number;
  reason?: string;
  /** When the extension was decided; an extension after the original due date is refused. */
  at?: InstantInput;
}

export interface ComputeDeadlineInput {
  jurisdiction: Jurisdiction | string;
  kind: string;
  received: InstantInput;
  days?: number;
  hours?: number;
  pauses?: PauseInput[];
  /** true = one extension of the rule's default length; an array lists every extension asked for. */
  extended?: boolean | ExtensionInput | ExtensionInput[];
  overrides?: CalendarOverrides;
  timeZone?: string;
}

export interface DeadlineResult {
  due: string;
  dueMs: number;
  jurisdiction: Jurisdiction;
  kind: string;
  timeZone: string;
  counting: CountingMethod;
  /** True when a fact used is marked (verify) in the rule pack. */
  verify: boolean;
  /** How the law counts this period: a date for days, a date and time for hours. */
  unit: "days" | "hours";
  /** Every step in English prose (CLI, logs) with its structured `reason`. */
  explanation: ExplanationStep[];
  /** The structured reasons alone, in order: what screens render in the reader's language. */
  reasons: DueReason[];
}

/** How the amount is counted once counting method and unit are known. */
type Mode = "civil_days" | "petition_days" | "apa_days" | "petition_hours" | "elapsed";

const COUNTING_LABEL: Record<CountingMethod, string> = {
  kr_civil_act:
    "Civil Act §157 (first day excluded), §159 (ends at the end of the last day), §161 (Saturday/holiday end moves to the next day), applied by the Framework Act on Public Administration §6(1)",
  kr_petition_19: "Civil Petitions Act §19",
  tw_apa_48: "Administrative Procedure Act Art 48",
};

const bad = (msg: string): never => {
  throw new DeadlineError("BAD_INPUT", msg);
};

function instant(v: InstantInput, tz: string, what: string): number {
  try {
    return parseInstant(v, tz);
  } catch (e) {
    return bad(`${what}: ${(e as Error).message}`);
  }
}

function normalizeExtensions(x: ComputeDeadlineInput["extended"]): ExtensionInput[] {
  if (x === undefined || x === false) return [];
  if (x === true) return [{}];
  if (Array.isArray(x)) return x;
  if (typeof x === "object" && x !== null) return [x];
  return bad("extended must be a boolean, an object or a list");
}

const MAX_DAYS = 3650;

export function computeDeadline(input: ComputeDeadlineInput): DeadlineResult {
  const pack = packFor(input.jurisdiction);
  const baseRule: DeadlineRule | undefined = pack.rules[input.kind];
  if (!baseRule)
    throw new DeadlineError(
      "UNKNOWN_KIND",
      `unknown kind for ${input.jurisdiction}: ${input.kind} (known: ${Object.keys(pack.rules).join(", ")})`,
    );
  const cal = getCalendar({
    jurisdiction: input.jurisdiction,
    timeZone: input.timeZone,
    overrides: input.overrides,
  });
  const tz = cal.timeZone;
  const ro = input.overrides?.rules?.[input.kind];
  const counting: CountingMethod = ro?.counting ?? baseRule.counting;
  const receivedMs = instant(input.received, tz, "received");
  const recLocal = toLocal(receivedMs, tz);
  const y = yearOfDay(recLocal.day);
  if (y < 1900 || y > 2200) bad("received: year out of range 1900-2200");

  // Period and mode.
  if (input.days !== undefined && input.hours !== undefined) bad("give days or hours, not both");
  let mode: Mode;
  let amount: number; // days, working minutes, or ms depending on mode
  let periodLabel: string;
  let ruleAmount: number;
  let ruleUnit: "days" | "hours";
  let hoursReason: DueReason | null = null;
  if (input.hours !== undefined) {
    const h = input.hours;
    if (typeof h !== "number" || !Number.isFinite(h) || h <= 0 || h > MAX_DAYS * 24)
      bad("hours must be a positive number");
    ruleAmount = h;
    ruleUnit = "hours";
    if (counting === "kr_petition_19") {
      mode = "petition_hours";
      amount = h * 60;
      periodLabel = `${h} working hours`;
    } else {
      mode = "elapsed";
      amount = h * 3_600_000;
      periodLabel = `${h} hours, counted at once`;
    }
  } else {
    const days =
      input.days ?? ro?.days ?? (baseRule.period?.unit === "days" ? baseRule.period.amount : undefined);
    if (days === undefined) {
      if (baseRule.period?.unit === "hours")
        return computeDeadline({ ...input, hours: baseRule.period.amount });
      return bad(`${input.kind} has no fixed period: give days or hours`);
    }
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
      bad("days must be a whole number from 1 to 3650");
    ruleAmount = days;
    ruleUnit = "days";
    if (counting === "kr_petition_19") {
      if (days <= 5) {
        hoursReason = { code: "hours_counting", hours: days * 8, fromDays: days };
        mode = "petition_hours";
        amount = days * 8 * 60;
        periodLabel = `${days} days = ${days * 8} working hours (§19(1): 5 days or less are counted in hours, 1 day = 8 hours)`;
      } else {
        mode = "petition_days";
        amount = days;
        periodLabel = `${days} days (§19(2): first day included, Saturdays and public holidays not counted)`;
      }
    } else {
      mode = counting === "kr_civil_act" ? "civil_days" : "apa_days";
      amount = days;
      periodLabel = `${days} days`;
    }
  }

  // Extensions: validated before any counting so nothing is half done.
  const exts = normalizeExtensions(input.extended);
  const extAmounts: number[] = [];
  const ext = baseRule.extension;
  if (exts.length) {
    if (!ext.allowed)
      throw new DeadlineError("EXTENSION_NOT_ALLOWED", `${input.kind}: no extension (${ext.citation})`);
    if (exts.length > ext.maxCount)
      throw new DeadlineError(
        "EXTENSION_LIMIT",
        `${input.kind}: only ${ext.maxCount} extension allowed (${ext.citation}); a further extension is refused`,
      );
    const unitPerDay = mode === "petition_hours" ? 480 : mode === "elapsed" ? DAY_MS : 1;
    for (const e of exts) {
      let a: number;
      if (e.hours !== undefined) {
        if (mode !== "petition_hours" && mode !== "elapsed")
          bad("this period is counted in days: extend by days");
        if (!(e.hours > 0) || !Number.isFinite(e.hours)) bad("extension hours must be positive");
        a = mode === "petition_hours" ? e.hours * 60 : e.hours * 3_600_000;
      } else if (e.days !== undefined) {
        if (!Number.isInteger(e.days) || e.days < 1 || e.days > MAX_DAYS)
          bad("extension days must be a whole number ≥ 1");
        a = e.days * unitPerDay;
      } else if (ext.defaultDays === "original") a = amount;
      else if (ext.defaultDays === null) return bad(`${input.kind}: give the length of the extension (days)`);
      else a = ext.defaultDays * unitPerDay;
      const max = ro?.extensionMaxDays !== undefined ? ro.extensionMaxDays * unitPerDay : ext.maxDays;
      const maxAmount = max === "original" ? amount : max === null ? Number.POSITIVE_INFINITY : max;
      const limit =
        max === "original" ? "the original period" : `${ro?.extensionMaxDays ?? ext.maxDays} days`;
      if (a > maxAmount)
        throw new DeadlineError(
          "EXTENSION_TOO_LONG",
          `${input.kind}: an extension may not exceed ${limit} (${ext.citation})`,
        );
      extAmounts.push(a);
    }
  }

  const base = (extra: number, steps?: ExplanationStep[]): Due => {
    switch (mode) {
      case "civil_days": {
        const first = recLocal.msOfDay === 0 ? recLocal.day : recLocal.day + 1;
        steps?.push({
          step: "start",
          detail:
            first === recLocal.day
              ? "received at 00:00: the first day is counted (Civil Act §157 proviso)"
              : "first day not counted (Civil Act §157): counting starts the next day",
          date: dayToKey(first),
          reason: {
            code: first === recLocal.day ? "start_same_day" : "start_next_day",
            date: dayToKey(first),
          },
        });
        return civilActEnd(cal, first, amount + extra, steps);
      }
      case "petition_days":
        steps?.push({
          step: "start",
          detail: "first day counted (Civil Petitions Act §19(2))",
          date: dayToKey(recLocal.day),
          reason: { code: "start_same_day", date: dayToKey(recLocal.day) },
        });
        return petitionDaysEnd(cal, recLocal.day, amount + extra, steps);
      case "apa_days":
        steps?.push({
          step: "start",
          detail: "first day not counted (APA Art 48(2)): counting starts the next day",
          date: dayToKey(recLocal.day + 1),
          reason: { code: "start_next_day", date: dayToKey(recLocal.day + 1) },
        });
        return apa48End(cal, recLocal.day + amount + extra, steps);
      case "petition_hours": {
        const open = nextOpening(cal, receivedMs);
        if (steps) {
          const s = describeOpening(cal, receivedMs, open);
          if (s) steps.push(s);
          steps.push({
            step: "hours",
            detail: `${hoursLabel(amount + extra)} counted inside office hours ${cal.officeHours.label}, Saturdays and public holidays excluded (Civil Petitions Act §19(1))`,
            reason: {
              ...(hoursReason ?? { code: "hours_counting" }),
              hours: (amount + extra) / 60,
              officeHours: cal.officeHours.label,
            },
          });
        }
        return addWorkingMinutes(cal, open, amount + extra, steps);
      }
      case "elapsed": {
        const dueMs = receivedMs + amount + extra;
        steps?.push({
          step: "hours",
          detail: "a period in hours runs at once, day and night (Civil Act §156 / APA Art 48(1))",
          reason: { code: "hours_counting", hours: (amount + extra) / 3_600_000, elapsed: true },
        });
        return { dueMs, dueDay: toLocal(dueMs, tz).day };
      }
    }
  };

  const extendFrom = (prev: Due, a: number, steps?: ExplanationStep[]): Due => {
    switch (mode) {
      case "civil_days":
        return civilActEnd(cal, prev.dueDay + 1, a, steps);
      case "petition_days":
        return petitionDaysEnd(cal, prev.dueDay + 1, a, steps);
      case "apa_days":
        return apa48End(cal, prev.dueDay + a, steps);
      case "petition_hours":
        return addWorkingMinutes(cal, prev.dueMs, a, steps);
      case "elapsed":
        return { dueMs: prev.dueMs + a, dueDay: toLocal(prev.dueMs + a, tz).day };
    }
  };

  const full = (extra: number, steps?: ExplanationStep[]): { original: Due; due: Due } => {
    const original = base(extra, steps);
    let due = original;
    for (let i = 0; i < extAmounts.length; i++) {
      if (steps) {
        steps.push({
          step: "original-due",
          detail: "end of the original period",
          date: formatZoned(due.dueMs, tz),
          reason: { code: "original_due", at: formatZoned(due.dueMs, tz) },
        });
        steps.push({
          step: "extension",
          detail:
            `extended by ${extLabel(mode, extAmounts[i])}, counted from the day after the original period ends (${ext.allowed ? ext.citation : ""}); ` +
            `notice: ${ext.allowed ? ext.notice : ""}` +
            (exts[i].reason ? `; reason: ${exts[i].reason}` : ""),
          reason: {
            code: "extension",
            ...reasonAmount(mode, extAmounts[i]),
            citation: ext.allowed ? ext.citation : "",
            ...(exts[i].reason ? { reason: exts[i].reason } : {}),
          },
        });
      }
      due = extendFrom(due, extAmounts[i], steps);
    }
    return { original, due };
  };

  // Pauses: merged, clipped to the receipt; a pause counts when it starts before the running due
  // date. Each adds the paused amount in the period's own unit, so it can only move the due date later.
  const pauses = mergePauses(input.pauses ?? [], tz, receivedMs);
  let extra = 0;
  let result = full(0);
  const pauseSteps: ExplanationStep[] = [];
  for (const p of pauses) {
    if (p.from >= result.due.dueMs) {
      pauseSteps.push({
        step: "pause-ignored",
        detail: "a pause that starts after the due date does not stop the clock",
        date: formatZoned(p.from, tz),
        reason: { code: "pause_ignored", from: formatZoned(p.from, tz) },
      });
      continue;
    }
    const a = pauseAmount(mode, cal, p.from, p.to);
    extra += a;
    pauseSteps.push({
      step: "pause",
      detail:
        `clock stopped (${p.reason || "waiting for the requester"}) until ${formatZoned(p.to, tz)}: ` +
        `${extLabel(mode, a)} not counted`,
      date: formatZoned(p.from, tz),
      reason: {
        code: "pause",
        from: formatZoned(p.from, tz),
        to: formatZoned(p.to, tz),
        ...reasonAmount(mode, a),
        ...(p.reason ? { reason: p.reason } : {}),
      },
    });
    result = full(extra);
  }

  if (extAmounts.length && exts[0].at !== undefined) {
    const at = instant(exts[0].at, tz, "extension date");
    if (at > result.original.dueMs)
      throw new DeadlineError(
        "EXTENSION_AFTER_DUE",
        `${input.kind}: the extension was decided after the original due date ${formatZoned(result.original.dueMs, tz)}`,
      );
  }

  // Final pass with explanation.
  const explanation: ExplanationStep[] = [];
  explanation.push({
    step: "rule",
    detail: `${baseRule.title}: ${periodLabel}; ${baseRule.citations.join("; ")}`,
    reason: {
      code: "rule",
      kind: input.kind,
      amount: ruleAmount,
      unit: ruleUnit,
      counting,
      citations: baseRule.citations,
    },
  });
  if (ro?.counting && ro.counting !== baseRule.counting)
    explanation.push({
      step: "override",
      detail: `agency counts ${input.kind} by ${COUNTING_LABEL[ro.counting]} instead of ${COUNTING_LABEL[baseRule.counting]}${ro.reason ? ` (${ro.reason})` : ""}`,
      reason: {
        code: "counting_override",
        counting: ro.counting,
        instead: baseRule.counting,
        ...(ro.reason ? { reason: ro.reason } : {}),
      },
    });
  explanation.push({
    step: "received",
    detail: `received (${tz})`,
    date: formatZoned(receivedMs, tz),
    reason: { code: "received", at: formatZoned(receivedMs, tz) },
  });
  explanation.push(...pauseSteps);
  const final = full(extra, explanation);
  for (const note of baseRule.verify ?? [])
    explanation.push({ step: "verify", detail: note, reason: { code: "verify", note } });
  if (extAmounts.length && ext.allowed && ext.verify)
    explanation.push({
      step: "verify",
      detail: `extension rule not confirmed against the official text (verify): ${ext.citation}`,
      reason: { code: "verify", note: `extension rule: ${ext.citation}` },
    });
  const hp = pack.holidays;
  if (hp.fallbackNote) {
    for (let yy = y; yy <= yearOfDay(final.due.dueDay); yy++) {
      const unknown = hp.officialYears.length ? !hp.officialYears.includes(yy) : yy > (hp.knownThrough ?? yy);
      if (unknown)
        explanation.push({
          step: "verify",
          detail: `${yy}: ${hp.fallbackNote}`,
          reason: { code: "verify", note: `${yy}: ${hp.fallbackNote}` },
        });
    }
  }
  const end: "instant" | "end_of_day" | "noon" =
    mode === "elapsed" || mode === "petition_hours"
      ? "instant"
      : toLocal(final.due.dueMs + 1, tz).msOfDay === 0
        ? "end_of_day"
        : "noon";
  const endNote = {
    instant: "the period ends at this instant",
    end_of_day: "the period ends at the end of this day",
    noon: "the period ends at noon (APA Art 48(4))",
  }[end];
  const due = formatZoned(final.due.dueMs, tz);
  explanation.push({
    step: "due",
    detail: endNote,
    date: due,
    reason: { code: "due", at: due, date: dayToKey(final.due.dueDay), end },
  });
  const verify = explanation.some((s) => s.step === "verify" || s.detail.includes("(verify)"));
  return {
    due,
    dueMs: final.due.dueMs,
    jurisdiction: hp.jurisdiction,
    kind: input.kind,
    timeZone: tz,
    counting,
    verify,
    unit: mode === "elapsed" || mode === "petition_hours" ? "hours" : "days",
    explanation,
    reasons: explanation.flatMap((s) => (s.reason ? [s.reason] : [])),
  };
}

/** An amount in the period's unit as data (working minutes for §19 hours, whole days otherwise). */
function reasonAmount(mode: Mode, a: number): { amount: number; unit: "days" | "working_days" | "minutes" } {
  switch (mode) {
    case "petition_hours":
      return { amount: a, unit: "minutes" };
    case "elapsed":
      return { amount: Math.round(a / 60_000), unit: "minutes" };
    case "petition_days":
      return { amount: a, unit: "working_days" };
    default:
      return { amount: a, unit: "days" };
  }
}

function extLabel(mode: Mode, a: number): string {
  switch (mode) {
    case "petition_hours":
      return `${hoursLabel(a)} of working time`;
    case "elapsed":
      return `${Math.round((a / 3_600_000) * 100) / 100} hours`;
    case "petition_days":
      return `${a} working day(s)`;
    default:
      return `${a} day(s)`;
  }
}

interface Pause {
  from: number;
  to: number;
  reason?: string;
}

function mergePauses(list: PauseInput[], tz: string, receivedMs: number): Pause[] {
  const out: Pause[] = [];
  for (const p of list) {
    const from = instant(p.from, tz, "pause from");
    const to = instant(p.to, tz, "pause to");
    if (to < from) bad("a pause must end after it starts");
    const f = Math.max(from, receivedMs);
    if (to > f) out.push({ from: f, to, reason: p.reason });
  }
  out.sort((a, b) => a.from - b.from);
  const merged: Pause[] = [];
  for (const p of out) {
    const last = merged[merged.length - 1];
    if (last && p.from <= last.to) {
      last.to = Math.max(last.to, p.to);
      if (p.reason && last.reason !== p.reason)
        last.reason = [last.reason, p.reason].filter(Boolean).join("; ");
    } else merged.push({ ...p });
  }
  return merged;
}

/** The stopped time of one pause, in the period's unit (calendar or working days, minutes, ms). */
function pauseAmount(mode: Mode, cal: WorkingCalendar, from: number, to: number): number {
  const tz = cal.timeZone;
  switch (mode) {
    case "civil_days":
    case "apa_days":
      return toLocal(to, tz).day - toLocal(from, tz).day;
    case "petition_days":
      return workingDaysIn(cal, toLocal(from, tz).day, toLocal(to, tz).day);
    case "petition_hours":
      return workingMinutesBetween(cal, from, to);
    case "elapsed":
      return to - from;
  }
}

export { endOfDay };
