import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import * as mupdf from "mupdf";
import { createTestApp, type TestApp } from "../../test-support/app";
import { multipart } from "../cases/multipart.test-helper";
import { FIXTURE_RRN, fixturePdf } from "./test-fixture";

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

const h = (w: "a" | "b" = "a") => t.as("privacy_officer", w);
const pdfText = (buf: Buffer) => {
  const doc = mupdf.Document.openDocument(buf, "application/pdf");
  let s = "";
  for (let i = 0; i < doc.countPages(); i++)
    s += doc.loadPage(i).toStructuredText("preserve-whitespace").asText();
  return s;
};

async function caseWithPdf(pdf: Buffer, w: "a" | "b" = "a") {
  const res = await t.inject({
    method: "POST",
    url: "/api/requests",
    headers: await h(w),
    payload: {
      kind: "access",
      channel: "email",
      requesterType: "self",
      requester: { name: "최열람", email: "choi@example.kr" },
      content: "열람 요구",
    },
  });
  assert.equal(res.statusCode, 201, res.body);
  const caseId = res.json().case.id as string;
  const m = multipart(
    { filename: "answer.pdf", content: pdf, contentType: "application/pdf" },
    { kind: "evidence" },
  );
  const up = await t.inject({
    method: "POST",
    url: `/api/cases/${caseId}/attachments`,
    headers: { ...(await h(w)), ...m.headers },
    payload: m.payload,
  });
  assert.equal(up.statusCode, 201, up.body);
  return { caseId, attachmentId: up.json().id as string };
}

async function start(caseId: string, attachmentId: string) {
  const r = await t.inject({
    method: "POST",
    url: `/api/cases/${caseId}/attachments/${attachmentId}/redactions`,
    headers: await h(),
  });
  assert.equal(r.statusCode, 201, r.body);
  return r.json();
}

const put = async (caseId: string, id: string, payload: unknown, lang = "en") =>
  t.inject({
    method: "PUT",
    url: `/api/cases/${caseId}/redactions/${id}`,
    headers: { ...(await h()), "accept-language": lang },
    payload: payload as object,
  });
const release = async (caseId: string, id: string, lang = "en") =>
  t.inject({
    method: "POST",
    url: `/api/cases/${caseId}/redactions/${id}/release`,
    headers: { ...(await h()), "accept-language": lang },
  });

