import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import * as mupdf from "mupdf";
import { createTestApp, type TestApp } from "../../test-support/app";
import { multipart } from "../cases/multipart.test-helper";
import { FIXTURE_RRN, fixturePdf } from "../redaction/test-fixture";

// Partial disclosure by redaction, end to end on the server (issue 12 item 3, J1): the redaction's labelled
// output becomes a released file of the disclosure case, the requester's portal lists and serves it, the
// staff detail shows its grounds, and the timeline records both steps.

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

const staff = () => t.as("privacy_officer", "a");
async function call(method: "GET" | "POST" | "PUT", url: string, payload?: object) {
  return t.inject({ method, url, ...(payload ? { payload } : {}), headers: await staff() });
}
const count = async (table: string, where: string, params: unknown[]) => {
  const [r] = await t.tdb.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return r.n;
};
const pdfText = (buf: Buffer) => {
  const doc = mupdf.Document.openDocument(buf, "application/pdf");
  let s = "";
  for (let i = 0; i < doc.countPages(); i++)
    s += doc.loadPage(i).toStructuredText("preserve-whitespace").asText();
  return s;
};
const portal = (url: string, receiptNumber: string, accessCode: string) =>
  t.inject({
    method: "POST",
    url,
    remoteAddress: "203.0.113.60",
    payload: { agencyCode: "agency-a", receiptNumber, accessCode },
  });

async function disclosureWithPdf() {
  const res = await call("POST", "/api/disclosure", {
    form: "KR",
    channel: "visit",
    receivedAt: "2026-03-23T01:00:00Z",
    requester: {
      name: "김청구",
      birthDate: "1981-06-06",
      address: "한빛시 중앙로 2",
      phone: "010-2222-3333",
      email: "kim@example.kr",
    },
    content: "민원 처리 결과 회신 문서",
    methods: ["electronic"],
    receipt: "email",
  });
  assert.equal(res.statusCode, 201, res.body);
  const id = res.json().case.id as string;
  const number = res.json().case.number as string;
  const m = multipart(
    { filename: "answer.pdf", content: await fixturePdf(), contentType: "application/pdf" },
    { kind: "scan" },
  );
  const up = await t.inject({
    method: "POST",
    url: `/api/cases/${id}/attachments`,
    headers: { ...(await staff()), ...m.headers },
    payload: m.payload,
  });
  assert.equal(up.statusCode, 201, up.body);
  return { id, number, source: up.json().id as string };
}

describe("disclosure: released redactions (J1)", () => {
  test("J1: a released redaction is a released file of the case: detail shows its grounds, the portal lists and serves the labelled PDF", async () => {
    const d = await disclosureWithPdf();
    const start = await call("POST", `/api/cases/${d.id}/attachments/${d.source}/redactions`);
    assert.equal(start.statusCode, 201, start.body);
    const r = start.json();
    const decisions = r.proposals.map((p: { id: number }) => ({
      id: p.id,
      decision: "accepted",
      ground: "art9-1-6",
    }));
    const saved = await call("PUT", `/api/cases/${d.id}/redactions/${r.id}`, {
      decisions,
      regions: [{ kind: "box", page: 1, box: [72, 150, 300, 170], ground: "art9-1-5" }],
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const rel = await call("POST", `/api/cases/${d.id}/redactions/${r.id}/release`);
    assert.equal(rel.statusCode, 201, rel.body);
    const output = rel.json().attachment.id as string;

    // Recorded as released at once, with the redaction it came from.
    assert.equal(
      await count("disclosure_released_files", "case_id = $1 AND attachment_id = $2 AND redaction_id = $3", [
        d.id,
        output,
        r.id,
      ]),
      1,
    );
    const detail = await call("GET", `/api/disclosure/${d.id}`);
    assert.equal(detail.statusCode, 200, detail.body);
    const released = detail.json().released as Array<{ id: string; redactionId: string; grounds: string[] }>;
    assert.equal(released.length, 1);
    assert.equal(released[0].id, output);
    assert.equal(released[0].redactionId, r.id);
    assert.deepEqual([...released[0].grounds].sort(), ["art9-1-5", "art9-1-6"]);

    // Partial disclosure may name only redaction outputs: the unredacted source is refused, nothing saved.
    const raw = await call("POST", `/api/disclosure/${d.id}/decision`, {
      outcome: "partial",
      groundCodes: ["art9-1-6"],
      releaseAttachmentIds: [d.source],
    });
    assert.equal(raw.statusCode, 400, raw.body);
    assert.equal(raw.json().code, "disclosure.release_full_only");
    assert.equal(await count("disclosure_released_files", "case_id = $1", [d.id]), 1);
    const dec = await call("POST", `/api/disclosure/${d.id}/decision`, {
      outcome: "partial",
      groundCodes: ["art9-1-6"],
      releaseAttachmentIds: [output],
    });
    assert.equal(dec.statusCode, 200, dec.body);
    assert.equal(await count("disclosure_released_files", "case_id = $1", [d.id]), 1);

    const code = await call("POST", `/api/disclosure/${d.id}/access-code`, {});
    assert.equal(code.statusCode, 200, code.body);
    const st = await portal("/api/portal/status", d.number, code.json().accessCode);
    assert.equal(st.statusCode, 200, st.body);
    assert.deepEqual(
      st
        .json()
        .delivery.files.map((f: { id: string; filename: string; redacted: boolean }) => [
          f.id,
          f.filename,
          f.redacted,
        ]),
      [[output, "answer-released.pdf", true]],
    );
    assert.ok(!st.body.includes(d.source), "the unredacted source is never listed");
    const dl = await portal(`/api/portal/files/${output}`, d.number, code.json().accessCode);
    assert.equal(dl.statusCode, 200, dl.body);
    const text = pdfText(dl.rawPayload);
    assert.ok(!text.includes(FIXTURE_RRN));
    assert.match(text, /9[\u2460\u2780]6/, "each box is labelled with its ground's short citation");
    assert.match(text, /9[\u2460\u2780]5/);
    const src = await portal(`/api/portal/files/${d.source}`, d.number, code.json().accessCode);
    assert.equal(src.statusCode, 404);

    // The timeline shows both steps.
    const tl = await call("GET", `/api/cases/${d.id}/timeline`);
    const types = tl.json().events.map((e: { type: string }) => e.type);
    assert.ok(types.includes("redaction_created"), types.join());
    assert.ok(types.includes("redaction_released"), types.join());
  });
});
