import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";
import { type OutboundMail, onMailQueued } from "../cases/comms";
import { multipart } from "../cases/multipart.test-helper";
import { LIMITS } from "./throttle";

let t: TestApp;
const mail: OutboundMail[] = [];
before(async () => {
  t = await createTestApp();
  onMailQueued((m) => mail.push(m));
});
after(async () => t.close());

const form = (over: Record<string, unknown> = {}) => ({
  agencyCode: "agency-a",
  consent: true,
  kind: "access",
  requesterType: "self",
  requester: {
    name: "김민원",
    email: "minwon.kim@example.kr",
    phone: "010-2222-3333",
    birthDate: "1975-03-01",
  },
  content: "2026년 복지급여 신청 기록 열람 요구",
  delivery: { method: "download" },
  ...over,
});

const codeFor = (to: string) => {
  const m = [...mail].reverse().find((x) => x.kind === "portal_code" && x.to === to);
  return m?.text.match(/\d{6}/)?.[0] as string;
};

async function count(table: string, where = "true", params: unknown[] = []) {
  const [r] = await t.tdb.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return r.n;
}

async function submitAndConfirm(body: Record<string, unknown>, ip = "10.0.0.1") {
  const s = await t.inject({
    method: "POST",
    url: "/api/portal/submissions",
    payload: body,
    remoteAddress: ip,
  });
  assert.equal(s.statusCode, 201, s.body);
  const { submissionId, submissionToken } = s.json();
  const email = (body.requester as { email: string }).email;
  const c = await t.inject({
    method: "POST",
    url: `/api/portal/submissions/${submissionId}/confirm`,
    payload: { submissionToken, code: codeFor(email) },
    remoteAddress: ip,
  });
  assert.equal(c.statusCode, 201, c.body);
  return { ...c.json(), submissionId, submissionToken } as {
    submissionId: string;
    receiptNumber: string;
    accessCode: string;
    agencyCode: string;
  };
}

