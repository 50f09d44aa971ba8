import { redactFreeText } from "@civicpims/core/pii/index";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Queryable, Tx } from "../../db/client";
import { caseSurveys, type cases, units } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { encryptField } from "../../security/field-crypto";

/** Kinds whose status page offers the survey, and the states in which it is open (answer delivered). */
export const SURVEY_KINDS: ReadonlySet<string> = new Set(["petition"]);
const SURVEY_STATES: ReadonlySet<string> = new Set(["notified", "closed"]);
export const SURVEY_QUESTIONS = ["speed", "kindness", "clarity", "overall"] as const;

type CaseRow = typeof cases.$inferSelect;

export async function surveyState(
  q: Queryable,
  c: CaseRow,
): Promise<{ open: boolean; done: boolean } | null> {
  if (!SURVEY_KINDS.has(c.kind)) return null;
  const [s] = await q.select({ id: caseSurveys.id }).from(caseSurveys).where(eq(caseSurveys.caseId, c.id));
  return { open: !s && SURVEY_STATES.has(c.state), done: !!s };
}

export interface SurveyAnswer {
  speed: number;
  kindness: number;
  clarity: number;
  overall: number;
  comment?: string;
}

/**
 * One survey per case (the unique index decides under concurrency). The comment goes through the PII
 * engine (identifiers masked) and is then encrypted: it is kept for the service team, never shown in
 * statistics.
 */
export async function submitSurvey(tx: Tx, deps: AppDeps, c: CaseRow, a: SurveyAnswer) {
  if (!SURVEY_KINDS.has(c.kind) || !SURVEY_STATES.has(c.state))
    throw new AppError(409, "portal.survey_not_open");
  const comment = a.comment?.trim() ? redactFreeText(a.comment.trim()) : null;
  const [row] = await tx
    .insert(caseSurveys)
    .values({
      agencyId: c.agencyId,
      caseId: c.id,
      kind: c.kind,
      unitId: c.unitId,
      speed: a.speed,
      kindness: a.kindness,
      clarity: a.clarity,
      overall: a.overall,
      commentEnc: comment ? encryptField(deps.secrets.fieldKey, comment) : null,
    })
    .onConflictDoNothing({ target: caseSurveys.caseId })
    .returning({ id: caseSurveys.id });
  if (!row) throw new AppError(409, "portal.survey_done");
  return row;
}

const avg = (col: AnyPgColumn) => sql<string | null>`round(avg(${col}), 2)`;
const scores = {
  count: sql<number>`count(*)::int`,
  speed: avg(caseSurveys.speed),
  kindness: avg(caseSurveys.kindness),
  clarity: avg(caseSurveys.clarity),
  overall: avg(caseSurveys.overall),
};
const numbers = <T extends { count: number; speed: string | null }>(r: T) => ({
  ...r,
  count: Number(r.count),
  ...Object.fromEntries(
    SURVEY_QUESTIONS.map((k) => [
      k,
      (r as Record<string, unknown>)[k] === null ? null : Number((r as Record<string, unknown>)[k]),
    ]),
  ),
});

/**
 * Results for staff: averages per question overall, per unit and per month, with counts. Only scores are
 * read (never the comment), so the table carries no personal data.
 */
export async function surveyStats(
  q: Queryable,
  agencyId: string,
  f: { from?: Date; to?: Date; unitId?: string; timeZone: string },
) {
  const where = and(
    eq(caseSurveys.agencyId, agencyId),
    f.from ? gte(caseSurveys.answeredAt, f.from) : undefined,
    f.to ? lt(caseSurveys.answeredAt, f.to) : undefined,
    f.unitId ? eq(caseSurveys.unitId, f.unitId) : undefined,
  );
  const [total] = await q.select(scores).from(caseSurveys).where(where);
  const byUnit = await q
    .select({ unitId: caseSurveys.unitId, unit: units.nameLocal, unitEn: units.nameEn, ...scores })
    .from(caseSurveys)
    .leftJoin(units, and(eq(units.id, caseSurveys.unitId), eq(units.agencyId, caseSurveys.agencyId)))
    .where(where)
    .groupBy(caseSurveys.unitId, units.nameLocal, units.nameEn)
    .orderBy(units.nameLocal);
  const month = sql<string>`to_char(${caseSurveys.answeredAt} AT TIME ZONE ${f.timeZone}, 'YYYY-MM')`;
  const byMonth = await q
    .select({ month, ...scores })
    .from(caseSurveys)
    .where(where)
    // By position: the zone is a bound parameter, and a repeated expression would get a second one.
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  return {
    questions: SURVEY_QUESTIONS,
    total: numbers(total),
    byUnit: byUnit.map(numbers),
    byMonth: byMonth.map((r) => {
      const [y, m] = r.month.split("-").map(Number);
      const { month: _m, ...rest } = numbers(r);
      return { year: y, month: m, ...rest };
    }),
  };
}
