// The statutory clock of a case: the due date from the deadline engine, with the pauses (waiting for the
// requester) recorded as intervals and at most one extension. Pure: the server passes `now` in.
import { computeDeadline } from "../calendar/compute";
import { DeadlineError } from "../calendar/errors";
import type { CalendarOverrides, DueReason, ExplanationStep } from "../calendar/types";

export interface PauseInterval {
  from: number;
  /** null while the pause is still open: it then runs until `now`. */
  to: number | null;
  reason?: string;
}

export interface CaseExtension {
  /** Length; omitted = the rule's default (e.g. TW 15/30 days). */
  days?: number;
  reason: string;
  /** When the extension was decided (must be on or before the due date). */
  at: number;
}

export interface CaseClockInput {
  jurisdiction: "KR" | "TW";
  deadlineKind: string;
  /** The case's own period, for kinds whose rule has none (minwon: the petition type's period). */
  period?: { days?: number; hours?: number } | null;
  receivedAt: number;
  timeZone: string;
  pauses?: PauseInterval[];
  extension?: CaseExtension | null;
  overrides?: CalendarOverrides;
  now: number;
}

export interface CaseClock {
  dueMs: number;
  /** Due date before the extension (pauses included). */
  originalDueMs: number;
  paused: boolean;
  verify: boolean;
  /** "days": shown as a date; "hours": shown with the time of day. */
  unit: "days" | "hours";
  explanation: ExplanationStep[];
  /** Structured reasons of the due date (rendered per language by the web app). */
  reasons: DueReason[];
}

function pauses(input: CaseClockInput) {
  return (input.pauses ?? []).map((p) => ({
    from: new Date(p.from),
    to: new Date(Math.max(p.from, p.to ?? input.now)),
    reason: p.reason,
  }));
}

/** Due date of a case. Throws DeadlineError (code EXTENSION_*) when the extension is not allowed. */
export function computeCaseClock(input: CaseClockInput): CaseClock {
  const common = {
    jurisdiction: input.jurisdiction,
    kind: input.deadlineKind,
    received: new Date(input.receivedAt),
    timeZone: input.timeZone,
    overrides: input.overrides,
    pauses: pauses(input),
    ...(input.period?.days !== undefined ? { days: input.period.days } : {}),
    ...(input.period?.hours !== undefined ? { hours: input.period.hours } : {}),
  };
  const original = computeDeadline(common);
  const ext = input.extension;
  const final = ext
    ? computeDeadline({
        ...common,
        extended: { ...(ext.days ? { days: ext.days } : {}), reason: ext.reason, at: new Date(ext.at) },
      })
    : original;
  return {
    dueMs: final.dueMs,
    originalDueMs: original.dueMs,
    paused: (input.pauses ?? []).some((p) => p.to === null),
    verify: final.verify,
    unit: final.unit,
    explanation: final.explanation,
    reasons: final.reasons,
  };
}

/** Maps deadline-engine refusals of an extension onto the case error codes. */
export function extensionErrorCode(
  e: unknown,
): "extension_not_allowed" | "extension_limit" | "extension_too_long" | "extension_after_due" | null {
  if (!(e instanceof DeadlineError)) return null;
  switch (e.code) {
    case "EXTENSION_NOT_ALLOWED":
      return "extension_not_allowed";
    case "EXTENSION_LIMIT":
      return "extension_limit";
    case "EXTENSION_TOO_LONG":
      return "extension_too_long";
    case "EXTENSION_AFTER_DUE":
      return "extension_after_due";
    default:
      return null;
  }
}

/** Whole calendar days between two instants in a zone-agnostic way (for statistics): ceil of elapsed days. */
export function elapsedDays(fromMs: number, toMs: number): number {
  return Math.max(0, Math.round(((toMs - fromMs) / 86_400_000) * 10) / 10);
}
