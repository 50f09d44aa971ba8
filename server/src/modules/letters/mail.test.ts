import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import nodemailer from "nodemailer";
import { createTestApp, type TestApp } from "../../test-support/app";
import { deliverOutbox, MAX_ATTEMPTS, maskEmail, queueMail, scrubAddresses } from "./mail.service";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

const ADDRESS = "hong.gildong@example.kr";
const SUBJECT = "개인정보 열람 결정 통지 (홍길동)";

async function queue(agencyId = t.a.id, extra: Partial<Parameters<typeof queueMail>[2]> = {}) {
  return t.deps.database.db.transaction((tx) =>
    queueMail(tx, t.deps, {
      agencyId,
      to: ADDRESS,
      subject: SUBJECT,
      text: "홍길동 님, 결정 통지서를 첨부합니다.",
      attachments: [{ filename: "한빛시-2026-0001.pdf", content: Buffer.from("%PDF-1.7 test") }],
      purpose: "letter",
      ...extra,
    }),
  );
}

async function row(id: string) {
  const [r] = await t.tdb.query<{
    status: string;
    attempts: number;
    last_error: string | null;
    next_attempt_at: Date;
    to_enc: string;
    subject_enc: string;
  }>(
    "SELECT status, attempts, last_error, next_attempt_at, to_enc, subject_enc FROM mail_outbox WHERE id = $1",
    [id],
  );
  return r;
}

/** Collects what the sender logs, to prove no address or content reaches the log. */
function logCollector() {
  const lines: string[] = [];
  return {
    lines,
    log: {
      info: (o: object, m?: string) => lines.push(JSON.stringify(o) + (m ?? "")),
      warn: (o: object, m?: string) => lines.push(JSON.stringify(o) + (m ?? "")),
    },
  };
}

/** Only this test's mail: earlier tests leave their own rows behind. */
async function clearOutbox() {
  await t.tdb.query("DELETE FROM mail_attachments");
  await t.tdb.query("DELETE FROM mail_outbox");
}

describe("letters: mail outbox", () => {
  test("queueMail writes an encrypted row in the caller's transaction, and nothing when it rolls back", async () => {
    await clearOutbox();
    const { mailId } = await queue();
    const r = await row(mailId);
    assert.equal(r.status, "pending");
    assert.ok(!r.to_enc.includes("example.kr"), "address stored in plaintext");
    assert.ok(!r.subject_enc.includes("홍길동"), "subject stored in plaintext");
    await assert.rejects(
      t.deps.database.db.transaction(async (tx) => {
        await queueMail(tx, t.deps, {
          agencyId: t.a.id,
          to: ADDRESS,
          subject: "x",
          text: "y",
          purpose: "letter",
        });
        throw new Error("caller failed");
      }),
    );
    const [n] = await t.tdb.query<{ n: number }>("SELECT count(*)::int AS n FROM mail_outbox");
    assert.equal(n.n, 1);
  });

  test("a bad address is refused before anything is written", async () => {
    await assert.rejects(
      queue(t.a.id, { to: "not-an-address" }),
      (e: { code?: string }) => e.code === "letters.invalid_recipient",
    );
  });

  test("without SMTP nothing is sent: the mail stays pending for the outbox screen", async () => {
    await clearOutbox();
    const { mailId } = await queue();
    const r = await deliverOutbox(t.deps);
    assert.equal(r.skipped, "no_smtp");
    assert.equal((await row(mailId)).status, "pending");
  });

  test("deliverOutbox sends through the transport (jsonTransport) with the attachment and marks the mail sent", async () => {
    await clearOutbox();
    const { mailId } = await queue();
    const transport = nodemailer.createTransport({ jsonTransport: true });
    const sentMessages: string[] = [];
    const spy = {
      sendMail: async (m: Parameters<typeof transport.sendMail>[0]) => {
        const info = await transport.sendMail(m);
        sentMessages.push(String((info as unknown as { message: string }).message));
        return info;
      },
    };
    const { lines, log } = logCollector();
    const r = await deliverOutbox(t.deps, { transport: spy, log });
    assert.deepEqual(
      { sent: r.sent, retrying: r.retrying, failed: r.failed },
      { sent: 1, retrying: 0, failed: 0 },
    );
    assert.equal((await row(mailId)).status, "sent");
    const msg = JSON.parse(sentMessages[0]);
    assert.equal(msg.to[0].address, ADDRESS);
    assert.equal(msg.subject, SUBJECT);
    assert.equal(msg.attachments[0].filename, "한빛시-2026-0001.pdf");
    // Nothing to send the second time.
    assert.equal((await deliverOutbox(t.deps, { transport: spy })).sent, 0);
    const logged = lines.join("\n");
    assert.ok(!logged.includes("example.kr") && !logged.includes("홍길동"), "personal data in the log");
  });

  test("a failing transport records the (masked) error, retries later with backoff, and gives up after the last attempt", async () => {
    await clearOutbox();
    const { mailId } = await queue();
    const failing = {
      sendMail: async () => {
        throw Object.assign(new Error(`550 5.1.1 <${ADDRESS}>: Recipient address rejected`), {
          code: "EENVELOPE",
        });
      },
    };
    const { lines, log } = logCollector();
    let now = new Date();
    const r1 = await deliverOutbox(t.deps, { transport: failing, now, log });
    assert.equal(r1.retrying, 1);
    let r = await row(mailId);
    assert.equal(r.status, "pending");
    assert.equal(r.attempts, 1);
    assert.ok(r.last_error?.includes("550"));
    assert.ok(!r.last_error?.includes(ADDRESS), "address kept in the error");
    assert.ok(new Date(r.next_attempt_at).getTime() > now.getTime(), "no backoff");
    // Not due yet: nothing happens.
    assert.equal((await deliverOutbox(t.deps, { transport: failing, now, log })).retrying, 0);
    // Later attempts until the last one.
    for (let i = 2; i <= MAX_ATTEMPTS; i++) {
      now = new Date(new Date(r.next_attempt_at).getTime() + 1000);
      await deliverOutbox(t.deps, { transport: failing, now, log });
      r = await row(mailId);
      assert.equal(r.attempts, i);
    }
    assert.equal(r.status, "failed");
    const logged = lines.join("\n");
    assert.ok(!logged.includes("example.kr") && !logged.includes("홍길동"), "personal data in the log");
    assert.ok(logged.includes("EENVELOPE"));
  });

  test("masking keeps the first character and the domain only", () => {
    assert.equal(maskEmail("hong.gildong@example.kr"), "h***@example.kr");
    assert.equal(scrubAddresses("rejected <a.b@c.org> and x@y.tw"), "rejected <a***@c.org> and x***@y.tw");
  });
});

