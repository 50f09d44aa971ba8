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
});
