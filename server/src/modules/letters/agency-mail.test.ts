import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import nodemailer from "nodemailer";
import { createTestApp, type TestApp } from "../../test-support/app";
import { type OutboundMail, onMailQueued } from "../cases/comms";
import { deliverOutbox } from "./mail.service";

// Two agencies on one installation: each one's citizens must get mail from that agency (its sender or at
// least its name and reply address) with links to that agency's public address (outside review, item 1).
let t: TestApp;
const queued: OutboundMail[] = [];
before(async () => {
  t = await createTestApp();
  onMailQueued((m) => queued.push(m));
});
after(async () => t.close());

const A = {
  mailFrom: "한빛시 개인정보 <privacy@hanbit.example.kr>",
  replyTo: "minwon@hanbit.example.kr",
  publicUrl: "https://pims.hanbit.example.kr",
};
const B = { replyTo: "privacy@xinyi.example.tw", publicUrl: "https://pims.xinyi.example.tw:8443" };

async function patchAgency(who: "a" | "b", body: Record<string, unknown>) {
  return t.inject({
    method: "PATCH",
    url: "/api/org/agency",
    headers: await t.as("system_admin", who),
    payload: body,
  });
}

async function submitAndConfirm(agencyCode: string, email: string, ip: string) {
  const kr = agencyCode === "agency-a";
  const s = await t.inject({
    method: "POST",
    url: "/api/portal/submissions",
    remoteAddress: ip,
    payload: {
      agencyCode,
      consent: true,
      kind: kr ? "access" : "copy",
      requesterType: "self",
      requester: kr
        ? { name: "김민원", email, phone: "010-2222-3333", birthDate: "1975-03-01" }
        : { name: "陳大文", email, address: "臺北市" },
      content: kr ? "2026년 복지급여 신청 기록 열람 요구" : "申請製給複製本",
      delivery: { method: kr ? "download" : "post" },
    },
  });
  assert.equal(s.statusCode, 201, s.body);
  const code = [...queued]
    .reverse()
    .find((m) => m.kind === "portal_code" && m.to === email)
    ?.text.match(/\d{6}/)?.[0];
  const c = await t.inject({
    method: "POST",
    url: `/api/portal/submissions/${s.json().submissionId}/confirm`,
    remoteAddress: ip,
    payload: { submissionToken: s.json().submissionToken, code },
  });
  assert.equal(c.statusCode, 201, c.body);
}

describe("letters: mail sent as each agency", () => {
  test("A1: the agency administrator sets sender, reply address and public URL; bad values are refused with a stable code", async () => {
    const bad = await patchAgency("a", { mailFrom: "not an address", publicUrl: "javascript:alert(1)" });
    assert.equal(bad.statusCode, 400, bad.body);
    assert.equal(bad.json().code, "validation");
    const ok = await patchAgency("a", A);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal((await patchAgency("b", B)).statusCode, 200);
    const read = await t.inject({
      method: "GET",
      url: "/api/org/agency",
      headers: await t.as("system_admin", "a"),
    });
    assert.equal(read.json().mailFrom, A.mailFrom);
    assert.equal(read.json().replyTo, A.replyTo);
    assert.equal(read.json().publicUrl, A.publicUrl);
    const handler = await t.inject({
      method: "PATCH",
      url: "/api/org/agency",
      headers: await t.as("handler", "a"),
      payload: { replyTo: "x@example.kr" },
    });
    assert.equal(handler.statusCode, 403);
  });

  test("C5, H3: two agencies' mails carry their own From/Reply-To and links to their own public URL", async () => {
    await t.tdb.query("DELETE FROM mail_attachments");
    await t.tdb.query("DELETE FROM mail_outbox");
    await submitAndConfirm("agency-a", "kim.a@example.kr", "10.9.0.1");
    await submitAndConfirm("agency-b", "chen.b@example.tw", "10.9.0.2");
    const sent: { envelope: unknown; message: string }[] = [];
    const json = nodemailer.createTransport({ jsonTransport: true });
    const res = await deliverOutbox(t.deps, {
      transport: {
        sendMail: async (m) => {
          const info = await json.sendMail(m);
          sent.push(info as unknown as { envelope: unknown; message: string });
          return info;
        },
      },
    });
    assert.equal(res.failed + res.retrying, 0);
    const msgs = sent.map((s) => JSON.parse(s.message)) as Array<{
      from: { name: string; address: string }[] | { name: string; address: string };
      replyTo: { address: string }[];
      to: { address: string }[];
      subject: string;
      text: string;
    }>;
    const first = (v: unknown) => (Array.isArray(v) ? v[0] : v) as { name: string; address: string };
    const toA = msgs.filter((m) => m.to[0].address === "kim.a@example.kr");
    const toB = msgs.filter((m) => m.to[0].address === "chen.b@example.tw");
    assert.ok(toA.length >= 2 && toB.length >= 2, "code and receipt mail for each");
    for (const m of toA) {
      assert.deepEqual(first(m.from), { name: "한빛시 개인정보", address: "privacy@hanbit.example.kr" });
      assert.equal(first(m.replyTo).address, "minwon@hanbit.example.kr");
    }
    for (const m of toB) {
      // No own sender: the installation's address, but under agency b's name and with its reply address.
      assert.deepEqual(first(m.from), { name: "agency-b local", address: "no-reply@civicpims.invalid" });
      assert.equal(first(m.replyTo).address, "privacy@xinyi.example.tw");
    }
    const receiptA = toA.find((m) => m.text.includes("https://"));
    const receiptB = toB.find((m) => m.text.includes("https://"));
    assert.ok(receiptA && receiptB, "a receipt with a link for each agency");
    assert.ok(receiptA.text.includes("https://pims.hanbit.example.kr/"), receiptA.text);
    assert.ok(receiptB.text.includes("https://pims.xinyi.example.tw:8443/"), receiptB.text);
    assert.ok(!receiptA.text.includes(":3000") && !receiptB.text.includes(":3000"));
  });
});