describe("citizen portal", () => {
  test("C2, C3, C5, C7: submit online -> confirm e-mail code -> staff verify identity -> grant -> notified -> citizen downloads the letter", async () => {
    const agencies = await t.inject({ method: "GET", url: "/api/portal/agencies" });
    assert.ok(agencies.json().some((a: { code: string }) => a.code === "agency-a"));
    const f = await t.inject({ method: "GET", url: "/api/portal/agencies/agency-a/form" });
    assert.equal(f.json().form.request, "별지 제1호");
    assert.deepEqual(f.json().representationBases, ["poa", "child_under_14"]);
    assert.ok(
      f.json().fields.some((x: { name: string; required: boolean }) => x.name === "content" && x.required),
    );

    const s = await t.inject({
      method: "POST",
      url: "/api/portal/submissions",
      payload: form(),
      remoteAddress: "10.0.0.2",
    });
    assert.equal(s.statusCode, 201, s.body);
    const { submissionId, submissionToken } = s.json();
    assert.equal(
      await count("cases", "agency_id = $1", [t.a.id]),
      0,
      "no case before the e-mail is confirmed",
    );

    // An identity document attached to the pending submission.
    const pdf = multipart(
      { filename: "신분증.pdf", content: "%PDF-1.4\n%test\n", contentType: "application/pdf" },
      { kind: "identity_document" },
    );
    const att = await t.inject({
      method: "POST",
      url: `/api/portal/submissions/${submissionId}/attachments`,
      payload: pdf.payload,
      headers: { ...pdf.headers, "x-submission-token": submissionToken },
    });
    assert.equal(att.statusCode, 201, att.body);

    const wrong = await t.inject({
      method: "POST",
      url: `/api/portal/submissions/${submissionId}/confirm`,
      payload: { submissionToken, code: "000000" === codeFor("minwon.kim@example.kr") ? "111111" : "000000" },
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().code, "portal.code_invalid");
    const [att1] = await t.tdb.query<{ code_attempts: number }>(
      "SELECT code_attempts FROM portal_submissions WHERE id = $1",
      [submissionId],
    );
    assert.equal(att1.code_attempts, 1, "the failed attempt is counted although the request failed");

    const ok = await t.inject({
      method: "POST",
      url: `/api/portal/submissions/${submissionId}/confirm`,
      payload: { submissionToken, code: codeFor("minwon.kim@example.kr") },
    });
    assert.equal(ok.statusCode, 201, ok.body);
    const { receiptNumber, accessCode } = ok.json();
    assert.match(accessCode, /^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const [rr] = await t.tdb.query<{ access_code_hash: string; case_id: string }>(
      "SELECT c.access_code_hash, c.id AS case_id FROM cases c WHERE c.number = $1 AND c.agency_id = $2",
      [receiptNumber, t.a.id],
    );
    assert.ok(rr.access_code_hash && !rr.access_code_hash.includes(accessCode.replace(/-/g, "")));
    const everything = JSON.stringify(
      await t.tdb.query("SELECT * FROM rights_requests WHERE case_id = $1", [rr.case_id]),
    );
    assert.ok(
      !everything.includes(accessCode) && !everything.includes(accessCode.replace(/-/g, "")),
      "only a hash of the access code is stored",
    );
    assert.equal(
      await count("case_attachments", "case_id = $1", [rr.case_id]),
      1,
      "the attachment moved to the case",
    );
    const [cs] = await t.tdb.query<{ channel: string; state: string }>(
      "SELECT channel, state FROM cases WHERE id = $1",
      [rr.case_id],
    );
    assert.deepEqual(cs, { channel: "online", state: "received" });

    // Staff side.
    const h = await t.as("privacy_officer");
    const idc = await t.inject({
      method: "POST",
      url: `/api/requests/${rr.case_id}/identity`,
      headers: h,
      payload: {
        personRole: "requester",
        method: "mobile_phone",
        documentType: "휴대전화 본인확인",
        result: "verified",
      },
    });
    assert.equal(idc.statusCode, 200, idc.body);
    const itemId = idc.json().items[0].id;
    const dec = await t.inject({
      method: "POST",
      url: `/api/requests/${rr.case_id}/decision`,
      headers: h,
      payload: { items: [{ itemId, decision: "granted" }] },
    });
    assert.equal(dec.statusCode, 200, dec.body);
    const n = await t.inject({
      method: "POST",
      url: `/api/requests/${rr.case_id}/notify`,
      headers: h,
      payload: {},
    });
    assert.equal(n.json().state, "notified");

    const st = await t.inject({
      method: "POST",
      url: "/api/portal/status",
      payload: { agencyCode: "agency-a", receiptNumber, accessCode: accessCode.toLowerCase() },
    });
    assert.equal(st.statusCode, 200, st.body);
    assert.equal(st.json().state, "notified");
    assert.equal(st.json().letters.length, 1);
    // Issue 11 item 6: the status page writes the due as a date (day-counted) in the agency's zone.
    assert.equal(st.json().dueUnit, "days");
    assert.equal(st.json().timeZone, "Asia/Seoul");
    const pdfRes = await t.inject({
      method: "POST",
      url: `/api/portal/letters/${st.json().letters[0].id}`,
      payload: { agencyCode: "agency-a", receiptNumber, accessCode },
    });
    assert.equal(pdfRes.statusCode, 200);
    assert.equal(pdfRes.rawPayload.subarray(0, 5).toString(), "%PDF-");
    const actions = (
      await t.tdb.query<{ action: string }>("SELECT action FROM ledger_entries WHERE resource_id = $1", [
        rr.case_id,
      ])
    ).map((r) => r.action);
    for (const a of ["portal.request.submit", "portal.status.read", "cases.transition.notify"])
      assert.ok(actions.includes(a), a);
  });

  test("C8, C6: a TW refusal with a ground reaches the citizen as a refusal letter", async () => {
    const r = await submitAndConfirm(
      form({
        agencyCode: "agency-b",
        kind: "copy",
        requester: { name: "陳大文", email: "chen@example.tw", address: "臺北市" },
        content: "申請製給複製本",
        delivery: { method: "post" },
      }),
      "10.0.0.3",
    );
    const h = await t.as("privacy_officer", "b");
    const [c] = await t.tdb.query<{ id: string }>(
      "SELECT id FROM cases WHERE number = $1 AND agency_id = $2",
      [r.receiptNumber, t.b.id],
    );
    const detail = (await t.inject({ method: "GET", url: `/api/requests/${c.id}`, headers: h })).json();
    const dec = await t.inject({
      method: "POST",
      url: `/api/requests/${c.id}/decision`,
      headers: h,
      payload: {
        items: [
          { itemId: detail.items[0].id, decision: "refused", groundCode: "art10-2", note: "妨害職務執行" },
        ],
      },
    });
    assert.equal(dec.statusCode, 200, dec.body);
    assert.equal(dec.json().items[0].groundArticle, "PDPA Art. 10 proviso (2)");
    await t.inject({ method: "POST", url: `/api/requests/${c.id}/notify`, headers: h, payload: {} });
    const st = await t.inject({
      method: "POST",
      url: "/api/portal/status",
      payload: { agencyCode: "agency-b", receiptNumber: r.receiptNumber, accessCode: r.accessCode },
    });
    assert.equal(st.json().outcome, "refused");
    assert.equal(st.json().letters[0].kind, "tw_refusal");
  });

  test("bad input: missing fields, no consent, an undeliverable e-mail, a wrong agency: clear errors, nothing created", async () => {
    const before = await count("portal_submissions");
    const missing = await t.inject({
      method: "POST",
      url: "/api/portal/submissions",
      payload: { agencyCode: "agency-a", consent: true },
    });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().code, "validation");
    assert.ok(missing.json().details.length > 0);
    const noConsent = await t.inject({
      method: "POST",
      url: "/api/portal/submissions",
      payload: form({ consent: false }),
    });
    assert.equal(noConsent.json().code, "portal.consent_required");
    const badMail = await t.inject({
      method: "POST",
      url: "/api/portal/submissions",
      payload: form({ requester: { name: "x", email: "someone@nowhere.invalid" } }),
    });
    assert.equal(badMail.statusCode, 400);
    assert.equal(badMail.json().code, "portal.email_undeliverable");
    const notMail = await t.inject({
      method: "POST",
      url: "/api/portal/submissions",
      payload: form({ requester: { name: "x", email: "not-an-address" } }),
    });
    assert.equal(notMail.json().code, "validation");
    const agency = await t.inject({
      method: "POST",
      url: "/api/portal/submissions",
      payload: form({ agencyCode: "nope" }),
    });
    assert.equal(agency.json().code, "portal.unknown_agency");
    const kid = await t.inject({
      method: "POST",
      url: "/api/portal/submissions",
      payload: form({
        requesterType: "legal_representative",
        representation: { basis: "child_under_14" },
        subject: { name: "김아동", birthDate: "2001-01-01" },
      }),
    });
    assert.equal(kid.json().code, "requests.representative_not_allowed");
    assert.equal(await count("portal_submissions"), before);
  });

  test("bad input: executable and oversized attachments are refused; five wrong codes void the form", async () => {
    const s = (
      await t.inject({
        method: "POST",
        url: "/api/portal/submissions",
        payload: form({ requester: { name: "박시민", email: "park@example.kr" } }),
        remoteAddress: "10.0.0.4",
      })
    ).json();
    const up = (name: string, content: Buffer, type = "application/octet-stream") => {
      const m = multipart({ filename: name, content, contentType: type }, { kind: "other" });
      return t.inject({
        method: "POST",
        url: `/api/portal/submissions/${s.submissionId}/attachments`,
        payload: m.payload,
        headers: { ...m.headers, "x-submission-token": s.submissionToken },
      });
    };
    const exe = await up("scan.pdf", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]));
    assert.equal(exe.statusCode, 415);
    assert.equal(exe.json().code, "cases.attachment_type");
    const named = await up("setup.exe", Buffer.from("%PDF-1.4 not really"));
    assert.equal(named.json().code, "cases.attachment_type");
    const elf = await up("notes.txt", Buffer.from([0x7f, 0x45, 0x4c, 0x46, 1, 2, 3]));
    assert.equal(elf.json().code, "cases.attachment_type");
    const big = await up(
      "big.pdf",
      Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(10 * 1024 * 1024)]),
      "application/pdf",
    );
    assert.equal(big.statusCode, 413);
    assert.equal(big.json().code, "cases.attachment_too_large");
    const badToken = await t.inject({
      method: "POST",
      url: `/api/portal/submissions/${s.submissionId}/confirm`,
      payload: { submissionToken: "x".repeat(32), code: "123456" },
    });
    assert.equal(badToken.json().code, "portal.submission_not_found");
    assert.equal(await count("case_attachments", "submission_id = $1", [s.submissionId]), 0);

    const right = codeFor("park@example.kr");
    const wrongCode = right === "000001" ? "000002" : "000001";
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.inject({
        method: "POST",
        url: `/api/portal/submissions/${s.submissionId}/confirm`,
        payload: { submissionToken: s.submissionToken, code: wrongCode },
      });
      codes.push(r.json().code);
    }
    assert.deepEqual(codes, [
      "portal.code_invalid",
      "portal.code_invalid",
      "portal.code_invalid",
      "portal.code_invalid",
      "portal.code_exhausted",
    ]);
    const late = await t.inject({
      method: "POST",
      url: `/api/portal/submissions/${s.submissionId}/confirm`,
      payload: { submissionToken: s.submissionToken, code: right },
    });
    assert.equal(late.json().code, "portal.submission_closed");
  });

  test("C5: a stranger's wrong codes for a receipt do not keep its owner out; the stranger's address stays limited", async () => {
    const r = await submitAndConfirm(
      form({ requester: { name: "정민원", email: "jung@example.kr" } }),
      "10.0.0.6",
    );
    const ask = (accessCode: string, ip: string) =>
      t.inject({
        method: "POST",
        url: "/api/portal/status",
        payload: { agencyCode: "agency-a", receiptNumber: r.receiptNumber, accessCode },
        remoteAddress: ip,
      });
    // The stranger uses two addresses, five wrong codes each (hand-counted: the per-receipt limit is 5).
    const strangerStatuses: number[] = [];
    for (const ip of ["10.6.0.1", "10.6.0.2"])
      for (let i = 0; i < 5; i++) strangerStatuses.push((await ask(`EEEE-EEEE-EEE${i}`, ip)).statusCode);
    assert.deepEqual(strangerStatuses, Array(10).fill(404));
    for (const ip of ["10.6.0.1", "10.6.0.2"]) {
      const again = await ask(r.accessCode, ip);
      assert.equal(again.statusCode, 429, "the stranger's addresses wait, even with the right code");
      assert.equal(again.json().code, "portal.rate_limited");
    }
    const owner = await ask(r.accessCode, "10.6.9.9");
    assert.equal(owner.statusCode, 200, owner.body);
    assert.equal(owner.json().receiptNumber, r.receiptNumber);
  });

  test("a wrong access code is rate limited per receipt and per address, and never reveals whether the receipt exists", async () => {
    const r = await submitAndConfirm(
      form({ requester: { name: "이정보", email: "lee@example.kr" } }),
      "10.0.0.5",
    );
    const ask = (receiptNumber: string, accessCode: string, ip: string) =>
      t.inject({
        method: "POST",
        url: "/api/portal/status",
        payload: { agencyCode: "agency-a", receiptNumber, accessCode },
        remoteAddress: ip,
      });
    const existing = await ask(r.receiptNumber, "AAAA-AAAA-AAAA", "10.1.0.1");
    const unknown = await ask("RQ-2026-999999", "AAAA-AAAA-AAAA", "10.1.0.2");
    const otherAgency = await t.inject({
      method: "POST",
      url: "/api/portal/status",
      payload: { agencyCode: "agency-b", receiptNumber: r.receiptNumber, accessCode: r.accessCode },
      remoteAddress: "10.1.0.3",
    });
    for (const res of [existing, unknown, otherAgency]) {
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().code, "portal.not_found");
    }
    assert.equal(existing.json().message, unknown.json().message);
    assert.deepEqual(Object.keys(existing.json()).sort(), Object.keys(unknown.json()).sort());

    // Per receipt and address: after the limit that address waits, for known and unknown numbers alike.
    for (let i = 1; i < LIMITS.lookupReceipt; i++) await ask(r.receiptNumber, "BBBB-BBBB-BBBB", "10.1.0.1");
    for (let i = 1; i < LIMITS.lookupReceipt; i++) await ask("RQ-2026-999999", "BBBB-BBBB-BBBB", "10.1.0.2");
    const limited = await ask(r.receiptNumber, r.accessCode, "10.1.0.1");
    const limitedUnknown = await ask("RQ-2026-999999", "CCCC-CCCC-CCCC", "10.1.0.2");
    for (const res of [limited, limitedUnknown]) {
      assert.equal(res.statusCode, 429);
      assert.equal(res.json().code, "portal.rate_limited");
      assert.ok(Number(res.headers["retry-after"]) > 0);
    }
    // Per address: one address guessing across many receipt numbers is stopped too.
    for (let i = 0; i < LIMITS.lookupIp; i++)
      await ask(`RQ-2026-8${String(i).padStart(5, "0")}`, "DDDD-DDDD-DDDD", "10.5.0.1");
    const ipLimited = await ask("RQ-2026-700000", "DDDD-DDDD-DDDD", "10.5.0.1");
    assert.equal(ipLimited.statusCode, 429);
    const denied = await t.tdb.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM ledger_entries WHERE action = 'portal.access.failed'",
    );
    assert.ok(denied[0].n >= LIMITS.lookupIp, "failed look-ups are in the ledger");
  });
});

