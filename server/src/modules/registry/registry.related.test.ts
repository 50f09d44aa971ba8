import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";
import { addDays, todayIn } from "./context";
import { caller, krFile, twFile } from "./test-helpers";

let t: TestApp;
let call: ReturnType<typeof caller>;
before(async () => {
  t = await createTestApp();
  call = caller(t);
});
after(async () => t.close());

const todayKr = () => todayIn("Asia/Seoul");

describe("provisions and the out-of-purpose log", () => {
  test("G1/G2: routine in-purpose provisions are active at once; one-off and out-of-purpose ones wait for approval and land in the log", async () => {
    const f = (await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "제공 파일" }))).json();
    const routine = await call("POST", "/api/registry/provisions", {
      fileId: f.id,
      recipient: "행정안전부",
      legalGroundCode: "art17-1-1",
      purpose: "통계",
      kind: "routine",
      items: ["성명"],
    });
    assert.equal(routine.json().status, "active");
    const badGround = await call("POST", "/api/registry/provisions", {
      fileId: f.id,
      recipient: "경찰서",
      legalGroundCode: "art17-1-1",
      purpose: "수사",
      kind: "one_off",
      outOfPurpose: true,
    });
    assert.equal(badGround.statusCode, 400, "an in-purpose ground is not an out-of-purpose ground");
    assert.equal(badGround.json().details[0].field, "legalGroundCode");
    const oop = await call("POST", "/api/registry/provisions", {
      fileId: f.id,
      recipient: "경찰서",
      legalGroundCode: "art18-2-7",
      purpose: "범죄 수사",
      kind: "one_off",
      outOfPurpose: true,
      items: ["성명", "전화번호"],
      providedOn: todayKr(),
    });
    assert.equal(oop.statusCode, 201, oop.body);
    assert.equal(oop.json().status, "pending");
    const byManager = await call(
      "POST",
      `/api/registry/provisions/${oop.json().id}/decision`,
      { decision: "approve", version: 1 },
      "a",
      "privacy_manager",
    );
    assert.equal(byManager.statusCode, 403, "only the privacy officer approves");
    const ok = await call("POST", `/api/registry/provisions/${oop.json().id}/decision`, {
      decision: "approve",
      note: "수사기관 공문",
      version: 1,
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().status, "approved");
    const again = await call("POST", `/api/registry/provisions/${oop.json().id}/decision`, {
      decision: "approve",
      version: 2,
    });
    assert.equal(again.json().code, "registry.not_pending");
    const log = (await call("GET", "/api/registry/out-of-purpose-log")).json();
    assert.equal(log.length, 1);
    assert.equal(log[0].recipient, "경찰서");
    assert.equal(log[0].groundCode, "art18-2-7");
    assert.equal(log[0].fileName, "제공 파일");
    const change = await call("PATCH", `/api/registry/provisions/${oop.json().id}`, {
      version: 2,
      reason: "x",
      purpose: "다른 목적",
    });
    assert.equal(change.json().code, "registry.decided");
  });
});

