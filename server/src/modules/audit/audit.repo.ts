import { and, count, desc, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { ledgerCheckpoints, ledgerEntries } from "../../db/schema";

export interface LedgerFilter {
  actor?: string;
  subjectRef?: string;
  /** Any of these blind indexes (one person may be indexed under several keys). */
  subjectRefs?: string[];
  /** The staff member who acted (their id; `actor` matches the user name). */
  actorId?: string;
  action?: string;
  result?: "ok" | "denied" | "failed";
  from?: Date;
  to?: Date;
}

function where(agencyId: string, f: LedgerFilter): SQL | undefined {
  const conds: SQL[] = [eq(ledgerEntries.agencyId, agencyId)];
  if (f.actor) conds.push(eq(ledgerEntries.actorLabel, f.actor));
  if (f.subjectRef) conds.push(eq(ledgerEntries.subjectRef, f.subjectRef));
  if (f.subjectRefs) conds.push(inArray(ledgerEntries.subjectRef, f.subjectRefs));
  if (f.actorId) conds.push(eq(ledgerEntries.actorId, f.actorId));
  if (f.action) conds.push(eq(ledgerEntries.action, f.action));
  if (f.result) conds.push(eq(ledgerEntries.result, f.result));
  if (f.from) conds.push(gte(ledgerEntries.occurredAt, f.from));
  if (f.to) conds.push(lt(ledgerEntries.occurredAt, f.to));
  return and(...conds);
}

/** The agency's own entries only: an auditor never sees another agency's trail. */
export async function searchLedger(
  q: Queryable,
  agencyId: string,
  f: LedgerFilter,
  page: number,
  pageSize: number,
) {
  const w = where(agencyId, f);
  const [{ total }] = await q.select({ total: count() }).from(ledgerEntries).where(w);
  const items = await q
    .select()
    .from(ledgerEntries)
    .where(w)
    .orderBy(desc(ledgerEntries.seq))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  return { items, total: Number(total), page, pageSize };
}

export async function* iterateLedger(q: Queryable, agencyId: string, f: LedgerFilter, batch = 2000) {
  for (let offset = 0; ; offset += batch) {
    const rows = await q
      .select()
      .from(ledgerEntries)
      .where(where(agencyId, f))
      .orderBy(ledgerEntries.seq)
      .limit(batch)
      .offset(offset);
    if (!rows.length) return;
    yield* rows;
    if (rows.length < batch) return;
  }
}

export async function listCheckpoints(q: Queryable) {
  return q.select().from(ledgerCheckpoints).orderBy(desc(ledgerCheckpoints.seq)).limit(500);
}
