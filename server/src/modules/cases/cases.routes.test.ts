import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { eq } from "drizzle-orm";
import { staff } from "../../db/schema";
import { createTestApp, type TestApp } from "../../test-support/app";
import { type OutboundMail, onMailQueued } from "./comms";
import { multipart } from "./multipart.test-helper";
import { runReminders } from "./reminders";

let t: TestApp;
const mail: OutboundMail[] = [];
before(async () => {
  t = await createTestApp();
  onMailQueued((m) => mail.push(m));
});
after(async () => t.close());

const h = () => t.as("privacy_officer");

async function newRequest(over: Record<string, unknown> = {}, w: "a" | "b" = "a") {
  const res = await t.inject({
    method: "POST",
    url: "/api/requests",
    headers: await t.as("privacy_officer", w),
    payload: {
      kind: w === "a" ? "access" : "copy",
      channel: "email",
      requesterType: "self",
      requester: { name: "최열람", email: "choi@example.kr" },
      content: "열람 요구",
      ...over,
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().case as { id: string; number: string; dueAt: string; state: string };
}

const post = async (url: string, payload: unknown) =>
  t.inject({ method: "POST", url, payload: payload as object, headers: await h() });

describe("case engine (generic routes)", () => {
  test("C7: illegal transitions answer 409 with the allowed events; withdrawal ends the case", async () => {
    const c = await newRequest();
    const close = await post(`/api/cases/${c.id}/close`, {});
    assert.equal(close.statusCode, 409);
    assert.equal(close.json().code, "cases.illegal_transition");
    assert.ok(close.json().details.allowed.includes("verify_identity"));
    const staleW = await post(`/api/cases/${c.id}/withdraw`, { reason: "요구인 취하", version: 7 });
    assert.equal(staleW.statusCode, 409);
    assert.equal(staleW.json().code, "cases.stale");
    const w = await post(`/api/cases/${c.id}/withdraw`, { reason: "요구인 취하", version: 1 });
    assert.equal(w.json().state, "withdrawn");
    assert.equal(w.json().outcome, "withdrawn");
    const again = await post(`/api/cases/${c.id}/pause`, { reason: "x" });
    assert.equal(again.json().code, "cases.illegal_transition");
  });

  test("C6, C7: pause and resume record an interval and move the due date; a paused case is never overdue", async () => {
    const c = await newRequest();
    await t.inject({
      method: "POST",
      url: `/api/requests/${c.id}/identity`,
      headers: await h(),
      payload: {
        personRole: "requester",
        method: "mobile_phone",
        documentType: "휴대전화",
        result: "verified",
      },
    });
    const p = await post(`/api/cases/${c.id}/pause`, {
      reason: "보완 요청",
      requesterDeadline: "2026-12-31",
    });
    assert.equal(p.statusCode, 200, p.body);
    assert.equal(p.json().paused, true);
    assert.equal(p.json().overdue, false);
    const detail = await t.inject({ method: "GET", url: `/api/cases/${c.id}`, headers: await h() });
    assert.equal(detail.json().pauses.length, 1);
    assert.ok(
      Date.parse(detail.json().currentDueAt) >= Date.parse(c.dueAt),
      "a running pause never shortens the deadline",
    );
    const r = await post(`/api/cases/${c.id}/resume`, {});
    assert.equal(r.json().state, "in_review");
    assert.ok(Date.parse(r.json().dueAt) >= Date.parse(c.dueAt));
    const d2 = await t.inject({ method: "GET", url: `/api/cases/${c.id}`, headers: await h() });
    assert.ok(d2.json().pauses[0].endedAt);
    assert.ok(d2.json().dueExplanation.some((s: { step: string }) => s.step === "pause"));
    // Issue 11 item 2: structured reasons and the counting unit for the web to render per language.
    assert.equal(d2.json().dueUnit, "days");
    const pause = d2.json().dueReasons.find((x: { code: string }) => x.code === "pause");
    assert.equal(pause.reason, "보완 요청");
    assert.ok(d2.json().dueReasons.some((x: { code: string }) => x.code === "due"));
  });

  test("assignment, notes (encrypted), timeline of every event", async () => {
    const c = await newRequest();
    const bad = await t.inject({
      method: "PATCH",
      url: `/api/cases/${c.id}/assignment`,
      headers: await h(),
      payload: { assigneeId: t.b.staffByRole.handler },
    });
    assert.equal(bad.json().code, "cases.bad_assignee");
    const a = await t.inject({
      method: "PATCH",
      url: `/api/cases/${c.id}/assignment`,
      headers: await h(),
      payload: { unitId: t.a.unitId, assigneeId: t.a.staffByRole.handler },
    });
    assert.equal(a.statusCode, 200, a.body);
    assert.equal(a.json().assigneeId, t.a.staffByRole.handler);
    const n = await post(`/api/cases/${c.id}/notes`, { body: "전화로 본인 확인 예정 010-9999-8888" });
    assert.equal(n.statusCode, 201);
    const raw = await t.tdb.query<{ body_enc: string }>(
      "SELECT body_enc FROM case_notes WHERE case_id = $1",
      [c.id],
    );
    assert.ok(!raw[0].body_enc.includes("010-9999"));
    const notes = await t.inject({ method: "GET", url: `/api/cases/${c.id}/notes`, headers: await h() });
    assert.equal(notes.json().notes[0].body, "전화로 본인 확인 예정 010-9999-8888");
    const tl = await t.inject({ method: "GET", url: `/api/cases/${c.id}/timeline`, headers: await h() });
    assert.deepEqual(
      tl.json().events.map((e: { type: string }) => e.type),
      ["transition", "assignment", "note"],
    );
  });

  test("attachments: allowed types stored with a PII finding count; executables, unknown types, empty and oversized files refused", async () => {
    const c = await newRequest();
    const up = async (filename: string, content: Buffer | string, kind = "scan") => {
      const m = multipart({ filename, content }, { kind });
      return t.inject({
        method: "POST",
        url: `/api/cases/${c.id}/attachments`,
        payload: m.payload,
        headers: { ...(await h()), ...m.headers },
      });
    };
    const txt = await up("메모.txt", "요구인 주민등록번호 900101-1234568, 연락처 010-1234-5678", "evidence");
    assert.equal(txt.statusCode, 201, txt.body);
    assert.ok(txt.json().piiFindings >= 2, `findings ${txt.json().piiFindings}`);
    assert.equal(txt.json().piiStatus, "ok");
    const png = await up(
      "scan.png",
      Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]),
    );
    assert.equal(png.statusCode, 201);
    assert.equal(png.json().piiStatus, "not_scanned");
    const fakeDocx = await up("form.docx", Buffer.from("just text"));
    assert.equal(fakeDocx.json().code, "cases.attachment_type");
    const script = await up("run.txt", "#!/bin/sh\nrm -rf /\n");
    assert.equal(script.json().code, "cases.attachment_type");
    const bat = await up("start.bat", "echo hi");
    assert.equal(bat.statusCode, 415);
    const empty = await up("empty.pdf", Buffer.alloc(0));
    assert.equal(empty.json().code, "cases.attachment_empty");
    const big = await up("big.txt", Buffer.alloc(10 * 1024 * 1024 + 1, 0x41));
    assert.equal(big.statusCode, 413);
    const list = await t.inject({ method: "GET", url: `/api/cases/${c.id}/attachments`, headers: await h() });
    assert.equal(list.json().attachments.length, 2, "refused files left nothing behind");
    const dl = await t.inject({
      method: "GET",
      url: `/api/cases/${c.id}/attachments/${txt.json().id}`,
      headers: await h(),
    });
    assert.equal(dl.statusCode, 200);
    assert.ok(dl.body.includes("900101-1234568"));
    const ledger = await t.tdb.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM ledger_entries WHERE action = 'cases.attachment.read' AND resource_id = $1",
      [txt.json().id],
    );
    assert.equal(ledger[0].n, 1);
  });

  test("E4: attachments (identity documents, scans) are encrypted at rest and decrypt on download", async () => {
    const c = await newRequest();
    const secret = "신분증 사본 주민등록번호 850505-1234561";
    const m = multipart({ filename: "id.txt", content: secret }, { kind: "identity_document" });
    const up = await t.inject({
      method: "POST",
      url: `/api/cases/${c.id}/attachments`,
      payload: m.payload,
      headers: { ...(await h()), ...m.headers },
    });
    assert.equal(up.statusCode, 201, up.body);
    const [row] = await t.tdb.query<{ data: Uint8Array }>("SELECT data FROM case_attachments WHERE id = $1", [
      up.json().id,
    ]);
    const stored = Buffer.from(row.data);
    assert.ok(!stored.includes(Buffer.from("850505-1234561")), "the identifier is stored in plaintext");
    assert.ok(!stored.includes(Buffer.from(secret)), "the file is stored in plaintext");
    const dl = await t.inject({
      method: "GET",
      url: `/api/cases/${c.id}/attachments/${up.json().id}`,
      headers: await h(),
    });
    assert.equal(dl.statusCode, 200);
    assert.equal(dl.body, secret);
  });

  test("E3: reading a case is ledgered with its subject reference (an auditor's subject search finds it)", async () => {
    const c = await newRequest();
    const [row] = await t.tdb.query<{ subject_ref: string | null }>(
      "SELECT subject_ref FROM cases WHERE id = $1",
      [c.id],
    );
    assert.ok(row.subject_ref);
    const r = await t.inject({ method: "GET", url: `/api/cases/${c.id}`, headers: await h() });
    assert.equal(r.statusCode, 200);
    const [e] = await t.tdb.query<{ subject_ref: string | null }>(
      "SELECT subject_ref FROM ledger_entries WHERE action = 'cases.case.read' AND resource_id = $1 ORDER BY seq DESC LIMIT 1",
      [c.id],
    );
    assert.equal(e?.subject_ref, row.subject_ref);
  });

  test("list filters (state, unit, due date, overdue) and the overdue dashboard", async () => {
    const old = await newRequest({ receivedAt: "2026-01-05T10:00:00+09:00", unitId: t.a.unitId });
    const fresh = await newRequest();
    const all = await t.inject({ method: "GET", url: "/api/cases?pageSize=200", headers: await h() });
    assert.ok(all.json().total >= 2);
    const overdue = await t.inject({ method: "GET", url: "/api/cases?overdue=true", headers: await h() });
    const ids = overdue.json().items.map((c: { id: string }) => c.id);
    assert.ok(ids.includes(old.id) && !ids.includes(fresh.id));
    assert.ok(overdue.json().items.every((c: { overdue: boolean }) => c.overdue));
    const byUnit = await t.inject({
      method: "GET",
      url: `/api/cases?unitId=${t.a.unitId}&state=received`,
      headers: await h(),
    });
    assert.ok(
      byUnit
        .json()
        .items.every(
          (c: { unitId: string; state: string }) => c.unitId === t.a.unitId && c.state === "received",
        ),
    );
    const due = await t.inject({
      method: "GET",
      url: "/api/cases?dueTo=2026-02-01T00:00:00Z",
      headers: await h(),
    });
    assert.ok(due.json().items.every((c: { dueAt: string }) => c.dueAt < "2026-02-01"));
    const page2 = await t.inject({ method: "GET", url: "/api/cases?pageSize=1&page=2", headers: await h() });
    assert.equal(page2.json().items.length, 1);
    assert.equal(page2.json().total, all.json().total);
    const badState = await t.inject({ method: "GET", url: "/api/cases?state=nonsense", headers: await h() });
    assert.equal(badState.statusCode, 400);
    const dash = await t.inject({ method: "GET", url: "/api/cases/overdue", headers: await h() });
    assert.ok(dash.json().overdue.some((c: { id: string }) => c.id === old.id));
    const unit = dash.json().byUnit.find((u: { unitId: string }) => u.unitId === t.a.unitId);
    assert.ok(unit.overdue >= 1);
    // C6: a request waiting past its remedy date is listed for a decision.
    const w2 = await newRequest();
    await t.inject({
      method: "POST",
      url: `/api/requests/${w2.id}/completion-notice`,
      headers: await h(),
      payload: { missing: "위임장 누락", fixBy: "2099-01-01" },
    });
    await t.tdb.query(
      "UPDATE case_pauses SET requester_deadline = now() - interval '1 day' WHERE case_id = $1",
      [w2.id],
    );
    const dash2 = await t.inject({ method: "GET", url: "/api/cases/overdue", headers: await h() });
    assert.ok(dash2.json().remedyExpired.some((c: { id: string }) => c.id === w2.id));
    assert.ok(
      !dash2.json().overdue.some((c: { id: string }) => c.id === w2.id),
      "a paused case is not overdue",
    );
    // Auditors read the dashboard; the other agency does not see these cases.
    const other = await t.inject({
      method: "GET",
      url: "/api/cases/overdue",
      headers: await t.as("auditor", "b"),
    });
    assert.ok(!other.json().overdue.some((c: { id: string }) => c.id === old.id));
  });

  test("reminders: the job queues one e-mail per reminder point before the due date (fixed clock), never twice", async () => {
    await t.deps.database.db
      .update(staff)
      .set({ email: "handler.a@agency.example.kr" })
      .where(eq(staff.id, t.a.staffByRole.handler));
    const set = await t.inject({
      method: "PUT",
      url: "/api/cases/settings/reminders",
      headers: await h(),
      payload: { offsetsHours: [24, 72] },
    });
    assert.deepEqual(set.json().offsetsHours, [72, 24]);
    const bad = await t.inject({
      method: "PUT",
      url: "/api/cases/settings/reminders",
      headers: await h(),
      payload: { offsetsHours: [0] },
    });
    assert.equal(bad.statusCode, 400);
    const c = await newRequest({ assigneeId: t.a.staffByRole.handler });
    const due = Date.parse(c.dueAt);
    const at = (hoursBefore: number) => new Date(due - hoursBefore * 3_600_000);
    const mine = () => mail.filter((m) => m.kind === "reminder" && m.caseId === c.id);
    await runReminders(t.deps, at(100), t.a.id);
    assert.equal(mine().length, 0, "too early");
    await runReminders(t.deps, at(70), t.a.id);
    assert.equal(mine().length, 1);
    assert.ok(mine()[0].subject.includes(c.number));
    assert.equal(mine()[0].to, "handler.a@agency.example.kr");
    await runReminders(t.deps, at(60), t.a.id);
    assert.equal(mine().length, 1, "the 72-hour reminder is not repeated");
    await runReminders(t.deps, at(20), t.a.id);
    assert.equal(mine().length, 2);
    await runReminders(t.deps, new Date(due + 3_600_000), t.a.id);
    assert.equal(mine().length, 2, "no reminder after the due date (the dashboard shows it as overdue)");
    const led = await t.tdb.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM ledger_entries WHERE action = 'cases.reminder.queue' AND resource_id = $1",
      [c.id],
    );
    assert.equal(led[0].n, 2);
  });
});
