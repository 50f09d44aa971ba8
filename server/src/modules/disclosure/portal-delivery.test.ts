import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";
import { multipart } from "../cases/multipart.test-helper";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

async function call(method: "GET" | "POST", url: string, payload?: object, w: "a" | "b" = "a") {
  return t.inject({
    method,
    url,
    ...(payload ? { payload } : {}),
    headers: await t.as("privacy_officer", w),
  });
}
async function count(table: string, where = "true", params: unknown[] = []) {
  const [r] = await t.tdb.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return r.n;
}

// Agency A is Korean (test-support/app.ts).
const kr = (email: string | null = "hong@example.kr", receipt = "email") => ({
  form: "KR",
  channel: "visit",
  receivedAt: "2026-03-23T01:00:00Z",
  requester: {
    name: "홍길동",
    birthDate: "1980-05-05",
    address: "한빛시 중앙로 1",
    phone: "010-1234-5678",
    ...(email ? { email } : {}),
  },
  content: "2025년 도로 보수 공사 계약서",
  methods: ["electronic"],
  receipt,
});

async function create(body = kr()) {
  const res = await call("POST", "/api/disclosure", body);
  assert.equal(res.statusCode, 201, res.body);
  return { id: res.json().case.id as string, number: res.json().case.number as string };
}

async function attach(caseId: string, filename: string, content: string) {
  const m = multipart({ filename, content, contentType: "text/plain" }, { kind: "scan" });
  const res = await t.inject({
    method: "POST",
    url: `/api/cases/${caseId}/attachments`,
    payload: m.payload,
    headers: { ...(await t.as("privacy_officer", "a")), ...m.headers },
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json().id as string;
}

const portal = (url: string, receiptNumber: string, accessCode: string, ip: string) =>
  t.inject({
    method: "POST",
    url,
    remoteAddress: ip,
    payload: { agencyCode: "agency-a", receiptNumber, accessCode },
  });

async function accessCode(id: string) {
  const r = await call("POST", `/api/disclosure/${id}/access-code`, {});
  assert.equal(r.statusCode, 200, r.body);
  return r.json().accessCode as string;
}

describe("disclosure: released files on the portal, notice e-mail (issue 12 item 3)", () => {
  test("J1: right code -> only the released file is listed and downloaded (ledgered); the unreleased one never", async () => {
    const r = await create();
    const released = await attach(r.id, "contract.txt", "도로 보수 공사 계약서 사본");
    const kept = await attach(r.id, "internal-memo.txt", "내부 검토 메모");
    const code = await accessCode(r.id);

    // Before the decision nothing is delivered.
    const before = await portal("/api/portal/status", r.number, code, "203.0.113.40");
    assert.equal(before.statusCode, 200, before.body);
    assert.equal(before.json().delivery, null);
    const early = await portal(`/api/portal/files/${released}`, r.number, code, "203.0.113.40");
    assert.equal(early.statusCode, 404);

    const dec = await call("POST", `/api/disclosure/${r.id}/decision`, {
      outcome: "full",
      groundCodes: [],
      releaseAttachmentIds: [released],
    });
    assert.equal(dec.statusCode, 200, dec.body);

    const st = await portal("/api/portal/status", r.number, code, "203.0.113.40");
    assert.equal(st.statusCode, 200, st.body);
    assert.deepEqual(
      st.json().delivery.files.map((f: { id: string; filename: string }) => [f.id, f.filename]),
      [[released, "contract.txt"]],
    );
    assert.ok(!st.body.includes(kept) && !st.body.includes("internal-memo"));

    const dl = await portal(`/api/portal/files/${released}`, r.number, code, "203.0.113.40");
    assert.equal(dl.statusCode, 200, dl.body);
    assert.equal(dl.body, "도로 보수 공사 계약서 사본");
    assert.equal(
      await count("ledger_entries", "action = 'portal.file.download' AND resource_id = $1", [released]),
      1,
    );

    // The unreleased attachment of the same case: the same neutral 404 as an unknown file.
    const no = await portal(`/api/portal/files/${kept}`, r.number, code, "203.0.113.40");
    assert.equal(no.statusCode, 404);
    assert.equal(no.json().code, "portal.not_found");
    assert.equal(
      await count("ledger_entries", "action = 'portal.file.download' AND resource_id = $1", [kept]),
      0,
    );
  });

  test("J1: a wrong access code gets the neutral refusal and no file", async () => {
    const r = await create();
    const f = await attach(r.id, "plan.txt", "설계변경 내역");
    await accessCode(r.id);
    const dec = await call("POST", `/api/disclosure/${r.id}/decision`, {
      outcome: "full",
      groundCodes: [],
      releaseAttachmentIds: [f],
    });
    assert.equal(dec.statusCode, 200, dec.body);
    const wrong = await portal(`/api/portal/files/${f}`, r.number, "AAAA-BBBB-CCCC", "203.0.113.41");
    const unknown = await portal(
      `/api/portal/files/${f}`,
      "DS-2099-999999",
      "AAAA-BBBB-CCCC",
      "203.0.113.41",
    );
    assert.equal(wrong.statusCode, unknown.statusCode);
    assert.equal(wrong.json().code, unknown.json().code);
    assert.ok(!wrong.body.includes("설계변경"));
    assert.equal(
      await count("ledger_entries", "action = 'portal.file.download' AND resource_id = $1", [f]),
      0,
    );
  });

  test("J1: notifying queues the notice e-mail once, with the decision letter; a second notify is refused and sends nothing", async () => {
    const r = await create();
    const dec = await call("POST", `/api/disclosure/${r.id}/decision`, { outcome: "full", groundCodes: [] });
    assert.equal(dec.statusCode, 200, dec.body);
    const n = await call("POST", `/api/disclosure/${r.id}/notify`, {});
    assert.equal(n.statusCode, 200, n.body);
    assert.equal(n.json().case.state, "notified");
    assert.equal(await count("case_messages", "case_id = $1 AND kind = 'decision_notice'", [r.id]), 1);
    const [m] = await t.tdb.query<{ subject: string; body_enc: string }>(
      "SELECT subject, body_enc FROM case_messages WHERE case_id = $1 AND kind = 'decision_notice'",
      [r.id],
    );
    assert.equal(m.subject, `[정보공개 결정 통지] ${r.number}`);
    assert.ok(!m.body_enc.includes("/portal"), "the body is stored encrypted");
    const again = await call("POST", `/api/disclosure/${r.id}/notify`, {});
    assert.equal(again.statusCode, 409, again.body);
    assert.equal(await count("case_messages", "case_id = $1 AND kind = 'decision_notice'", [r.id]), 1);
  });

  test("J1: a requester without an e-mail address (post) gets no e-mail; the case is still notified", async () => {
    const r = await create(kr(null, "post"));
    await call("POST", `/api/disclosure/${r.id}/decision`, { outcome: "full", groundCodes: [] });
    const n = await call("POST", `/api/disclosure/${r.id}/notify`, {});
    assert.equal(n.statusCode, 200, n.body);
    assert.equal(await count("case_messages", "case_id = $1", [r.id]), 0);
  });
});
