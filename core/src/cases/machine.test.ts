import assert from "node:assert/strict";
import { describe, test } from "node:test";
import {
  allowedEvents,
  applyEvent,
  type CaseEvent,
  CaseTransitionError,
  invariantViolations,
  newCase,
} from "./machine";

const at = Date.UTC(2026, 2, 23, 1);
const run = (events: CaseEvent[]) => events.reduce(applyEvent, newCase());
const err = (fn: () => unknown, code: string) =>
  assert.throws(fn, (e: unknown) => e instanceof CaseTransitionError && e.code === code);

describe("case state machine", () => {
  test("C5, C7: the full path received -> identity_check -> in_review -> decided -> notified -> closed", () => {
    const s = run([
      { type: "start_identity_check", at },
      { type: "verify_identity", at },
      { type: "decide", at },
      { type: "notify", at },
      { type: "close", at },
    ]);
    assert.equal(s.state, "closed");
    assert.deepEqual(invariantViolations(s), []);
  });

  test("C6: waiting for the requester pauses and resumes to the state it left", () => {
    let s = run([
      { type: "verify_identity", at },
      { type: "extend", at, reason: "r", dueMs: at + 1, allowed: true, maxCount: 1 },
    ]);
    s = applyEvent(s, { type: "pause", at, reason: "補正" });
    assert.equal(s.state, "waiting_requester");
    assert.equal(s.pausedFrom, "extended");
    s = applyEvent(s, { type: "resume", at: at + 5 });
    assert.equal(s.state, "extended");
    assert.equal(s.pausedFrom, null);
  });

  test("illegal transitions are refused with a typed error listing what is allowed", () => {
    try {
      applyEvent(newCase(), { type: "close", at });
      assert.fail("accepted");
    } catch (e) {
      assert.ok(e instanceof CaseTransitionError);
      assert.equal(e.code, "illegal_transition");
      assert.deepEqual(e.details.allowed, allowedEvents("received"));
    }
    err(() => applyEvent(newCase(), { type: "notify", at }), "illegal_transition");
    err(
      () =>
        run([
          { type: "withdraw", at, reason: "x" },
          { type: "verify_identity", at },
        ]),
      "illegal_transition",
    );
  });

  test("C7: a second extension is refused, whatever the state", () => {
    const ext = { type: "extend" as const, at, reason: "r", dueMs: at + 1000, allowed: true, maxCount: 1 };
    const s = run([{ type: "verify_identity", at }, ext]);
    err(() => applyEvent(s, ext), "extension_limit");
    const paused = applyEvent(s, { type: "pause", at, reason: "x" });
    err(() => applyEvent(paused, ext), "extension_limit");
  });

  test("C7: an extension after the due date, without a reason or not allowed by the rule is refused", () => {
    const s = run([{ type: "verify_identity", at }]);
    err(
      () =>
        applyEvent(s, { type: "extend", at: at + 2, reason: "r", dueMs: at + 1, allowed: true, maxCount: 1 }),
      "extension_after_due",
    );
    err(
      () => applyEvent(s, { type: "extend", at, reason: " ", dueMs: at + 1, allowed: true, maxCount: 1 }),
      "reason_required",
    );
    err(
      () => applyEvent(s, { type: "extend", at, reason: "r", dueMs: at + 1, allowed: false, maxCount: 0 }),
      "extension_not_allowed",
    );
  });

  test("withdrawal and transfer need a reason and end the case", () => {
    err(() => applyEvent(newCase(), { type: "withdraw", at, reason: "" }), "reason_required");
    err(() => applyEvent(newCase(), { type: "transfer", at, reason: "r", to: "" }), "reason_required");
    const s = applyEvent(newCase(), { type: "transfer", at, reason: "r", to: "other agency" });
    assert.equal(s.state, "transferred");
    assert.deepEqual(allowedEvents(s.state), []);
  });

  test("the input snapshot is never modified", () => {
    const s = newCase();
    const copy = { ...s };
    applyEvent(s, { type: "verify_identity", at });
    assert.deepEqual(s, copy);
  });
});
