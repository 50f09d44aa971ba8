import { OPEN_STATES } from "@civicpims/core/cases/index";
import { and, asc, desc, eq, gte, inArray, isNull, like, lt, lte, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { casePauses, cases } from "../../db/schema";
import { type CaseRow, caseView } from "./case.service";

export interface CaseListFilter {
  kind?: CaseRow["kind"];
  states?: CaseRow["state"][];
  unitId?: string;
  assigneeId?: string;
  dueFrom?: Date;
  dueTo?: Date;
  overdue?: boolean;
  q?: string;
  sort?: "due" | "received";
  page: number;
  pageSize: number;
}

const RUNNING = OPEN_STATES.filter((s) => s !== "waiting_requester") as CaseRow["state"][];

export function caseFilter(
  agencyId: string,
  f: Omit<CaseListFilter, "page" | "pageSize" | "sort">,
  now = new Date(),
) {
  const where: SQL[] = [eq(cases.agencyId, agencyId)];
  if (f.kind) where.push(eq(cases.kind, f.kind));
  if (f.states?.length) where.push(inArray(cases.state, f.states));
  if (f.unitId) where.push(eq(cases.unitId, f.unitId));
  if (f.assigneeId) where.push(eq(cases.assigneeId, f.assigneeId));
  if (f.dueFrom) where.push(gte(cases.dueAt, f.dueFrom));
  if (f.dueTo) where.push(lte(cases.dueAt, f.dueTo));
  if (f.overdue) where.push(inArray(cases.state, RUNNING), lt(cases.dueAt, now));
  if (f.q) where.push(like(cases.number, `${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  return and(...where) as SQL;
}

/** Totals are counted exactly up to this many; beyond it the list says "10,000+" (totalCapped). */
export const LIST_COUNT_CAP = 10_000;

/**
 * One page of cases (index-ordered, LIMIT) and the total, counted up to LIST_COUNT_CAP so a page stays fast
 * at hundreds of thousands of cases. Only case columns: the list shows numbers, states and dates, no
 * personal data.
 */
export async function listCases(q: Queryable, agencyId: string, f: CaseListFilter, now = new Date()) {
  const where = caseFilter(agencyId, f, now);
  const order =
    f.sort === "received" ? [desc(cases.receivedAt), desc(cases.id)] : [asc(cases.dueAt), asc(cases.id)];
  const capped = q
    .select({ one: sql`1` })
    .from(cases)
    .where(where)
    .limit(LIST_COUNT_CAP + 1)
    .as("capped");
  // Page and capped count are sent together (issue 10): on PostgreSQL they run on two pooled
  // connections at once, so a page costs one round trip instead of two; PGlite queues them.
  const [rows, [counted]] = await Promise.all([
    q
      .select()
      .from(cases)
      .where(where)
      .orderBy(...order)
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    q.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(capped),
  ]);
  const total = counted.n;
  const t = now.getTime();
  return {
    items: rows.map((c) => caseView(c, t)),
    total: Math.min(total, LIST_COUNT_CAP),
    totalCapped: total > LIST_COUNT_CAP,
    page: f.page,
    pageSize: f.pageSize,
  };
}

/** Overdue dashboard: overdue running cases, cases due within `soonDays`, and counts per unit. */
export async function overdueDashboard(
  q: Queryable,
  agencyId: string,
  opts: { unitId?: string; soonDays: number },
  now = new Date(),
) {
  const soon = new Date(now.getTime() + opts.soonDays * 86_400_000);
  const base = [eq(cases.agencyId, agencyId), inArray(cases.state, RUNNING)];
  if (opts.unitId) base.push(eq(cases.unitId, opts.unitId));
  const overdue = await q
    .select()
    .from(cases)
    .where(and(...base, lt(cases.dueAt, now)))
    .orderBy(asc(cases.dueAt))
    .limit(200);
  const dueSoon = await q
    .select()
    .from(cases)
    .where(and(...base, gte(cases.dueAt, now), lte(cases.dueAt, soon)))
    .orderBy(asc(cases.dueAt))
    .limit(200);
  const byUnit = await q
    .select({
      unitId: cases.unitId,
      open: sql<number>`count(*)`.mapWith(Number),
      overdue:
        sql<number>`count(*) filter (where ${cases.dueAt} < ${now} and ${cases.state} <> 'waiting_requester')`.mapWith(
          Number,
        ),
      dueSoon:
        sql<number>`count(*) filter (where ${cases.dueAt} >= ${now} and ${cases.dueAt} <= ${soon} and ${cases.state} <> 'waiting_requester')`.mapWith(
          Number,
        ),
    })
    .from(cases)
    .where(
      and(
        eq(cases.agencyId, agencyId),
        inArray(cases.state, OPEN_STATES as CaseRow["state"][]),
        ...(opts.unitId ? [eq(cases.unitId, opts.unitId)] : []),
      ),
    )
    .groupBy(cases.unitId);
  // C6: waiting for the requester past the date set to remedy (限期補正): staff decide (usually a rejection).
  const remedyExpired = await q
    .select({ c: cases, requesterDeadline: casePauses.requesterDeadline })
    .from(cases)
    .innerJoin(casePauses, and(eq(casePauses.caseId, cases.id), isNull(casePauses.endedAt)))
    .where(
      and(
        eq(cases.agencyId, agencyId),
        eq(cases.state, "waiting_requester"),
        lt(casePauses.requesterDeadline, now),
        ...(opts.unitId ? [eq(cases.unitId, opts.unitId)] : []),
      ),
    )
    .orderBy(asc(casePauses.requesterDeadline))
    .limit(200);
  const t = now.getTime();
  return {
    overdue: overdue.map((c) => caseView(c, t)),
    dueSoon: dueSoon.map((c) => caseView(c, t)),
    remedyExpired: remedyExpired.map((r) => ({
      ...caseView(r.c, t),
      requesterDeadline: r.requesterDeadline?.toISOString() ?? null,
    })),
    byUnit,
  };
}
