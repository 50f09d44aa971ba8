import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { decryptField } from "../../security/field-crypto";
import { createTestApp, type TestApp } from "../../test-support/app";
import { seedPetitionTypes } from "../petitions/types.service";

// A citizen files a petition through the generic portal routes (issue 12 items 1-2): form -> code mailed
// (read back from the mail outbox, as an operator would see it) -> confirm -> receipt number + access code.
let t: TestApp;
before(async () => {
  t = await createTestApp();
  await t.deps.database.db.transaction((tx) => seedPetitionTypes(tx, t.a.id));
});
after(async () => t.close());

const EMAIL = "haneul.park@example.kr";
const form = (over: Record<string, unknown> = {}) => ({
  agencyCode: "agency-a",
  consent: true,
  locale: "ko",
  data: {
    typeCode: "proposal",
    title: "가로등 고장 신고",
    content: "한빛동 3번지 앞 가로등이 일주일째 꺼져 있어 밤길이 위험합니다. 수리를 요청합니다.",
    petitioner: { name: "박하늘", email: EMAIL, phone: "010-4444-5555", address: "한빛시 한빛동 3번지" },
    ...over,
  },
});

/** The latest mail of a kind to an address, decrypted from the outbox table. */
async function outbox(kind: string, to: string) {
  const rows = await t.tdb.query<{ to_enc: string; subject_enc: string; text_enc: string }>(
    "SELECT to_enc, subject_enc, text_enc FROM mail_outbox WHERE purpose = $1 ORDER BY created_at DESC",
    [kind],
  );
  const fk = t.deps.secrets.fieldKey;
  const m = rows.find((r) => decryptField(fk, r.to_enc) === to);
  assert.ok(m, `a ${kind} mail to ${to}`);
  return { subject: decryptField(fk, m.subject_enc), text: decryptField(fk, m.text_enc) };
}

async function count(table: string, where = "true", params: unknown[] = []) {
  const [r] = await t.tdb.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return r.n;
}

const post = (url: string, payload: unknown, ip = "10.1.0.1") =>
  t.inject({ method: "POST", url, payload: payload as object, remoteAddress: ip });

