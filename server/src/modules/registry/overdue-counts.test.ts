// Issue 11 item 8: the dashboard counts what is overdue per category, on the agency's own calendar.
// Fixture dates are written by hand around a fixed "now"; nothing is computed from the code under test.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import {
  registryCampaignItems,
  registryCampaigns,
  registryCorrectiveActions,
  registryEntrustments,
  registryFiles,
  registryRiskAssessments,
  registrySupervisions,
} from "../../db/schema";
import { createTestApp, type TestApp } from "../../test-support/app";
import { onPostgres } from "../../test-support/db";
import { todayIn } from "./context";
import { overdueCounts } from "./overdue-counts";

let t: TestApp;
/** 2026-06-15 00:30 in Seoul, 2026-06-14 23:30 in Taipei. */
const NOW = new Date("2026-06-14T15:30:00Z");

async function fixtures(agencyId: string, unitId: string) {
  const db = t.deps.database.db;
  const file = async (name: string, o: Partial<typeof registryFiles.$inferInsert> = {}) => {
    const [f] = await db
      .insert(registryFiles)
      .values({ agencyId, unitId, name, processingMethod: "electronic", isPublic: false, ...o })
      .returning();
    return f.id;
  };
  // File reviews: 13 June passed; 15 June is "today" in Seoul (not yet overdue); a retired file never counts.
  await file("review passed", { nextReviewOn: "2026-06-13" });
  await file("review today", { nextReviewOn: "2026-06-15" });
  await file("review retired", { nextReviewOn: "2026-01-01", status: "retired" });
  // Risk re-assessment: only the latest assessment of a file counts.
  const risky = await file("risk overdue");
  const renewed = await file("risk renewed");
  const risk = (fileId: string, assessedOn: string, nextReviewOn: string) =>
    db.insert(registryRiskAssessments).values({
      agencyId,
      fileId,
      scores: {},
      mean: "2.00",
      level: "medium",
      assessedOn,
      nextReviewOn,
    });
  await risk(risky, "2025-06-01", "2026-06-01");
  await risk(renewed, "2025-06-01", "2026-06-01");
  await risk(renewed, "2026-06-10", "2027-06-10");
  // Contracts: one ended on 14 June and is still active (overdue in Seoul, due today in Taipei), one ended long ago but was terminated.
  const [ent] = await db
    .insert(registryEntrustments)
    .values({ agencyId, seq: 1, vendor: "Vendor one", tasks: "mailing", contractEnd: "2026-06-14" })
    .returning();
  await db.insert(registryEntrustments).values({
    agencyId,
    seq: 2,
    vendor: "Vendor two",
    tasks: "printing",
    contractEnd: "2026-01-31",
    status: "terminated",
  });
  // Corrective actions: one past due, one done, one due later.
  const [sup] = await db
    .insert(registrySupervisions)
    .values({ agencyId, entrustmentId: ent.id, inspectedOn: "2026-05-01", inspector: "x", findings: "y" })
    .returning();
  const action = (dueOn: string, doneOn: string | null) =>
    db.insert(registryCorrectiveActions).values({
      agencyId,
      supervisionId: sup.id,
      entrustmentId: ent.id,
      action: "fix",
      dueOn,
      doneOn,
    });
  await action("2026-06-10", null);
  await action("2026-06-10", "2026-06-09");
  await action("2026-07-01", null);
  // Campaign due 12 June: two items still pending, one confirmed.
  const [camp] = await db
    .insert(registryCampaigns)
    .values({ agencyId, title: "2026 inventory", dueOn: "2026-06-12" })
    .returning();
  const items = [await file("inv 1"), await file("inv 2"), await file("inv 3")];
  await db.insert(registryCampaignItems).values([
    { agencyId, campaignId: camp.id, fileId: items[0], unitId },
    { agencyId, campaignId: camp.id, fileId: items[1], unitId },
    { agencyId, campaignId: camp.id, fileId: items[2], unitId, status: "confirmed" },
  ]);
  // Publication: public, registered 1 May (more than a month before), not published.
  await file("public late", { isPublic: true, registeredOn: "2026-05-01" });
  await file("public recent", { isPublic: true, registeredOn: "2026-06-01" });
}

before(async () => {
  t = await createTestApp();
  await fixtures(t.a.id, t.a.unitId);
  await fixtures(t.b.id, t.b.unitId);
});
after(async () => t.close());

describe(`overdue counts on ${onPostgres ? "PostgreSQL" : "PGlite"}`, () => {
  test("B4/B9/E10: the agency's date decides: Seoul is already on 15 June, Taipei still on 14 June", () => {
    assert.equal(todayIn("Asia/Seoul", NOW), "2026-06-15");
    assert.equal(todayIn("Asia/Taipei", NOW), "2026-06-14");
  });

  test("B4/B9/E10: overdue per category for a Seoul agency (today 2026-06-15)", async () => {
    assert.deepEqual(await overdueCounts(t.deps.database.db, t.a.id, todayIn("Asia/Seoul", NOW)), {
      fileReviews: 1,
      riskReviews: 1,
      contracts: 1,
      correctiveActions: 1,
      campaignItems: 2,
      publication: 1,
    });
  });

  test("B4/B9/E10: the same dates for a Taipei agency (today 2026-06-14): the contract ending today is not overdue", async () => {
    assert.deepEqual(await overdueCounts(t.deps.database.db, t.b.id, todayIn("Asia/Taipei", NOW)), {
      fileReviews: 1,
      riskReviews: 1,
      contracts: 0,
      correctiveActions: 1,
      campaignItems: 2,
      publication: 1,
    });
  });

  test("B4/B9/E10: the dashboard carries the counts and the agency's date", async () => {
    const res = await t.inject({
      method: "GET",
      url: "/api/registry/dashboard",
      headers: await t.as("auditor"),
    });
    assert.equal(res.statusCode, 200, res.body);
    const d = res.json() as { today: string; overdueCounts: Record<string, number> };
    assert.equal(d.today, todayIn("Asia/Seoul"));
    assert.deepEqual(Object.keys(d.overdueCounts).sort(), [
      "campaignItems",
      "contracts",
      "correctiveActions",
      "fileReviews",
      "publication",
      "riskReviews",
    ]);
  });
});
