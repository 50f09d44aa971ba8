import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { addWorkingDays, addWorkingHours, DeadlineError, dayStatus, isWorkingDay } from "./index";

describe("calendar helpers", () => {
  test("addWorkingDays skips Lunar New Year (KR) and the bridge day (TW)", () => {
    assert.equal(addWorkingDays("2026-02-13", 1, { jurisdiction: "KR" }), "2026-02-19");
    assert.equal(addWorkingDays("2026-02-13", 1, { jurisdiction: "TW" }), "2026-02-23");
    assert.equal(addWorkingDays("2026-02-14", 0, { jurisdiction: "KR" }), "2026-02-19");
    assert.throws(() => addWorkingDays("2026-02-13", -1, { jurisdiction: "KR" }), DeadlineError);
  });

  test("addWorkingHours uses agency office hours and the zone", () => {
    const o = { jurisdiction: "KR" };
    assert.equal(addWorkingHours("2026-03-24T17:00", 2, o), "2026-03-25T10:00:00+09:00");
    const short = { jurisdiction: "KR", overrides: { officeHours: { open: "08:00", close: "12:00" } } };
    assert.equal(addWorkingHours("2026-03-24T11:00", 2, short), "2026-03-25T09:00:00+09:00");
    // A UTC instant is read in the agency's zone: 2026-03-24T08:30Z is 17:30 in Seoul.
    assert.equal(addWorkingHours("2026-03-24T08:30:00Z", 1, o), "2026-03-25T09:30:00+09:00");
  });

  test("dayStatus names the reason: holiday with source, weekend, override", () => {
    const s = dayStatus("2026-06-03", { jurisdiction: "KR" });
    assert.equal(s.working, false);
    assert.equal(s.reason?.kind, "holiday");
    assert.equal(dayStatus("2026-06-06", { jurisdiction: "KR" }).reason?.kind, "holiday");
    assert.equal(dayStatus("2026-06-13", { jurisdiction: "KR" }).reason?.kind, "weekend");
    const closed = {
      jurisdiction: "KR",
      overrides: { closures: [{ date: "2026-05-01", reason: "노동절 (agency closure)" }] },
    };
    assert.equal(isWorkingDay("2026-05-01", closed), false);
    assert.equal(isWorkingDay("2026-05-01", { jurisdiction: "KR" }), true);
  });
});

describe("years the packs do not fully know", () => {
  test("C7: a KR deadline in 2027 is flagged (verify): election days are only listed through 2026", async () => {
    const { computeDeadline } = await import("./index");
    assert.equal(
      computeDeadline({ jurisdiction: "KR", kind: "pipa_access", received: "2026-03-23" }).verify,
      false,
    );
    const r = computeDeadline({ jurisdiction: "KR", kind: "pipa_access", received: "2027-03-23" });
    assert.equal(r.verify, true);
    assert.ok(r.explanation.some((s) => s.step === "verify" && s.detail.startsWith("2027")));
  });
});
