import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { decryptField } from "../../security/field-crypto";
import { createTestApp, type TestApp } from "../../test-support/app";

// Information disclosure through the generic portal kind routes (issue 12 item 3): each country's form.
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

async function codeMailedTo(to: string) {
  const rows = await t.tdb.query<{ to_enc: string; text_enc: string }>(
    "SELECT to_enc, text_enc FROM mail_outbox WHERE purpose = 'portal_code' ORDER BY created_at DESC",
  );
  const fk = t.deps.secrets.fieldKey;
  const m = rows.find((r) => decryptField(fk, r.to_enc) === to);
  return m ? decryptField(fk, m.text_enc).match(/\d{6}/)?.[0] : undefined;
}
const post = (url: string, payload: unknown) =>
  t.inject({ method: "POST", url, payload: payload as object, remoteAddress: "10.2.0.1" });

describe("portal: information disclosure", () => {
  test("J1, I3: a KR request on the portal (mailed code, confirm) is a disclosure case in review; the TW form is refused for a KR agency", async () => {
    const kr = {
      requester: {
        name: "이정보",
        birthDate: "1980-01-01",
        address: "한빛시 한빛동 1",
        phone: "010-1111-2222",
        email: "info.lee@example.kr",
      },
      content: "2025년 도로 보수 예산 집행 내역",
      methods: ["electronic"],
      receipt: "online",
    };
    const wrong = await post("/api/portal/kinds/disclosure/submissions", {
      agencyCode: "agency-a",
      consent: true,
      data: { ...kr, requester: { ...kr.requester, idNumber: "A123456789" } },
    });
    assert.equal(wrong.statusCode, 400, wrong.body);
    const s = await post("/api/portal/kinds/disclosure/submissions", {
      agencyCode: "agency-a",
      consent: true,
      locale: "ko",
      data: kr,
    });
    assert.equal(s.statusCode, 201, s.body);
    const { submissionId, submissionToken } = s.json();
    const code = await codeMailedTo("info.lee@example.kr");
    const ok = await post(`/api/portal/submissions/${submissionId}/confirm`, { submissionToken, code });
    assert.equal(ok.statusCode, 201, ok.body);
    const { receiptNumber, accessCode } = ok.json();
    assert.match(receiptNumber, /^DS-\d{4}-\d{6}$/);
    const st = await post("/api/portal/status", { agencyCode: "agency-a", receiptNumber, accessCode });
    assert.equal(st.statusCode, 200, st.body);
    assert.equal(st.json().caseKind, "disclosure");
    // No identity check for disclosure: review starts at intake.
    assert.equal(st.json().stage, "in_progress");
    const [c] = await t.tdb.query<{ channel: string; deadline_kind: string }>(
      "SELECT channel, deadline_kind FROM cases WHERE number = $1",
      [receiptNumber],
    );
    assert.equal(c.channel, "online");
    assert.equal(c.deadline_kind, "foi");
  });
  test("J1, J4: the portal form of each country lists the schema's choices in order, and TW asks the item count", async () => {
    const fieldsOf = async (code: string) => {
      const r = await t.inject({ method: "GET", url: `/api/portal/agencies/${code}/services` });
      assert.equal(r.statusCode, 200, r.body);
      type F = { name: string; required: boolean; multiple?: boolean; options?: Array<{ value: string }> };
      return (r.json().kinds as Array<{ kind: string; fields: F[] }>).find((k) => k.kind === "disclosure")
        ?.fields as F[];
    };
    const values = (fs: Array<{ name: string; options?: Array<{ value: string }> }>, n: string) =>
      fs.find((f) => f.name === n)?.options?.map((o) => o.value);
    const kr = await fieldsOf("agency-a");
    // KR 별지 제1호: 열람·시청 / 사본·출력물 / 전자파일 / 복제·인화물 / 기타; 수령: 방문 / 우편 / 팩스 / 전자우편 / 정보통신망.
    assert.deepEqual(values(kr, "methods"), ["view", "copy", "electronic", "duplicate", "other"]);
    assert.deepEqual(values(kr, "receipt"), ["visit", "post", "fax", "email", "online"]);
    assert.equal(kr.find((f) => f.name === "methods")?.multiple, true);
    assert.ok(!kr.some((f) => f.name === "itemCount"));
    const tw = await fieldsOf("agency-b");
    // TW §10①3 and §13: 閱覽 / 抄錄 / 複製 / 其他; 親自領取 / 郵寄 / 傳真 / 電子傳遞.
    assert.deepEqual(values(tw, "methods"), ["view", "transcribe", "copy", "other"]);
    assert.deepEqual(values(tw, "receipt"), ["visit", "post", "fax", "email"]);
    assert.equal(tw.find((f) => f.name === "itemCount")?.required, true);
  });

  test("J1: a KR portal request without birth date or business number is refused beside the birth date; no code mailed", async () => {
    const before = await t.tdb.query("SELECT 1 FROM mail_outbox WHERE purpose = 'portal_code'");
    const r = await t.inject({
      method: "POST",
      url: "/api/portal/kinds/disclosure/submissions",
      remoteAddress: "10.2.0.9",
      headers: { "accept-language": "ko" },
      payload: {
        agencyCode: "agency-a",
        consent: true,
        locale: "ko",
        data: {
          requester: {
            name: "이정보",
            address: "한빛시 1",
            phone: "010-1111-2222",
            email: "nobirth@example.kr",
          },
          content: "회의록",
          methods: ["electronic"],
          receipt: "online",
        },
      },
    });
    assert.equal(r.statusCode, 400, r.body);
    const d = r.json().details as Array<{ path: string; code: string; message: string }>;
    assert.deepEqual(
      d.map((x) => [x.path, x.code]),
      [["/data/requester/birthDate", "disclosure.identity_required"]],
    );
    assert.match(d[0].message, /생년월일.*사업자/);
    const afterRows = await t.tdb.query("SELECT 1 FROM mail_outbox WHERE purpose = 'portal_code'");
    assert.equal(afterRows.length, before.length);
  });
});
