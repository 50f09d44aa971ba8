// The cases of the outside review (issue 10, section 5 "Input the system should refuse"): each one used
// to give a 500 or be stored. Expected codes and bounds come from docs/api.md, not from the validators.
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { multipart } from "../modules/cases/multipart.test-helper";
import { krFile } from "../modules/registry/test-helpers";
import { createTestApp, type TestApp } from "../test-support/app";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

type Detail = { path: string; code: string; message: string };

async function post(url: string, payload: object, opts: { who?: "a" | "b"; locale?: string } = {}) {
  const headers = { ...(await t.as("privacy_officer", opts.who ?? "a")), "x-locale": opts.locale ?? "en" };
  return t.inject({ method: "POST", url, payload, headers });
}

function fieldError(res: { statusCode: number; body: string; json(): unknown }, path: string): Detail {
  assert.equal(res.statusCode, 400, res.body);
  const body = res.json() as { code: string; details: Detail[] };
  assert.equal(body.code, "validation");
  const d = body.details.find((x) => x.path === path);
  assert.ok(d, `no detail for ${path}: ${res.body}`);
  return d;
}

async function count(sql: string, params: unknown[] = []) {
  const [r] = await t.tdb.query<{ n: number }>(sql, params);
  return r.n;
}

describe("input the system refuses (review issue 10 §5)", () => {
  test("B1: a NUL in a system name is a 400 on the name field, not a 500", async () => {
    const res = await post("/api/registry/systems", { name: "인사\u0000시스템" });
    const d = fieldError(res, "/name");
    assert.equal(d.code, "text.control_char");
    assert.equal(await count("SELECT count(*)::int AS n FROM registry_systems WHERE name LIKE '인사%'"), 0);
  });

  test("I2: a NUL in a calendar override's reason is a 400 with a Korean message for a Korean caller", async () => {
    const res = await post(
      "/api/calendar/overrides",
      { kind: "closure", dateFrom: "2026-03-17", reason: "태풍\u0000휴무" },
      { locale: "ko" },
    );
    const d = fieldError(res, "/reason");
    assert.equal(d.code, "text.control_char");
    assert.equal(d.message, "이 항목에 허용되지 않는 제어 문자(NUL 등)가 들어 있습니다.");
  });

  test("B1: a NUL in a campaign title is a 400 (zh-TW message), not a 500", async () => {
    const res = await post(
      "/api/registry/campaigns",
      { title: "年度盤點\u0000", dueOn: "2026-12-31" },
      { who: "b", locale: "zh-TW" },
    );
    const d = fieldError(res, "/title");
    assert.equal(d.code, "text.control_char");
    assert.equal(d.message, "此欄位含有不允許的控制字元（例如 NUL）。");
  });

  test("C2: a birth date of 0000-01-01 is refused as out of range", async () => {
    const res = await post("/api/requests", {
      kind: "access",
      channel: "email",
      requesterType: "self",
      requester: { name: "최열람", email: "choi@example.kr", birthDate: "0000-01-01" },
      content: "열람 요구",
    });
    const d = fieldError(res, "/requester/birthDate");
    assert.equal(d.code, "date.out_of_range");
    assert.match(d.message, /1900-01-01/);
  });

  test("C2, C7: a request received in 1900 is refused (no case due in 1900)", async () => {
    const before = await count("SELECT count(*)::int AS n FROM cases");
    const res = await post("/api/requests", {
      kind: "access",
      channel: "mail",
      requesterType: "self",
      requester: { name: "최열람", email: "choi@example.kr" },
      content: "열람 요구",
      receivedAt: "1900-01-02T09:00:00+09:00",
    });
    const d = fieldError(res, "/receivedAt");
    assert.equal(d.code, "date.out_of_range");
    assert.equal(await count("SELECT count(*)::int AS n FROM cases"), before);
  });

  test("C2: a lone surrogate in a portal requester's name is a 400 on that field", async () => {
    const res = await t.inject({
      method: "POST",
      url: "/api/portal/submissions",
      headers: { "x-locale": "en", "content-type": "application/json" },
      // Built by hand: JSON.stringify would escape the lone surrogate the same way, but be explicit.
      payload: `{"agencyCode":"agency-a","consent":true,"kind":"access","requesterType":"self","requester":{"name":"김\\ud800민원","email":"minwon.kim@example.kr"},"content":"열람 요구"}`,
      remoteAddress: "10.9.0.1",
    });
    const d = fieldError(res, "/requester/name");
    assert.equal(d.code, "text.lone_surrogate");
    assert.equal(await count("SELECT count(*)::int AS n FROM portal_submissions"), 0);
  });

  test("C9: a control character in a multipart upload's file name or fields is a field-level 400, nothing stored", async () => {
    const c = await post("/api/requests", {
      kind: "access",
      channel: "email",
      requesterType: "self",
      requester: { name: "최열람", email: "choi@example.kr" },
      content: "열람 요구",
    });
    assert.equal(c.statusCode, 201, c.body);
    const caseId = c.json().case.id;
    const m = multipart({ filename: "신분증\u0007.txt", content: "사본" }, { kind: "identity_document" });
    const res = await t.inject({
      method: "POST",
      url: `/api/cases/${caseId}/attachments`,
      payload: m.payload,
      headers: { ...(await t.as("privacy_officer")), ...m.headers, "x-locale": "en" },
    });
    assert.equal(fieldError(res, "/filename").code, "text.control_char");
    assert.equal(
      await count("SELECT count(*)::int AS n FROM case_attachments WHERE case_id = $1", [caseId]),
      0,
    );
  });

  test("C2, C3: a portal submission naming another agency's register file is refused at step 1, before any code is mailed", async () => {
    const file = await post("/api/registry/files", krFile(t.a.unitId, { name: "다른 기관 파일 시험" }));
    assert.equal(file.statusCode, 201, file.body);
    const mailBefore = await count("SELECT count(*)::int AS n FROM mail_outbox");
    const res = await t.inject({
      method: "POST",
      url: "/api/portal/submissions",
      headers: { "x-locale": "zh-TW" },
      // Agency b (TW) is asked about agency a's file.
      payload: {
        agencyCode: "agency-b",
        consent: true,
        kind: "copy",
        requesterType: "self",
        requester: { name: "林小明", email: "lin.ming@example.tw" },
        content: "查詢我的資料",
        targetFileIds: [file.json().id],
      },
      remoteAddress: "10.9.0.2",
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().code, "requests.unknown_file");
    assert.equal(res.json().message, "此檔案不在本機關的個人資料檔案中。");
    assert.equal(await count("SELECT count(*)::int AS n FROM mail_outbox"), mailBefore, "no code mailed");
    assert.equal(await count("SELECT count(*)::int AS n FROM portal_submissions"), 0, "nothing kept");
  });
});
