/** What CivicPIMS keeps of its own (D1): each kind gets one retention rule per agency. */
export const OWN_KINDS = [
  "rights_request",
  "petition",
  "disclosure",
  "attachment",
  "mail",
  "ledger",
] as const;
export type OwnKind = (typeof OWN_KINDS)[number];

/** The event a retention period counts from (D1, D2). */
export const START_EVENTS = ["collection", "purpose_end", "contract_end", "last_contact"] as const;
export type StartEvent = (typeof START_EVENTS)[number];

/** A legal minimum from a rule pack, with its citation; `verify` where the seeds are silent. */
export interface RetentionMinimum {
  kind: OwnKind;
  months: number;
  citation: string;
  note?: string;
  verify?: boolean;
}

export interface RetentionRule {
  /** Months; null = permanent (never due). */
  periodMonths: number | null;
  startEvent: StartEvent;
  /** Date of the start event where it is one date for the whole file (purpose end, contract end). */
  startOn?: string | null;
}

export const HOLD_KINDS = ["litigation", "audit", "other_law", "separate_storage"] as const;
export type HoldKind = (typeof HOLD_KINDS)[number];

export const PLAN_STATUSES = ["draft", "submitted", "approved", "done", "cancelled"] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