describe("citizen portal: ledger entries belong to the agency", () => {
  test("E3: submission, attachment and code resend entries carry the agency, so its auditors find them", async () => {
    const ip = "10.9.9.9";
    const s = await t.inject({
      method: "POST",
      url: "/api/portal/submissions",
      payload: form({ requester: { name: "이감사", email: "audit.trail@example.kr" } }),
      remoteAddress: ip,
    });
    assert.equal(s.statusCode, 201, s.body);
    const { submissionId, submissionToken } = s.json();
    const pdf = multipart(
      { filename: "id.pdf", content: Buffer.from("%PDF-1.4\n%test\n"), contentType: "application/pdf" },
      { kind: "identity_document" },
    );
    const up = await t.inject({
      method: "POST",
      url: `/api/portal/submissions/${submissionId}/attachments`,
      payload: pdf.payload,
      headers: { ...pdf.headers, "x-submission-token": submissionToken },
      remoteAddress: ip,
    });
    assert.equal(up.statusCode, 201, up.body);
    const resend = await t.inject({
      method: "POST",
      url: `/api/portal/submissions/${submissionId}/resend`,
      payload: { submissionToken },
      remoteAddress: ip,
    });
    assert.equal(resend.statusCode, 200, resend.body);
    const headers = await t.as("auditor");
    for (const action of ["portal.submission.create", "portal.attachment.create", "portal.code.resend"]) {
      const rows = await t.tdb.query<{ agency_id: string | null }>(
        "SELECT agency_id FROM ledger_entries WHERE action = $1 ORDER BY seq DESC LIMIT 1",
        [action],
      );
      assert.equal(rows[0]?.agency_id, t.a.id, `${action} names the agency`);
      const seen = await t.inject({ method: "GET", url: `/api/audit/ledger?action=${action}`, headers });
      assert.ok(seen.json().total >= 1, `${action} is visible to the agency's auditor`);
    }
  });
});
