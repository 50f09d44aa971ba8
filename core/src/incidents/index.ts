// Incident clocks (F3, F4, F6) and escalation stages: which rule-pack clocks run for an incident's facts,
// when each falls due (elapsed hours from detection), and which escalation reminders are due at a moment.
import { krIncidentClocks, krRegulatorReportFields } from "../jurisdictions/kr/incidents";
import { twIncidentClocks, twIncidentRouting, twRegulatorReportFields } from "../jurisdictions/tw/incidents";
import type { ClockReason, ClockRule, IncidentFacts, IncidentRouting, ReportField } from "./types";

export {
  KR_COVERED_KINDS,
  KR_REPORT_SUBJECT_THRESHOLD,
  krReportThresholds,
} from "../jurisdictions/kr/incidents";
export * from "./types";

const HOUR = 3_600_000;

export function clockRules(jurisdiction: "KR" | "TW"): ClockRule[] {
  return jurisdiction === "KR" ? krIncidentClocks : twIncidentClocks;
}

export function regulatorReportFields(jurisdiction: "KR" | "TW"): ReportField[] {
  return jurisdiction === "KR" ? krRegulatorReportFields : twRegulatorReportFields;
}

/** F2: TW routes by processing type; KR has no seed routing (null). */
export function incidentRouting(jurisdiction: "KR" | "TW", automated: boolean): IncidentRouting | null {
  if (jurisdiction !== "TW") return null;
  return automated ? twIncidentRouting.automated : twIncidentRouting.manual;
}

export interface ComputedClock {
  code: string;
  hours: number;
  applies: boolean;
  reasons: ClockReason[];
  citation: string;
  verify: boolean;
  startMs: number;
  dueMs: number;
}

/** Every clock of the pack, applying or not (the screens explain both), due `hours` after detection. */
export function computeClocks(
  jurisdiction: "KR" | "TW",
  detectedAtMs: number,
  facts: IncidentFacts,
): ComputedClock[] {
  return clockRules(jurisdiction).map((r) => {
    const { applies, reasons } = r.applies(facts);
    return {
      code: r.code,
      hours: r.hours,
      applies,
      reasons,
      citation: r.citation,
      verify: r.verify === true,
      startMs: detectedAtMs,
      dueMs: detectedAtMs + r.hours * HOUR,
    };
  });
}

/**
 * Escalation reminders per clock: half the window gone, three quarters gone, and the deadline passed.
 * Each is sent once per incident x clock x stage (the server keeps a unique row).
 */
export const ESCALATION_STAGES = [
  { code: "half", fraction: 0.5 },
  { code: "three_quarters", fraction: 0.75 },
  { code: "overdue", fraction: 1 },
] as const;
export type EscalationStage = (typeof ESCALATION_STAGES)[number]["code"];

/** The stages due at `nowMs` for an open clock that is not yet met (latest first is not needed: all due). */
export function dueEscalations(
  clock: Pick<ComputedClock, "startMs" | "dueMs">,
  nowMs: number,
): EscalationStage[] {
  const span = clock.dueMs - clock.startMs;
  return ESCALATION_STAGES.filter((s) => nowMs >= clock.startMs + span * s.fraction).map((s) => s.code);
}

/** F5: the parts every notice to a data subject carries ([004 四十四]; PIPA §34①). */
export const NOTICE_PARTS = ["facts", "measures", "advice", "contact", "compensation"] as const;
export type NoticePart = (typeof NOTICE_PARTS)[number];

/** Parts of a notice left empty (a notice cannot be sent with any missing). */
export function missingNoticeParts(
  notice: Partial<Record<NoticePart, string | null | undefined>>,
): NoticePart[] {
  return NOTICE_PARTS.filter((p) => !notice[p]?.trim());
}
