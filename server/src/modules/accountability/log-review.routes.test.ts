// Issue 14, accountability item 2: the monthly access-log review over the ledger (E3, E9, E11).
// A planted month of ledger entries for agency A (KR, Asia/Seoul = UTC+9) with thresholds lowered by
// the agency's overrides; every expected finding below is worked out by hand from the plant.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Role } from "@civicpims/core/auth/index";
import { eq } from "drizzle-orm";
import { ledgerEntries, roleAssignments, staff } from "../../db/schema";
import { createTestApp, type TestApp } from "../../test-support/app";
import { appendLedger, type LedgerInput } from "../audit/ledger.service";

let t: TestApp;
const S = (n: number) => `${String(n).repeat(32).slice(0, 32)}`; // fake blind indexes s1..s7
const seqs: Record<string, number> = {};
let X = "";

async function call(
  role: Role,
  method: "GET" | "POST" | "PUT",
  url: string,
  payload?: object,
  locale = "en",
) {
  return t.inject({ method, url, payload, headers: { ...(await t.as(role)), "x-locale": locale } });
}

before(async () => {
  t = await createTestApp();
  const db = t.deps.database.db;
  const A = t.a.id;
  const H = t.a.staffByRole.handler;
  const M = t.a.staffByRole.privacy_manager;
  const C = t.a.staffByRole.petition_clerk;
  const R = t.a.staffByRole.records_manager;
  const P = t.a.staffByRole.privacy_officer;
  // X held a role from January until 5 March 2026 (09:00 Seoul), then none.
  const [x] = await db
    .insert(staff)
    .values({ agencyId: A, unitId: t.a.unitId, username: "former.a", displayName: "Former staff" })
    .returning();
  X = x.id;
  await db.insert(roleAssignments).values({
    agencyId: A,
    staffId: X,
    role: "handler",
    grantedAt: new Date("2026-01-01T00:00:00Z"),
    revokedAt: new Date("2026-03-05T00:00:00Z"),
  });
  const plant: Array<[string, LedgerInput]> = [];
  const at = (name: string, actorId: string | null, iso: string, action: string, subjectRef?: string) =>
    plant.push([name, { agencyId: A, actorId, action, subjectRef, occurredAt: new Date(iso) }]);
  // H: three subjects on Tue 10 March 10:00 Seoul (working day), one more on 11 March.
  at("h1", H, "2026-03-10T01:00:00Z", "requests.request.read", S(1));
  at("h2", H, "2026-03-10T01:05:00Z", "requests.request.read", S(2));
  at("h3", H, "2026-03-10T01:10:00Z", "requests.request.read", S(3));
  at("h4", H, "2026-03-11T01:00:00Z", "requests.request.read", S(4));
  // M: one UTC day, but 23:30 on the 12th and 00:30 on the 13th in Seoul: two local days (1 + 2
  // subjects, no per-day finding), all three off-hours.
  at("m1", M, "2026-03-12T14:30:00Z", "requests.request.read", S(1));
  at("m2", M, "2026-03-12T15:30:00Z", "requests.request.read", S(2));
  at("m3", M, "2026-03-12T15:40:00Z", "requests.request.read", S(3));
  // C: Saturday 14 March 11:00 Seoul.
  at("c1", C, "2026-03-14T02:00:00Z", "requests.request.read", S(7));
  // P: Monday 2 March 10:00 Seoul, the substitute holiday for 삼일절: off-hours; s1's third account.
  at("p1", P, "2026-03-02T01:00:00Z", "requests.request.read", S(1));
  // R: exports. 28 Feb 23:59:59 Seoul is February; 31 March 23:59:59 Seoul is March (and off-hours);
  // 1 April 00:00 Seoul is April. An attachment read is not an export.
  at("r0", R, "2026-02-28T14:59:59Z", "registry.export");
  at("r1", R, "2026-03-10T05:00:00Z", "registry.export");
  at("r2", R, "2026-03-10T05:10:00Z", "letters.letter.download");
  at("r3", R, "2026-03-31T14:59:59Z", "registry.export");
  at("r4", R, "2026-03-31T15:00:00Z", "registry.export");
  at("r5", R, "2026-03-10T05:20:00Z", "cases.attachment.read");
  // X: before the revocation (held), then after it.
  at("x1", X, "2026-03-04T01:00:00Z", "cases.case.read");
  at("x2", X, "2026-03-16T01:00:00Z", "cases.case.read");
  // Not counted: no actor (a job), and another agency's staff reading s1 at 03:00.
  at("n1", null, "2026-03-15T18:00:00Z", "retention.destroy", S(1));
  plant.push([
    "b1",
    {
      agencyId: t.b.id,
      actorId: t.b.staffByRole.handler,
      action: "requests.request.read",
      subjectRef: S(1),
      occurredAt: new Date("2026-03-14T18:00:00Z"),
    },
  ]);
  const written = await db.transaction((tx) =>
    appendLedger(
      tx,
      plant.map(([, e]) => e),
      t.deps.ledger,
    ),
  );
  plant.forEach(([name], i) => {
    seqs[name] = written[i].seq;
  });
  const res = await call("privacy_officer", "PUT", "/api/accountability/log-review-settings", {
    rules: {
      many_subjects_per_day: { threshold: 3 },
      exports: { threshold: 3 },
      subject_many_accounts: { threshold: 3 },
    },
  });
  assert.equal(res.statusCode, 200, res.body);
});
after(async () => t.close());

