import assert from "node:assert/strict";
import { test } from "node:test";
import {
  addMonths,
  approvalRefusal,
  batches,
  type Candidate,
  certificateNumber,
  checkOwnRule,
  cutoffFor,
  draftPlans,
  dueOn,
  isDue,
  legalMinimum,
  mayAccessSeparate,
  reviewOverdue,
} from "./index";

test("D1/D2: due date is start + period, clamped at month end; permanent or no start is never due", () => {
  assert.equal(addMonths("2024-02-29", 12), "2025-02-28");
  assert.equal(addMonths("2020-03-15", 36), "2023-03-15");
  assert.equal(addMonths("2023-01-31", 1), "2023-02-28");
  assert.equal(addMonths("2023-03-15", -36), "2020-03-15");
  const rule = { periodMonths: 36, startEvent: "collection" as const };
  assert.equal(dueOn(rule, "2020-03-15"), "2023-03-15");
  assert.equal(isDue(rule, "2020-03-15", "2023-03-14"), false);
  assert.equal(isDue(rule, "2020-03-15", "2023-03-15"), true);
  assert.equal(isDue({ periodMonths: null, startEvent: "collection" }, "1990-01-01", "2026-01-01"), false);
  assert.equal(isDue(rule, null, "2026-01-01"), false);
  assert.equal(cutoffFor({ periodMonths: 60, startEvent: "last_contact" }, "2026-05-20"), "2021-05-20");
});

test("D1: the ledger keeps at least the longest legal minimum of the rule pack (KR 24 months, TW 60)", () => {
  assert.equal(legalMinimum("KR", "ledger")?.months, 24);
  assert.equal(legalMinimum("TW", "ledger")?.months, 60);
  assert.match(legalMinimum("TW", "ledger")?.citation ?? "", /004 三十九/);
  assert.deepEqual(checkOwnRule("KR", "ledger", 12), {
    code: "below_minimum",
    minimumMonths: 24,
    citation: legalMinimum("KR", "ledger")?.citation,
  });
  assert.equal(checkOwnRule("KR", "ledger", 24), null);
  assert.equal(checkOwnRule("TW", "ledger", 59)?.minimumMonths, 60);
  assert.equal(checkOwnRule("TW", "ledger", null), null);
});

test("D2/D3: plans group by source, unit and file with counts; held candidates are left out", () => {
  const c = (id: string, unit: string, file: string | null, subjects: number, held = false): Candidate => ({
    targetType: "record",
    targetId: id,
    unitId: unit,
    fileId: file,
    source: "records",
    subjects,
    held,
  });
  const plans = draftPlans([
    c("1", "u1", "f1", 1),
    c("2", "u1", "f1", 2),
    c("3", "u2", null, 0),
    c("4", "u1", "f1", 5, true),
  ]);
  assert.equal(plans.length, 2);
  assert.deepEqual(
    plans.map((p) => [p.unitId, p.fileId, p.itemCount, p.subjectCount]),
    [
      ["u1", "f1", 2, 3],
      ["u2", null, 1, 0],
    ],
  );
});

test("D4/D6: the requester cannot approve; a draft cannot be approved; TW needs assessment and handover", () => {
  const p = { status: "submitted" as const, requestedBy: "s1", assessedAt: null, holdingUnitId: null };
  assert.equal(approvalRefusal(p, "s1", "KR"), "own_plan");
  assert.equal(approvalRefusal(p, "s2", "KR"), null);
  assert.equal(approvalRefusal({ ...p, status: "draft" }, "s2", "KR"), "not_submitted");
  assert.equal(approvalRefusal(p, "s2", "TW"), "tw_assessment_missing");
  assert.equal(approvalRefusal({ ...p, assessedAt: "2026-01-02", holdingUnitId: "u9" }, "s2", "TW"), null);
});

test("D5/D3: batches, certificate numbers, review dates, separate-storage roles", () => {
  assert.deepEqual(batches([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
  assert.throws(() => batches([1], 0));
  assert.equal(certificateNumber(2026, 42), "DC-2026-000042");
  assert.equal(reviewOverdue("2026-01-01", "2026-01-02"), true);
  assert.equal(reviewOverdue("2026-01-02", "2026-01-02"), false);
  assert.equal(reviewOverdue(null, "2026-01-02"), false);
  assert.equal(mayAccessSeparate(["privacy_officer"], ["handler"]), false);
  assert.equal(mayAccessSeparate(["privacy_officer"], ["handler", "privacy_officer"]), true);
});
