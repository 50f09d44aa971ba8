// Monthly access-log review (E3, E9, E11): the month's ledger entries of the agency run through the
// anomaly rules (core/src/accountability); a reviewer signs off with a disposition for the findings.
import {
  type AnomalyRuleOverrides,
  type Disposition,
  type Finding,
  findAnomalies,
  openHighFindings,
  type ReviewEntry,
  type RoleSpan,
  resolveAnomalyRules,
} from "@civicpims/core/accountability/index";
import { getCalendar } from "@civicpims/core/calendar/index";
import { dayToKey, fromLocal, keyToDay } from "@civicpims/core/calendar/zoned";
import { and, asc, eq, gte, inArray, isNotNull, lt } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { agencies, ledgerEntries, logReviewSettings, logReviews, roleAssignments } from "../../db/schema";
import { badRequest, conflict, notFound } from "../../http/errors";
import type { Locale } from "../../i18n";
import { decryptField, encryptField } from "../../security/field-crypto";
import type { Secrets } from "../../security/keys";
import { actionPhrase } from "../audit/action-catalogue";
import { actorNames } from "../audit/ledger-view";
import { loadCalendarOverrides } from "../calendar/overrides.repo";

/** [from, to) of a YYYY-MM month in the agency's time zone. */
export function monthRange(month: string, timeZone: string): { from: Date; to: Date } {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw badRequest("accountability.month_invalid");
  const first = keyToDay(`${month}-01`);
  const [y, m] = month.split("-").map(Number);
  const next = keyToDay(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`);
  return { from: new Date(fromLocal(first, 0, timeZone)), to: new Date(fromLocal(next, 0, timeZone)) };
}

async function agencyInfo(q: Queryable, agencyId: string) {
  const [a] = await q
    .select({ tz: agencies.timeZone, jurisdiction: agencies.jurisdiction })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  if (!a) throw notFound();
  return a;
}

export async function loadOverrides(q: Queryable, agencyId: string): Promise<AnomalyRuleOverrides> {
  const [s] = await q
    .select({ overrides: logReviewSettings.overrides })
    .from(logReviewSettings)
    .where(eq(logReviewSettings.agencyId, agencyId));
  return (s?.overrides as AnomalyRuleOverrides | undefined) ?? {};
}

/** The month's findings, recomputed from the ledger (the ledger cannot change, so neither can they). */
export async function computeFindings(q: Queryable, agencyId: string, month: string) {
  const a = await agencyInfo(q, agencyId);
  const { from, to } = monthRange(month, a.tz);
  const rows = await q
    .select({
      seq: ledgerEntries.seq,
      occurredAt: ledgerEntries.occurredAt,
      actorId: ledgerEntries.actorId,
      action: ledgerEntries.action,
      subjectRef: ledgerEntries.subjectRef,
    })
    .from(ledgerEntries)
    .where(
      and(
        eq(ledgerEntries.agencyId, agencyId),
        isNotNull(ledgerEntries.actorId),
        gte(ledgerEntries.occurredAt, from),
        lt(ledgerEntries.occurredAt, to),
      ),
    )
    .orderBy(asc(ledgerEntries.seq));
  const grants = await q
    .select({
      staffId: roleAssignments.staffId,
      grantedAt: roleAssignments.grantedAt,
      revokedAt: roleAssignments.revokedAt,
    })
    .from(roleAssignments)
    .where(eq(roleAssignments.agencyId, agencyId));
  const roles = new Map<string, RoleSpan[]>();
  for (const g of grants) {
    const list = roles.get(g.staffId) ?? [];
    list.push({ grantedAt: g.grantedAt, revokedAt: g.revokedAt });
    roles.set(g.staffId, list);
  }
  const cal = getCalendar({
    jurisdiction: a.jurisdiction,
    timeZone: a.tz,
    overrides: await loadCalendarOverrides(q, agencyId),
  });
  const set = resolveAnomalyRules(await loadOverrides(q, agencyId));
  const findings = findAnomalies(rows as ReviewEntry[], set, {
    timeZone: a.tz,
    isWorkingDay: (d) => cal.isWorking(d),
    dayKey: dayToKey,
    roles,
  });
  return { timeZone: a.tz, rules: set, findings, entriesScanned: rows.length };
}

interface SignedContent {
  note: string;
  dispositions: Disposition[];
}

export async function getReview(
  q: Queryable,
  secrets: Pick<Secrets, "fieldKey">,
  agencyId: string,
  month: string,
) {
  const computed = await computeFindings(q, agencyId, month);
  const names = await actorNames(
    q,
    agencyId,
    computed.findings.map((f) => ({ actorId: f.actorId })),
  );
  const [signed] = await q
    .select()
    .from(logReviews)
    .where(and(eq(logReviews.agencyId, agencyId), eq(logReviews.month, month)));
  const content = signed
    ? (JSON.parse(decryptField(secrets.fieldKey, signed.contentEnc)) as SignedContent)
    : null;
  const signerNames = signed ? await actorNames(q, agencyId, [{ actorId: signed.signedBy }]) : new Map();
  return {
    month,
    timeZone: computed.timeZone,
    rules: computed.rules,
    entriesScanned: computed.entriesScanned,
    findings: computed.findings.map((f) => ({
      ...f,
      entryCount: f.entrySeqs.length,
      actorName: f.actorId ? (names.get(f.actorId) ?? null) : null,
      // A blind index is not the person, but a short form is enough to tell findings apart.
      subjectRef: f.subjectRef ? f.subjectRef.slice(0, 10) : null,
    })),
    signOff: signed
      ? {
          signedAt: signed.signedAt.toISOString(),
          signedBy: signed.signedBy,
          signedByName: signerNames.get(signed.signedBy) ?? null,
          note: content?.note ?? "",
          dispositions: content?.dispositions ?? [],
        }
      : null,
  };
}

/** The ledger entries behind one finding (only this agency's, only this month's). */
export async function findingEntries(
  q: Queryable,
  agencyId: string,
  month: string,
  key: string,
  locale: Locale,
) {
  const { findings } = await computeFindings(q, agencyId, month);
  const f = findings.find((x) => x.key === key);
  if (!f) throw notFound("accountability.finding_not_found");
  const rows = await q
    .select({
      seq: ledgerEntries.seq,
      occurredAt: ledgerEntries.occurredAt,
      actorId: ledgerEntries.actorId,
      action: ledgerEntries.action,
      resourceType: ledgerEntries.resourceType,
      resourceId: ledgerEntries.resourceId,
      result: ledgerEntries.result,
    })
    .from(ledgerEntries)
    .where(and(eq(ledgerEntries.agencyId, agencyId), inArray(ledgerEntries.seq, f.entrySeqs)))
    .orderBy(asc(ledgerEntries.seq));
  const names = await actorNames(q, agencyId, rows);
  return {
    key,
    rule: f.rule,
    items: rows.map((r) => ({
      seq: Number(r.seq),
      occurredAt: r.occurredAt.toISOString(),
      actorName: r.actorId ? (names.get(r.actorId) ?? null) : null,
      action: r.action,
      actionLabel: actionPhrase(locale, r.action) ?? r.action,
      resourceType: r.resourceType,
      resourceId: r.resourceId,
      result: r.result,
    })),
  };
}

export interface SignOffInput {
  note: string;
  dispositions: Disposition[];
}

/**
 * Signs the month off. Refused while a high finding has no disposition, for a month not yet over, for
 * a disposition of a finding that does not exist, and twice for the same month.
 */
export async function signOffReview(
  q: Queryable,
  secrets: Pick<Secrets, "fieldKey">,
  agencyId: string,
  month: string,
  actorId: string,
  input: SignOffInput,
  now = new Date(),
) {
  const { findings, timeZone } = await computeFindings(q, agencyId, month);
  if (monthRange(month, timeZone).to.getTime() > now.getTime())
    throw badRequest("accountability.month_not_over");
  const keys = new Set(findings.map((f) => f.key));
  const seen = new Set<string>();
  for (const d of input.dispositions) {
    if (!keys.has(d.key) || seen.has(d.key)) throw badRequest("accountability.disposition_unknown");
    seen.add(d.key);
    if (d.kind === "follow_up" && (!d.owner?.trim() || !d.dueDate))
      throw badRequest("accountability.follow_up_incomplete");
    if (d.kind === "explained" && !d.explanation?.trim())
      throw badRequest("accountability.explanation_missing");
  }
  const open = openHighFindings(findings, input.dispositions);
  if (open.length) throw badRequest("accountability.open_high_findings", { keys: open.map((f) => f.key) });
  const [existing] = await q
    .select({ id: logReviews.id })
    .from(logReviews)
    .where(and(eq(logReviews.agencyId, agencyId), eq(logReviews.month, month)));
  if (existing) throw conflict("accountability.already_signed");
  const content: SignedContent = { note: input.note, dispositions: input.dispositions };
  const [row] = await q
    .insert(logReviews)
    .values({
      agencyId,
      month,
      signedBy: actorId,
      contentEnc: encryptField(secrets.fieldKey, JSON.stringify(content)),
      findings: findings.map((f: Finding) => ({
        key: f.key,
        rule: f.rule,
        severity: f.severity,
        count: f.count,
        entrySeqs: f.entrySeqs,
      })),
    })
    .returning({ id: logReviews.id });
  return {
    id: row.id,
    month,
    findings: findings.length,
    followUps: input.dispositions.filter((d) => d.kind === "follow_up").length,
  };
}
