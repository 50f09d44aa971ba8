// One SQL aggregate per civil table over `cases` (seed 003 I-1, I-2, II). Every query reads one agency and one
// kind over a range of received_at (index cases_agency_kind_received), groups in the agency's time zone and
// counts with FILTER clauses, so a year of a million petitions is one index range scan and one hash
// aggregate. The on-time rule is core/src/statistics/tables.ts onTimeRate.
import type {
  InstantRange,
  K2Count,
  OutcomeCount,
  Quarter,
  SubKindChannelCount,
  YearChannelCount,
  YearSubKindCount,
} from "@civicpims/core/statistics/index";
import { type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";

/** Counted as due: not withdrawn, and finished, or still open after its due date at `asOf`. */
const due = (asOf: Date) =>
  sql`outcome IS DISTINCT FROM 'withdrawn' AND (coalesce(decided_at, closed_at) IS NOT NULL OR due_at < ${asOf.toISOString()}::timestamptz)`;
/** Finished (decided, or closed without a decision as transferred) at or before the due date. */
const onTime = sql`outcome IS DISTINCT FROM 'withdrawn' AND coalesce(decided_at, closed_at) <= due_at`;
/** A certificate counts as issued once granted (in full or in part). */
const issued = sql`outcome IN ('granted', 'partly')`;

const inRange = (r: InstantRange) =>
  sql`received_at >= ${new Date(r.from).toISOString()}::timestamptz AND received_at < ${new Date(r.to).toISOString()}::timestamptz`;

/** `sub_kind IN (...)`; an empty list matches nothing. */
const subKindIn = (codes: readonly string[]): SQL =>
  codes.length
    ? sql`sub_kind IN (${sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      )})`
    : sql`false`;

const int = (v: unknown) => Number(v ?? 0);

async function rows<T>(q: Queryable, query: SQL): Promise<T[]> {
  return ((await q.execute(query)) as unknown as { rows: T[] }).rows;
}

/** K2: issued certificates by channel and quarter of the year (quarter of receipt, agency time zone). */
export async function k2Counts(
  q: Queryable,
  agencyId: string,
  year: InstantRange,
  timeZone: string,
  certificateCodes: readonly string[],
  asOf: Date,
): Promise<K2Count[]> {
  const r = await rows<Record<string, unknown>>(
    q,
    sql`SELECT channel,
               extract(quarter FROM date_trunc('quarter', received_at AT TIME ZONE ${timeZone}))::int AS quarter,
               count(*)::int AS n,
               count(*) FILTER (WHERE ${due(asOf)})::int AS due,
               count(*) FILTER (WHERE ${onTime})::int AS on_time
        FROM cases
        WHERE agency_id = ${agencyId} AND kind = 'petition' AND ${inRange(year)}
          AND ${subKindIn(certificateCodes)} AND ${issued}
        GROUP BY 1, 2`,
  );
  return r.map((x) => ({
    channel: String(x.channel),
    quarter: int(x.quarter) as Quarter,
    n: int(x.n),
    due: int(x.due),
    onTime: int(x.on_time),
  }));
}

/** K3 (by channel): petitions of the period by type and channel. */
export async function k3ChannelCounts(
  q: Queryable,
  agencyId: string,
  range: InstantRange,
  asOf: Date,
): Promise<SubKindChannelCount[]> {
  const r = await rows<Record<string, unknown>>(
    q,
    sql`SELECT sub_kind, channel, count(*)::int AS n,
               count(*) FILTER (WHERE ${due(asOf)})::int AS due,
               count(*) FILTER (WHERE ${onTime})::int AS on_time
        FROM cases
        WHERE agency_id = ${agencyId} AND kind = 'petition' AND ${inRange(range)}
        GROUP BY 1, 2`,
  );
  return r.map((x) => ({
    subKind: String(x.sub_kind),
    channel: String(x.channel),
    n: int(x.n),
    due: int(x.due),
    onTime: int(x.on_time),
  }));
}

/** K3 (by type): petitions of the given types, this period and the same period a year earlier. */
export async function k3TypeCounts(
  q: Queryable,
  agencyId: string,
  current: InstantRange,
  previous: InstantRange,
  codes: readonly string[],
  asOf: Date,
): Promise<YearSubKindCount[]> {
  const r = await rows<Record<string, unknown>>(
    q,
    sql`SELECT received_at < ${new Date(current.from).toISOString()}::timestamptz AS previous, sub_kind,
               count(*)::int AS n,
               count(*) FILTER (WHERE ${due(asOf)})::int AS due,
               count(*) FILTER (WHERE ${onTime})::int AS on_time
        FROM cases
        WHERE agency_id = ${agencyId} AND kind = 'petition' AND ((${inRange(previous)}) OR (${inRange(current)}))
          AND ${subKindIn(codes)}
        GROUP BY 1, 2`,
  );
  return r.map((x) => ({
    previous: x.previous === true || x.previous === "t",
    subKind: String(x.sub_kind),
    n: int(x.n),
    due: int(x.due),
    onTime: int(x.on_time),
  }));
}

/** K4 (issuance): kiosk and online certificates issued, this period and a year earlier. */
export async function k4IssuanceCounts(
  q: Queryable,
  agencyId: string,
  current: InstantRange,
  previous: InstantRange,
  certificateCodes: readonly string[],
): Promise<YearChannelCount[]> {
  const r = await rows<Record<string, unknown>>(
    q,
    sql`SELECT received_at < ${new Date(current.from).toISOString()}::timestamptz AS previous, channel,
               count(*)::int AS n
        FROM cases
        WHERE agency_id = ${agencyId} AND kind = 'petition' AND ((${inRange(previous)}) OR (${inRange(current)}))
          AND channel IN ('kiosk', 'online') AND ${subKindIn(certificateCodes)} AND ${issued}
        GROUP BY 1, 2`,
  );
  return r.map((x) => ({
    previous: x.previous === true || x.previous === "t",
    channel: String(x.channel),
    n: int(x.n),
  }));
}

/** K6: disclosure requests received in the period by outcome (null = still open). */
export async function k6Counts(
  q: Queryable,
  agencyId: string,
  range: InstantRange,
  asOf: Date,
): Promise<OutcomeCount[]> {
  const r = await rows<Record<string, unknown>>(
    q,
    sql`SELECT outcome, count(*)::int AS n,
               count(*) FILTER (WHERE ${due(asOf)})::int AS due,
               count(*) FILTER (WHERE ${onTime})::int AS on_time
        FROM cases
        WHERE agency_id = ${agencyId} AND kind = 'disclosure' AND ${inRange(range)}
        GROUP BY 1`,
  );
  return r.map((x) => ({
    outcome: x.outcome === null ? null : String(x.outcome),
    n: int(x.n),
    due: int(x.due),
    onTime: int(x.on_time),
  }));
}
