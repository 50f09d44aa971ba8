// Training's table in the statistics frame: K8 (sessions, topics, attendees per kind, IT-skill
// certifications). Registered here, next to the data it counts, as the frame asks of every owning module.
import { periodDays } from "@civicpims/core/statistics/index";
import { type K8Count, k8Table } from "@civicpims/core/training/index";
import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { registerStatisticsTable } from "../statistics/registry";

/** Session dates are calendar dates (no time zone): the period's first and last day bound them. */
export async function k8Counts(q: Queryable, agencyId: string, from: string, to: string) {
  const r = (await q.execute(
    sql`SELECT s.kind, count(*)::int AS sessions, count(DISTINCT s.topic)::int AS topics,
               coalesce(sum(a.n), 0)::int AS attendees
        FROM training_sessions s
        LEFT JOIN (SELECT session_id, count(*) AS n FROM training_attendance GROUP BY 1) a ON a.session_id = s.id
        WHERE s.agency_id = ${agencyId} AND s.held_on >= ${from}::date AND s.held_on <= ${to}::date
        GROUP BY 1`,
  )) as unknown as { rows: Array<Record<string, unknown>> };
  const counts: K8Count[] = r.rows.map((x) => ({
    kind: String(x.kind),
    sessions: Number(x.sessions),
    topics: Number(x.topics),
    attendees: Number(x.attendees),
  }));
  const c = (await q.execute(
    sql`SELECT count(*)::int AS n FROM training_certifications
        WHERE agency_id = ${agencyId} AND obtained_on >= ${from}::date AND obtained_on <= ${to}::date`,
  )) as unknown as { rows: Array<{ n: number }> };
  return { counts, certifications: Number(c.rows[0]?.n ?? 0) };
}

let registered = false;

export function registerTrainingStatisticsTables(): void {
  if (registered) return;
  registered = true;
  registerStatisticsTable({
    id: "k8",
    requirement: "K8",
    title: "statistics.tables.k8",
    load: async (tx, agencyId, p) => {
      const { from, to } = periodDays(p);
      const { counts, certifications } = await k8Counts(tx, agencyId, from, to);
      return k8Table(counts, certifications);
    },
  });
}