describe("partial disclosure by redaction (J1)", () => {
  test("J1: proposals include the RRN (masked); accepting without a ground and a manual box without ground are refused", async () => {
    const { caseId, attachmentId } = await caseWithPdf(await fixturePdf());
    const r = await start(caseId, attachmentId);
    const rrn = r.proposals.find((p: { type: string }) => p.type === "KR_RRN");
    assert.ok(rrn, r.body);
    assert.ok(!JSON.stringify(r).includes(FIXTURE_RRN), "no raw value in the record");
    assert.ok(r.grounds.some((g: { short: string }) => g.short === "9①6"));
    const noGround = await put(
      caseId,
      r.id,
      { decisions: [{ id: rrn.id, decision: "accepted" }], regions: [] },
      "ko",
    );
    assert.equal(noGround.statusCode, 400);
    assert.equal(noGround.json().code, "redaction.ground_missing");
    assert.match(noGround.json().message, /비공개 사유/);
    const boxNoGround = await put(caseId, r.id, {
      decisions: [],
      regions: [{ kind: "box", page: 1, box: [72, 80, 200, 95] }],
    });
    assert.equal(boxNoGround.statusCode, 400);
    const unknownGround = await put(caseId, r.id, {
      decisions: [{ id: rrn.id, decision: "accepted", ground: "art18-1-6" }],
      regions: [],
    });
    assert.equal(unknownGround.json().code, "redaction.ground_unknown", "a TW ground in a KR agency");
    const undecided = await release(caseId, r.id);
    assert.equal(undecided.json().code, "redaction.undecided");
  });

  test("J1: a release where the RRN survives (proposal rejected, manual box elsewhere) is refused with the finding masked; nothing stored", async () => {
    const { caseId, attachmentId } = await caseWithPdf(await fixturePdf());
    const r = await start(caseId, attachmentId);
    const decisions = r.proposals.map((p: { id: number }) => ({ id: p.id, decision: "rejected" }));
    const saved = await put(caseId, r.id, {
      decisions,
      regions: [{ kind: "box", page: 1, box: [72, 75, 200, 92], ground: "art9-1-5" }],
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const res = await release(caseId, r.id, "zh-TW");
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().code, "redaction.identifier_remains");
    assert.ok(res.json().details.findings.some((f: { type: string }) => f.type === "KR_RRN"));
    assert.ok(!res.body.includes(FIXTURE_RRN) && !res.body.includes("1021413"), res.body);
    assert.match(res.json().message, /識別資料/);
    const list = await t.inject({
      method: "GET",
      url: `/api/cases/${caseId}/attachments`,
      headers: await h(),
    });
    assert.equal(list.json().attachments.length, 1, "no released attachment stored");
  });

  test("J1: the released file is a new attachment: number burned out, box labelled 9①6, cover lists the article", async () => {
    const { caseId, attachmentId } = await caseWithPdf(await fixturePdf());
    const r = await start(caseId, attachmentId);
    const decisions = r.proposals.map((p: { id: number }) => ({
      id: p.id,
      decision: "accepted",
      ground: "art9-1-6",
    }));
    assert.equal((await put(caseId, r.id, { decisions, regions: [] })).statusCode, 200);
    const res = await release(caseId, r.id);
    assert.equal(res.statusCode, 201, res.body);
    const out = res.json();
    assert.equal(out.status, "released");
    assert.deepEqual(out.groundsUsed, ["art9-1-6"]);
    assert.equal(out.attachment.kind, "released_record");
    const file = await t.inject({
      method: "GET",
      url: `/api/cases/${caseId}/attachments/${out.attachment.id}`,
      headers: await h(),
    });
    const text = pdfText(file.rawPayload);
    assert.ok(!text.includes(FIXTURE_RRN));
    assert.match(text, /9[\u2460\u2780]6/);
    // Whitespace as extracted depends on mupdf's line grouping; the article's characters must all be there.
    const squeezed = text.replace(/\s+/g, "");
    assert.ok(squeezed.includes("공공기관의정보공개에관한법률제9조제1항제6호"), text);
    const again = await release(caseId, r.id);
    assert.equal(again.statusCode, 409);
  });

  test("J1: a file type the redactor cannot read is refused clearly", async () => {
    const res = await t.inject({
      method: "POST",
      url: "/api/requests",
      headers: await h(),
      payload: {
        kind: "access",
        channel: "email",
        requesterType: "self",
        requester: { name: "최열람", email: "c@example.kr" },
        content: "x",
      },
    });
    const caseId = res.json().case.id;
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    const m = multipart({ filename: "a.png", content: png }, { kind: "evidence" });
    const up = await t.inject({
      method: "POST",
      url: `/api/cases/${caseId}/attachments`,
      headers: { ...(await h()), ...m.headers },
      payload: m.payload,
    });
    const r = await t.inject({
      method: "POST",
      url: `/api/cases/${caseId}/attachments/${up.json().id}/redactions`,
      headers: await h(),
    });
    assert.equal(r.statusCode, 415);
    assert.equal(r.json().code, "redaction.format");
  });
});

describe("public archive (J1, J3-searchable)", () => {
  const upload = async (
    pdf: Buffer,
    fields: Record<string, string>,
    w: "a" | "b" = "a",
    filename = "doc.pdf",
  ) => {
    const m = multipart({ filename, content: pdf, contentType: "application/pdf" }, fields);
    return t.inject({
      method: "POST",
      url: "/api/archive/upload",
      headers: { ...(await h(w)), ...m.headers, "accept-language": "en" },
      payload: m.payload,
    });
  };
  const enable = async (w: "a" | "b", enabled = true) =>
    t.inject({ method: "PUT", url: "/api/archive/settings", headers: await h(w), payload: { enabled } });
  const cleanPdf = () => fixturePdf(["구청 업무추진비 집행 내역", "2025년 1분기 합계 1,200,000원"]);

  test("J1: archive is off by default; publishing is refused until the agency opts in", async () => {
    const res = await upload(await cleanPdf(), { title: "업무추진비", documentDate: "2025-04-01" });
    assert.equal(res.statusCode, 409);
    assert.equal(res.json().code, "archive.disabled");
    const pub = await t.inject({ method: "GET", url: `/api/portal/${t.a.code}/archive` });
    assert.equal(pub.statusCode, 404);
  });

  test("J1: publish is refused when the PII guard finds an identifier (masked); wrong type and oversize refused", async () => {
    await enable("a");
    const res = await upload(await fixturePdf(), { title: "회신 자료", documentDate: "2025-04-01" });
    assert.equal(res.statusCode, 422, res.body);
    assert.equal(res.json().code, "archive.pii_found");
    assert.ok(!res.body.includes(FIXTURE_RRN));
    const titlePii = await upload(await cleanPdf(), {
      title: `신청인 ${FIXTURE_RRN}`,
      documentDate: "2025-04-01",
    });
    assert.equal(titlePii.json().code, "archive.pii_found");
    const txt = await upload(Buffer.from("hello"), { title: "x", documentDate: "2025-04-01" }, "a", "a.txt");
    assert.equal(txt.statusCode, 415);
    assert.equal(txt.json().code, "archive.type");
    const big = Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(21 * 1024 * 1024)]);
    const over = await upload(big, { title: "x", documentDate: "2025-04-01" });
    assert.ok([413].includes(over.statusCode), over.body);
    const list = await t.inject({ method: "GET", url: "/api/archive", headers: await h() });
    assert.equal(list.json().items.length, 0, "nothing half saved");
  });

  test("J3: public search returns only published entries of that agency; unpublish with a reason hides them", async () => {
    await enable("a");
    await enable("b");
    const a1 = await upload(await cleanPdf(), {
      title: "업무추진비 집행 내역",
      summary: "1분기",
      documentDate: "2025-04-01",
    });
    assert.equal(a1.statusCode, 201, a1.body);
    const a2 = await upload(await cleanPdf(), { title: "도로 보수 계약", documentDate: "2025-03-01" });
    assert.equal(a2.statusCode, 201);
    const b1 = await upload(await cleanPdf(), { title: "업무추진비 B구", documentDate: "2025-04-01" }, "b");
    assert.equal(b1.statusCode, 201);
    const s = await t.inject({
      method: "GET",
      url: `/api/portal/${t.a.code}/archive?q=${encodeURIComponent("업무추진비")}`,
    });
    assert.equal(s.statusCode, 200);
    assert.deepEqual(
      s.json().items.map((i: { id: string }) => i.id),
      [a1.json().id],
    );
    const un = await t.inject({
      method: "POST",
      url: `/api/archive/${a1.json().id}/unpublish`,
      headers: await h(),
      payload: { reason: "오기 정정" },
    });
    assert.equal(un.statusCode, 200, un.body);
    const s2 = await t.inject({
      method: "GET",
      url: `/api/portal/${t.a.code}/archive?q=${encodeURIComponent("업무추진비")}`,
    });
    assert.equal(s2.json().items.length, 0);
    const dl = await t.inject({ method: "GET", url: `/api/portal/${t.a.code}/archive/${a2.json().id}/file` });
    assert.equal(dl.statusCode, 200);
    assert.equal(dl.rawPayload.subarray(0, 5).toString(), "%PDF-");
    const cross = await t.inject({
      method: "GET",
      url: `/api/portal/${t.a.code}/archive/${b1.json().id}/file`,
    });
    assert.equal(cross.statusCode, 404, "B's entry is not served under A's code");
    const gone = await t.inject({
      method: "GET",
      url: `/api/portal/${t.a.code}/archive/${a1.json().id}/file`,
    });
    assert.equal(gone.statusCode, 404);
  });
});

