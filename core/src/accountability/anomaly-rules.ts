// Access-log review (E3, E11): the anomaly rules as data. Each rule has a severity and a threshold;
// an agency may override thresholds (and the office window) without touching code. "Reaching" a
// threshold means count >= threshold. Pure: the server feeds the month's ledger entries in.
import { parseClock, toLocal } from "../calendar/zoned";

export const ANOMALY_RULE_IDS = [
  "many_subjects_per_day",
  "off_hours",
  "exports",
  "subject_many_accounts",
  "ended_role",
] as const;
export type AnomalyRuleId = (typeof ANOMALY_RULE_IDS)[number];
export type Severity = "high" | "medium" | "low";

export interface AnomalyRule {
  severity: Severity;
  /** What is counted (see each rule) must reach this to become a finding. */
  threshold: number;
}

export interface AnomalyRuleSet {
  rules: Record<AnomalyRuleId, AnomalyRule>;
  /** Working hours on a working day (local time, [open, close)); outside them counts as off-hours. */
  officeOpen: string;
  officeClose: string;
}

/**
 * Defaults. many_subjects_per_day: distinct subjects one account touched in one local day.
 * off_hours: entries touching a subject (or exporting) by one account on a non-working day (weekend,
 * holiday, closure from the agency's calendar) or outside the office window. exports: actions ending in
 * .export / .download by one account in the month. subject_many_accounts: distinct accounts that
 * touched one subject in the month. ended_role: entries by an account at a time it held no role any
 * more (it had one, and every grant had been revoked).
 */
export const DEFAULT_ANOMALY_RULES: AnomalyRuleSet = {
  rules: {
    many_subjects_per_day: { severity: "high", threshold: 30 },
    off_hours: { severity: "medium", threshold: 1 },
    exports: { severity: "high", threshold: 20 },
    subject_many_accounts: { severity: "medium", threshold: 5 },
    ended_role: { severity: "high", threshold: 1 },
  },
  officeOpen: "08:00",
  officeClose: "20:00",
};

export interface AnomalyRuleOverrides {
  rules?: Partial<Record<AnomalyRuleId, Partial<AnomalyRule>>>;
  officeOpen?: string;
  officeClose?: string;
}

/** The defaults with an agency's overrides laid over them. */
export function resolveAnomalyRules(o: AnomalyRuleOverrides | null | undefined): AnomalyRuleSet {
  const rules = { ...DEFAULT_ANOMALY_RULES.rules };
  for (const id of ANOMALY_RULE_IDS) {
    const over = o?.rules?.[id];
    if (over) rules[id] = { ...rules[id], ...over };
  }
  return {
    rules,
    officeOpen: o?.officeOpen ?? DEFAULT_ANOMALY_RULES.officeOpen,
    officeClose: o?.officeClose ?? DEFAULT_ANOMALY_RULES.officeClose,
  };
}

export interface ReviewEntry {
  seq: number;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  subjectRef: string | null;
}

export interface RoleSpan {
  grantedAt: Date;
  revokedAt: Date | null;
}

export interface Finding {
  /** Stable within a month: dispositions are keyed by it. */
  key: string;
  rule: AnomalyRuleId;
  severity: Severity;
  actorId: string | null;
  subjectRef: string | null;
  /** Local date (YYYY-MM-DD) for per-day rules. */
  day: string | null;
  count: number;
  threshold: number;
  entrySeqs: number[];
}

export interface ReviewContext {
  timeZone: string;
  /** The agency's working calendar (weekends, holidays, closures). */
  isWorkingDay(day: number): boolean;
  dayKey(day: number): string;
  /** Role grants per account (all of them, revoked ones too). */
  roles: Map<string, RoleSpan[]>;
}

export const isExportAction = (action: string) => action.endsWith(".export") || action.endsWith(".download");

function push<K>(m: Map<K, number[]>, k: K, seq: number) {
  const a = m.get(k);
  if (a) a.push(seq);
  else m.set(k, [seq]);
}