describe("portal: petitions", () => {
  test("I1: the petition form offers only the agency's types open to online filing", async () => {
    const r = await t.inject({ method: "GET", url: "/api/portal/agencies/agency-a/petition-types" });
    assert.equal(r.statusCode, 200, r.body);
    const codes = r.json().types.map((x: { code: string }) => x.code);
    // Seed 003: 7 statutory + 6 life-report types online; certificates and counter items are not.
    assert.equal(codes.length, 13);
    assert.ok(codes.includes("proposal") && codes.includes("life_traffic"));
    assert.ok(!codes.includes("online_certificate") && !codes.includes("family_register_copy"));
    const svc = await t.inject({ method: "GET", url: "/api/portal/agencies/agency-a/services" });
    const pk = svc.json().kinds.find((k: { kind: string }) => k.kind === "petition");
    assert.equal(pk.title.ko, "민원");
    assert.ok(pk.fields.some((f: { name: string }) => f.name === "typeCode"));
  });

  test("I1, I3: file on the portal (mailed code, confirm), status with stage, unit, due date and the answer letter; the public search shows stage and unit only", async () => {
    const s = await post("/api/portal/kinds/petition/submissions", form());
    assert.equal(s.statusCode, 201, s.body);
    const { submissionId, submissionToken } = s.json();
    assert.equal(await count("petitions", "agency_id = $1", [t.a.id]), 0, "nothing before the code");
    const codeMail = await outbox("portal_code", EMAIL);
    assert.match(codeMail.subject, /민원/);
    const code = codeMail.text.match(/\d{6}/)?.[0];
    const ok = await post(`/api/portal/submissions/${submissionId}/confirm`, { submissionToken, code });
    assert.equal(ok.statusCode, 201, ok.body);
    const { receiptNumber, accessCode, dueAt } = ok.json();
    assert.match(receiptNumber, /^PT-\d{4}-\d{6}$/);
    assert.match(accessCode, /^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    const receipt = await outbox("portal_receipt", EMAIL);
    assert.equal(receipt.subject, `[민원 접수 완료] ${receiptNumber}`);
    assert.ok(!receipt.text.includes(accessCode), "the access code is shown on screen, never mailed");

    // The case: kind petition, channel online, e-mail verified, access code on cases only.
    const [row] = await t.tdb.query<{ id: string; channel: string; access_code_hash: string; due_at: Date }>(
      "SELECT id, channel, access_code_hash, due_at FROM cases WHERE number = $1 AND kind = 'petition'",
      [receiptNumber],
    );
    assert.equal(row.channel, "online");
    assert.ok(row.access_code_hash);
    assert.equal(new Date(dueAt).toISOString(), new Date(row.due_at).toISOString());
    const cols = await t.tdb.query(
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'petitions' AND column_name = 'access_code_hash'",
    );
    assert.equal(cols.length, 0, "petitions.access_code_hash is gone");
    const [pt] = await t.tdb.query<{ email_verified_at: Date | null; type_code: string }>(
      "SELECT email_verified_at, type_code FROM petitions WHERE case_id = $1",
      [row.id],
    );
    assert.ok(pt.email_verified_at);
    assert.equal(pt.type_code, "proposal");

    // Staff give it to a unit (the clock goes on) and answer it.
    const headers = await t.as("privacy_officer");
    const unit = await t.inject({
      method: "POST",
      url: "/api/org/units",
      headers,
      payload: { code: "light", nameLocal: "도로조명팀", nameEn: "Street lighting" },
    });
    assert.equal(unit.statusCode, 201, unit.body);
    const tr = await t.inject({
      method: "POST",
      url: `/api/petitions/${row.id}/transfer-unit`,
      headers,
      payload: { unitId: unit.json().id, reason: "담당 부서" },
    });
    assert.equal(tr.statusCode, 200, tr.body);

    const access = { agencyCode: "agency-a", receiptNumber, accessCode };
    const st = await post("/api/portal/status", access);
    assert.equal(st.statusCode, 200, st.body);
    const status = st.json();
    assert.equal(status.caseKind, "petition");
    assert.equal(status.stage, "received");
    assert.equal(status.unit.name, "도로조명팀");
    assert.equal(status.dueAt, dueAt);
    assert.equal(status.dueUnit, "days");
    assert.ok(status.steps.some((x: { event: string }) => x.event === "unit_transfer"));
    assert.ok(!JSON.stringify(status).includes("박하늘"), "no name on the status page");

    const pub = await post("/api/portal/progress", { agencyCode: "agency-a", receiptNumber });
    assert.equal(pub.statusCode, 200, pub.body);
    assert.deepEqual(pub.json(), { stage: "received", unit: "도로조명팀" });

    const an = await t.inject({
      method: "POST",
      url: `/api/petitions/${row.id}/answer`,
      headers,
      payload: { outcome: "granted", summary: "가로등을 수리하였습니다." },
    });
    assert.equal(an.statusCode, 200, an.body);
    const st2 = (await post("/api/portal/status", access)).json();
    assert.equal(st2.stage, "answered");
    const answerLetter = st2.letters.find((l: { kind: string }) => l.kind === "petition_answer");
    assert.ok(answerLetter, "the answer letter is on the status page");
    const pdf = await post(`/api/portal/letters/${answerLetter.id}`, access);
    assert.equal(pdf.statusCode, 200, pdf.body);
    assert.equal(pdf.headers["content-type"], "application/pdf");
    assert.equal(
      (await post("/api/portal/progress", { agencyCode: "agency-a", receiptNumber })).json().stage,
      "answered",
    );
  });

  test("I1: bad input — a counter-only type, a missing e-mail and a TW agency are refused before any code is mailed", async () => {
    const before = await count("mail_outbox", "purpose = 'portal_code'");
    const counter = await post(
      "/api/portal/kinds/petition/submissions",
      form({ typeCode: "family_register_copy" }),
    );
    assert.equal(counter.statusCode, 400);
    assert.equal(counter.json().code, "petitions.unknown_type");
    const noMail = await post(
      "/api/portal/kinds/petition/submissions",
      form({ petitioner: { name: "박하늘" } }),
    );
    assert.equal(noMail.statusCode, 400);
    assert.ok(JSON.stringify(noMail.json()).includes("/data/petitioner/email"), noMail.body);
    const tw = await post("/api/portal/kinds/petition/submissions", { ...form(), agencyCode: "agency-b" });
    assert.equal(tw.statusCode, 400, tw.body);
    assert.equal(tw.json().code, "petitions.not_in_rule_pack");
    assert.equal(await count("mail_outbox", "purpose = 'portal_code'"), before);
    assert.equal(
      await count("portal_submissions", "kind = 'petition' AND status = 'pending'"),
      0,
      "nothing kept",
    );
  });
});
