import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

async function call(
  method: "GET" | "POST",
  url: string,
  payload?: unknown,
  w: "a" | "b" = "a",
  role = "privacy_officer",
) {
  return t.inject({
    method,
    url,
    payload: payload as object,
    headers: await t.as(role as "privacy_officer", w),
  });
}
async function count(table: string, where = "true", params: unknown[] = []) {
  const [r] = await t.tdb.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return r.n;
}
const localDate = (iso: string, tz: string) => new Date(iso).toLocaleDateString("en-CA", { timeZone: tz });

// Agency A is Korean, agency B Taiwanese (test-support/app.ts).
const kr = (over: Record<string, unknown> = {}) => ({
  form: "KR",
  channel: "visit",
  receivedAt: "2026-03-23T01:00:00Z", // Mon 10:00 Asia/Seoul
  requester: {
    name: "홍길동",
    birthDate: "1980-05-05",
    address: "한빛시 중앙로 1",
    phone: "010-1234-5678",
    email: "hong@example.kr",
  },
  content: "2025년 도로 보수 공사 계약서 및 설계변경 내역",
  methods: ["copy", "electronic"],
  receipt: "email",
  ...over,
});
const tw = (over: Record<string, unknown> = {}) => ({
  form: "TW",
  channel: "mail",
  receivedAt: "2026-03-23T02:00:00Z", // Mon 10:00 Asia/Taipei
  requester: { name: "王小明", idNumber: "A123456789", address: "臺北市中正區1號", phone: "02-2222-3333" },
  content: "114年度道路維修契約書",
  itemCount: 2,
  purpose: "學術研究",
  methods: ["copy"],
  receipt: "post",
  ...over,
});

