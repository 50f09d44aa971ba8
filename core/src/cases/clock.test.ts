import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { DeadlineError } from "../calendar/errors";
import { computeCaseClock, extensionErrorCode } from "./clock";

const seoul = (iso: string) => Date.parse(`${iso}+09:00`);
const taipei = (iso: string) => Date.parse(`${iso}+08:00`);
const iso = (ms: number, off: number) => new Date(ms + off * 3_600_000).toISOString().slice(0, 16);

describe("case clock", () => {
  test("C7: KR access received Mon 2026-03-23 is due at the end of Thu 04-02 (Seoul)", () => {
    const c = computeCaseClock({
      jurisdiction: "KR",
      deadlineKind: "pipa_access",
      receivedAt: seoul("2026-03-23T10:00"),
      timeZone: "Asia/Seoul",
      now: seoul("2026-03-23T10:00"),
    });
    assert.equal(iso(c.dueMs, 9), "2026-04-02T23:59");
    assert.equal(c.paused, false);
  });

  test("C7: a closed 3-day pause moves the KR due date by 3 days; an open pause runs until now", () => {
    const receivedAt = seoul("2026-03-23T10:00");
    const closed = computeCaseClock({
      jurisdiction: "KR",
      deadlineKind: "pipa_access",
      receivedAt,
      timeZone: "Asia/Seoul",
      now: seoul("2026-04-10T10:00"),
      pauses: [{ from: seoul("2026-03-24T09:00"), to: seoul("2026-03-27T09:00") }],
    });
    assert.equal(iso(closed.dueMs, 9), "2026-04-06T23:59"); // 04-05 is a Sunday: moved to Monday (§161)
    const open = computeCaseClock({
      jurisdiction: "KR",
      deadlineKind: "pipa_access",
      receivedAt,
      timeZone: "Asia/Seoul",
      now: seoul("2026-03-27T09:00"),
      pauses: [{ from: seoul("2026-03-24T09:00"), to: null }],
    });
    assert.equal(open.paused, true);
    assert.equal(open.dueMs, closed.dueMs);
  });

  test("C7: TW access 15 days + one 15-day extension decided before the due date (002 第14點)", () => {
    const receivedAt = taipei("2026-03-02T10:00");
    const base = computeCaseClock({
      jurisdiction: "TW",
      deadlineKind: "tw_pdpa_access",
      receivedAt,
      timeZone: "Asia/Taipei",
      now: receivedAt,
    });
    const ext = computeCaseClock({
      jurisdiction: "TW",
      deadlineKind: "tw_pdpa_access",
      receivedAt,
      timeZone: "Asia/Taipei",
      now: receivedAt,
      extension: { reason: "volume", at: taipei("2026-03-10T10:00") },
    });
    assert.equal(ext.originalDueMs, base.dueMs);
    assert.ok(ext.dueMs - base.dueMs >= 14 * 86_400_000);
    assert.ok(ext.explanation.some((s) => s.step === "extension" && s.detail.includes("volume")));
  });

  test("C7: an extension after the due date and one on a kind without extension are refused", () => {
    const receivedAt = taipei("2026-03-02T10:00");
    try {
      computeCaseClock({
        jurisdiction: "TW",
        deadlineKind: "tw_pdpa_access",
        receivedAt,
        timeZone: "Asia/Taipei",
        now: receivedAt,
        extension: { reason: "late", at: taipei("2026-04-30T10:00") },
      });
      assert.fail("accepted");
    } catch (e) {
      assert.equal(extensionErrorCode(e), "extension_after_due");
    }
    try {
      computeCaseClock({
        jurisdiction: "KR",
        deadlineKind: "pipa_correction",
        receivedAt,
        timeZone: "Asia/Seoul",
        now: receivedAt,
        extension: { reason: "x", at: receivedAt },
      });
      assert.fail("accepted");
    } catch (e) {
      assert.equal(extensionErrorCode(e), "extension_not_allowed");
    }
    assert.equal(extensionErrorCode(new DeadlineError("BAD_INPUT", "x")), null);
  });
});
