import assert from "node:assert/strict";
import { test } from "node:test";
import { twIncidentResponseItems } from "../jurisdictions/tw/catalogues";
import {
  computeClocks,
  dueEscalations,
  type IncidentFacts,
  incidentRouting,
  missingNoticeParts,
} from "./index";

const base: IncidentFacts = {
  kind: "leak",
  automated: true,
  subjectCount: 10,
  sensitive: false,
  uniqueIdentifier: false,
  externalAccess: false,
};

test("F3/F4: detected 2026-03-02 22:30 Asia/Taipei -> internal report and response start due 2026-03-03 02:30", () => {
  // 22:30 in Taipei (UTC+8) is 14:30 UTC; four hours later 18:30 UTC = 02:30 next day in Taipei.
  const detected = Date.parse("2026-03-02T14:30:00Z");
  const clocks = computeClocks("TW", detected, base);
  assert.deepEqual(
    clocks.map((c) => [c.code, c.applies, new Date(c.dueMs).toISOString()]),
    [
      ["tw_internal_report", true, "2026-03-02T18:30:00.000Z"],
      ["tw_response_start", true, "2026-03-02T18:30:00.000Z"],
    ],
  );
  assert.equal(
    new Intl.DateTimeFormat("en-CA", {
      timeZone: "Asia/Taipei",
      dateStyle: "short",
      timeStyle: "short",
      hourCycle: "h23",
    }).format(clocks[0].dueMs),
    "2026-03-03, 02:30",
  );
});

test("F6: detected 2026-03-02 09:00 Asia/Seoul -> KR 72-hour clocks due 2026-03-05 09:00 (00:00 UTC)", () => {
  const detected = Date.parse("2026-03-02T00:00:00Z");
  const clocks = computeClocks("KR", detected, { ...base, subjectCount: 1000 });
  for (const c of clocks) {
    assert.equal(c.applies, true, c.code);
    assert.equal(new Date(c.dueMs).toISOString(), "2026-03-05T00:00:00.000Z");
    assert.equal(c.verify, true, "the seeds are silent: marked for legal review");
    assert.match(c.citation, /제34조/);
  }
});

// Hand-written cases of PIPA §34③ / Decree §40①: any one threshold makes the report due.
const reportCases: [string, Partial<IncidentFacts>, boolean, string[]][] = [
  [
    "999 subjects, nothing else",
    { subjectCount: 999 },
    false,
    ["kind_covered", "subjects_below", "no_threshold_met"],
  ],
  ["exactly 1,000 subjects", { subjectCount: 1000 }, true, ["kind_covered", "subjects_threshold"]],
  [
    "5 subjects with sensitive data",
    { subjectCount: 5, sensitive: true },
    true,
    ["kind_covered", "sensitive"],
  ],
  [
    "5 subjects with resident numbers",
    { subjectCount: 5, uniqueIdentifier: true },
    true,
    ["kind_covered", "unique_identifier"],
  ],
  [
    "hacking of 3 subjects",
    { subjectCount: 3, kind: "unauthorised_access" },
    true,
    ["kind_covered", "external_access"],
  ],
  [
    "external access flag on a leak",
    { subjectCount: 3, externalAccess: true },
    true,
    ["kind_covered", "external_access"],
  ],
  ["count unknown", { subjectCount: null }, false, ["kind_covered", "subjects_unknown", "no_threshold_met"]],
  [
    "alteration of 5,000 (not 유출등)",
    { subjectCount: 5000, kind: "alteration" },
    false,
    ["kind_not_covered"],
  ],
  [
    "2,000 sensitive records stolen",
    { subjectCount: 2000, sensitive: true, kind: "theft" },
    true,
    ["kind_covered", "subjects_threshold", "sensitive"],
  ],
];
for (const [title, facts, applies, reasons] of reportCases) {
  test(`F6: KR regulator report threshold — ${title}`, () => {
    const c = computeClocks("KR", 0, { ...base, ...facts }).find((x) => x.code === "kr_regulator_report");
    assert.ok(c);
    assert.equal(c.applies, applies);
    assert.deepEqual(
      c.reasons.map((r) => r.code),
      reasons,
    );
  });
}

test("F6: KR subject notice runs for loss and misdelivery, not for alteration", () => {
  const notice = (kind: IncidentFacts["kind"]) =>
    computeClocks("KR", 0, { ...base, kind }).find((c) => c.code === "kr_subject_notice")?.applies;
  assert.equal(notice("loss"), true);
  assert.equal(notice("misdelivery"), true);
  assert.equal(notice("alteration"), false);
});

test("F2: TW routing by processing type; KR has none", () => {
  assert.equal(incidentRouting("TW", true)?.code, "tw_secretariat_cert");
  assert.equal(incidentRouting("TW", false)?.code, "tw_group_report");
  assert.equal(incidentRouting("KR", true), null);
});

test("F4: the response catalogue holds the 13 measures of 004 四十三 in order", () => {
  assert.equal(twIncidentResponseItems.length, 13);
  assert.equal(twIncidentResponseItems[0].names["zh-TW"], "中斷入侵或洩漏途徑");
  assert.equal(twIncidentResponseItems[12].names["zh-TW"], "發布新聞稿、網站公告");
  assert.equal(twIncidentResponseItems[11].source, "[004 四十三(十二)]");
});

test("F3: escalation stages at 2 h, 3 h and 4 h of a 4-hour clock", () => {
  const clock = { startMs: 0, dueMs: 4 * 3_600_000 };
  assert.deepEqual(dueEscalations(clock, 3_600_000 * 1.99), []);
  assert.deepEqual(dueEscalations(clock, 3_600_000 * 2), ["half"]);
  assert.deepEqual(dueEscalations(clock, 3_600_000 * 3), ["half", "three_quarters"]);
  assert.deepEqual(dueEscalations(clock, 3_600_000 * 4), ["half", "three_quarters", "overdue"]);
});

test("F5: a notice lacking compensation or contact is incomplete", () => {
  assert.deepEqual(missingNoticeParts({ facts: "x", measures: "y", advice: "z", contact: " " }), [
    "contact",
    "compensation",
  ]);
});