describe("publishing a released file from a case (J1)", () => {
  test("J1: the picker lists released files by receipt number; publishing one marks it in the archive; B sees none", async () => {
    const { caseId, attachmentId } = await caseWithPdf(await fixturePdf());
    const r = await start(caseId, attachmentId);
    const decisions = r.proposals.map((p: { id: number }) => ({
      id: p.id,
      decision: "accepted",
      ground: "art9-1-6",
    }));
    assert.equal((await put(caseId, r.id, { decisions, regions: [] })).statusCode, 200);
    const rel = await release(caseId, r.id);
    assert.equal(rel.statusCode, 201, rel.body);
    const outId = rel.json().attachment.id as string;
    const [{ number }] = await t.tdb.query<{ number: string }>("SELECT number FROM cases WHERE id = $1", [
      caseId,
    ]);
    const picker = async (w: "a" | "b", q: string) => {
      const res = await t.inject({
        method: "GET",
        url: `/api/archive/released?number=${encodeURIComponent(q)}`,
        headers: await h(w),
      });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Array<{ attachmentId: string; caseNumber: string; inArchive: boolean }>;
    };
    const found = await picker("a", number.slice(-4));
    const hit = found.find((f) => f.attachmentId === outId);
    assert.ok(hit, JSON.stringify(found));
    assert.equal(hit.caseNumber, number);
    assert.equal(hit.inArchive, false);
    assert.deepEqual(await picker("a", "%%"), [], "LIKE wildcards are taken literally");
    assert.ok(!(await picker("b", "")).some((f) => f.attachmentId === outId), "B never sees A's files");
    // The source (not released) attachment is not publishable from a case.
    await t.inject({
      method: "PUT",
      url: "/api/archive/settings",
      headers: await h(),
      payload: { enabled: true },
    });
    const src = await t.inject({
      method: "POST",
      url: "/api/archive",
      headers: await h(),
      payload: { attachmentId, title: "회신 자료", documentDate: "2025-04-02" },
    });
    assert.equal(src.json().code, "archive.source_not_released");
    const pub = await t.inject({
      method: "POST",
      url: "/api/archive",
      headers: await h(),
      payload: { attachmentId: outId, title: "열람 회신 (부분 공개)", documentDate: "2025-04-02" },
    });
    assert.equal(pub.statusCode, 201, pub.body);
    assert.equal(pub.json().caseId, caseId);
    assert.equal((await picker("a", number)).find((f) => f.attachmentId === outId)?.inArchive, true);
  });
});
