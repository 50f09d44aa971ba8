import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { multipart } from "../modules/cases/multipart.test-helper";
import { KO_LETTER, uploadAs } from "../modules/pii/test-helpers";
import { caller, krFile } from "../modules/registry/test-helpers";
import { createTestApp, type TestApp } from "../test-support/app";
import { inflatingXlsx } from "./zip-bombs.test-helper";

// Issue 10 §4 "one upload freezes everyone": hostile xlsx uploads are refused by the upload workers with a
// clear message, the request thread's memory stays bounded, nothing is saved; normal uploads still work.

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(async () => t.close());

const MiB = 1024 * 1024;

async function importXlsx(bytes: Buffer, lang = "en") {
  const body = multipart({ filename: "register.xlsx", content: bytes });
  const headers = { ...(await t.as("privacy_officer", "a")), ...body.headers, "x-locale": lang };
  return t.inject({ method: "POST", url: "/api/registry/xlsx/import", payload: body.payload, headers });
}

async function piiUpload(bytes: Buffer, lang = "en") {
  const body = multipart({ filename: "sheet.xlsx", content: bytes });
  // An ordinary handler may upload documents for review (the review's point: not only officers).
  const headers = { ...(await t.as("privacy_officer", "a")), ...body.headers, "x-locale": lang };
  return t.inject({ method: "POST", url: "/api/pii/documents", payload: body.payload, headers });
}

async function counts() {
  const [r] = await t.tdb.query<{ files: number; docs: number }>(
    `SELECT (SELECT count(*)::int FROM registry_files WHERE agency_id = $1) AS files,
            (SELECT count(*)::int FROM pii_documents WHERE agency_id = $1) AS docs`,
    [t.a.id],
  );
  return r;
}

/** Runs `fn` while sampling the process's RSS and heap every 10 ms; returns the peak growth in bytes. */
async function peakGrowth<T>(fn: () => Promise<T>): Promise<{ value: T; rss: number; heap: number }> {
  global.gc?.();
  const base = process.memoryUsage();
  let rss = 0;
  let heap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss - base.rss);
    heap = Math.max(heap, m.heapUsed - base.heapUsed);
  };
  const timer = setInterval(sample, 10);
  try {
    const value = await fn();
    sample();
    return { value, rss, heap };
  } finally {
    clearInterval(timer);
  }
}

describe("upload workers: hostile archives are refused, memory stays bounded", () => {
  test("B7/item 9: a normal register import and PII document uploads still work through the workers", async () => {
    const call = caller(t);
    const created = await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "워커 확인 파일" }));
    assert.equal(created.statusCode, 201, created.body);
    const exported = await t.inject({
      method: "GET",
      url: "/api/registry/xlsx/export",
      headers: await t.as("privacy_officer", "a"),
    });
    assert.equal(exported.statusCode, 200);
    const res = await importXlsx(exported.rawPayload);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().updated, 1);

    const txt = await uploadAs(t, "/api/pii/documents", { filename: "letter.txt", content: KO_LETTER });
    assert.equal(txt.statusCode, 201, txt.body);
    assert.ok(
      txt.json().findings.some((f: { type: string }) => f.type === "KR_RRN"),
      txt.body,
    );

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("명단");
    ws.addRow(["성명", "주민등록번호"]);
    ws.addRow(["홍길동", "960121-1021413"]);
    const xlsx = await piiUpload(Buffer.from(await wb.xlsx.writeBuffer()));
    assert.equal(xlsx.statusCode, 201, xlsx.body);
    assert.equal(xlsx.json().format, "xlsx");
    assert.equal(xlsx.json().scanStatus, "ok");
    assert.ok(
      xlsx.json().findings.some((f: { type: string }) => f.type === "KR_RRN"),
      xlsx.body,
    );
  });

  test("B7/E5: a 1 MB xlsx whose sheet inflates to 280 MiB is refused by both upload routes (413, caller's language), memory growth < 200 MB, nothing saved", async () => {
    const bomb = inflatingXlsx({ sheetBytes: 280 * MiB, kind: "cells" });
    assert.ok(bomb.length < 2 * MiB, `the upload itself is small (${bomb.length} bytes)`);
    const before = await counts();

    const reg = await peakGrowth(() => importXlsx(bomb, "ko"));
    assert.equal(reg.value.statusCode, 413, reg.value.body);
    assert.equal(reg.value.json().code, "upload.unpacked_too_large");
    assert.match(reg.value.json().message, /압축을 풀면 파일이 너무 커집니다/);
    assert.ok(reg.rss < 200 * MiB, `register import: RSS grew ${(reg.rss / MiB).toFixed(0)} MB`);
    assert.ok(reg.heap < 100 * MiB, `register import: heap grew ${(reg.heap / MiB).toFixed(0)} MB`);

    const doc = await peakGrowth(() => piiUpload(bomb, "zh-TW"));
    assert.equal(doc.value.statusCode, 413, doc.value.body);
    assert.equal(doc.value.json().code, "upload.unpacked_too_large");
    assert.match(doc.value.json().message, /檔案解壓縮後過大/);
    assert.ok(doc.rss < 200 * MiB, `PII upload: RSS grew ${(doc.rss / MiB).toFixed(0)} MB`);
    assert.ok(doc.heap < 100 * MiB, `PII upload: heap grew ${(doc.heap / MiB).toFixed(0)} MB`);

    assert.deepEqual(await counts(), before, "nothing half saved");
  });

  test("B7/E5: a sheet whose zip headers declare 4 096 bytes but inflates to 1.1 GiB is refused (real bytes counted, headers not trusted)", async () => {
    const liar = inflatingXlsx({
      sheetBytes: Math.round(1.1 * 1024 * MiB),
      kind: "padding",
      declaredSheetSize: 4096,
    });
    const before = await counts();
    const reg = await peakGrowth(() => importXlsx(liar, "en"));
    assert.equal(reg.value.statusCode, 413, reg.value.body);
    assert.equal(reg.value.json().code, "upload.unpacked_too_large");
    assert.match(reg.value.json().message, /too large when unpacked/);
    assert.ok(reg.rss < 200 * MiB, `register import: RSS grew ${(reg.rss / MiB).toFixed(0)} MB`);

    const doc = await peakGrowth(() => piiUpload(liar, "en"));
    assert.equal(doc.value.statusCode, 413, doc.value.body);
    assert.equal(doc.value.json().code, "upload.unpacked_too_large");
    assert.ok(doc.rss < 200 * MiB, `PII upload: RSS grew ${(doc.rss / MiB).toFixed(0)} MB`);
    assert.deepEqual(await counts(), before, "nothing half saved");
  });
});
