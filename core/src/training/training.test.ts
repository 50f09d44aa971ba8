import assert from "node:assert/strict";
import { test } from "node:test";
import { completionByUnit, k8Table } from "./index";

test("E12: yearly completion per unit counts staff with a privacy session in the year (hand count)", () => {
  const staff = [
    { id: "s1", unitId: "u1" },
    { id: "s2", unitId: "u1" },
    { id: "s3", unitId: "u1" },
    { id: "s4", unitId: "u2" },
    { id: "s5", unitId: "u2" },
    { id: "s6", unitId: null },
  ];
  const attendance = [
    // s1 twice in 2025: counts once
    { staffId: "s1", kind: "privacy" as const, heldOn: "2025-03-01" },
    { staffId: "s1", kind: "privacy" as const, heldOn: "2025-09-01" },
    // s2 only a security session: not complete
    { staffId: "s2", kind: "security" as const, heldOn: "2025-05-01" },
    // s3 privacy but in 2024: not complete for 2025
    { staffId: "s3", kind: "privacy" as const, heldOn: "2024-12-31" },
    { staffId: "s4", kind: "privacy" as const, heldOn: "2025-12-31" },
    { staffId: "s5", kind: "privacy" as const, heldOn: "2025-01-01" },
    // someone who is not staff of any unit given (left the agency): ignored
    { staffId: "gone", kind: "privacy" as const, heldOn: "2025-02-02" },
  ];
  const r = completionByUnit(staff, attendance, 2025);
  assert.deepEqual(r, [
    { unitId: "u1", staff: 3, completed: 1, rate: 0.333 },
    { unitId: "u2", staff: 2, completed: 2, rate: 1 },
    { unitId: null, staff: 1, completed: 0, rate: 0 },
  ]);
});

test("K8: training table counts sessions, topics, attendees per kind and certifications (hand count)", () => {
  const t = k8Table(
    [
      { kind: "privacy", sessions: 3, topics: 2, attendees: 40 },
      { kind: "it_skill", sessions: 2, topics: 2, attendees: 15 },
      { kind: "unknown", sessions: 9, topics: 9, attendees: 9 },
    ],
    4,
  );
  assert.deepEqual(
    t.rows.map((r) => [r.id, ...r.cells]),
    [
      ["privacy", 3, 2, 40, null],
      ["security", 0, 0, 0, null],
      ["it_skill", 2, 2, 15, 4],
      ["directions", 0, 0, 0, null],
      ["total", 5, 4, 55, 4],
    ],
  );
});