describe("monthly access-log review", () => {
  test("E3/E11: the planted March finds exactly the hand-expected findings per rule, and no others", async () => {
    const res = await call("auditor", "GET", "/api/accountability/log-reviews/2026-03");
    assert.equal(res.statusCode, 200, res.body);
    const r = res.json();
    const a = t.a.staffByRole;
    const got = r.findings
      .map((f: Record<string, unknown>) => [
        f.rule,
        f.severity,
        f.actorId,
        f.subjectRef,
        f.day,
        f.count,
        f.entrySeqs,
      ])
      .sort((x: string[], y: string[]) => `${x[0]}${x[2]}${x[3]}`.localeCompare(`${y[0]}${y[2]}${y[3]}`));
    const s = (...names: string[]) => names.map((n) => seqs[n]);
    const want = [
      ["ended_role", "high", X, null, null, 1, s("x2")],
      ["exports", "high", a.records_manager, null, null, 3, s("r1", "r2", "r3")],
      ["many_subjects_per_day", "high", a.handler, null, "2026-03-10", 3, s("h1", "h2", "h3")],
      ["off_hours", "medium", a.petition_clerk, null, null, 1, s("c1")],
      ["off_hours", "medium", a.privacy_manager, null, null, 3, s("m1", "m2", "m3")],
      ["off_hours", "medium", a.privacy_officer, null, null, 1, s("p1")],
      ["off_hours", "medium", a.records_manager, null, null, 1, s("r3")],
      ["subject_many_accounts", "medium", null, S(1).slice(0, 10), null, 3, s("h1", "m1", "p1")],
    ].sort((x, y) => `${x[0]}${x[2]}${x[3]}`.localeCompare(`${y[0]}${y[2]}${y[3]}`));
    assert.deepEqual(got, want);
    assert.equal(r.signOff, null);
    // High ones first.
    assert.deepEqual(
      r.findings.map((f: { severity: string }) => f.severity),
      ["high", "high", "high", "medium", "medium", "medium", "medium", "medium"],
    );
  });

  test("E3: the entries behind a finding, with the action in the reader's language", async () => {
    const key = `exports:${t.a.staffByRole.records_manager}`;
    const res = await call(
      "auditor",
      "GET",
      `/api/accountability/log-reviews/2026-03/findings/${encodeURIComponent(key)}`,
      undefined,
      "ko",
    );
    assert.equal(res.statusCode, 200, res.body);
    const items = res.json().items as Array<{
      seq: number;
      action: string;
      actionLabel: string;
      actorName: string;
    }>;
    assert.deepEqual(
      items.map((i) => i.seq),
      [seqs.r1, seqs.r2, seqs.r3],
    );
    assert.equal(items[0].actorName, "records_manager of agency-a");
    assert.notEqual(items[0].actionLabel, "registry.export", "a phrase, not the code");
    const missing = await call(
      "auditor",
      "GET",
      "/api/accountability/log-reviews/2026-03/findings/exports%3Anobody",
    );
    assert.equal(missing.statusCode, 404);
  });

  test("E11: another agency's review of the same month has only its own finding (its time zone)", async () => {
    const res = await t.inject({
      method: "GET",
      url: "/api/accountability/log-reviews/2026-03",
      headers: await t.as("auditor", "b"),
    });
    assert.equal(res.statusCode, 200, res.body);
    // B's one read of s1 (02:00 on 15 March in Taipei) is B's own off-hours finding; nothing of A's.
    const got = res
      .json()
      .findings.map((f: Record<string, unknown>) => [f.rule, f.actorId, f.count, f.entrySeqs]);
    assert.deepEqual(got, [["off_hours", t.b.staffByRole.handler, 1, [seqs.b1]]]);
  });

  test("E3: permissions: handler and system administrator cannot read; only officer and auditor sign", async () => {
    for (const role of ["handler", "system_admin", "privacy_manager", "petition_clerk"] as Role[]) {
      const res = await call(role, "GET", "/api/accountability/log-reviews/2026-03");
      assert.equal(res.statusCode, 403, `${role} read the review`);
    }
    const res = await call("system_admin", "POST", "/api/accountability/log-reviews/2026-03/sign-off", {
      note: "x",
      dispositions: [],
    });
    assert.equal(res.statusCode, 403);
  });

  test("E3/E11: bad input: open high findings, incomplete follow-up, unknown finding, unfinished month, bad month; nothing saved", async () => {
    const a = t.a.staffByRole;
    const mediumOnly = [
      { key: `off_hours:${a.petition_clerk}`, kind: "explained", explanation: "Saturday duty roster" },
    ];
    const cases: Array<[string, object, number, string]> = [
      ["2026-03", { note: "n", dispositions: mediumOnly }, 400, "accountability.open_high_findings"],
      [
        "2026-03",
        {
          note: "n",
          dispositions: [{ key: `exports:${a.records_manager}`, kind: "follow_up", owner: "Kim" }],
        },
        400,
        "accountability.follow_up_incomplete",
      ],
      [
        "2026-03",
        { note: "n", dispositions: [{ key: "exports:nobody", kind: "explained", explanation: "e" }] },
        400,
        "accountability.disposition_unknown",
      ],
      ["2999-01", { note: "n", dispositions: [] }, 400, "accountability.month_not_over"],
      ["2026-13", { note: "n", dispositions: [] }, 400, "accountability.month_invalid"],
    ];
    for (const [month, body, status, code] of cases) {
      const res = await call(
        "privacy_officer",
        "POST",
        `/api/accountability/log-reviews/${month}/sign-off`,
        body,
        "ko",
      );
      assert.equal(res.statusCode, status, res.body);
      if (code) assert.equal(res.json().code, code);
      assert.ok(res.json().message, "a message for people");
    }
    const open = await call(
      "privacy_officer",
      "POST",
      "/api/accountability/log-reviews/2026-03/sign-off",
      { note: "n", dispositions: mediumOnly },
      "ko",
    );
    assert.match(open.json().message, /위험도 높음/);
    const r = await call("auditor", "GET", "/api/accountability/log-reviews/2026-03");
    assert.equal(r.json().signOff, null, "a refused sign-off saved something");
  });

  test("E3/E9: sign-off with every high finding disposed of is kept, ledgered, and not repeatable", async () => {
    const a = t.a.staffByRole;
    const dispositions = [
      { key: `ended_role:${X}`, kind: "follow_up", owner: "Security team", dueDate: "2026-04-30" },
      { key: `exports:${a.records_manager}`, kind: "explained", explanation: "Annual register export" },
      {
        key: `many_subjects_per_day:${a.handler}:2026-03-10`,
        kind: "explained",
        explanation: "Batch of requests",
      },
    ];
    const res = await call("privacy_officer", "POST", "/api/accountability/log-reviews/2026-03/sign-off", {
      note: "March reviewed",
      dispositions,
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(
      { ...(res.json() as object), id: undefined },
      { id: undefined, month: "2026-03", findings: 8, followUps: 1 },
    );
    const r = (await call("auditor", "GET", "/api/accountability/log-reviews/2026-03")).json();
    assert.equal(r.signOff.note, "March reviewed");
    assert.equal(r.signOff.signedByName, "privacy_officer of agency-a");
    assert.deepEqual(r.signOff.dispositions, dispositions);
    const ledger = await t.deps.database.db
      .select({ action: ledgerEntries.action, actorId: ledgerEntries.actorId })
      .from(ledgerEntries)
      .where(eq(ledgerEntries.action, "accountability.logreview.signoff"));
    assert.deepEqual(ledger, [{ action: "accountability.logreview.signoff", actorId: a.privacy_officer }]);
    const again = await call("auditor", "POST", "/api/accountability/log-reviews/2026-03/sign-off", {
      note: "again",
      dispositions,
    });
    assert.equal(again.statusCode, 409);
  });
});
