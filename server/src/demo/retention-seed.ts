import { and, eq } from "drizzle-orm";
import { recordSeries, records, staff } from "../db/schema";
import type { AppDeps } from "../http/deps";
import { appendLedger, type LedgerInput } from "../modules/audit/ledger.service";
import * as svc from "../modules/records/records.service";
import { todayIn } from "../modules/registry/context";

// Demo retention (issue 13, D2-D5) for hanbit-city: two visitor logs of the 1-year series closed three and four
// years ago whose expiry review approved destruction (proposed by a handler, approved by the records manager as
// the permissions grid has it: J5 needs two people), so the records are "destruction_pending" and the retention sweep has something
// due. The sweep itself is not run here: the screen's "run the sweep now" (or the daily job) drafts the plan.
// Two records and two reviews through the records service: a handful of statements at start.

export const RETENTION_DEMO_REFS = ["HB-VIS-003", "HB-VIS-004"] as const;

export async function seedRetentionDemo(deps: AppDeps, agencyId: string | undefined): Promise<number> {
  if (!agencyId) return 0;
  return deps.database.db.transaction(async (tx) => {
    const [series] = await tx
      .select({ id: recordSeries.id })
      .from(recordSeries)
      .where(and(eq(recordSeries.agencyId, agencyId), eq(recordSeries.code, "HB-VIS")));
    if (!series) return 0;
    // Idempotent: the first record present means the seed ran.
    const [exists] = await tx
      .select({ id: records.id })
      .from(records)
      .where(and(eq(records.agencyId, agencyId), eq(records.refNo, RETENTION_DEMO_REFS[0])));
    if (exists) return 0;
    const who = async (username: string) => {
      const [s] = await tx
        .select({ id: staff.id })
        .from(staff)
        .where(and(eq(staff.agencyId, agencyId), eq(staff.username, username)));
      if (!s) throw new Error(`demo staff missing: ${username}`);
      return s.id;
    };
    const proposer = await who("handler.park");
    const manager = await who("records.jung");
    const year = Number(todayIn("Asia/Seoul").slice(0, 4));
    const ledger: LedgerInput[] = [];
    const actor = (actorId: string) => ({ agencyId, actorId, actorLabel: "civicpims seed-demo" });
    for (const [i, refNo] of RETENTION_DEMO_REFS.entries()) {
      const yearsAgo = 3 + i;
      const rec = await svc.createRecord(tx, agencyId, manager, {
        seriesId: series.id,
        refNo,
        title: `청사 출입 기록부 (${yearsAgo}년 전)`,
        producedOn: `${year - yearsAgo}-01-02`,
        closedOn: `${year - yearsAgo}-12-20`,
        quantity: 1,
        location: "행정지원과 문서함",
      });
      ledger.push({
        ...actor(manager),
        action: "records.record.create",
        resourceType: "record",
        resourceId: rec.id,
      });
      const rev = await svc.proposeReview(tx, agencyId, proposer, {
        recordId: rec.id,
        decision: "destroy",
        reason: "보존기간(1년) 경과, 계속 보존할 가치 없음",
      });
      ledger.push({
        ...actor(proposer),
        action: "records.review.propose",
        resourceType: "record_review",
        resourceId: rev.id,
      });
      await svc.approveReview(tx, agencyId, manager, rev.id);
      ledger.push({
        ...actor(manager),
        action: "records.review.approve",
        resourceType: "record_review",
        resourceId: rev.id,
      });
    }
    await appendLedger(tx, ledger, deps.ledger);
    return RETENTION_DEMO_REFS.length;
  });
}