/** Every finding of the month's entries, sorted by severity, rule, then key. */
export function findAnomalies(
  entries: readonly ReviewEntry[],
  set: AnomalyRuleSet,
  ctx: ReviewContext,
): Finding[] {
  const open = parseClock(set.officeOpen) * 60_000;
  const close = parseClock(set.officeClose) * 60_000;
  const perActorDay = new Map<string, { subjects: Set<string>; seqs: number[] }>();
  const offHours = new Map<string, number[]>();
  const exports = new Map<string, number[]>();
  const perSubject = new Map<string, { actors: Set<string>; seqs: number[] }>();
  const ended = new Map<string, number[]>();
  const dayKeys = new Map<string, string>();

  for (const e of entries) {
    if (!e.actorId) continue;
    const actor = e.actorId;
    const local = toLocal(e.occurredAt.getTime(), ctx.timeZone);
    const exporting = isExportAction(e.action);
    if (e.subjectRef) {
      const k = `${actor}|${local.day}`;
      const g = perActorDay.get(k) ?? { subjects: new Set<string>(), seqs: [] };
      g.subjects.add(e.subjectRef);
      g.seqs.push(e.seq);
      perActorDay.set(k, g);
      dayKeys.set(k, ctx.dayKey(local.day));
      const s = perSubject.get(e.subjectRef) ?? { actors: new Set<string>(), seqs: [] };
      s.actors.add(actor);
      s.seqs.push(e.seq);
      perSubject.set(e.subjectRef, s);
    }
    if (e.subjectRef || exporting) {
      const off = !ctx.isWorkingDay(local.day) || local.msOfDay < open || local.msOfDay >= close;
      if (off) push(offHours, actor, e.seq);
    }
    if (exporting) push(exports, actor, e.seq);
    const spans = ctx.roles.get(actor);
    if (spans?.length) {
      const t = e.occurredAt.getTime();
      const held = spans.some(
        (r) => r.grantedAt.getTime() <= t && (!r.revokedAt || r.revokedAt.getTime() > t),
      );
      const hadEnded = spans.some((r) => r.revokedAt && r.revokedAt.getTime() <= t);
      if (!held && hadEnded) push(ended, actor, e.seq);
    }
  }

  const out: Finding[] = [];
  const add = (
    rule: AnomalyRuleId,
    key: string,
    count: number,
    seqs: number[],
    who: { actorId?: string; subjectRef?: string; day?: string },
  ) => {
    const r = set.rules[rule];
    if (count < r.threshold) return;
    out.push({
      key: `${rule}:${key}`,
      rule,
      severity: r.severity,
      actorId: who.actorId ?? null,
      subjectRef: who.subjectRef ?? null,
      day: who.day ?? null,
      count,
      threshold: r.threshold,
      entrySeqs: [...seqs].sort((a, b) => a - b),
    });
  };
  for (const [k, g] of perActorDay) {
    const actorId = k.slice(0, k.indexOf("|"));
    const day = dayKeys.get(k) as string;
    add("many_subjects_per_day", `${actorId}:${day}`, g.subjects.size, g.seqs, { actorId, day });
  }
  for (const [a, seqs] of offHours) add("off_hours", a, seqs.length, seqs, { actorId: a });
  for (const [a, seqs] of exports) add("exports", a, seqs.length, seqs, { actorId: a });
  for (const [s, g] of perSubject) add("subject_many_accounts", s, g.actors.size, g.seqs, { subjectRef: s });
  for (const [a, seqs] of ended) add("ended_role", a, seqs.length, seqs, { actorId: a });

  const rank: Record<Severity, number> = { high: 0, medium: 1, low: 2 };
  return out.sort(
    (x, y) =>
      rank[x.severity] - rank[y.severity] ||
      ANOMALY_RULE_IDS.indexOf(x.rule) - ANOMALY_RULE_IDS.indexOf(y.rule) ||
      x.key.localeCompare(y.key),
  );
}

export interface Disposition {
  key: string;
  kind: "explained" | "follow_up";
  explanation?: string;
  owner?: string;
  dueDate?: string;
}

/** High findings without a disposition: a sign-off is refused while any remain (issue 14 "Bad input"). */
export function openHighFindings(
  findings: readonly Finding[],
  dispositions: readonly Disposition[],
): Finding[] {
  const done = new Set(dispositions.map((d) => d.key));
  return findings.filter((f) => f.severity === "high" && !done.has(f.key));
}
