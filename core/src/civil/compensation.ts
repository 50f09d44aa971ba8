// Administrative-error compensation (행정사무착오 보상제, I4, K9): the status rules and the analysis by type.
// Pure: the server applies the rules inside its transaction and runs the same aggregation in SQL.

export const COMPENSATION_STATUSES = ["recorded", "approved", "paid"] as const;
export type CompensationStatus = (typeof COMPENSATION_STATUSES)[number];

/** Stable error codes (server messages under errors.civil.*). */
export const COMPENSATION_ERRORS = {
  selfApproval: "civil.compensation.self_approval",
  notRecorded: "civil.compensation.not_pending",
  notApproved: "civil.compensation.not_approved",
  paidBeforeApproval: "civil.compensation.paid_before_approval",
} as const;

export interface CompensationState {
  status: CompensationStatus;
  recordedBy: string;
  /** YYYY-MM-DD of the approval (set once approved). */
  approvedOn?: string | null;
}

/**
 * Approval: only a recorded claim, and never by the person who recorded it (four eyes). Returns the error
 * code or null when the approval may go ahead.
 */
export function approvalProblem(c: CompensationState, approverId: string): string | null {
  if (c.status !== "recorded") return COMPENSATION_ERRORS.notRecorded;
  if (c.recordedBy === approverId) return COMPENSATION_ERRORS.selfApproval;
  return null;
}

/** Payment: only after approval, and not dated before the approval day. */
export function paymentProblem(c: CompensationState, paidOn: string): string | null {
  if (c.status !== "approved" || !c.approvedOn) return COMPENSATION_ERRORS.notApproved;
  if (paidOn < c.approvedOn) return COMPENSATION_ERRORS.paidBeforeApproval;
  return null;
}

/** What the analysis needs of one record: no names, no free text (K9: de-identified data only). */
export interface CompensationFact {
  lossType: string;
  unitId: string | null;
  occurredOn: string;
  amount: number;
  currency: string;
  status: CompensationStatus;
}

export interface AnalysisGroup {
  key: string | null;
  count: number;
  paidCount: number;
  /** Sums per currency (amounts of every record in the period; `paid` only the paid ones). */
  amount: Record<string, number>;
  paid: Record<string, number>;
}

export interface CompensationAnalysis {
  from: string;
  to: string;
  total: AnalysisGroup;
  byLossType: AnalysisGroup[];
  byUnit: AnalysisGroup[];
}

const empty = (key: string | null): AnalysisGroup => ({ key, count: 0, paidCount: 0, amount: {}, paid: {} });

function add(g: AnalysisGroup, f: CompensationFact): void {
  g.count++;
  g.amount[f.currency] = (g.amount[f.currency] ?? 0) + f.amount;
  if (f.status === "paid") {
    g.paidCount++;
    g.paid[f.currency] = (g.paid[f.currency] ?? 0) + f.amount;
  }
}

const byKey = (a: AnalysisGroup, b: AnalysisGroup) => (a.key ?? "").localeCompare(b.key ?? "");

/**
 * Counts and sums per loss type and per unit of the records whose error happened in [from, to] (dates
 * inclusive). Amounts are never added across currencies.
 */
export function analyseCompensation(
  facts: readonly CompensationFact[],
  from: string,
  to: string,
): CompensationAnalysis {
  const total = empty(null);
  const types = new Map<string, AnalysisGroup>();
  const units = new Map<string | null, AnalysisGroup>();
  for (const f of facts) {
    if (f.occurredOn < from || f.occurredOn > to) continue;
    add(total, f);
    if (!types.has(f.lossType)) types.set(f.lossType, empty(f.lossType));
    add(types.get(f.lossType) as AnalysisGroup, f);
    if (!units.has(f.unitId)) units.set(f.unitId, empty(f.unitId));
    add(units.get(f.unitId) as AnalysisGroup, f);
  }
  return {
    from,
    to,
    total,
    byLossType: [...types.values()].sort(byKey),
    byUnit: [...units.values()].sort(byKey),
  };
}
