import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, before, describe, test } from "node:test";
import { sealLegacyFiles } from "../../security/file-migration";
import { createTestApp, type TestApp } from "../../test-support/app";
import { multipart } from "../cases/multipart.test-helper";
import { encryptBytes } from "../letters/blob-crypto";
import { addDays, todayIn } from "./context";
import { caller, krFile } from "./test-helpers";

// Outside review item 2: register evidence (entrustment termination evidence) was stored in plaintext;
// case attachments were encrypted with the field key itself. Both now use per-file data keys (envelope).
let t: TestApp;
let call: ReturnType<typeof caller>;
let entrustmentId: string;
before(async () => {
  t = await createTestApp();
  call = caller(t);
  const f = (
    await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "위탁 증빙 파일" }))
  ).json();
  const today = todayIn("Asia/Seoul");
  const e = await call("POST", "/api/registry/entrustments", {
    vendor: "한국지역정보개발원",
    tasks: "시스템 운영",
    fileIds: [f.id],
    contractStart: addDays(today, -100),
    contractEnd: addDays(today, 100),
  });
  assert.equal(e.statusCode, 201, e.body);
  entrustmentId = e.json().id;
});
after(async () => t.close());

const SECRET = "수탁자 직원 홍길동 주민등록번호 900101-1234567 파기 확인서";
const pdf = Buffer.from(`%PDF-1.4\n% ${SECRET}\n%%EOF\n`);

async function upload(bytes: Buffer) {
  const m = multipart(
    { filename: "파기확인서.pdf", content: bytes, contentType: "application/pdf" },
    {
      kind: "deletion_confirmation",
    },
  );
  // The route reads the kind field before the file: multipart() writes fields first.
  return t.inject({
    method: "POST",
    url: `/api/registry/entrustments/${entrustmentId}/evidence`,
    payload: m.payload,
    headers: { ...(await t.as("privacy_officer")), ...m.headers },
  });
}

const download = async (id: string, locale = "ko") =>
  t.inject({
    method: "GET",
    url: `/api/registry/evidence/${id}`,
    headers: { ...(await t.as("privacy_officer")), "accept-language": locale },
  });

async function stored(id: string) {
  const [r] = await t.tdb.query<{ data: Uint8Array; wrapped_key: string | null }>(
    "SELECT data, wrapped_key FROM registry_evidence WHERE id = $1",
    [id],
  );
  return { data: Buffer.from(r.data), wrappedKey: r.wrapped_key };
}

