// Pure retention and destruction rules (D1-D7): when something is due, which legal minimum binds, how
// candidates group into plans, who may approve, how execution splits into batches. No I/O.
import type { Jurisdiction } from "../jurisdictions/index";
import { krRetentionMinima } from "../jurisdictions/kr/retention-minima";
import { twRetentionMinima } from "../jurisdictions/tw/retention-minima";
import type { OwnKind, PlanStatus, RetentionMinimum, RetentionRule } from "./types";

export * from "./types";

/** Adds whole months to an ISO date, clamping to the month's last day (2024-02-29 + 12 = 2025-02-28). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.slice(0, 10).split("-").map(Number);
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, "0")}-${String(nm).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/**
 * The first day the data may be destroyed: start + period. The period runs through the day before, so data
 * collected 2020-03-15 with 3 years is due on 2023-03-15 [D2: "without delay" once the period has ended].
 * Null when the rule is permanent or the start event has not happened.
 */
export function dueOn(rule: RetentionRule, startDate: string | null | undefined): string | null {
  if (rule.periodMonths === null || !startDate) return null;
  return addMonths(startDate, rule.periodMonths);
}

export function isDue(rule: RetentionRule, startDate: string | null | undefined, today: string): boolean {
  const d = dueOn(rule, startDate);
  return d !== null && d <= today;
}

/** The latest start date still inside the period (rolling files: rows collected on or before it are due). */
export function cutoffFor(rule: RetentionRule, today: string): string | null {
  return rule.periodMonths === null ? null : addMonths(today, -rule.periodMonths);
}

export function minimaFor(j: Jurisdiction): RetentionMinimum[] {
  return j === "TW" ? twRetentionMinima : krRetentionMinima;
}

/**
 * The binding legal minimum for an own kind: the longest of the rule pack's entries for it (the ledger keeps
 * at least the longest legal minimum, so a 2-year condition wins over the 1-year base).
 */
export function legalMinimum(j: Jurisdiction, kind: OwnKind): RetentionMinimum | null {
  const list = minimaFor(j).filter((m) => m.kind === kind);
  return list.reduce<RetentionMinimum | null>((a, b) => (a && a.months >= b.months ? a : b), null);
}

export type RuleProblem = { code: "below_minimum"; minimumMonths: number; citation: string } | null;

/** An own-records rule shorter than the law's minimum is refused (permanent is always long enough). */
export function checkOwnRule(j: Jurisdiction, kind: OwnKind, periodMonths: number | null): RuleProblem {
  const min = legalMinimum(j, kind);
  if (!min || periodMonths === null || periodMonths >= min.months) return null;
  return { code: "below_minimum", minimumMonths: min.months, citation: min.citation };
}

/** A thing the sweep found due; `subjects` counts data subjects (1 per case, 0 for a record without). */
export interface Candidate {
  targetType: "record" | "case" | "attachment" | "mail" | "file_rows";
  targetId: string;
  unitId: string | null;
  fileId: string | null;
  source: "records" | "own" | "register";
  ownKind?: OwnKind | null;
  subjects: number;
  held: boolean;
}

export interface DraftPlan {
  key: string;
  unitId: string | null;
  fileId: string | null;
  source: Candidate["source"];
  ownKind: OwnKind | null;
  items: Candidate[];
  itemCount: number;
  subjectCount: number;
}

/** Groups due candidates into one plan per unit, file and source (D2); held candidates never enter [D3]. */
export function draftPlans(candidates: Candidate[]): DraftPlan[] {
  const map = new Map<string, DraftPlan>();
  for (const c of candidates) {
    if (c.held) continue;
    const ownKind = c.ownKind ?? null;
    const key = `${c.source}|${c.unitId ?? "-"}|${c.fileId ?? "-"}|${ownKind ?? "-"}`;
    let p = map.get(key);
    if (!p) {
      p = {
        key,
        unitId: c.unitId,
        fileId: c.fileId,
        source: c.source,
        ownKind,
        items: [],
        itemCount: 0,
        subjectCount: 0,
      };
      map.set(key, p);
    }
    p.items.push(c);
    p.itemCount += 1;
    p.subjectCount += c.subjects;
  }
  return [...map.values()].sort((a, b) => a.key.localeCompare(b.key));
}

export type ApprovalRefusal = "not_submitted" | "own_plan" | "tw_assessment_missing" | null;

/**
 * Whether `actorId` may approve the plan [D4]: it must be submitted, the approver must not be its requester,
 * and in Taiwan the impact assessment and the handover to the holding unit come first [D6, 004 二十一/二十三].
 * (The permission itself is checked by the route.)
 */
export function approvalRefusal(
  plan: {
    status: PlanStatus;
    requestedBy: string | null;
    assessedAt?: string | Date | null;
    holdingUnitId?: string | null;
  },
  actorId: string,
  j: Jurisdiction,
): ApprovalRefusal {
  if (plan.status !== "submitted") return "not_submitted";
  if (plan.requestedBy === actorId) return "own_plan";
  if (j === "TW" && (!plan.assessedAt || !plan.holdingUnitId)) return "tw_assessment_missing";
  return null;
}

/** Splits ids into execution batches: each batch commits with its destruction record and ledger entry. */
export function batches<T>(items: T[], size: number): T[][] {
  if (size < 1) throw new RangeError("batch size must be positive");
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Certificate number: prefix-year-seq, e.g. "DC-2026-000042" (seq per agency and year). */
export function certificateNumber(year: number, seq: number, prefix = "DC"): string {
  return `${prefix}-${year}-${String(seq).padStart(6, "0")}`;
}

/** A hold or separate storage whose review date has passed (shown on the dashboard, D3). */
export function reviewOverdue(reviewOn: string | null, today: string): boolean {
  return reviewOn !== null && reviewOn < today;
}

/** Separate storage is reachable only by the roles the hold names [D3]. */
export function mayAccessSeparate(holdRoles: readonly string[], actorRoles: readonly string[]): boolean {
  return actorRoles.some((r) => holdRoles.includes(r));
}

/** D5/D7: methods allowed for a medium (electronic data needs an irreversible electronic method). */
export function methodFitsMedium(methodMedium: string, medium: "electronic" | "paper" | "both"): boolean {
  if (methodMedium === "any") return true;
  if (medium === "both") return false;
  return methodMedium === medium;
}
