import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { createTestApp, type TestApp } from "../../test-support/app";
import { multipart } from "../cases/multipart.test-helper";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

const po = (w: "a" | "b" = "a") => t.as("privacy_officer", w);

async function call(
  method: "GET" | "POST" | "PUT" | "DELETE",
  url: string,
  payload?: object,
  w: "a" | "b" = "a",
) {
  return t.inject({ method, url, ...(payload ? { payload } : {}), headers: await po(w) });
}

// The requester's own identifiers: the resident number is checksum-valid (weights 2..5, hand-computed: 6).
const OWN_RRN = "800505-1234566";
const person = (name: string, email: string, birthDate = "1980-05-05") => ({
  kind: "access",
  channel: "visit",
  requesterType: "self",
  requester: { name, email, birthDate },
  content: "민원 처리 기록 열람",
  targetDescription: "민원 처리 기록",
});

/** A KR access request, identity verified; decided when `grant` is given. */
async function request(
  opts: { name?: string; email?: string; content?: string; grant?: "granted"; w?: "a" | "b" } = {},
) {
  const w = opts.w ?? "a";
  const body = { ...person(opts.name ?? "홍길동", opts.email ?? "hong@example.kr") };
  if (opts.content) body.content = opts.content;
  // Agency b is Taiwanese: a request for copies (製給複製本).
  if (w === "b") Object.assign(body, { kind: "copy", content: "申請製給個人資料複製本", channel: "mail" });
  const res = await call("POST", "/api/requests", body, w);
  assert.equal(res.statusCode, 201, res.body);
  const id = res.json().case.id as string;
  const idc = await call(
    "POST",
    `/api/requests/${id}/identity`,
    {
      personRole: "requester",
      method: "id_card_in_person",
      documentType: "주민등록증",
      identifier: OWN_RRN,
      result: "verified",
    },
    w,
  );
  assert.equal(idc.statusCode, 200, idc.body);
  if (opts.grant) {
    const itemId = idc.json().items[0].id;
    const dec = await call(
      "POST",
      `/api/requests/${id}/decision`,
      {
        items: [{ itemId, decision: "granted" }],
      },
      w,
    );
    assert.equal(dec.statusCode, 200, dec.body);
  }
  return { id, number: res.json().case.number as string, subjectRef: res.json().subjectRef as string };
}