describe("register evidence encrypted at rest (envelope)", () => {
  test("E4, G9: the stored bytes hold no plaintext, each file has its own wrapped data key, the download returns the original", async () => {
    const up = await upload(pdf);
    assert.equal(up.statusCode, 201, up.body);
    const s = await stored(up.json().id);
    assert.ok(!s.data.includes(Buffer.from("900101-1234567")), "identifier stored in plaintext");
    assert.ok(!s.data.includes(Buffer.from("%PDF-")), "file stored in plaintext");
    assert.match(s.wrappedKey ?? "", /^fk1\./);
    const second = await stored((await upload(pdf)).json().id);
    assert.notEqual(second.wrappedKey, s.wrappedKey, "one data key per file");
    const dl = await download(up.json().id);
    assert.equal(dl.statusCode, 200);
    assert.deepEqual(dl.rawPayload, pdf);
    assert.equal(up.json().sha256, createHash("sha256").update(pdf).digest("hex"), "hash of the original");
  });

  test("E4: tampered ciphertext or a destroyed data key -> 500 files.integrity in the caller's language, never garbage", async () => {
    const id = (await upload(pdf)).json().id;
    await t.tdb.query(
      "UPDATE registry_evidence SET data = overlay(data placing '\\x00'::bytea from 40 for 1) WHERE id = $1",
      [id],
    );
    const bad = await download(id, "zh-TW");
    assert.equal(bad.statusCode, 500);
    assert.equal(bad.json().code, "files.integrity");
    assert.match(bad.json().message, /檔案/);
    assert.ok(!bad.rawPayload.includes(Buffer.from("%PDF")));
    // Clearing the key does not turn the ciphertext into a "legacy plaintext" file either.
    const id2 = (await upload(pdf)).json().id;
    await t.tdb.query("UPDATE registry_evidence SET wrapped_key = NULL WHERE id = $1", [id2]);
    const shredded = await download(id2, "en");
    assert.equal(shredded.statusCode, 500);
    assert.equal(shredded.json().code, "files.integrity");
  });

  test("E4: legacy rows (plaintext evidence, field-key attachments) are sealed by the migration job, once, and still download", async () => {
    const legacyPdf = Buffer.from("%PDF-1.4\n% legacy 반환 확인서\n%%EOF\n");
    const sha = createHash("sha256").update(legacyPdf).digest("hex");
    const [ev] = await t.tdb.query<{ id: string }>(
      `INSERT INTO registry_evidence (agency_id, entrustment_id, kind, filename, content_type, size, sha256, data)
       VALUES ($1, $2, 'return_confirmation', 'old.pdf', 'application/pdf', $3, $4, $5) RETURNING id`,
      [t.a.id, entrustmentId, legacyPdf.length, sha, legacyPdf],
    );
    // A case attachment from before envelope encryption: field key directly (letters/blob-crypto layout).
    const c = await t.inject({
      method: "POST",
      url: "/api/requests",
      headers: await t.as("privacy_officer"),
      payload: {
        kind: "access",
        channel: "email",
        requesterType: "self",
        requester: { name: "최열람", email: "choi@example.kr" },
        content: "열람 요구",
      },
    });
    assert.equal(c.statusCode, 201, c.body);
    const caseId = c.json().case.id;
    const idText = Buffer.from("신분증 사본 850505-1234561");
    const [att] = await t.tdb.query<{ id: string }>(
      `INSERT INTO case_attachments (agency_id, case_id, kind, filename, mime_type, size, sha256, data)
       VALUES ($1, $2, 'identity_document', 'id.txt', 'text/plain; charset=utf-8', $3, $4, $5) RETURNING id`,
      [
        t.a.id,
        caseId,
        idText.length,
        createHash("sha256").update(idText).digest("hex"),
        encryptBytes(t.deps.secrets.fieldKey, idText),
      ],
    );

    const first = await sealLegacyFiles(t.deps.database.db, t.deps.secrets.fieldKey);
    assert.ok(first.sealed >= 2, JSON.stringify(first));
    const evRow = await stored(ev.id);
    assert.match(evRow.wrappedKey ?? "", /^fk1\./);
    assert.ok(!evRow.data.includes(Buffer.from("legacy")), "legacy evidence still plaintext");
    const [attRow] = await t.tdb.query<{ wrapped_key: string | null }>(
      "SELECT wrapped_key FROM case_attachments WHERE id = $1",
      [att.id],
    );
    assert.match(attRow.wrapped_key ?? "", /^fk1\./);

    const again = await sealLegacyFiles(t.deps.database.db, t.deps.secrets.fieldKey);
    assert.equal(again.sealed, 0, "idempotent: nothing left to seal");
    assert.deepEqual((await stored(ev.id)).wrappedKey, evRow.wrappedKey, "a second run does not re-key");

    const dl = await download(ev.id);
    assert.equal(dl.statusCode, 200);
    assert.deepEqual(dl.rawPayload, legacyPdf);
    const dlAtt = await t.inject({
      method: "GET",
      url: `/api/cases/${caseId}/attachments/${att.id}`,
      headers: await t.as("privacy_officer"),
    });
    assert.equal(dlAtt.statusCode, 200);
    assert.equal(dlAtt.body, idText.toString());
  });

  test("E4: new case attachments use the envelope too, and a tampered one is an error, not the stored bytes", async () => {
    const c = await t.inject({
      method: "POST",
      url: "/api/requests",
      headers: await t.as("privacy_officer"),
      payload: {
        kind: "access",
        channel: "email",
        requesterType: "self",
        requester: { name: "최열람", email: "choi@example.kr" },
        content: "열람 요구",
      },
    });
    const caseId = c.json().case.id;
    const m = multipart({ filename: "id.txt", content: "위임장 사본" }, { kind: "power_of_attorney" });
    const up = await t.inject({
      method: "POST",
      url: `/api/cases/${caseId}/attachments`,
      payload: m.payload,
      headers: { ...(await t.as("privacy_officer")), ...m.headers },
    });
    assert.equal(up.statusCode, 201, up.body);
    const [row] = await t.tdb.query<{ wrapped_key: string | null }>(
      "SELECT wrapped_key FROM case_attachments WHERE id = $1",
      [up.json().id],
    );
    assert.match(row.wrapped_key ?? "", /^fk1\./);
    await t.tdb.query(
      "UPDATE case_attachments SET data = overlay(data placing '\\x00'::bytea from 35 for 1) WHERE id = $1",
      [up.json().id],
    );
    const dl = await t.inject({
      method: "GET",
      url: `/api/cases/${caseId}/attachments/${up.json().id}`,
      headers: await t.as("privacy_officer"),
    });
    assert.equal(dl.statusCode, 500);
    assert.equal(dl.json().code, "files.integrity");
  });
});
