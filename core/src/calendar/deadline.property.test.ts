import assert from "node:assert/strict";
import { describe, test } from "node:test";
import fc from "fast-check";
import { type ComputeDeadlineInput, computeDeadline } from "./index";

// Receipts anywhere in 2025-2026 (both official calendars), at any minute of the day.
const START = Date.parse("2025-01-01T00:00:00Z");
const SPAN_MIN = 2 * 365 * 24 * 60;
const receivedArb = fc.integer({ min: 0, max: SPAN_MIN }).map((m) => START + m * 60_000);

type Case = Pick<ComputeDeadlineInput, "jurisdiction" | "kind" | "days" | "hours">;
const caseArb: fc.Arbitrary<Case> = fc.oneof(
  fc.constantFrom<Case>(
    { jurisdiction: "KR", kind: "pipa_access" },
    { jurisdiction: "KR", kind: "pipa_correction" },
    { jurisdiction: "KR", kind: "foi" },
    { jurisdiction: "TW", kind: "tw_pdpa_access" },
    { jurisdiction: "TW", kind: "tw_pdpa_correction" },
    { jurisdiction: "TW", kind: "tw_foi" },
  ),
  fc.integer({ min: 1, max: 30 }).map((days): Case => ({ jurisdiction: "KR", kind: "minwon", days })),
  fc.integer({ min: 1, max: 40 }).map((hours): Case => ({ jurisdiction: "KR", kind: "minwon", hours })),
);

const pausesArb = fc.array(
  fc.record({
    offsetMin: fc.integer({ min: -2000, max: 40 * 1440 }),
    lenMin: fc.integer({ min: 0, max: 10 * 1440 }),
  }),
  { maxLength: 3 },
);

const extendable = (c: Case) => c.kind !== "pipa_correction" && c.kind !== "pipa_access";

describe("deadline properties (fast-check)", () => {
  test("C7: due >= received for every kind and receipt time", () => {
    fc.assert(
      fc.property(caseArb, receivedArb, (c, received) => {
        const r = computeDeadline({ ...c, received: new Date(received) });
        assert.ok(r.dueMs >= received, `${r.due} before receipt`);
      }),
      { numRuns: 400 },
    );
  });

  test("C7: pauses never shorten a deadline", () => {
    fc.assert(
      fc.property(caseArb, receivedArb, pausesArb, (c, received, ps) => {
        const pauses = ps.map((p) => ({
          from: new Date(received + p.offsetMin * 60_000),
          to: new Date(received + (p.offsetMin + p.lenMin) * 60_000),
        }));
        const plain = computeDeadline({ ...c, received: new Date(received) });
        const paused = computeDeadline({ ...c, received: new Date(received), pauses });
        assert.ok(paused.dueMs >= plain.dueMs, `${paused.due} < ${plain.due}`);
        // Adding one more pause never moves the date earlier either.
        if (pauses.length > 1) {
          const fewer = computeDeadline({ ...c, received: new Date(received), pauses: pauses.slice(1) });
          assert.ok(paused.dueMs >= fewer.dueMs);
        }
      }),
      { numRuns: 300 },
    );
  });

  test("C7: an extension never shortens a deadline", () => {
    fc.assert(
      fc.property(caseArb.filter(extendable), receivedArb, (c, received) => {
        const plain = computeDeadline({ ...c, received: new Date(received) });
        const ext = computeDeadline({ ...c, received: new Date(received), extended: true });
        assert.ok(ext.dueMs > plain.dueMs, `${ext.due} <= ${plain.due}`);
      }),
      { numRuns: 300 },
    );
  });

  test("a longer period never ends earlier (monotone in days)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 29 }),
        receivedArb,
        fc.constantFrom("KR", "TW"),
        (days, received, j) => {
          const kind = j === "KR" ? "pipa_access" : "tw_foi";
          const a = computeDeadline({ jurisdiction: j, kind, received: new Date(received), days });
          const b = computeDeadline({ jurisdiction: j, kind, received: new Date(received), days: days + 1 });
          assert.ok(b.dueMs >= a.dueMs);
        },
      ),
      { numRuns: 300 },
    );
  });
});
