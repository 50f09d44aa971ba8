import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { roleAssignments, staff, units } from "../../db/schema";
import { createTestApp, type TestApp } from "../../test-support/app";
import { createSession, SESSION_COOKIE } from "../auth/session.service";
import { type OutboundMail, onMailQueued } from "./comms";

// Issue 11 item 1: the work queue, assignment on intake, reassignment and its refusals.
let t: TestApp;
const mail: OutboundMail[] = [];
/** Unit 2 of agency a, and its handler (role scoped to unit 2 only). */
let u2: string;
let h2: string;
let h2Headers: { cookie: string; "x-csrf-token": string };

before(async () => {
  t = await createTestApp();
  onMailQueued((m) => mail.push(m));
  const db = t.deps.database.db;
  const [u] = await db
    .insert(units)
    .values({ agencyId: t.a.id, code: "u2", nameLocal: "민원2과" })
    .returning();
  u2 = u.id;
  const [s] = await db
    .insert(staff)
    .values({ agencyId: t.a.id, unitId: u2, username: "h2.agency-a", displayName: "Unit two handler" })
    .returning();
  h2 = s.id;
  await db.insert(roleAssignments).values({ agencyId: t.a.id, staffId: h2, role: "handler", unitId: u2 });
  const sess = await createSession(db, t.deps.config, { agencyId: t.a.id, staffId: h2, mfaPassed: true });
  h2Headers = { cookie: `${SESSION_COOKIE}=${sess.token}`, "x-csrf-token": sess.csrfToken };
});
after(async () => t.close());

type Headers = { cookie: string; "x-csrf-token": string };
const as = (role: Parameters<TestApp["as"]>[0], w: "a" | "b" = "a") => t.as(role, w);
const req = async (
  method: "GET" | "POST" | "PATCH",
  url: string,
  headers: Headers,
  payload?: object,
  lang?: string,
) =>
  t.inject({ method, url, headers: { ...headers, ...(lang ? { "accept-language": lang } : {}) }, payload });

