import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { catalogueOf } from "../jurisdictions/index";
import { analyseCompensation, approvalProblem, type CompensationFact, paymentProblem } from "./compensation";
import { type FilingFact, familyRegisterReport } from "./family-register";
import { isCurrent } from "./roster";

describe("civil affairs (core)", () => {
  test("I4/K9: analysis by loss type and unit, hand-counted (period bounds inclusive, currencies apart)", () => {
    const f = (
      lossType: string,
      unitId: string | null,
      occurredOn: string,
      amount: number,
      status: CompensationFact["status"] = "recorded",
      currency = "KRW",
    ): CompensationFact => ({ lossType, unitId, occurredOn, amount, currency, status });
    const facts = [
      f("economic", "u1", "2026-01-01", 10000, "paid"), // first day: in
      f("economic", "u2", "2026-02-10", 5000),
      f("time", "u1", "2026-03-31", 3000, "approved"), // last day: in
      f("time", "u1", "2026-04-01", 99999, "paid"), // after the period: out
      f("economic", "u1", "2025-12-31", 77777), // before: out
      f("other", null, "2026-02-01", 200, "paid", "TWD"),
    ];
    const a = analyseCompensation(facts, "2026-01-01", "2026-03-31");
    // By hand: 4 records in the period; KRW 10000+5000+3000 = 18000, TWD 200; paid: KRW 10000, TWD 200.
    assert.deepEqual(a.total, {
      key: null,
      count: 4,
      paidCount: 2,
      amount: { KRW: 18000, TWD: 200 },
      paid: { KRW: 10000, TWD: 200 },
    });
    assert.deepEqual(a.byLossType, [
      { key: "economic", count: 2, paidCount: 1, amount: { KRW: 15000 }, paid: { KRW: 10000 } },
      { key: "other", count: 1, paidCount: 1, amount: { TWD: 200 }, paid: { TWD: 200 } },
      { key: "time", count: 1, paidCount: 0, amount: { KRW: 3000 }, paid: {} },
    ]);
    assert.deepEqual(a.byUnit, [
      { key: null, count: 1, paidCount: 1, amount: { TWD: 200 }, paid: { TWD: 200 } },
      { key: "u1", count: 2, paidCount: 1, amount: { KRW: 13000 }, paid: { KRW: 10000 } },
      { key: "u2", count: 1, paidCount: 0, amount: { KRW: 5000 }, paid: {} },
    ]);
  });

  test("I4: the recorder cannot approve; payment only after approval and not before its day", () => {
    assert.equal(
      approvalProblem({ status: "recorded", recordedBy: "s1" }, "s1"),
      "civil.compensation.self_approval",
    );
    assert.equal(approvalProblem({ status: "recorded", recordedBy: "s1" }, "s2"), null);
    assert.equal(
      approvalProblem({ status: "paid", recordedBy: "s1" }, "s2"),
      "civil.compensation.not_pending",
    );
    assert.equal(
      paymentProblem({ status: "recorded", recordedBy: "s1" }, "2026-01-05"),
      "civil.compensation.not_approved",
    );
    const approved = { status: "approved" as const, recordedBy: "s1", approvedOn: "2026-01-05" };
    assert.equal(paymentProblem(approved, "2026-01-04"), "civil.compensation.paid_before_approval");
    assert.equal(paymentProblem(approved, "2026-01-05"), null);
  });

  test("I4/K9: the loss types are rule-pack data; seed 003 names economic and time loss, the rest is marked verify", () => {
    const kr = catalogueOf("KR", "compensationLossTypes");
    assert.ok(kr);
    const byCode = new Map(kr.entries.map((e) => [e.code, e]));
    assert.equal(byCode.get("economic")?.names.ko, "경제적 손해");
    assert.equal(byCode.get("time")?.verify, undefined);
    assert.equal(byCode.get("travel")?.verify, true);
    assert.ok(catalogueOf("TW", "compensationLossTypes")?.entries.every((e) => e.verify));
  });

  test("K7/I7: family-register filings by kind and quarter, hand-counted", () => {
    const f = (kind: FilingFact["kind"], filedOn: string, noticeOn: string | null = null): FilingFact => ({
      kind,
      filedOn,
      noticeOn,
    });
    const r = familyRegisterReport(
      [
        f("birth", "2026-01-02", "2026-01-05"),
        f("birth", "2026-03-31"),
        f("birth", "2026-04-01", "2026-04-03"),
        f("marriage", "2026-06-30"),
        f("transfer", "2026-07-01", "2026-07-02"),
        f("death", "2026-12-31"),
        f("divorce", "2025-12-31"), // other year
        f("birth", "2027-01-01"), // other year
      ],
      2026,
    );
    const row = (k: string) => r.rows.find((x) => x.kind === k);
    assert.deepEqual(row("birth"), { kind: "birth", quarters: [2, 1, 0, 0], total: 3, notified: 2 });
    assert.deepEqual(row("marriage")?.quarters, [0, 1, 0, 0]);
    assert.deepEqual(row("transfer")?.quarters, [0, 0, 1, 0]);
    assert.deepEqual(row("death")?.quarters, [0, 0, 0, 1]);
    assert.deepEqual(row("divorce"), { kind: "divorce", quarters: [0, 0, 0, 0], total: 0, notified: 0 });
    assert.deepEqual(r.total, [2, 2, 1, 1]);
    assert.equal(r.grandTotal, 6);
    assert.equal(r.notified, 3);
    assert.equal(r.rows.length, 6);
  });

  test("A17/I5: a designation is current from its first to its last day", () => {
    const d = { validFrom: "2026-01-01", validTo: "2026-06-30" };
    assert.equal(isCurrent(d, "2025-12-31"), false);
    assert.equal(isCurrent(d, "2026-01-01"), true);
    assert.equal(isCurrent(d, "2026-06-30"), true);
    assert.equal(isCurrent(d, "2026-07-01"), false);
    assert.equal(isCurrent({ validFrom: "2026-01-01", validTo: null }, "2099-01-01"), true);
  });
});
