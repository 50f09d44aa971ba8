// The resident survey (I6, seed 003 I-1-가) in the statistics frame: one row per question with the number of
// answers, the mean and the spread of scores. Scores only: the comment column is never read.
import { i6SurveyTable, type SurveyQuestionCount } from "@civicpims/core/statistics/index";
import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { registerStatisticsTable } from "../statistics/registry";
import { SURVEY_QUESTIONS } from "./survey.service";

/** Answers received in [from, to) per question: count, mean to two decimals, and count of each score. */
export async function surveyQuestionCounts(
  q: Queryable,
  agencyId: string,
  range: { from: number; to: number },
): Promise<SurveyQuestionCount[]> {
  // The column names come from the fixed question list, never from input.
  const parts = SURVEY_QUESTIONS.flatMap((k) => [
    sql.raw(`round(avg(${k}), 2) AS ${k}_avg`),
    ...[1, 2, 3, 4, 5].map((s) => sql.raw(`count(*) FILTER (WHERE ${k} = ${s})::int AS ${k}_${s}`)),
  ]);
  const r = (await q.execute(
    sql`SELECT count(*)::int AS n, ${sql.join(parts, sql`, `)}
        FROM case_surveys
        WHERE agency_id = ${agencyId}
          AND answered_at >= ${new Date(range.from).toISOString()}::timestamptz
          AND answered_at < ${new Date(range.to).toISOString()}::timestamptz`,
  )) as unknown as { rows: Array<Record<string, unknown>> };
  const row = r.rows[0] ?? {};
  const n = Number(row.n ?? 0);
  return SURVEY_QUESTIONS.map((k) => ({
    question: k,
    n,
    average: row[`${k}_avg`] === null || row[`${k}_avg`] === undefined ? null : Number(row[`${k}_avg`]),
    scores: [1, 2, 3, 4, 5].map((s) => Number(row[`${k}_${s}`] ?? 0)) as [
      number,
      number,
      number,
      number,
      number,
    ],
  }));
}

let registered = false;

export function registerSurveyStatisticsTable(): void {
  if (registered) return;
  registered = true;
  registerStatisticsTable({
    id: "i6-survey",
    requirement: "I6",
    title: "statistics.tables.i6Survey",
    // After the K tables: the chapter's printed tables first, the service-quality survey last.
    order: 1000,
    load: async (tx, agencyId, p) => i6SurveyTable(await surveyQuestionCounts(tx, agencyId, p.range)),
  });
}