describe("disclosure requests (staff)", () => {
  test("J1: KR intake on Mon 2026-03-23 -> DS number, foi clock, due Fri 04-03 (§19②: Saturdays and Sundays skipped)", async () => {
    const res = await call("POST", "/api/disclosure", kr());
    assert.equal(res.statusCode, 201, res.body);
    const d = res.json();
    assert.match(d.case.number, /^DS-2026-\d{6}$/);
    assert.equal(d.case.deadlineKind, "foi");
    assert.equal(d.case.state, "in_review");
    // 10 working days counting the first: 23-27 Mar (5), 30 Mar-3 Apr (5).
    assert.equal(localDate(d.case.dueAt, "Asia/Seoul"), "2026-04-03");
    assert.equal(d.requester.name, "홍길동");
    const [raw] = await t.tdb.query<{ personal_enc: string }>(
      "SELECT personal_enc FROM disclosure_requests WHERE case_id = $1",
      [d.case.id],
    );
    assert.ok(!raw.personal_enc.includes("홍길동") && !raw.personal_enc.includes("hong@"));
  });

  test("J4: TW intake on Mon 2026-03-23 -> tw_foi clock, due Tue 04-07 (15 days, APA Art 48: first day excluded)", async () => {
    const res = await call("POST", "/api/disclosure", tw(), "b");
    assert.equal(res.statusCode, 201, res.body);
    const d = res.json();
    assert.equal(d.case.deadlineKind, "tw_foi");
    assert.equal(localDate(d.case.dueAt, "Asia/Taipei"), "2026-04-07");
    assert.equal(d.itemCount, 2);
    assert.equal(d.purpose, "學術研究");
    // A KR form at a TW agency is refused, nothing saved.
    const before = await count("cases", "kind = 'disclosure'");
    const bad = await call("POST", "/api/disclosure", kr(), "b");
    assert.equal(bad.statusCode, 400);
    assert.equal(await count("cases", "kind = 'disclosure'"), before);
  });

  test("J1: a KR form with neither 생년월일 nor 사업자등록번호 is refused beside the birth date, naming both fields, in the caller's language; nothing saved", async () => {
    const before = await count("cases", "kind = 'disclosure'");
    const { birthDate: _b, ...requester } = kr().requester;
    for (const [lang, words] of [
      ["ko", ["생년월일", "사업자(법인·단체)등록번호"]],
      ["en", ["date of birth", "business (organisation) registration number"]],
    ] as const) {
      const res = await t.inject({
        method: "POST",
        url: "/api/disclosure",
        payload: kr({ requester }),
        headers: { ...(await t.as("privacy_officer", "a")), "accept-language": lang },
      });
      assert.equal(res.statusCode, 400, res.body);
      const body = res.json() as {
        code: string;
        details: Array<{ path: string; code: string; message: string }>;
      };
      // Not "this is not the agency's form": the form is right, one field is missing.
      assert.equal(body.code, "validation");
      assert.deepEqual(
        body.details.map((d) => [d.path, d.code]),
        [["/requester/birthDate", "disclosure.identity_required"]],
      );
      for (const w of words)
        assert.ok(body.details[0].message.includes(w), `${lang}: "${w}" in ${body.details[0].message}`);
    }
    // A business number alone is enough (a company requester).
    const ok = await call(
      "POST",
      "/api/disclosure",
      kr({ requester: { ...requester, businessNumber: "123-45-67890" } }),
    );
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(await count("cases", "kind = 'disclosure'"), before + 1);
  });

  test("J1: a decision without a ground is refused and nothing is saved; partial with grounds is accepted and the letter goes out", async () => {
    const id = (await call("POST", "/api/disclosure", kr())).json().case.id as string;
    const letters0 = await count("letters", "case_id = $1", [id]);
    const ledger0 = await count("ledger_entries", "resource_id = $1", [id]);
    const bad = await call("POST", `/api/disclosure/${id}/decision`, { outcome: "partial", groundCodes: [] });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.equal(bad.json().code, "disclosure.ground_required");
    const [row] = await t.tdb.query<{ state: string; outcome: string | null }>(
      "SELECT state, outcome FROM cases WHERE id = $1",
      [id],
    );
    assert.deepEqual(row, { state: "in_review", outcome: null });
    assert.equal(await count("letters", "case_id = $1", [id]), letters0);
    assert.equal(await count("ledger_entries", "resource_id = $1", [id]), ledger0);
    // A TW ground is not a KR ground.
    const wrong = await call("POST", `/api/disclosure/${id}/decision`, {
      outcome: "partial",
      groundCodes: ["art18-1-6"],
    });
    assert.equal(wrong.json().code, "disclosure.unknown_ground");

    const ok = await call("POST", `/api/disclosure/${id}/decision`, {
      outcome: "partial",
      groundCodes: ["art9-1-6"],
      note: "개인 성명 가림",
      fees: {
        lines: [
          { code: "copy_a4", quantity: 1 },
          { code: "copy_a4_more", quantity: 4 },
        ],
        waived: false,
      },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const d = ok.json();
    assert.equal(d.case.state, "decided");
    assert.equal(d.case.outcome, "partly");
    assert.equal(d.outcome, "partial");
    assert.deepEqual(d.grounds, ["art9-1-6"]);
    assert.equal(d.fees.total, 450); // 250 + 4 x 50
    assert.equal(d.letter.kind, "foi_decision");
    assert.equal(await count("letters", "case_id = $1 AND kind = 'foi_decision'", [id]), 1);
    const again = await call("POST", `/api/disclosure/${id}/decision`, { outcome: "full", groundCodes: [] });
    assert.equal(again.statusCode, 409);
  });

  test("J1: a decision is refused while a third party's opinion is outstanding (KR §11③, §21①)", async () => {
    const id = (await call("POST", "/api/disclosure", kr())).json().case.id as string;
    const tp = await call("POST", `/api/disclosure/${id}/third-parties`, {
      name: "(주)한빛건설",
      contact: "061-111-2222",
    });
    assert.equal(tp.statusCode, 201, tp.body);
    const party = tp.json().thirdParties[0];
    assert.equal(party.opinion, null);
    const refused = await call("POST", `/api/disclosure/${id}/decision`, {
      outcome: "full",
      groundCodes: [],
    });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().code, "disclosure.third_party_pending");
    const [row] = await t.tdb.query<{ state: string }>("SELECT state FROM cases WHERE id = $1", [id]);
    assert.equal(row.state, "in_review");
    const op = await call("POST", `/api/disclosure/${id}/third-parties/${party.id}/opinion`, {
      opinion: "object",
      note: "영업상 비밀",
    });
    assert.equal(op.statusCode, 200, op.body);
    const ok = await call("POST", `/api/disclosure/${id}/decision`, {
      outcome: "non_disclosure",
      groundCodes: ["art9-1-7"],
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().case.outcome, "refused");
  });

  test("J1: remedy dates after the notice on Mon 2026-03-23 (objection Wed 04-22; appeal and lawsuit Sun 06-21 -> Mon 06-22)", async () => {
    const id = (await call("POST", "/api/disclosure", kr())).json().case.id as string;
    const nh = await call("POST", `/api/disclosure/${id}/decision`, {
      outcome: "not_held",
      groundCodes: [],
      note: "문서 대장 검색 결과 없음",
      decidedAt: "2026-03-23T05:00:00Z",
    });
    assert.equal(nh.statusCode, 200, nh.body);
    const n = await call("POST", `/api/disclosure/${id}/notify`, { notifiedAt: "2026-03-23T06:00:00Z" });
    assert.equal(n.statusCode, 200, n.body);
    assert.deepEqual(
      n
        .json()
        .remedies.map((r: { code: string; dueAt: string }) => [r.code, localDate(r.dueAt, "Asia/Seoul")]),
      [
        ["objection", "2026-04-22"],
        ["admin_appeal", "2026-06-22"],
        ["admin_litigation", "2026-06-22"],
      ],
    );
    const o = await call("POST", `/api/disclosure/${id}/objection`, {
      filedAt: "2026-04-01T01:00:00Z",
      note: "재검색 요청",
    });
    assert.equal(o.statusCode, 200, o.body);
    assert.equal(o.json().objection.note, "재검색 요청");
  });

  test("J4: TW 訴願 due 30 days after the notice (Mon 03-23 -> Wed 04-22)", async () => {
    const id = (await call("POST", "/api/disclosure", tw(), "b")).json().case.id as string;
    const dec = await call(
      "POST",
      `/api/disclosure/${id}/decision`,
      { outcome: "partial", groundCodes: ["art18-1-6"], decidedAt: "2026-03-23T05:00:00Z" },
      "b",
    );
    assert.equal(dec.statusCode, 200, dec.body);
    assert.equal(dec.json().letter.kind, "tw_foi_decision");
    const n = await call("POST", `/api/disclosure/${id}/notify`, { notifiedAt: "2026-03-23T06:00:00Z" }, "b");
    assert.deepEqual(
      n
        .json()
        .remedies.map((r: { code: string; dueAt: string }) => [r.code, localDate(r.dueAt, "Asia/Taipei")]),
      [["appeal", "2026-04-22"]],
    );
  });

  test("J1: transfer to another agency (민원이첩) closes the case with the letter; withdrawal closes as withdrawn", async () => {
    const id = (await call("POST", "/api/disclosure", kr())).json().case.id as string;
    const noTarget = await call("POST", `/api/disclosure/${id}/transfer`, {
      targetAgency: "",
      reason: "소관 아님",
    });
    assert.equal(noTarget.statusCode, 400);
    const tr = await call("POST", `/api/disclosure/${id}/transfer`, {
      targetAgency: "한빛도청",
      reason: "도 소관 사업",
    });
    assert.equal(tr.statusCode, 200, tr.body);
    assert.equal(tr.json().case.state, "transferred");
    assert.equal(tr.json().outcome, "transferred");
    assert.equal(tr.json().transferTarget, "한빛도청");
    assert.equal(tr.json().letter.kind, "foi_transfer");

    const id2 = (await call("POST", "/api/disclosure", kr())).json().case.id as string;
    const wd = await call("POST", `/api/disclosure/${id2}/withdraw`, { reason: "청구인 취하" });
    assert.equal(wd.statusCode, 200, wd.body);
    assert.equal(wd.json().case.state, "withdrawn");
    assert.equal(wd.json().outcome, "withdrawn");
  });

  test("J1: another agency's request is not found; the auditor reads but cannot decide", async () => {
    const id = (await call("POST", "/api/disclosure", kr())).json().case.id as string;
    assert.equal((await call("GET", `/api/disclosure/${id}`, undefined, "b")).statusCode, 404);
    assert.equal((await call("GET", `/api/disclosure/${id}`, undefined, "a", "auditor")).statusCode, 200);
    const dec = await call(
      "POST",
      `/api/disclosure/${id}/decision`,
      { outcome: "full", groundCodes: [] },
      "a",
      "auditor",
    );
    assert.equal(dec.statusCode, 403);
    const list = await call("GET", "/api/disclosure");
    assert.ok(
      list
        .json()
        .items.some(
          (i: { id: string; requesterName: string }) => i.id === id && i.requesterName === "홍길동",
        ),
    );
  });
});
