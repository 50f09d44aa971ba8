import assert from "node:assert/strict";
import { after, afterEach, before, describe, test } from "node:test";
import type { LightMyRequestResponse } from "fastify";
import { multipart } from "../modules/cases/multipart.test-helper";
import { KO_LETTER } from "../modules/pii/test-helpers";
import { caller, krFile } from "../modules/registry/test-helpers";
import { createTestApp, type TestApp } from "../test-support/app";
import { workerPool } from "./pool";

// Issue 10 §4 "one upload freezes everyone": an upload's worker job (unpack, parse, scan) runs before the
// route's transaction opens. On the embedded database (one connection) a transaction held across the job
// would queue every other request, the public portal too, until the worker finished. Here the shared
// pool's jobs are held at a gate the test opens: the portal must answer while the upload still waits.

let t: TestApp;
const pool = workerPool();
const realRun = pool.run.bind(pool);
let entered: () => void = () => {};
let gate: Promise<void> = Promise.resolve();
let open: () => void = () => {};

before(async () => {
  t = await createTestApp();
});
afterEach(() => {
  open();
  pool.run = realRun;
});
after(async () => t.close());

/** Holds every worker job at a gate; resolves once the first job has been asked for. */
function holdJobs(): Promise<void> {
  gate = new Promise((r) => {
    open = r;
  });
  const started = new Promise<void>((r) => {
    entered = r;
  });
  pool.run = (async (kind: never, input: never, opts?: { timeoutMs?: number }) => {
    entered();
    await gate;
    return realRun(kind, input, opts);
  }) as typeof pool.run;
  return started;
}

const timeout = (ms: number) => new Promise<"timeout">((r) => setTimeout(() => r("timeout"), ms).unref());

/**
 * Starts the upload, waits until its worker job is held, then reads the portal. The portal's answer must
 * come while the upload is still held (before the gate opens); then the upload completes normally.
 */
async function portalAnswersDuringUpload(upload: () => Promise<LightMyRequestResponse>) {
  const started = holdJobs();
  const order: string[] = [];
  const up = upload().then((r) => {
    order.push("upload");
    return r;
  });
  const first = await Promise.race([started.then(() => "held" as const), timeout(10_000)]);
  assert.equal(first, "held", "the upload reached its worker job");
  const portal = t.inject({ method: "GET", url: "/api/portal/agencies" }).then((r) => {
    order.push("portal");
    return r;
  });
  const got = await Promise.race([portal, timeout(3000)]);
  open();
  assert.notEqual(got, "timeout", "the portal answered within 3 s while the upload's worker job was held");
  const res = await up;
  assert.deepEqual(order, ["portal", "upload"]);
  assert.equal((await portal).statusCode, 200);
  return res;
}

describe("upload worker jobs run outside the route's transaction", () => {
  test("B7: the portal answers while a register import's workbook is still being read by a worker", async () => {
    const call = caller(t);
    const created = await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "격리 확인 파일" }));
    assert.equal(created.statusCode, 201, created.body);
    const officer = await t.as("privacy_officer", "a");
    const exported = await t.inject({ method: "GET", url: "/api/registry/xlsx/export", headers: officer });
    assert.equal(exported.statusCode, 200);
    const res = await portalAnswersDuringUpload(() => {
      const body = multipart({ filename: "register.xlsx", content: exported.rawPayload });
      return t.inject({
        method: "POST",
        url: "/api/registry/xlsx/import",
        payload: body.payload,
        headers: { ...officer, ...body.headers },
      });
    });
    assert.equal(res.statusCode, 200, res.body);
  });

  test("B7/E5: the portal answers while a PII document upload is still being scanned by a worker", async () => {
    const officer = await t.as("privacy_officer", "a");
    const res = await portalAnswersDuringUpload(() => {
      const body = multipart({ filename: "letter.txt", content: KO_LETTER });
      return t.inject({
        method: "POST",
        url: "/api/pii/documents",
        payload: body.payload,
        headers: { ...officer, ...body.headers },
      });
    });
    assert.equal(res.statusCode, 201, res.body);
  });

  test("B8: the portal answers while a drift check's sample export is still being scanned by a worker", async () => {
    const call = caller(t);
    const created = await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "드리프트 격리" }));
    assert.equal(created.statusCode, 201, created.body);
    const officer = await t.as("privacy_officer", "a");
    const res = await portalAnswersDuringUpload(() => {
      const csv = "성명,주민등록번호\n홍길동,960121-1021413\n";
      const body = multipart({ filename: "export.csv", content: csv }, { fileId: created.json().id });
      return t.inject({
        method: "POST",
        url: "/api/pii/drift",
        payload: body.payload,
        headers: { ...officer, ...body.headers },
      });
    });
    assert.equal(res.statusCode, 201, res.body);
  });

  test("C5/E5: the portal answers while a case attachment (txt) is still being scanned by a worker", async () => {
    const officer = await t.as("privacy_officer", "a");
    const opened = await t.inject({
      method: "POST",
      url: "/api/requests",
      headers: officer,
      payload: {
        kind: "access",
        channel: "email",
        requesterType: "self",
        requester: { name: "최열람", email: "choi@example.kr" },
        content: "열람 요구",
      },
    });
    assert.equal(opened.statusCode, 201, opened.body);
    const caseId = opened.json().case.id;
    const res = await portalAnswersDuringUpload(() => {
      const body = multipart({ filename: "note.txt", content: KO_LETTER }, { kind: "scan" });
      return t.inject({
        method: "POST",
        url: `/api/cases/${caseId}/attachments`,
        payload: body.payload,
        headers: { ...officer, ...body.headers },
      });
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.ok(res.json().piiFindings >= 1, res.body);
  });
});
