// E3/E11: the default thresholds and an agency's overrides, at their boundaries (values by hand).
import assert from "node:assert/strict";
import { test } from "node:test";
import { findAnomalies, openHighFindings, type ReviewEntry, resolveAnomalyRules } from "./anomaly-rules";

// 2026-03-10 is a Tuesday; 01:00Z is 10:00 in Seoul.
const ctx = {
  timeZone: "Asia/Seoul",
  isWorkingDay: () => true,
  dayKey: () => "2026-03-10",
  roles: new Map(),
};
const reads = (n: number): ReviewEntry[] =>
  Array.from({ length: n }, (_, i) => ({
    seq: i + 1,
    occurredAt: new Date(Date.UTC(2026, 2, 10, 1, i)),
    actorId: "a1",
    action: "requests.request.read",
    subjectRef: `s${i}`,
  }));

test("E11: one account reading subjects in a day: 29 is below the default 30, 30 reaches it", () => {
  const rules = resolveAnomalyRules(null);
  assert.deepEqual(findAnomalies(reads(29), rules, ctx), []);
  const f = findAnomalies(reads(30), rules, ctx);
  assert.deepEqual(
    f.map((x) => [x.key, x.severity, x.count, x.entrySeqs.length]),
    [["many_subjects_per_day:a1:2026-03-10", "high", 30, 30]],
  );
});

test("E11: an agency's override replaces only what it names", () => {
  const rules = resolveAnomalyRules({ rules: { exports: { threshold: 2 } }, officeClose: "18:00" });
  assert.deepEqual(rules.rules.exports, { severity: "high", threshold: 2 });
  assert.deepEqual(rules.rules.many_subjects_per_day, { severity: "high", threshold: 30 });
  assert.equal(rules.officeOpen, "08:00");
  assert.equal(rules.officeClose, "18:00");
  // 18:00 Seoul (09:00Z) is off-hours once the office closes at 18:00.
  const late: ReviewEntry = {
    seq: 9,
    occurredAt: new Date("2026-03-10T09:00:00Z"),
    actorId: "a1",
    action: "x.read",
    subjectRef: "s",
  };
  assert.deepEqual(
    findAnomalies([late], rules, ctx).map((x) => x.rule),
    ["off_hours"],
  );
  assert.deepEqual(findAnomalies([late], resolveAnomalyRules(null), ctx), []);
});

test("E3: only high findings without a disposition block a sign-off", () => {
  const f = findAnomalies(reads(30), resolveAnomalyRules(null), ctx);
  assert.equal(openHighFindings(f, []).length, 1);
  assert.equal(
    openHighFindings(f, [{ key: "many_subjects_per_day:a1:2026-03-10", kind: "explained" }]).length,
    0,
  );
});