describe("entrustments", () => {
  test("G7/G9/B7: checklist from the pack, supervision with overdue actions on the dashboard, vendor staff lock, evidence upload, termination, public list", async () => {
    const f = (await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "위탁 파일" }))).json();
    const today = todayKr();
    const e = await call("POST", "/api/registry/entrustments", {
      vendor: "한국지역정보개발원",
      tasks: "공통기반 시스템 운영 및 재해복구",
      fileIds: [f.id],
      contractStart: addDays(today, -300),
      contractEnd: addDays(today, 30),
      clauses: [{ code: "purpose_limit", status: "met" }],
    });
    assert.equal(e.statusCode, 201, e.body);
    const ent = e.json();
    assert.equal(ent.seq, 1);
    assert.equal(ent.clauses.length, 8, "KR clause checklist (G7)");
    assert.equal(ent.clauses.find((c: { code: string }) => c.code === "purpose_limit").status, "met");
    assert.equal(ent.clauses.find((c: { code: string }) => c.code === "liability").status, "missing");
    const badClause = await call("PATCH", `/api/registry/entrustments/${ent.id}`, {
      version: 1,
      reason: "x",
      clauses: [{ code: "tender_capability", status: "met" }],
    });
    assert.equal(badClause.statusCode, 400, "a TW checklist item is not a KR clause");
    const sup = await call("POST", `/api/registry/entrustments/${ent.id}/supervisions`, {
      inspectedOn: addDays(today, -20),
      inspector: "정보통신과 주무관",
      findings: "접근권한 과다 부여",
      actions: [
        { action: "권한 회수", dueOn: addDays(today, -5) },
        { action: "교육 실시", dueOn: addDays(today, 10) },
      ],
    });
    assert.equal(sup.statusCode, 201, sup.body);
    const vs = await call("POST", `/api/registry/entrustments/${ent.id}/vendor-staff`, {
      name: "김수탁",
      role: "운영자",
      accountName: "vendor01",
      joinedOn: "2025-01-01",
    });
    assert.equal(vs.statusCode, 201);
    const left = await call("PATCH", `/api/registry/vendor-staff/${vs.json().id}`, {
      version: 1,
      reason: "퇴사",
      departedOn: today,
      accountLockedAt: new Date().toISOString(),
      passwordsChangedAt: new Date().toISOString(),
    });
    assert.equal(left.statusCode, 200, left.body);
    assert.ok(left.json().accountLockedAt);
    const staffList = await call("GET", `/api/registry/entrustments/${ent.id}/vendor-staff`);
    assert.equal(staffList.json().length, 1);
    const [ledger] = await t.tdb.query<{ action: string }>(
      "SELECT action FROM ledger_entries WHERE action = 'registry.vendor_staff.list' ORDER BY seq DESC LIMIT 1",
    );
    assert.equal(ledger?.action, "registry.vendor_staff.list", "vendor staff reads are ledgered");

    const dash = (await call("GET", "/api/registry/dashboard")).json();
    assert.ok(
      dash.contractsExpiring.some((c: { id: string }) => c.id === ent.id),
      "contract ending in 30 days is on the dashboard",
    );
    assert.deepEqual(
      dash.overdueActions.map((a: { action: string }) => a.action),
      ["권한 회수"],
    );
    assert.ok(dash.totals.entrusted >= 1);

    const pub = (await t.inject({ method: "GET", url: "/api/public/registry/agency-a/entrustments" })).json();
    assert.deepEqual(pub.entrustments, [
      { seq: 1, tasks: "공통기반 시스템 운영 및 재해복구", vendor: "한국지역정보개발원" },
    ]);

    // Evidence: type decided by bytes; a text file named .pdf is refused.
    const headers = await t.as("privacy_officer");
    const upload = (bytes: Buffer, name: string) => {
      const boundary = "----registrytest";
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\naffidavit\r\n`),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        bytes,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return t.inject({
        method: "POST",
        url: `/api/registry/entrustments/${ent.id}/evidence`,
        payload: body,
        headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}` },
      });
    };
    const fake = await upload(Buffer.from("not a pdf"), "affidavit.pdf");
    assert.equal(fake.statusCode, 415);
    assert.equal(fake.json().code, "registry.upload_type");
    const pdf = Buffer.from("%PDF-1.4\n% signed affidavit\n%%EOF\n");
    const up = await upload(pdf, "서약서.pdf");
    assert.equal(up.statusCode, 201, up.body);
    const dl = await t.inject({ method: "GET", url: `/api/registry/evidence/${up.json().id}`, headers });
    assert.equal(dl.statusCode, 200);
    assert.deepEqual(dl.rawPayload, pdf);

    const term = await call("POST", `/api/registry/entrustments/${ent.id}/terminate`, {
      version: 1,
      reason: "계약 만료",
      terminatedOn: today,
      returnConfirmed: true,
      deletionConfirmed: true,
      accessRevoked: true,
    });
    assert.equal(term.statusCode, 200, term.body);
    assert.equal(term.json().status, "terminated");
    const pub2 = (
      await t.inject({ method: "GET", url: "/api/public/registry/agency-a/entrustments" })
    ).json();
    assert.equal(pub2.entrustments.length, 0, "terminated entrustments leave the public list");
    const del = await call("DELETE", `/api/registry/files/${f.id}`, { version: 1, reason: "x" });
    assert.equal(del.json().details[0].kind, "entrustment");
  });

  test("E4/413: an evidence upload over maxUploadBytes is refused", async () => {
    const small = await createTestApp({ maxUploadBytes: 1024 });
    try {
      const c2 = caller(small);
      const e = (await c2("POST", "/api/registry/entrustments", { vendor: "v", tasks: "t" })).json();
      const headers = await small.as("privacy_officer");
      const boundary = "----big";
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\naffidavit\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF`,
        ),
        Buffer.alloc(4096, 32),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await small.inject({
        method: "POST",
        url: `/api/registry/entrustments/${e.id}/evidence`,
        payload: body,
        headers: { ...headers, "content-type": `multipart/form-data; boundary=${boundary}` },
      });
      assert.equal(res.statusCode, 413, res.body);
      const [{ n }] = await small.tdb.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM registry_evidence",
      );
      assert.equal(n, 0);
    } finally {
      await small.close();
    }
  });
});

describe("devices, risk, campaigns", () => {
  test("B10: CCTV device with notice-board text in ko and zh-TW generated from the record", async () => {
    const d = await call("POST", "/api/registry/devices", {
      name: "민원실 CCTV",
      location: "본관 1층 민원실",
      purpose: "시설안전 및 화재예방",
      count: 4,
      recordingHours: "24시간",
      retentionDays: 30,
      managers: [{ name: "홍길동", unit: "총무과", phone: "061-000-1111" }],
    });
    assert.equal(d.statusCode, 201, d.body);
    const ko = (await call("GET", `/api/registry/devices/${d.json().id}/notice?lang=ko`)).json();
    assert.match(ko.text, /시설안전 및 화재예방/);
    assert.match(ko.text, /본관 1층 민원실 \(4대\)/);
    assert.match(ko.text, /30일/);
    const zh = (await call("GET", `/api/registry/devices/${d.json().id}/notice?lang=zh-TW`)).json();
    assert.match(zh.text, /錄影監視系統設置告示/);
    const upd = await call("PATCH", `/api/registry/devices/${d.json().id}`, {
      version: 1,
      reason: "보관기간 변경",
      retentionDays: 14,
    });
    assert.equal(upd.json().version, 2);
    const ko2 = (await call("GET", `/api/registry/devices/${d.json().id}/notice?lang=ko`)).json();
    assert.match(ko2.text, /14일/);
  });

  test("E10: risk assessment needs every factor 1..5 and stores the level from scoreRisk", async () => {
    const f = (
      await call("POST", "/api/registry/files", twFile(t.b.unitId, { name: "風險檔案" }), "b")
    ).json();
    const partial = await call(
      "POST",
      `/api/registry/files/${f.id}/risk-assessments`,
      { scores: { identifiability: 5 }, assessedOn: "2026-01-10" },
      "b",
    );
    assert.equal(partial.statusCode, 400);
    assert.equal(partial.json().code, "registry.risk_scores");
    const scores = {
      identifiability: 5,
      file_type_volume: 4,
      sensitivity: 3,
      processing_environment: 3,
      access_storage: 2,
      legality: 2,
      awareness: 2,
    };
    const ok = await call(
      "POST",
      `/api/registry/files/${f.id}/risk-assessments`,
      { scores, assessedOn: "2026-01-10", nextReviewOn: "2027-01-10", controls: "加密" },
      "b",
    );
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().level, "medium");
    assert.equal(ok.json().mean, 3);
    const high = await call(
      "POST",
      `/api/registry/files/${f.id}/risk-assessments`,
      { scores: { ...scores, access_storage: 5, legality: 5 }, assessedOn: "2026-02-10" },
      "b",
    );
    assert.equal(high.json().level, "high");
    const list = (await call("GET", `/api/registry/files/${f.id}/risk-assessments`, undefined, "b")).json();
    assert.deepEqual(
      list.map((r: { level: string }) => r.level),
      ["high", "medium"],
    );
  });

  test("B4: a campaign covers every active file; units confirm; closing snapshots the register", async () => {
    await call("POST", "/api/registry/files", twFile(t.b.unitId, { name: "盤點檔案一" }), "b");
    const open = await call(
      "POST",
      "/api/registry/campaigns",
      { title: "115年度個資盤點", dueOn: "2026-12-31" },
      "b",
    );
    assert.equal(open.statusCode, 201, open.body);
    const camp = open.json();
    assert.ok(camp.progress.total >= 2);
    assert.equal(camp.progress.pending, camp.progress.total);
    const detail = (await call("GET", `/api/registry/campaigns/${camp.id}`, undefined, "b")).json();
    const item = detail.items[0];
    const conf = await call(
      "POST",
      `/api/registry/campaigns/${camp.id}/items/${item.id}/confirm`,
      { note: "無異動" },
      "b",
      "handler",
    );
    assert.equal(conf.statusCode, 200, conf.body);
    const dash = (await call("GET", "/api/registry/dashboard", undefined, "b")).json();
    assert.equal(dash.campaign.progress.confirmed, 1);
    const closed = await call("POST", `/api/registry/campaigns/${camp.id}/close`, {}, "b");
    assert.equal(closed.statusCode, 200, closed.body);
    const after = (await call("GET", `/api/registry/campaigns/${camp.id}`, undefined, "b")).json();
    assert.equal(after.status, "closed");
    assert.equal(after.snapshot.files.length, camp.progress.total);
    const late = await call("POST", `/api/registry/campaigns/${camp.id}/items/${item.id}/confirm`, {}, "b");
    assert.equal(late.json().code, "registry.campaign_closed");
  });
});

describe("subject search", () => {
  test("item 12/C1: files are found by declared item kinds; the ledger keeps the subject reference, never the identifier", async () => {
    await call(
      "POST",
      "/api/registry/files",
      krFile(t.a.unitId, { name: "전화만 있는 파일", items: [{ name: "성명" }, { name: "휴대전화번호" }] }),
    );
    await call(
      "POST",
      "/api/registry/files",
      krFile(t.a.unitId, {
        name: "주민번호 파일",
        items: [{ name: "성명" }, { name: "생년월일" }, { name: "주민등록번호", uniqueIdentifier: true }],
      }),
    );
    const rrn = "900101-1234567";
    const res = await call(
      "POST",
      "/api/registry/subject-search",
      { identifier: rrn },
      "a",
      "petition_clerk",
    );
    assert.equal(res.statusCode, 200, res.body);
    const names = res.json().files.map((f: { name: string }) => f.name);
    assert.ok(names.includes("주민번호 파일"));
    assert.ok(!names.includes("전화만 있는 파일"));
    const phone = (
      await call("POST", "/api/registry/subject-search", { identifier: "010-1234-5678" })
    ).json();
    assert.ok(phone.files.some((f: { name: string }) => f.name === "전화만 있는 파일"));
    assert.equal(phone.queryType, "phone");
    const nb = (
      await call("POST", "/api/registry/subject-search", { name: "홍길동", birthdate: "1990-01-01" })
    ).json();
    assert.deepEqual(
      nb.files.map((f: { name: string }) => f.name),
      ["주민번호 파일"],
    );
    const rows = await t.tdb.query<{ subject_ref: string; details: unknown }>(
      "SELECT subject_ref, details FROM ledger_entries WHERE action = 'registry.subject_search' ORDER BY seq",
    );
    assert.equal(rows.length, 3);
    assert.equal(rows[0].subject_ref, res.json().subjectRef);
    assert.match(rows[0].subject_ref, /^[0-9a-f]{32}$/);
    const dump = JSON.stringify(await t.tdb.query("SELECT * FROM ledger_entries"));
    assert.ok(
      !dump.includes("1234567") && !dump.includes("5678") && !dump.includes("홍길동"),
      "identifier leaked into the ledger",
    );
    const unknown = await call("POST", "/api/registry/subject-search", { identifier: "???" });
    assert.equal(unknown.json().code, "registry.unknown_identifier");
    const forbidden = await call("POST", "/api/registry/subject-search", { identifier: rrn }, "a", "auditor");
    assert.equal(forbidden.statusCode, 403);
  });

  test("item 12: findFilesForSubject is usable by other modules inside their transaction", async () => {
    const { findFilesForSubject } = await import("./subject-search");
    const r = await t.deps.database.db.transaction((tx) =>
      findFilesForSubject(tx, t.b.id, { identifier: "A123456789" }),
    );
    assert.equal(r.queryType, "tw_id");
    assert.ok(r.files.every((f) => f.matchedItems.length > 0));
    assert.ok(r.files.length >= 1);
  });
});
