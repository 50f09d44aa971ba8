import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { falsePositiveHash } from "@civicpims/core/pii/index";
import { createTestApp, type TestApp } from "../../test-support/app";
import { falsePositiveKey } from "./agency-engine";
import { buildHwpx, buildPdf, buildXlsx, pdfAllText } from "./documents/test-fixtures";
import { runPiiRetention } from "./retention-job";
import { EMAIL, KO_LETTER, ledgerActions, PHONE, RRN, uploadAs } from "./test-helpers";

let t: TestApp;
before(async () => {
  t = await createTestApp({ maxUploadBytes: 2 * 1024 * 1024 });
});
after(async () => t.close());

const api = async (
  method: string,
  url: string,
  payload?: unknown,
  role = "privacy_officer",
  who: "a" | "b" = "a",
) =>
  t.inject({
    method: method as "GET",
    url,
    payload: payload as object,
    headers: await t.as(role as "handler", who),
  });

async function upload(content: string | Uint8Array, filename = "letter.txt", who: "a" | "b" = "a") {
  const res = await uploadAs(t, "/api/pii/documents", { filename, content }, { who });
  assert.equal(res.statusCode, 201, res.body);
  return res.json();
}

describe("issue 7 item 5: document review API (E3 E4)", () => {
  test("E3 E4: upload -> findings -> reject one -> manual range -> redacted download keeps only the rejected value", async () => {
    const doc = await upload(KO_LETTER);
    assert.equal(doc.format, "txt");
    assert.deepEqual(
      doc.findings.map((f: { type: string }) => f.type),
      ["KR_RRN", "KR_PHONE", "EMAIL"],
    );
    assert.ok(!JSON.stringify(doc).includes(RRN), "the API never returns the raw value");
    assert.ok(doc.findings.every((f: { decision: string }) => f.decision === "pending"));

    // The text view: marks land exactly on the values.
    const text = await api("GET", `/api/pii/documents/${doc.id}/text`);
    assert.equal(text.statusCode, 200);
    const { text: body, marks, truncated, totalChars } = text.json();
    assert.equal(truncated, false);
    assert.equal(totalChars, KO_LETTER.length);
    assert.equal(body, KO_LETTER);
    assert.deepEqual(
      marks.map((m: { start: number; end: number }) => body.slice(m.start, m.end)),
      [RRN, PHONE, EMAIL],
    );

    const phone = doc.findings.find((f: { type: string }) => f.type === "KR_PHONE");
    const decided = await api("PATCH", `/api/pii/documents/${doc.id}/findings`, {
      decisions: [
        { index: phone.index, decision: "rejected" },
        { index: 0, decision: "accepted" },
      ],
    });
    assert.equal(decided.statusCode, 200, decided.body);
    assert.deepEqual(decided.json().decided, { pending: 1, accepted: 1, rejected: 1 });

    const name = body.indexOf("홍길동");
    const region = await api("POST", `/api/pii/documents/${doc.id}/regions`, { start: name, end: name + 3 });
    assert.equal(region.statusCode, 201, region.body);
    const bad = await api("POST", `/api/pii/documents/${doc.id}/regions`, { start: 0, end: body.length + 5 });
    assert.equal(bad.json().code, "pii.region_bounds");
    const box = await api("POST", `/api/pii/documents/${doc.id}/regions`, { page: 1, box: [0, 0, 10, 10] });
    assert.equal(box.json().code, "pii.region_kind");

    const dl = await api("GET", `/api/pii/documents/${doc.id}/redacted?policy=mask`);
    assert.equal(dl.statusCode, 200, dl.body);
    assert.match(String(dl.headers["content-disposition"]), /letter-redacted\.txt/);
    const out = dl.body;
    assert.ok(out.includes(PHONE), "the rejected phone stays");
    assert.ok(!out.includes(RRN) && out.includes("960121-1******"), out);
    assert.ok(!out.includes(EMAIL), "pending findings are redacted too");
    assert.ok(!out.includes("홍길동") && out.includes("신청인: ***"), out);

    const label = await api("GET", `/api/pii/documents/${doc.id}/redacted?policy=label`);
    assert.ok(label.body.includes("[주민등록번호]") && label.body.includes("[삭제됨]"), label.body);

    const actions = await ledgerActions(t, doc.id);
    for (const a of [
      "pii.document.upload",
      "pii.document.view",
      "pii.document.review",
      "pii.document.region.add",
      "pii.document.download",
    ])
      assert.ok(actions.includes(a), `${a} in ${actions}`);
    const [dlEntry] = await t.tdb.query<{ details: Record<string, unknown> }>(
      "SELECT details FROM ledger_entries WHERE resource_id = $1 AND action = 'pii.document.download' ORDER BY seq LIMIT 1",
      [doc.id],
    );
    assert.equal(dlEntry.details.kept, 1);
    assert.equal(dlEntry.details.redacted, 2);
  });

  test("E4: the stored original is encrypted: no value in the bytea, the key column or the findings", async () => {
    const doc = await upload(KO_LETTER, "secret.txt");
    const [row] = await t.tdb.query<{ original_enc: Uint8Array; key_wrapped: string; findings: unknown }>(
      "SELECT original_enc, key_wrapped, findings FROM pii_documents WHERE id = $1",
      [doc.id],
    );
    const bytes = Buffer.from(row.original_enc);
    assert.ok(bytes.length >= Buffer.byteLength(KO_LETTER));
    for (const v of [RRN, PHONE, EMAIL, "홍길동"]) {
      assert.equal(bytes.indexOf(Buffer.from(v)), -1, `${v} in the stored bytes`);
      assert.ok(!row.key_wrapped.includes(v) && !JSON.stringify(row.findings).includes(v));
    }
    const hit = await t.tdb.query(
      "SELECT id FROM pii_documents WHERE position($1::bytea in original_enc) > 0",
      [Buffer.from(RRN)],
    );
    assert.equal(hit.length, 0);
  });

  test("E4: a confirmed false positive is stored as a keyed hash and not raised again for the agency only", async () => {
    const ip = "10.20.30.40";
    const content = `시스템 점검 보고\n장비 주소 ${ip} 확인\n주민등록번호 ${RRN}\n`;
    const doc = await upload(content, "fp.txt");
    const ipFinding = doc.findings.find((f: { type: string }) => f.type === "IP_ADDRESS");
    assert.ok(ipFinding, JSON.stringify(doc.findings));
    const denied = await api(
      "PATCH",
      `/api/pii/documents/${doc.id}/findings`,
      { decisions: [{ index: ipFinding.index, decision: "rejected", falsePositive: true }] },
      "handler",
    );
    assert.equal(denied.statusCode, 403);
    const ok = await api("PATCH", `/api/pii/documents/${doc.id}/findings`, {
      decisions: [{ index: ipFinding.index, decision: "rejected", falsePositive: true }],
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().remembered, 1);
    const stored = await t.tdb.query<{ hash: string; preview: string }>(
      "SELECT hash, preview FROM pii_false_positives WHERE agency_id = $1",
      [t.a.id],
    );
    assert.equal(stored.length, 1);
    assert.equal(
      stored[0].hash,
      falsePositiveHash("IP_ADDRESS", ip, falsePositiveKey(t.deps.secrets, t.a.id)),
    );
    assert.ok(!JSON.stringify(stored).includes(ip));

    const again = await upload(content, "fp2.txt");
    assert.deepEqual(
      again.findings.map((f: { type: string }) => f.type),
      ["KR_RRN"],
    );
    // The redacted output keeps the confirmed false positive.
    const dl = await api("GET", `/api/pii/documents/${again.id}/redacted`);
    assert.ok(dl.body.includes(ip) && !dl.body.includes(RRN), dl.body);
    const other = await upload(content, "fp-b.txt", "b");
    assert.ok(
      other.findings.some((f: { type: string }) => f.type === "IP_ADDRESS"),
      "agency b is not affected",
    );
  });

  test("E3: another agency's document behaves like an unknown one (404 on every route)", async () => {
    const doc = await upload(KO_LETTER, "a-only.txt");
    for (const [method, url, body] of [
      ["GET", `/api/pii/documents/${doc.id}`],
      ["GET", `/api/pii/documents/${doc.id}/text`],
      ["GET", `/api/pii/documents/${doc.id}/redacted`],
      ["PATCH", `/api/pii/documents/${doc.id}/findings`, { decisions: [{ index: 0, decision: "rejected" }] }],
      ["POST", `/api/pii/documents/${doc.id}/regions`, { start: 0, end: 2 }],
      ["DELETE", `/api/pii/documents/${doc.id}`],
    ] as const) {
      const res = await api(method, url, body, "privacy_officer", "b");
      assert.equal(res.statusCode, 404, `${method} ${url}: ${res.statusCode}`);
    }
    const list = await api("GET", "/api/pii/documents", undefined, "privacy_officer", "b");
    assert.ok(!list.json().items.some((d: { id: string }) => d.id === doc.id));
    const mine = await api("GET", "/api/pii/documents");
    assert.ok(mine.json().items.some((d: { id: string }) => d.id === doc.id));
  });

  test("E4: PDF pages are rendered to PNG; a drawn box and the accepted values are burnt out", async () => {
    const pdf = await buildPdf([
      [
        ["kr", `신청인 홍길동 주민등록번호 ${RRN}`],
        ["kr", `연락처 ${PHONE}`],
      ],
    ]);
    const doc = await upload(pdf, "form.pdf");
    assert.equal(doc.format, "pdf");
    assert.deepEqual(doc.policies, ["mask"]);
    const f = doc.findings.find((x: { type: string }) => x.type === "KR_RRN");
    assert.equal(f.location.page, 1);
    assert.equal(f.location.box.length, 4);
    const pages = await api("GET", `/api/pii/documents/${doc.id}/pages`);
    assert.equal(pages.json().pages.length, 1);
    const png = await api("GET", `/api/pii/documents/${doc.id}/pages/1`);
    assert.equal(png.statusCode, 200);
    assert.equal(png.headers["content-type"], "image/png");
    assert.deepEqual([...png.rawPayload.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    assert.equal((await api("GET", `/api/pii/documents/${doc.id}/pages/9`)).json().code, "pii.page_unknown");
    // A box over the name (left part of the first line, before the RRN's box).
    const [x0, y0, , y1] = f.location.box;
    const r = await api("POST", `/api/pii/documents/${doc.id}/regions`, {
      page: 1,
      box: [0, y0, x0 - 60, y1],
    });
    assert.equal(r.statusCode, 201, r.body);
    const phone = doc.findings.find((x: { type: string }) => x.type === "KR_PHONE");
    const rej = await api("PATCH", `/api/pii/documents/${doc.id}/findings`, {
      decisions: [{ index: phone.index, decision: "rejected" }],
    });
    assert.equal(rej.statusCode, 200, rej.body);
    const dl = await api("GET", `/api/pii/documents/${doc.id}/redacted`);
    assert.equal(dl.statusCode, 200, dl.body);
    const text = pdfAllText(dl.rawPayload);
    assert.ok(!text.includes(RRN), text);
    assert.ok(!text.includes("홍길동"), text);
    assert.ok(text.includes(PHONE), text);
    assert.ok(dl.rawPayload.indexOf(Buffer.from(RRN)) < 0);
  });

  test("E4: xlsx findings carry sheet, row and column; the redacted workbook is produced", async () => {
    const xlsx = await buildXlsx({
      민원: [
        ["성명", "주민등록번호", "연락처"],
        ["홍길동", RRN, PHONE],
      ],
    });
    const doc = await upload(xlsx, "list.xlsx");
    assert.equal(doc.format, "xlsx");
    const rrn = doc.findings.find((f: { type: string }) => f.type === "KR_RRN");
    assert.deepEqual([rrn.location.sheet, rrn.location.row, rrn.location.column], ["민원", 2, 2]);
    const dl = await api("GET", `/api/pii/documents/${doc.id}/redacted?policy=label`);
    assert.equal(dl.statusCode, 200);
    assert.equal(
      dl.headers["content-type"],
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    assert.equal((await api("GET", `/api/pii/documents/${doc.id}/text`)).json().code, "pii.not_text");
  });

  test("E4: pseudonyms are consistent across the agency's documents; hwpx is scanned but not redacted", async () => {
    const one = await upload(`첫 문서 주민등록번호 ${RRN}\n`, "one.txt");
    const two = await upload(`둘째 문서\n신청인 주민등록번호: ${RRN}\n`, "two.txt");
    const token = async (id: string) => {
      const r = await api("GET", `/api/pii/documents/${id}/redacted?policy=pseudonym`);
      assert.equal(r.statusCode, 200, r.body);
      assert.ok(!r.body.includes(RRN));
      return r.body.match(/\[주민등록번호-[0-9a-f]{10}\]/)?.[0];
    };
    const t1 = await token(one.id);
    assert.ok(t1);
    assert.equal(await token(two.id), t1);
    const other = await upload(`첫 문서 주민등록번호 ${RRN}\n`, "one.txt", "b");
    const rb = await api(
      "GET",
      `/api/pii/documents/${other.id}/redacted?policy=pseudonym`,
      undefined,
      "privacy_officer",
      "b",
    );
    assert.ok(!rb.body.includes(t1 as string), "another agency gets other tokens");

    const hwpx = await upload(buildHwpx([[`신청인 주민등록번호 ${RRN}`]]), "form.hwpx");
    assert.equal(hwpx.format, "hwpx");
    assert.deepEqual(hwpx.policies, []);
    assert.deepEqual(
      hwpx.findings.map((f: { type: string }) => f.type),
      ["KR_RRN"],
    );
    const dl = await api("GET", `/api/pii/documents/${hwpx.id}/redacted`);
    assert.equal(dl.json().code, "pii.policy_unsupported");
  });

  test("E4: bad input: program, binary, empty and oversized files are refused with stable codes", async () => {
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200, 1)]);
    const r1 = await uploadAs(t, "/api/pii/documents", { filename: "a.txt", content: exe });
    assert.equal(r1.statusCode, 415, r1.body);
    assert.equal(r1.json().code, "pii.upload_type");
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2,
    ]);
    const r2 = await uploadAs(t, "/api/pii/documents", { filename: "scan.docx", content: png });
    assert.equal(r2.statusCode, 415, r2.body);
    const r3 = await uploadAs(t, "/api/pii/documents", { filename: "e.txt", content: "" });
    assert.equal(r3.json().code, "pii.upload_empty");
    const big = await uploadAs(t, "/api/pii/documents", {
      filename: "big.txt",
      content: "가".repeat(800_000),
    });
    assert.equal(big.statusCode, 413, big.body);
    const none = await t.inject({
      method: "POST",
      url: "/api/pii/documents",
      payload: {},
      headers: await t.as("privacy_officer"),
    });
    assert.equal(none.json().code, "pii.upload_missing");
  });

  test("E3: retention purge destroys expired originals and records each destruction in the ledger", async () => {
    const doc = await upload(KO_LETTER, "old.txt");
    const keep = await upload(KO_LETTER, "new.txt");
    const days = (new Date(doc.retainUntil).getTime() - Date.now()) / 86_400_000;
    assert.ok(days > 89 && days <= 90, `default retention 90 days, got ${days}`);
    await t.tdb.query("UPDATE pii_documents SET retain_until = now() - interval '1 day' WHERE id = $1", [
      doc.id,
    ]);
    const denied = await api("POST", "/api/pii/purge", {}, "handler");
    assert.equal(denied.statusCode, 403);
    const res = await api("POST", "/api/pii/purge", {});
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().purged, 1);
    const [row] = await t.tdb.query<{ original_enc: unknown; key_wrapped: unknown; purged_at: unknown }>(
      "SELECT original_enc, key_wrapped, purged_at FROM pii_documents WHERE id = $1",
      [doc.id],
    );
    assert.equal(row.original_enc, null);
    assert.equal(row.key_wrapped, null);
    assert.ok(row.purged_at);
    assert.ok((await ledgerActions(t, doc.id)).includes("pii.document.purge"));
    const gone = await api("GET", `/api/pii/documents/${doc.id}/redacted`);
    assert.equal(gone.statusCode, 410);
    assert.equal(gone.json().code, "pii.purged");
    assert.equal((await api("GET", `/api/pii/documents/${keep.id}/text`)).statusCode, 200);
    // The server's sweep (all agencies, actor "system") finds nothing left to destroy, then one more.
    assert.equal(await runPiiRetention(t.deps), 0);
    await t.tdb.query("UPDATE pii_documents SET retain_until = now() - interval '1 hour' WHERE id = $1", [
      keep.id,
    ]);
    assert.equal(await runPiiRetention(t.deps), 1);
    const [sys] = await t.tdb.query<{ actor_label: string; details: { reason: string } }>(
      "SELECT actor_label, details FROM ledger_entries WHERE action = 'pii.document.purge' AND resource_id = $1",
      [keep.id],
    );
    assert.equal(sys.actor_label, "system");
    assert.equal(sys.details.reason, "retention");
    const fresh = await upload(KO_LETTER, "fresh.txt");
    // Early destruction on request.
    const del = await api("DELETE", `/api/pii/documents/${fresh.id}`);
    assert.equal(del.json().purged, 1);
    assert.equal((await api("GET", `/api/pii/documents/${fresh.id}/text`)).statusCode, 410);
  });
});
