import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

const po = (w: "a" | "b" = "a") => t.as("privacy_officer", w);

async function post(url: string, payload: unknown, w: "a" | "b" = "a", method: "POST" | "PUT" = "POST") {
  return t.inject({ method, url, payload: payload as object, headers: await po(w) });
}

const krRequest = (over: Record<string, unknown> = {}) => ({
  kind: "access",
  channel: "visit",
  requesterType: "self",
  requester: { name: "홍길동", email: "hong@example.kr", phone: "010-1234-5678", birthDate: "1980-05-05" },
  content: "2025년 민원 처리 기록 열람",
  targetDescription: "민원 처리 기록",
  ...over,
});

const twRequest = (over: Record<string, unknown> = {}) => ({
  kind: "copy",
  channel: "mail",
  requesterType: "self",
  requester: { name: "王小明", email: "wang@example.tw", address: "臺北市中正區", birthDate: "1985-01-01" },
  content: "申請製給個人資料複製本",
  ...over,
});

async function count(table: string, where = "true", params: unknown[] = []) {
  const [r] = await t.tdb.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return r.n;
}

describe("rights requests (staff)", () => {
  test("C2, C5, C7, E9: staff entry by visit -> identity verified -> granted -> notified -> closed; every step in the ledger", async () => {
    const res = await post("/api/requests", krRequest());
    assert.equal(res.statusCode, 201, res.body);
    const r = res.json();
    assert.match(r.case.number, /^RQ-\d{4}-\d{6}$/);
    assert.equal(r.case.state, "received");
    assert.equal(r.case.channel, "visit");
    assert.equal(r.case.deadlineKind, "pipa_access");
    assert.ok(r.case.dueExplanation.some((s: { step: string }) => s.step === "due"));
    assert.equal(r.requester.name, "홍길동");
    const id = r.case.id as string;

    // Personal data is encrypted at rest: the name is nowhere in the row.
    const [raw] = await t.tdb.query<{ personal_enc: string }>(
      "SELECT personal_enc FROM rights_requests WHERE case_id = $1",
      [id],
    );
    assert.ok(!raw.personal_enc.includes("홍길동") && !raw.personal_enc.includes("hong@"));

    const idc = await post(`/api/requests/${id}/identity`, {
      personRole: "requester",
      method: "id_card_in_person",
      documentType: "주민등록증",
      identifier: "800505-1234567",
      result: "verified",
    });
    assert.equal(idc.statusCode, 200, idc.body);
    assert.equal(idc.json().case.state, "in_review");
    assert.equal(idc.json().identityChecks[0].identifierMasked, "800505-1******");
    const rows = await t.tdb.query<Record<string, unknown>>(
      "SELECT * FROM request_identity_checks WHERE case_id = $1",
      [id],
    );
    assert.ok(!JSON.stringify(rows).includes("1234567"), "the full identifier is never stored");

    const itemId = idc.json().items[0].id;
    const dec = await post(`/api/requests/${id}/decision`, { items: [{ itemId, decision: "granted" }] });
    assert.equal(dec.statusCode, 200, dec.body);
    assert.equal(dec.json().case.state, "decided");
    assert.equal(dec.json().case.outcome, "granted");
    assert.match(dec.json().letter.number, /\d/);
    assert.equal(dec.json().letters[0].kind, "pipa_access_decision");

    const n = await post(`/api/requests/${id}/notify`, {});
    assert.equal(n.statusCode, 200, n.body);
    assert.equal(n.json().state, "notified");
    const cl = await post(`/api/cases/${id}/close`, {});
    assert.equal(cl.statusCode, 200, cl.body);
    assert.equal(cl.json().state, "closed");
    // E9: the request's records are kept at least five years after closing.
    assert.ok(Date.parse(cl.json().retainUntil) - Date.parse(cl.json().closedAt) >= 5 * 365 * 86_400_000);

    const ledger = await t.tdb.query<{ action: string; subject_ref: string | null }>(
      "SELECT action, subject_ref FROM ledger_entries WHERE resource_id = $1 ORDER BY seq",
      [id],
    );
    const actions = ledger.map((l) => l.action);
    for (const a of [
      "cases.rights_request.create",
      "cases.transition.verify_identity",
      "cases.transition.decide",
      "cases.transition.notify",
      "cases.transition.close",
      "requests.decision",
    ])
      assert.ok(actions.includes(a), `ledger has ${a}`);
    assert.ok(
      ledger
        .filter((l) => l.action.startsWith("cases.transition"))
        .every((l) => /^[0-9a-f]{32}$/.test(l.subject_ref ?? "")),
    );

    const tl = await t.inject({ method: "GET", url: `/api/cases/${id}/timeline`, headers: await po() });
    const events = tl.json().events.map((e: { event: string | null; type: string }) => e.event ?? e.type);
    assert.deepEqual(
      events.filter((e: string) => ["receive", "verify_identity", "decide", "notify", "close"].includes(e)),
      ["receive", "verify_identity", "decide", "notify", "close"],
    );
    // The decision notice went to the requester through the outbox seam.
    assert.equal(await count("case_messages", "case_id = $1 AND kind = 'decision_notice'", [id]), 1);
  });

  test("C8: a refusal without a ground is refused (400) and nothing changes; with a ground it is stored with its article", async () => {
    const r = (await post("/api/requests", krRequest())).json();
    const id = r.case.id;
    await post(`/api/requests/${id}/identity`, {
      personRole: "requester",
      method: "mobile_phone",
      documentType: "휴대전화 본인확인",
      result: "verified",
    });
    const itemId = r.items[0].id;
    const bad = await post(`/api/requests/${id}/decision`, { items: [{ itemId, decision: "refused" }] });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, "requests.ground_required");
    assert.ok(bad.json().message.length > 0);
    const wrongKind = await post(`/api/requests/${id}/decision`, {
      items: [{ itemId, decision: "refused", groundCode: "art37-2-1" }],
    });
    assert.equal(wrongKind.json().code, "requests.unknown_ground");
    const [st] = await t.tdb.query<{ state: string }>("SELECT state FROM cases WHERE id = $1", [id]);
    assert.equal(st.state, "in_review");
    assert.equal(await count("request_items", "case_id = $1 AND decision <> 'pending'", [id]), 0);

    const ok = await post(`/api/requests/${id}/decision`, {
      items: [{ itemId, decision: "refused", groundCode: "art35-4-3-ma", note: "감사 진행 중" }],
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const item = ok.json().items[0];
    assert.equal(item.groundArticle, "개인정보 보호법 제35조제4항제3호마목");
    assert.equal(ok.json().case.outcome, "refused");
  });

  test("C5: granting before identity is verified is refused", async () => {
    const r = (await post("/api/requests", krRequest())).json();
    const res = await post(`/api/requests/${r.case.id}/decision`, {
      items: [{ itemId: r.items[0].id, decision: "granted" }],
    });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().code, "requests.identity_required");
    assert.equal(await count("request_items", "case_id = $1 AND decision <> 'pending'", [r.case.id]), 0);
  });

  test("C7: an extension after the due date is refused; TW one extension with reason, a second is refused", async () => {
    const old = (await post("/api/requests", krRequest({ receivedAt: "2026-01-05T10:00:00+09:00" }))).json();
    await post(`/api/requests/${old.case.id}/identity`, {
      personRole: "requester",
      method: "mobile_phone",
      documentType: "휴대전화",
      result: "verified",
    });
    const late = await post(`/api/cases/${old.case.id}/extend`, { reason: "자료 방대", days: 10 });
    assert.equal(late.statusCode, 409, late.body);
    assert.equal(late.json().code, "cases.extension_after_due");
    const [st] = await t.tdb.query<{ state: string; extension_count: number }>(
      "SELECT state, extension_count FROM cases WHERE id = $1",
      [old.case.id],
    );
    assert.deepEqual(st, { state: "in_review", extension_count: 0 });

    const tw = (await post("/api/requests", twRequest(), "b")).json();
    await post(
      `/api/requests/${tw.case.id}/identity`,
      {
        personRole: "requester",
        method: "document_copy",
        documentType: "國民身分證影本",
        identifier: "A123456789",
        result: "verified",
      },
      "b",
    );
    const noReason = await post(`/api/cases/${tw.case.id}/extend`, { reason: " " }, "b");
    assert.equal(noReason.statusCode, 400);
    const ext = await post(`/api/cases/${tw.case.id}/extend`, { reason: "資料量大，需調閱檔案" }, "b");
    assert.equal(ext.statusCode, 200, ext.body);
    assert.equal(ext.json().state, "extended");
    assert.ok(Date.parse(ext.json().dueAt) - Date.parse(tw.case.dueAt) >= 14 * 86_400_000);
    const again = await post(`/api/cases/${tw.case.id}/extend`, { reason: "再延長" }, "b");
    assert.equal(again.statusCode, 409);
    assert.equal(again.json().code, "cases.extension_limit");
    assert.equal(ext.json().letter.kind, "tw_extension_notice");
    assert.equal(
      await count("letters", "case_id = $1", [tw.case.id]),
      1,
      "one notice, none for the refused second extension",
    );
  });

  test("C7: the agency's calendar overrides (a typhoon closure) move the due date of new requests and of every step", async () => {
    const at = "2026-12-01T10:00:00+08:00";
    const before = (await post("/api/requests", twRequest({ receivedAt: at }), "b")).json();
    const dueDay = new Date(Date.parse(before.case.dueAt) + 8 * 3_600_000).toISOString().slice(0, 10);
    await t.tdb.query(
      "INSERT INTO calendar_overrides (agency_id, kind, date_from, date_to, reason) VALUES ($1, 'closure', $2, $2, '颱風停止上班')",
      [t.b.id, dueDay],
    );
    const after = (await post("/api/requests", twRequest({ receivedAt: at }), "b")).json();
    assert.ok(
      Date.parse(after.case.dueAt) > Date.parse(before.case.dueAt),
      `${after.case.dueAt} > ${before.case.dueAt}`,
    );
    assert.ok(after.case.dueExplanation.some((s: { detail: string }) => s.detail.includes("颱風")));
    // A step on the older request recomputes its clock with the closure too.
    const p = await post(`/api/cases/${before.case.id}/pause`, { reason: "補正" }, "b");
    assert.equal(p.statusCode, 409, "pause needs the identity check first");
    const w = await post(
      `/api/requests/${before.case.id}/identity`,
      { personRole: "requester", method: "document_copy", documentType: "身分證", result: "verified" },
      "b",
    );
    assert.equal(w.json().case.dueAt, after.case.dueAt);
    await t.tdb.query("DELETE FROM calendar_overrides WHERE agency_id = $1", [t.b.id]);
  });

  test("C4: a legal representative for a KR subject aged 14 or more is refused; for a child under 14 accepted", async () => {
    const base = krRequest({
      requesterType: "legal_representative",
      representation: { basis: "child_under_14", relationship: "부" },
      subject: { name: "홍아동", birthDate: "2000-01-01" },
    });
    const bad = await post("/api/requests", base);
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().code, "requests.representative_not_allowed");
    const good = await post("/api/requests", {
      ...base,
      subject: { name: "홍아동", birthDate: "2016-01-01" },
    });
    assert.equal(good.statusCode, 201, good.body);
    assert.equal(good.json().subject.name, "홍아동");
    const missing = await post("/api/requests", { ...base, subject: undefined });
    assert.equal(missing.json().code, "requests.subject_required");
  });

  test("C13: TW fees from the schedule with waiver; C12: in-person viewing needs a companion", async () => {
    const tw = (await post("/api/requests", twRequest({ kind: "inspection" }), "b")).json();
    const fees = await post(
      `/api/requests/${tw.case.id}/fees`,
      {
        items: [
          { code: "inspection", quantity: 1 },
          { code: "copy_paper_bw", quantity: 10, unitAmount: 2 },
        ],
        waived: false,
      },
      "b",
      "PUT",
    );
    assert.equal(fees.statusCode, 200, fees.body);
    assert.equal(fees.json().total, 40);
    const noAmount = await post(
      `/api/requests/${tw.case.id}/fees`,
      { items: [{ code: "copy_paper_bw", quantity: 1 }], waived: false },
      "b",
      "PUT",
    );
    assert.equal(noAmount.json().code, "requests.fee_amount_required");
    const waived = await post(
      `/api/requests/${tw.case.id}/fees`,
      { items: [{ code: "inspection", quantity: 1 }], waived: true, waiverReason: "低收入戶" },
      "b",
      "PUT",
    );
    assert.equal(waived.json().due, 0);
    const appt = { method: "in_person", appointmentAt: "2026-12-01T10:00:00+08:00" };
    const noCompanion = await post(`/api/requests/${tw.case.id}/delivery`, appt, "b", "PUT");
    assert.equal(noCompanion.json().code, "requests.companion_required");
    const ok = await post(
      `/api/requests/${tw.case.id}/delivery`,
      { ...appt, companionStaffId: t.b.staffByRole.handler },
      "b",
      "PUT",
    );
    assert.equal(ok.statusCode, 200, ok.body);
    assert.ok(ok.json().tasks.some((x: { kind: string }) => x.kind === "appointment"));
  });

  test("C6: TW completion notice pauses the clock with a deadline; not remedied -> rejected with the 'incomplete' ground", async () => {
    const tw = (await post("/api/requests", twRequest({ kind: "deletion" }), "b")).json();
    const cn = await post(
      `/api/requests/${tw.case.id}/completion-notice`,
      { missing: "請補附身分證明文件", fixBy: "2027-01-15" },
      "b",
    );
    assert.equal(cn.statusCode, 200, cn.body);
    assert.equal(cn.json().state, "waiting_requester");
    const d = await post(
      `/api/requests/${tw.case.id}/decision`,
      { items: [{ itemId: tw.items[0].id, decision: "refused", groundCode: "incomplete" }] },
      "b",
    );
    assert.equal(d.statusCode, 200, d.body);
    assert.equal(d.json().case.state, "decided");
    assert.equal(d.json().case.pauses[0].requesterDeadline.slice(0, 10), "2027-01-15");
    assert.ok(d.json().case.pauses[0].endedAt, "the pause closed with the decision");
  });

  test("E3: reading the dispute list records which disputes and whose data were shown", async () => {
    const tw = (await post("/api/requests", twRequest({ kind: "stop_processing" }), "b")).json();
    const d = await post(
      `/api/requests/${tw.case.id}/disputes`,
      { fileLabel: "陳情案件檔", description: "電話記載錯誤" },
      "b",
    );
    assert.equal(d.statusCode, 201, d.body);
    const list = await t.inject({ method: "GET", url: "/api/requests/disputes", headers: await po("b") });
    assert.equal(list.statusCode, 200);
    const [e] = await t.tdb.query<{ details: { ids?: string[]; subjectRefs?: string[] } }>(
      "SELECT details FROM ledger_entries WHERE action = 'requests.disputes.read' ORDER BY seq DESC LIMIT 1",
    );
    assert.ok(e.details.ids?.includes(d.json().id), JSON.stringify(e.details));
    assert.ok(d.json().subjectRef && e.details.subjectRefs?.includes(d.json().subjectRef));
  });

  test("C15: an accuracy dispute suspends processing until resolved", async () => {
    const tw = (await post("/api/requests", twRequest({ kind: "stop_processing" }), "b")).json();
    const d = await post(
      `/api/requests/${tw.case.id}/disputes`,
      { fileLabel: "陳情案件檔", description: "地址記載錯誤" },
      "b",
    );
    assert.equal(d.statusCode, 201, d.body);
    assert.equal(d.json().processingSuspended, true);
    const list = await t.inject({ method: "GET", url: "/api/requests/disputes", headers: await po("b") });
    assert.ok(list.json().disputes.some((x: { id: string }) => x.id === d.json().id));
    const r = await post(
      `/api/requests/disputes/${d.json().id}/resolve`,
      { resolution: "已更正地址", outcome: "corrected" },
      "b",
    );
    assert.equal(r.json().processingSuspended, false);
    const again = await post(
      `/api/requests/disputes/${d.json().id}/resolve`,
      { resolution: "x", outcome: "corrected" },
      "b",
    );
    assert.equal(again.json().code, "requests.dispute_closed");
  });

  test("C14, C17, C16, C11: a granted correction notifies every recipient the register lists; a granted deletion hands over to destruction", async () => {
    const [file] = await t.tdb.query<{ id: string }>(
      "INSERT INTO registry_files (agency_id, name, unit_id, processing_method) VALUES ($1, '기초생활수급자 관리', $2, 'electronic') RETURNING id",
      [t.a.id, t.a.unitId],
    );
    await t.tdb.query(
      "INSERT INTO registry_provisions (agency_id, file_id, recipient, legal_ground_code, purpose, kind, status) VALUES ($1, $2, '보건복지부', 'art17-1-2', '급여 지급', 'routine', 'active'), ($1, $2, '국민건강보험공단', 'art17-1-2', '보험료', 'routine', 'active'), ($1, $2, '거절된 기관', 'x', 'y', 'one_off', 'rejected')",
      [t.a.id, file.id],
    );
    await t.tdb.query(
      "INSERT INTO registry_flows (agency_id, file_id, direction, counterpart) VALUES ($1, $2, 'out', '사회보장정보원')",
      [t.a.id, file.id],
    );
    const unknownFile = await post(
      "/api/requests",
      krRequest({ kind: "correction_deletion", targetFileIds: [t.a.unitId] }),
    );
    assert.equal(unknownFile.json().code, "requests.unknown_file");
    const r = (
      await post(
        "/api/requests",
        krRequest({
          kind: "correction_deletion",
          actions: ["correction", "deletion"],
          targetFileIds: [file.id],
        }),
      )
    ).json();
    assert.deepEqual(r.items.map((i: { action: string }) => i.action).sort(), ["correction", "deletion"]);
    const id = r.case.id;
    // C11: while the correction/deletion is pending, use and provision of this subject's data in the file are blocked.
    const { processingBlocked } = await import("./requests.service");
    const blocked = await t.deps.database.db.transaction((tx) =>
      processingBlocked(tx, t.a.id, file.id, r.subjectRef),
    );
    assert.deepEqual(blocked.reasons, ["pending_correction_or_deletion"]);
    await post(`/api/requests/${id}/identity`, {
      personRole: "requester",
      method: "id_card_in_person",
      documentType: "운전면허증",
      result: "verified",
    });
    const dec = await post(`/api/requests/${id}/decision`, {
      items: r.items.map((i: { id: string }) => ({ itemId: i.id, decision: "granted" })),
    });
    assert.equal(dec.statusCode, 200, dec.body);
    const notify = dec.json().tasks.filter((x: { kind: string }) => x.kind === "notify_recipient");
    const recipients = [
      ...new Set(notify.map((x: { details: { recipient: string } }) => x.details.recipient)),
    ].sort();
    assert.deepEqual(recipients, ["국민건강보험공단", "보건복지부", "사회보장정보원"]);
    assert.equal(notify.length, 6, "each recipient for the correction and for the deletion");
    const handover = dec.json().tasks.find((x: { kind: string }) => x.kind === "destruction_handover");
    assert.ok(handover);
    assert.equal(
      await count("request_destruction_handovers", "case_id = $1 AND status = 'pending'", [id]),
      1,
    );
    const done = await post(`/api/requests/tasks/${handover.id}/done`, { note: "파기 완료" });
    assert.equal(done.json().status, "done");
    assert.equal(
      await count("request_destruction_handovers", "case_id = $1 AND status = 'destroyed'", [id]),
      1,
    );
    const twice = await post(`/api/requests/tasks/${handover.id}/done`, {});
    assert.equal(twice.json().code, "requests.task_closed");
    const after = await t.deps.database.db.transaction((tx) =>
      processingBlocked(tx, t.a.id, file.id, r.subjectRef),
    );
    assert.equal(after.blocked, false);
    assert.equal(dec.json().letters[0].kind, "pipa_correction_result");
  });

  test("isolation: another agency's request answers 404 on every route", async () => {
    const r = (await post("/api/requests", krRequest())).json();
    const id = r.case.id;
    const h = await po("b");
    for (const [method, url, payload] of [
      ["GET", `/api/requests/${id}`, undefined],
      ["GET", `/api/cases/${id}`, undefined],
      ["GET", `/api/cases/${id}/timeline`, undefined],
      [
        "POST",
        `/api/requests/${id}/identity`,
        { personRole: "requester", method: "mobile_phone", documentType: "x", result: "verified" },
      ],
      ["POST", `/api/requests/${id}/decision`, { items: [{ itemId: r.items[0].id, decision: "granted" }] }],
      ["POST", `/api/cases/${id}/notes`, { body: "x" }],
      ["POST", `/api/cases/${id}/withdraw`, { reason: "x" }],
    ] as const) {
      const res = await t.inject({ method, url, payload: payload as object | undefined, headers: h });
      assert.equal(res.statusCode, 404, `${method} ${url}: ${res.statusCode}`);
    }
    const list = await t.inject({ method: "GET", url: "/api/cases?pageSize=200", headers: h });
    assert.ok(!list.json().items.some((c: { id: string }) => c.id === id));
    // Disputes and tasks of agency a are unknown ids to agency b.
    const d = await post(`/api/requests/${id}/disputes`, { fileLabel: "f", description: "d" });
    const rd = await t.inject({
      method: "POST",
      url: `/api/requests/disputes/${d.json().id}/resolve`,
      headers: h,
      payload: { resolution: "x", outcome: "confirmed" },
    });
    assert.equal(rd.statusCode, 404);
    const [task] = await t.tdb.query<{ id: string }>(
      "SELECT id FROM case_tasks WHERE agency_id = $1 LIMIT 1",
      [t.a.id],
    );
    if (task) {
      const td = await t.inject({
        method: "POST",
        url: `/api/requests/tasks/${task.id}/done`,
        headers: h,
        payload: {},
      });
      assert.equal(td.statusCode, 404);
    }
    const tasksB = await t.inject({ method: "GET", url: "/api/requests/tasks", headers: h });
    assert.ok(!JSON.stringify(tasksB.json()).includes(id));
  });

  test("the request list shows the requester's name and is in the ledger", async () => {
    const res = await t.inject({
      method: "GET",
      url: "/api/requests?state=received&pageSize=5",
      headers: await po(),
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.ok(
      res.json().items.length >= 1 &&
        res
          .json()
          .items.every(
            (i: { requesterName: string; state: string }) => i.requesterName && i.state === "received",
          ),
    );
    const [l] = await t.tdb.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM ledger_entries WHERE action = 'requests.list.read'",
    );
    assert.ok(l.n >= 1);
  });

  test("statistics by kind, outcome and channel; xlsx export", async () => {
    const s = await t.inject({ method: "GET", url: "/api/requests/stats?period=year", headers: await po() });
    assert.equal(s.statusCode, 200, s.body);
    const access = s.json().rows.find((r: { kind: string }) => r.kind === "access");
    const [db] = await t.tdb.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM cases WHERE agency_id = $1 AND sub_kind = 'access'",
      [t.a.id],
    );
    assert.equal(access.total, db.n);
    assert.ok(access.byChannel.visit >= 1);
    assert.ok(access.decided >= 2 && access.onTimeRate !== null);
    const x = await t.inject({
      method: "GET",
      url: "/api/requests/stats.xlsx?period=month",
      headers: await po(),
    });
    assert.equal(x.statusCode, 200);
    assert.equal(x.rawPayload.subarray(0, 2).toString(), "PK");
  });
});