async function newRequest(headers: Headers, over: Record<string, unknown> = {}) {
  const res = await req("POST", "/api/requests", headers, {
    kind: "access",
    channel: "visit",
    requesterType: "self",
    requester: { name: "박대기", email: "park@example.kr" },
    content: "열람 요구",
    ...over,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().case as {
    id: string;
    number: string;
    assigneeId: string | null;
    unitId: string | null;
    version: number;
  };
}

interface QueueRow {
  id: string;
  number: string;
  reason: string;
  state: string;
  overdue: boolean;
  paused: boolean;
  timeLeft: { unit: string; value: number };
  assignee: { id: string; name: string } | null;
  unit: { id: string } | null;
  nextStep: {
    action: string;
    permission: string;
    canAct: boolean;
    byRole: string | null;
    candidates: Array<{ id: string }>;
  } | null;
}
async function queue(headers: Headers): Promise<QueueRow[]> {
  const r = await req("GET", "/api/cases/queue", headers);
  assert.equal(r.statusCode, 200, r.body);
  return r.json().items;
}
const ledger = (caseId: string) =>
  t.tdb.query<{ action: string; details: Record<string, unknown> | null }>(
    "SELECT action, details FROM ledger_entries WHERE resource_id = $1 ORDER BY seq",
    [caseId],
  );

describe("work queue and assignment (issue 11 item 1)", () => {
  test("C2: units get a default handler; one who cannot hold the unit's cases is refused in the caller's language", async () => {
    const officer = await as("privacy_officer");
    const ok = await req("PATCH", `/api/org/units/${t.a.unitId}`, officer, {
      defaultHandlerId: t.a.staffByRole.handler,
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().defaultHandlerId, t.a.staffByRole.handler);
    // Unit 2's handler has no role in unit 1; the auditor works on no cases; agency b's handler is a stranger.
    for (const id of [h2, t.a.staffByRole.auditor, t.b.staffByRole.handler]) {
      const bad = await req("PATCH", `/api/org/units/${t.a.unitId}`, officer, { defaultHandlerId: id }, "ko");
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(bad.json().code, "cases.bad_default_handler");
      assert.match(bad.json().message, /기본 담당자/);
    }
    const set2 = await req("PATCH", `/api/org/units/${u2}`, officer, { defaultHandlerId: h2 });
    assert.equal(set2.statusCode, 200, set2.body);
  });

  test("C2: staff entry goes to the entering clerk's unit and its default handler, recorded in the timeline and the ledger", async () => {
    const c = await newRequest(await as("petition_clerk"));
    assert.equal(c.unitId, t.a.unitId);
    assert.equal(c.assigneeId, t.a.staffByRole.handler);
    const tl = await req("GET", `/api/cases/${c.id}/timeline`, await as("privacy_officer"));
    const ev = tl.json().events.find((e: { type: string }) => e.type === "assignment");
    assert.equal(ev.details.rule, "unit_default_handler");
    assert.equal(ev.details.to, t.a.staffByRole.handler);
    const create = (await ledger(c.id)).find((l) => l.action === "cases.rights_request.create");
    assert.equal(create?.details?.assigneeId, t.a.staffByRole.handler);
  });

  test("C2: a portal request about a register file goes to the unit handling its access requests and that unit's handler", async () => {
    const [file] = await t.tdb.query<{ id: string }>(
      "INSERT INTO registry_files (agency_id, name, unit_id, access_request_unit_id, processing_method) VALUES ($1, '민원 처리 대장', $2, $3, 'electronic') RETURNING id",
      [t.a.id, t.a.unitId, u2],
    );
    const email = "portal.queue@example.kr";
    const s = await t.inject({
      method: "POST",
      url: "/api/portal/submissions",
      payload: {
        agencyCode: "agency-a",
        consent: true,
        kind: "access",
        requesterType: "self",
        requester: { name: "이포털", email, birthDate: "1980-02-02" },
        content: "민원 처리 기록 열람",
        targetFileIds: [file.id],
        delivery: { method: "download" },
      },
    });
    assert.equal(s.statusCode, 201, s.body);
    const code = [...mail]
      .reverse()
      .find((m) => m.kind === "portal_code" && m.to === email)
      ?.text.match(/\d{6}/)?.[0];
    const conf = await t.inject({
      method: "POST",
      url: `/api/portal/submissions/${s.json().submissionId}/confirm`,
      payload: { submissionToken: s.json().submissionToken, code },
    });
    assert.equal(conf.statusCode, 201, conf.body);
    const [row] = await t.tdb.query<{ unit_id: string; assignee_id: string }>(
      "SELECT unit_id, assignee_id FROM cases WHERE number = $1 AND agency_id = $2",
      [conf.json().receiptNumber, t.a.id],
    );
    assert.equal(row.unit_id, u2);
    assert.equal(row.assignee_id, h2);
  });

  test("C3: queue per role: the handler's own case with its next step; unit 2 never sees unit 1's cases; other agencies see nothing", async () => {
    const handler = await as("handler");
    const c = await newRequest(await as("petition_clerk"), { receivedAt: "2026-01-05T10:00:00+09:00" });
    const mine = (await queue(handler)).find((r) => r.id === c.id);
    assert.ok(mine, "in the handler's queue");
    assert.equal(mine.reason, "mine");
    assert.equal(mine.state, "received");
    assert.equal(mine.assignee?.name, "handler of agency-a");
    assert.equal(mine.overdue, true, "received in January: overdue");
    assert.equal(mine.timeLeft.unit, "working_days");
    assert.ok(mine.timeLeft.value < 0);
    assert.deepEqual(
      { action: mine.nextStep?.action, canAct: mine.nextStep?.canAct, byRole: mine.nextStep?.byRole },
      { action: "verify_identity", canAct: true, byRole: null },
    );
    assert.equal(
      (await queue(h2Headers)).find((r) => r.id === c.id),
      undefined,
    );
    assert.equal((await queue(await as("handler", "b"))).length, 0);
    assert.equal(
      (await queue(await as("auditor"))).find((r) => r.id === c.id),
      undefined,
    );
    const sorted = (await queue(handler)).map((r) => r.timeLeft.value);
    assert.deepEqual(
      sorted,
      [...sorted].sort((a, b) => a - b),
      "sorted by due date",
    );
  });

  test("C3: unassigned cases wait in their unit's queue; the privacy manager sees cases waiting on a decision", async () => {
    const officer = await as("privacy_officer");
    const c = await newRequest(officer, { unitId: u2, assigneeId: undefined });
    // u2's default handler takes it; clear the default to see an unassigned case wait in the unit.
    assert.equal(c.assigneeId, h2);
    await req("PATCH", `/api/org/units/${u2}`, officer, { defaultHandlerId: null });
    const u = await newRequest(officer, { unitId: u2 });
    assert.equal(u.assigneeId, null);
    const row = (await queue(h2Headers)).find((r) => r.id === u.id);
    assert.equal(row?.reason, "unit");
    assert.equal(row?.assignee, null);
    // Identity verified -> in review: a decision, which the handler cannot take.
    const v = await req("POST", `/api/requests/${c.id}/identity`, officer, {
      personRole: "requester",
      method: "id_card_in_person",
      documentType: "주민등록증",
      result: "verified",
    });
    assert.equal(v.statusCode, 200, v.body);
    const forH2 = (await queue(h2Headers)).find((r) => r.id === c.id);
    assert.deepEqual(
      { action: forH2?.nextStep?.action, canAct: forH2?.nextStep?.canAct, byRole: forH2?.nextStep?.byRole },
      { action: "decide", canAct: false, byRole: "privacy_manager" },
    );
    const cands = forH2?.nextStep?.candidates.map((x) => x.id) ?? [];
    assert.ok(cands.includes(t.a.staffByRole.privacy_manager));
    assert.ok(cands.includes(t.a.staffByRole.privacy_officer));
    assert.ok(!cands.includes(t.a.staffByRole.handler), "a handler cannot decide");
    const forManager = (await queue(await as("privacy_manager"))).find((r) => r.id === c.id);
    assert.equal(forManager?.reason, "decision");
    assert.equal(forManager?.nextStep?.canAct, true);
  });

  test("C2: the handler hands a case to a privacy manager to decide: ledger entry, timeline event with the note kept encrypted", async () => {
    const officer = await as("privacy_officer");
    const c = await newRequest(await as("petition_clerk"));
    await req("POST", `/api/requests/${c.id}/identity`, officer, {
      personRole: "requester",
      method: "id_card_in_person",
      documentType: "주민등록증",
      result: "verified",
    });
    const handler = await as("handler");
    const r = await req("POST", `/api/cases/${c.id}/assign`, handler, {
      assigneeId: t.a.staffByRole.privacy_manager,
      forNextStep: true,
      note: "결정 부탁드립니다",
    });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().assigneeId, t.a.staffByRole.privacy_manager);
    const entry = (await ledger(c.id)).find((l) => l.action === "cases.case.reassign");
    assert.deepEqual(
      { from: entry?.details?.from, to: entry?.details?.to, forStep: entry?.details?.forStep },
      { from: t.a.staffByRole.handler, to: t.a.staffByRole.privacy_manager, forStep: "decide" },
    );
    assert.ok(!JSON.stringify(entry?.details).includes("결정"), "the note stays out of the ledger");
    const tl = await req("GET", `/api/cases/${c.id}/timeline`, officer);
    const ev = tl
      .json()
      .events.filter((e: { type: string }) => e.type === "assignment")
      .pop();
    assert.equal(ev.details.to, t.a.staffByRole.privacy_manager);
    const notes = await req("GET", `/api/cases/${c.id}/notes`, officer);
    assert.equal(notes.json().notes[0].body, "결정 부탁드립니다");
    const mq = (await queue(await as("privacy_manager"))).find((x) => x.id === c.id);
    assert.equal(mq?.reason, "mine");
    // No longer the assignee, and not a dispatcher: the handler cannot take it back.
    const back = await req(
      "POST",
      `/api/cases/${c.id}/assign`,
      handler,
      { assigneeId: t.a.staffByRole.handler },
      "en",
    );
    assert.equal(back.statusCode, 403);
    assert.equal(back.json().code, "cases.assign_forbidden");
  });

  test("C2: refusals: another unit's staff without a role there, another agency's staff, no permission for the step; nothing saved", async () => {
    const officer = await as("privacy_officer");
    const c = await newRequest(await as("petition_clerk"));
    await req("POST", `/api/requests/${c.id}/identity`, officer, {
      personRole: "requester",
      method: "id_card_in_person",
      documentType: "주민등록증",
      result: "verified",
    });
    const before = (await req("GET", `/api/cases/${c.id}`, officer)).json();
    const cases: Array<[string, boolean | undefined, number, string, string, RegExp]> = [
      [h2, undefined, 400, "cases.assignee_other_unit", "zh-TW", /其他單位/],
      [t.b.staffByRole.privacy_manager, undefined, 404, "not_found", "en", /Not found/],
      [t.a.staffByRole.handler, true, 400, "cases.assignee_cannot_step", "ko", /다음 단계/],
      [
        t.a.staffByRole.auditor,
        undefined,
        400,
        "cases.assignee_no_role",
        "en",
        /no role that works on cases/,
      ],
    ];
    for (const [assigneeId, forNextStep, status, code, lang, msg] of cases) {
      const r = await req(
        "POST",
        `/api/cases/${c.id}/assign`,
        officer,
        { assigneeId, forNextStep, note: "x" },
        lang,
      );
      assert.equal(r.statusCode, status, `${code}: ${r.body}`);
      assert.equal(r.json().code, code);
      assert.match(r.json().message, msg);
    }
    // An unknown case is the same 404 as another agency's staff member.
    const other = await newRequest(await as("privacy_officer", "b"), {
      kind: "copy",
      requester: { name: "陳查詢", email: "chen@example.tw" },
    });
    const cross = await req("POST", `/api/cases/${other.id}/assign`, officer, {
      assigneeId: t.a.staffByRole.handler,
    });
    assert.equal(cross.statusCode, 404);
    const afterRow = (await req("GET", `/api/cases/${c.id}`, officer)).json();
    assert.equal(afterRow.version, before.version);
    assert.equal(afterRow.assigneeId, before.assigneeId);
    const notes = await req("GET", `/api/cases/${c.id}/notes`, officer);
    assert.equal(notes.json().notes.length, 0, "no note kept from refused hand-overs");
    assert.equal((await ledger(c.id)).filter((l) => l.action === "cases.case.reassign").length, 0);
  });

  test("C2: the assignment view names who can take the next step and whom the case may go to", async () => {
    const c = await newRequest(await as("petition_clerk"));
    const r = await req("GET", `/api/cases/${c.id}/assignment`, await as("auditor"));
    assert.equal(r.statusCode, 200, r.body);
    const a = r.json();
    assert.equal(a.assignee.id, t.a.staffByRole.handler);
    assert.equal(a.nextStep.action, "verify_identity");
    assert.equal(a.nextStep.canAct, false);
    assert.equal(a.nextStep.byRole, "handler");
    assert.equal(a.canAssign, false);
  });

  test("C2: the dispatcher's assignment form applies the same unit rule (another unit's staff without a role there refused)", async () => {
    const officer = await as("privacy_officer");
    const c = await newRequest(officer, { unitId: t.a.unitId });
    const r = await req("PATCH", `/api/cases/${c.id}/assignment`, officer, { assigneeId: h2 }, "en");
    assert.equal(r.statusCode, 400, r.body);
    assert.equal(r.json().code, "cases.assignee_other_unit");
    // Moving the case to unit 2 with unit 2's handler is fine.
    const ok = await req("PATCH", `/api/cases/${c.id}/assignment`, officer, { unitId: u2, assigneeId: h2 });
    assert.equal(ok.statusCode, 200, ok.body);
  });
});
