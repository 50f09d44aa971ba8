// Personal-data incidents (F1-F6): kinds, statuses and the shapes the rule packs fill in. Pure data.

/** F1: what happened (theft, leak, alteration or other harm; hacking as unauthorised access). */
export const INCIDENT_KINDS = [
  "leak",
  "theft",
  "loss",
  "alteration",
  "unauthorised_access",
  "ransomware",
  "misdelivery",
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];

export const INCIDENT_STATUSES = ["open", "contained", "closed"] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

type Names = { ko: string; "zh-TW": string; en: string };

/** The facts a clock's thresholds are judged on. */
export interface IncidentFacts {
  kind: IncidentKind;
  /** F1/F2: processed by automated means (a system) or not (paper, manual files). */
  automated: boolean;
  /** Estimated number of data subjects (null = not yet known). */
  subjectCount: number | null;
  /** Sensitive data (PIPA §23 / PDPA Art. 6) among the affected items. */
  sensitive: boolean;
  /** Unique identifiers (PIPA §24, resident registration numbers...) among the affected items. */
  uniqueIdentifier: boolean;
  /** The data left through unlawful access from outside (hacking). */
  externalAccess: boolean;
}

/** Why a clock applies or not: a code the screens phrase, with its numbers. */
export interface ClockReason {
  code:
    | "always"
    | "kind_covered"
    | "kind_not_covered"
    | "subjects_threshold"
    | "subjects_below"
    | "subjects_unknown"
    | "sensitive"
    | "unique_identifier"
    | "external_access"
    | "no_threshold_met";
  params?: Record<string, number | string>;
}

/** One statutory or internal clock of a rule pack. */
export interface ClockRule {
  code: string;
  jurisdiction: "KR" | "TW";
  /** Hours from detection (elapsed time, not working days). */
  hours: number;
  names: Names;
  /** The provision, as an official citation. */
  citation: string;
  /** Seed clause or requirement the rule was taken from, for reviewers. */
  source: string;
  /** The seeds are silent: the rule comes from the statute text and awaits legal review (F6). */
  verify?: true;
  /**
   * An event that meets the clock by itself, so nobody has to mark it by hand and escalation stops:
   * "checklist_started" = the first response measure of the checklist was started (F4).
   */
  metWhen?: "checklist_started";
  /** Judges whether the clock runs for these facts, with the reasons shown beside it. */
  applies(f: IncidentFacts): { applies: boolean; reasons: ClockReason[] };
}

/** A field a regulator report or an internal report must hold. */
export interface ReportField {
  code: string;
  names: Names;
  source: string;
  verify?: true;
}

/** F2 routing of a report: where it goes and who files it. */
export interface IncidentRouting {
  code: string;
  names: Names;
  source: string;
}