async function attach(caseId: string, filename: string, content: string, w: "a" | "b" = "a") {
  const m = multipart({ filename, content, contentType: "text/plain" }, { kind: "scan" });
  const res = await t.inject({
    method: "POST",
    url: `/api/cases/${caseId}/attachments`,
    payload: m.payload,
    headers: { ...(await po(w)), ...m.headers },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

async function accessCode(caseId: string) {
  const r = await call("POST", `/api/requests/${caseId}/access-code`, {});
  assert.equal(r.statusCode, 200, r.body);
  return r.json().accessCode as string;
}

const portal = (url: string, receiptNumber: string, accessCode: string, ip = "203.0.113.9") =>
  t.inject({
    method: "POST",
    url,
    remoteAddress: ip,
    payload: { agencyCode: "agency-a", receiptNumber, accessCode },
  });

const CLEAN = `열람 자료 사본\n신청인 전자우편 hong@example.kr\n주민등록번호 ${OWN_RRN}\n2025년 민원 처리 기록 3건`;
const WITH_OTHER = `${CLEAN}\n참고인 연락처 kim.other@example.kr`;

describe("delivery of a granted access request (issue 11 item 4)", () => {
  test("C1, C5: a granted request's file is released, listed on the status page and downloaded with the access code, decrypted and ledgered", async () => {
    const r = await request({ grant: "granted" });
    const fileId = await attach(r.id, "copy.txt", CLEAN);
    const ov = await call("GET", `/api/requests/${r.id}/delivery`);
    assert.equal(ov.statusCode, 200, ov.body);
    const f = ov.json().files.find((x: { id: string }) => x.id === fileId);
    // Two findings (the e-mail and the resident number), both the requester's own: nothing to confirm.
    assert.equal(f.pii.status, "ok");
    assert.equal(f.pii.thirdParty, 0);
    assert.equal(f.pii.own, 2);
    assert.equal(f.released, null);

    const rel = await call("POST", `/api/requests/${r.id}/releases`, { attachmentId: fileId });
    assert.equal(rel.statusCode, 201, rel.body);
    assert.equal(
      rel.json().files.find((x: { id: string }) => x.id === fileId).released.by,
      "privacy_officer.agency-a",
    );
    const twice = await call("POST", `/api/requests/${r.id}/releases`, { attachmentId: fileId });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json().code, "requests.already_released");

    const code = await accessCode(r.id);
    const st = await portal("/api/portal/status", r.number, code);
    assert.equal(st.statusCode, 200, st.body);
    assert.deepEqual(
      st.json().delivery.files.map((x: { id: string; filename: string }) => [x.id, x.filename]),
      [[fileId, "copy.txt"]],
    );
    const dl = await portal(`/api/portal/files/${fileId}`, r.number, code);
    assert.equal(dl.statusCode, 200, dl.body);
    assert.equal(dl.body, CLEAN);
    const [stored] = await t.tdb.query<{ data: Buffer }>("SELECT data FROM case_attachments WHERE id = $1", [
      fileId,
    ]);
    assert.ok(!Buffer.from(stored.data).toString("utf8").includes("hong@example.kr"), "encrypted at rest");
    const led = await t.tdb.query<{ subject_ref: string }>(
      "SELECT subject_ref FROM ledger_entries WHERE action = 'portal.file.download' AND resource_id = $1",
      [fileId],
    );
    assert.deepEqual(
      led.map((l) => l.subject_ref),
      [r.subjectRef],
    );

    // Wrong code and unknown receipt number: the same neutral answer.
    const wrong = await portal(`/api/portal/files/${fileId}`, r.number, "AAAA-BBBB-CCCC", "203.0.113.10");
    const unknown = await portal(`/api/portal/files/${fileId}`, "RQ-2099-999999", code, "203.0.113.10");
    assert.equal(wrong.statusCode, 404);
    assert.equal(unknown.statusCode, 404);
    assert.equal(wrong.json().code, "portal.not_found");
    assert.equal(unknown.json().code, "portal.not_found");
  });

  test("C1: releasing is refused for a request not granted (before the decision and after a refusal); nothing saved", async () => {
    const r = await request();
    const fileId = await attach(r.id, "copy.txt", CLEAN);
    const res = await call("POST", `/api/requests/${r.id}/releases`, { attachmentId: fileId });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().code, "requests.release_not_granted");
    const asm = await call("POST", `/api/requests/${r.id}/assemble`, {});
    assert.equal(asm.statusCode, 409, asm.body);
    const [n] = await t.tdb.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM request_releases WHERE case_id = $1",
      [r.id],
    );
    assert.equal(n.n, 0);
    const ov = await call("GET", `/api/requests/${r.id}/delivery`);
    assert.equal(ov.json().deliverable, false);
    // An unreleased file is not downloadable from the portal even with the right code.
    const code = await accessCode(r.id);
    const dl = await portal(`/api/portal/files/${fileId}`, r.number, code, "203.0.113.11");
    assert.equal(dl.statusCode, 404);
  });

  test("C12: a file still holding a third party's identifier is refused with the finding masked; a confirmation needs a reason; the confirmed release is ledgered", async () => {
    const r = await request({ grant: "granted" });
    const fileId = await attach(r.id, "copy.txt", WITH_OTHER);
    const res = await t.inject({
      method: "POST",
      url: `/api/requests/${r.id}/releases`,
      payload: { attachmentId: fileId },
      headers: { ...(await po()), "accept-language": "ko" },
    });
    assert.equal(res.statusCode, 409, res.body);
    assert.equal(res.json().code, "requests.release_third_party");
    assert.match(res.json().message, /다른 사람의 식별정보/);
    assert.match(res.json().message, /1건/);
    const details = res.json().details;
    assert.equal(details.thirdParty, 1);
    assert.equal(details.findings.length, 1);
    assert.equal(details.findings[0].type, "EMAIL");
    assert.ok(!res.body.includes("kim.other@example.kr"), "the value is masked");
    assert.ok(!res.body.includes("kim.other"), "the local part is masked too");

    const noReason = await call("POST", `/api/requests/${r.id}/releases`, {
      attachmentId: fileId,
      confirmThirdParty: true,
    });
    assert.equal(noReason.statusCode, 409);
    const ok = await call("POST", `/api/requests/${r.id}/releases`, {
      attachmentId: fileId,
      confirmThirdParty: true,
      reason: "참고인이 공개에 동의함(동의서 확인)",
    });
    assert.equal(ok.statusCode, 201, ok.body);
    const f = ok.json().files.find((x: { id: string }) => x.id === fileId);
    assert.equal(f.released.thirdPartyFindings, 1);
    assert.equal(f.released.reason, "참고인이 공개에 동의함(동의서 확인)");
    const [led] = await t.tdb.query<{ details: { confirmed: boolean; reason: string }; subject_ref: string }>(
      "SELECT details, subject_ref FROM ledger_entries WHERE action = 'requests.delivery.release' AND resource_id = $1",
      [fileId],
    );
    assert.equal(led.details.confirmed, true);
    assert.equal(led.details.reason, "참고인이 공개에 동의함(동의서 확인)");
    assert.equal(led.subject_ref, r.subjectRef);
  });

  test("C5, E9: the assembled record holds the subject's own requests and not another person's (canary)", async () => {
    const first = await request({ name: "이몽룡", email: "lee@example.kr", content: "첫째 요구 LEE-ONE" });
    const canary = await request({ name: "성춘향", email: "sung@example.kr", content: "CANARY-SUNG-7731" });
    const second = await request({
      name: "이몽룡",
      email: "lee@example.kr",
      content: "둘째 요구 LEE-TWO",
      grant: "granted",
    });
    assert.equal(first.subjectRef, second.subjectRef);
    const asm = await call("POST", `/api/requests/${second.id}/assemble`, {});
    assert.equal(asm.statusCode, 201, asm.body);
    assert.equal(asm.json().assembled.released, true);
    assert.deepEqual(asm.json().assembled.counts, { rights_requests: 2 });
    const fileId = asm.json().assembled.attachmentId as string;

    const code = await accessCode(second.id);
    const dl = await portal(`/api/portal/files/${fileId}`, second.number, code, "203.0.113.12");
    assert.equal(dl.statusCode, 200, dl.body);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(dl.rawPayload as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.eachSheet((ws) => {
      ws.eachRow((row) => {
        row.eachCell((c) => {
          cells.push(String(c.value));
        });
      });
    });
    const all = cells.join("\n");
    for (const v of [first.number, second.number, "첫째 요구 LEE-ONE", "둘째 요구 LEE-TWO", "접수번호"])
      assert.ok(all.includes(v), `assembled record has ${v}`);
    assert.ok(!all.includes("CANARY-SUNG-7731"), "another person's request text is not there");
    assert.ok(!all.includes(canary.number), "another person's receipt number is not there");
    const [stored] = await t.tdb.query<{ data: Buffer; kind: string }>(
      "SELECT data, kind FROM case_attachments WHERE id = $1",
      [fileId],
    );
    assert.equal(stored.kind, "assembled_record");
    assert.ok(!Buffer.from(stored.data).includes(Buffer.from("PK\u0003\u0004")), "encrypted at rest");
  });

  test("C5: another agency's case or attachment gives 404, on staff routes and on the portal", async () => {
    const r = await request({ grant: "granted" });
    const fileId = await attach(r.id, "copy.txt", CLEAN);
    const asB = await call("POST", `/api/requests/${r.id}/releases`, { attachmentId: fileId }, "b");
    assert.equal(asB.statusCode, 404);
    const getB = await call("GET", `/api/requests/${r.id}/delivery`, undefined, "b");
    assert.equal(getB.statusCode, 404);
    const own = await request({ grant: "granted", w: "b", email: "b@example.tw" });
    const cross = await call("POST", `/api/requests/${own.id}/releases`, { attachmentId: fileId }, "b");
    assert.equal(cross.statusCode, 404);
    // A released file of one request is not reachable with another request's receipt and code.
    await call("POST", `/api/requests/${r.id}/releases`, { attachmentId: fileId });
    const other = await request({ grant: "granted", email: "other@example.kr", name: "김철수" });
    const code = await accessCode(other.id);
    const dl = await portal(`/api/portal/files/${fileId}`, other.number, code, "203.0.113.13");
    assert.equal(dl.statusCode, 404);
    assert.equal(dl.json().code, "portal.not_found");
  });

  test("C12: in-person viewing: the status page shows the time and place instead of files", async () => {
    const r = await request({ grant: "granted" });
    const d = await call("PUT", `/api/requests/${r.id}/delivery`, {
      method: "in_person",
      appointmentAt: "2031-03-04T05:00:00.000Z",
      location: "본관 2층 민원실",
    });
    assert.ok(d.statusCode < 300, d.body);
    const code = await accessCode(r.id);
    const st = await portal("/api/portal/status", r.number, code, "203.0.113.14");
    assert.equal(st.statusCode, 200, st.body);
    assert.deepEqual(st.json().delivery.viewing, {
      at: "2031-03-04T05:00:00.000Z",
      location: "본관 2층 민원실",
    });
    assert.deepEqual(st.json().delivery.files, []);
  });
});
