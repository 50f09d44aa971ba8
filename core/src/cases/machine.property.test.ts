import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { computeCaseClock, type PauseInterval } from "./clock";
import {
  applyEvent,
  CASE_EVENTS,
  type CaseEvent,
  type CaseEventType,
  type CaseSnapshot,
  CaseTransitionError,
  invariantViolations,
  newCase,
} from "./machine";

const T0 = Date.UTC(2026, 0, 5, 1);
const HOUR = 3_600_000;

const eventArb: fc.Arbitrary<CaseEvent> = fc
  .record({
    type: fc.constantFrom<CaseEventType>(...CASE_EVENTS),
    dt: fc.integer({ min: 0, max: 72 }),
    reason: fc.constantFrom("", "reason", "  "),
    allowed: fc.boolean(),
    dueOffset: fc.integer({ min: -48, max: 400 }),
  })
  .map(({ type, dt, reason, allowed, dueOffset }) => {
    const at = T0 + dt * HOUR;
    switch (type) {
      case "pause":
      case "withdraw":
        return { type, at, reason };
      case "transfer":
        return { type, at, reason, to: reason ? "elsewhere" : "" };
      case "extend":
        return { type, at, reason, allowed, maxCount: 1, dueMs: at + dueOffset * HOUR };
      default:
        return { type, at } as CaseEvent;
    }
  });

/** Runs a sequence, skipping refused events; returns every accepted event and the snapshots. */
function play(events: CaseEvent[]): { accepted: CaseEvent[]; states: CaseSnapshot[] } {
  let s = newCase();
  const accepted: CaseEvent[] = [];
  const states = [s];
  for (const e of events) {
    try {
      s = applyEvent(s, e);
      accepted.push(e);
      states.push(s);
    } catch (err) {
      assert.ok(err instanceof CaseTransitionError, "refusals are typed");
    }
  }
  return { accepted, states };
}

describe("case state machine properties", () => {
  test("C7: no path reaches closed without a decision and a notification", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        const { accepted, states } = play(events);
        const last = states[states.length - 1];
        if (last.state === "closed") {
          const types = accepted.map((e) => e.type);
          const d = types.indexOf("decide");
          const n = types.indexOf("notify");
          assert.ok(d >= 0 && n > d && types.lastIndexOf("close") > n);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test("every transition sequence accepted by the machine keeps the invariants", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 40 }), (events) => {
        for (const s of play(events).states) assert.deepEqual(invariantViolations(s), []);
      }),
      { numRuns: 2000 },
    );
  });

  test("a refused event changes nothing; terminal states accept nothing", () => {
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 30 }), eventArb, (events, extra) => {
        const { states } = play(events);
        const s = states[states.length - 1];
        const before = JSON.stringify(s);
        try {
          applyEvent(s, extra);
          assert.ok(!["closed", "withdrawn", "transferred"].includes(s.state));
        } catch {
          assert.equal(JSON.stringify(s), before);
        }
      }),
      { numRuns: 1000 },
    );
  });

  test("C7: pauses never shorten a deadline (KR and TW kinds, random intervals)", () => {
    const kinds = [
      ["KR", "pipa_access", "Asia/Seoul"],
      ["KR", "pipa_correction", "Asia/Seoul"],
      ["TW", "tw_pdpa_access", "Asia/Taipei"],
      ["TW", "tw_pdpa_correction", "Asia/Taipei"],
    ] as const;
    const pauseArb = fc.record({
      start: fc.integer({ min: -24, max: 24 * 40 }),
      len: fc.integer({ min: 0, max: 24 * 20 }),
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.integer({ min: 0, max: 24 * 700 }),
        fc.array(pauseArb, { maxLength: 4 }),
        fc.boolean(),
        ([j, kind, tz], recvH, ps, open) => {
          const receivedAt = T0 + recvH * HOUR;
          const pauses: PauseInterval[] = ps.map((p, i) => ({
            from: receivedAt + p.start * HOUR,
            to: open && i === ps.length - 1 ? null : receivedAt + (p.start + p.len) * HOUR,
          }));
          const now = receivedAt + 24 * 60 * HOUR;
          const base = computeCaseClock({
            jurisdiction: j,
            deadlineKind: kind,
            receivedAt,
            timeZone: tz,
            now,
          });
          const withP = computeCaseClock({
            jurisdiction: j,
            deadlineKind: kind,
            receivedAt,
            timeZone: tz,
            now,
            pauses,
          });
          assert.ok(
            withP.dueMs >= base.dueMs,
            `${kind}: ${new Date(withP.dueMs).toISOString()} < ${new Date(base.dueMs).toISOString()}`,
          );
          // Adding one more pause never moves the date earlier either.
          if (pauses.length > 1) {
            const fewer = computeCaseClock({
              jurisdiction: j,
              deadlineKind: kind,
              receivedAt,
              timeZone: tz,
              now,
              pauses: pauses.slice(1),
            });
            assert.ok(withP.dueMs >= fewer.dueMs);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