describe("letters: outbox and letter routes", () => {
  test("E3: the outbox lists masked addresses; opening one shows it in full and is ledgered; another agency gets 404", async () => {
    await clearOutbox();
    const { mailId } = await queue();
    const headers = await t.as("privacy_officer");
    const list = await t.inject({ method: "GET", url: "/api/letters/outbox", headers });
    assert.equal(list.statusCode, 200);
    const body = list.json();
    assert.equal(body.smtpConfigured, false);
    assert.equal(body.items[0].to, "h***@example.kr");
    assert.equal(body.items[0].subject, SUBJECT);
    assert.equal(body.items[0].attachments[0].filename, "한빛시-2026-0001.pdf");
    const one = await t.inject({ method: "GET", url: `/api/letters/outbox/${mailId}`, headers });
    assert.equal(one.json().to, ADDRESS);
    const [led] = await t.tdb.query<{ action: string }>(
      "SELECT action FROM ledger_entries WHERE resource_id = $1 ORDER BY seq DESC LIMIT 1",
      [mailId],
    );
    assert.equal(led.action, "letters.outbox.read");
    const other = await t.inject({
      method: "GET",
      url: `/api/letters/outbox/${mailId}`,
      headers: await t.as("privacy_officer", "b"),
    });
    assert.equal(other.statusCode, 404);
    const resend = await t.inject({
      method: "POST",
      url: `/api/letters/outbox/${mailId}/resend`,
      headers,
      payload: {},
    });
    assert.equal(resend.statusCode, 200);
  });

  test("preview renders a template with sample data; generate + download is ledgered; print opens inline", async () => {
    const headers = await t.as("handler");
    const prev = await t.inject({
      method: "GET",
      url: "/api/letters/preview?kind=pipa_access_decision&locale=ko",
      headers,
    });
    assert.equal(prev.statusCode, 200);
    assert.equal(prev.headers["content-type"], "application/pdf");
    assert.ok(prev.rawPayload.subarray(0, 5).toString() === "%PDF-");
    const png = await t.inject({
      method: "GET",
      url: "/api/letters/preview?kind=tw_access_decision&locale=zh-TW&format=png",
      headers: await t.as("handler", "b"),
    });
    assert.equal(png.statusCode, 200);
    assert.match(png.json().pages[0], /^data:image\/png;base64,iVBOR/);
    const wrong = await t.inject({
      method: "GET",
      url: "/api/letters/preview?kind=tw_refusal&locale=ko",
      headers,
    });
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().code, "letters.kind_not_available");

    // A real case of the caller's agency (an unknown or foreign case id is refused with 404).
    const req = await t.inject({
      method: "POST",
      url: "/api/requests",
      headers: await t.as("privacy_officer"),
      payload: {
        kind: "access",
        channel: "email",
        requesterType: "self",
        requester: { name: "홍길동", email: "hong@example.kr" },
        content: "열람 요구",
      },
    });
    assert.equal(req.statusCode, 201, req.body);
    const caseId = req.json().case.id as string;
    const gen = await t.inject({
      method: "POST",
      url: "/api/letters",
      headers,
      payload: { caseId, kind: "receipt_notice", locale: "ko", data: { recipient: { name: "홍길동" } } },
    });
    assert.equal(gen.statusCode, 201);
    const { id, number } = gen.json();
    const list = await t.inject({ method: "GET", url: `/api/letters/case/${caseId}`, headers });
    assert.deepEqual(
      list.json().items.map((l: { number: string }) => l.number),
      [number],
    );
    const pdf = await t.inject({ method: "GET", url: `/api/letters/${id}/pdf?print=1`, headers });
    assert.equal(pdf.statusCode, 200);
    assert.match(String(pdf.headers["content-disposition"]), /^inline;/);
    const [led] = await t.tdb.query<{ action: string; details: { mode: string } }>(
      "SELECT action, details FROM ledger_entries WHERE resource_id = $1 ORDER BY seq DESC LIMIT 1",
      [id],
    );
    assert.equal(led.action, "letters.letter.download");
    assert.equal(led.details.mode, "print");
    const other = await t.inject({
      method: "GET",
      url: `/api/letters/${id}/pdf`,
      headers: await t.as("handler", "b"),
    });
    assert.equal(other.statusCode, 404);
  });
});
