import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import ExcelJS from "exceljs";
import { createTestApp, type TestApp } from "../../test-support/app";
import { caller, krFile } from "./test-helpers";

let t: TestApp;
let call: ReturnType<typeof caller>;
before(async () => {
  t = await createTestApp();
  call = caller(t);
});
after(async () => t.close());

function multipart(bytes: Buffer, filename = "register.xlsx") {
  const boundary = "----xlsxtest";
  return {
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

async function importXlsx(app: TestApp, bytes: Buffer, query = "", lang = "en", who: "a" | "b" = "a") {
  const { payload, contentType } = multipart(bytes);
  const headers = {
    ...(await app.as("privacy_officer", who)),
    "content-type": contentType,
    "x-locale": lang,
  };
  return app.inject({ method: "POST", url: `/api/registry/xlsx/import${query}`, payload, headers });
}

async function download(url: string, who: "a" | "b" = "a") {
  const res = await t.inject({ method: "GET", url, headers: await t.as("privacy_officer", who) });
  assert.equal(res.statusCode, 200, res.body);
  return res.rawPayload;
}

async function workbook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const buffer = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

const CONTENT_KEYS = (f: Record<string, unknown>) => {
  const { id, version, createdAt, updatedAt, agencyId, ...rest } = f;
  return rest;
};

async function countFiles(who: "a" | "b" = "a") {
  const [{ n }] = await t.tdb.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM registry_files WHERE agency_id = $1",
    [who === "a" ? t.a.id : t.b.id],
  );
  return n;
}

describe("xlsx template, export and import", () => {
  test("B7/item 9: the template is in the agency's language with a hidden code sheet and dropdowns", async () => {
    const wb = await workbook(await download("/api/registry/xlsx/template"));
    const ws = wb.getWorksheet("개인정보파일");
    assert.ok(ws, "Korean sheet name for a KR agency");
    const headers = (ws.getRow(1).values as unknown[]).slice(1);
    assert.ok(headers.includes("개인정보파일 명칭"));
    assert.ok(headers.includes("관리 부서"));
    assert.ok(!headers.includes("특정목적(코드)"), "KR pack has no TW purpose codes: column left out");
    const codes = wb.getWorksheet("codes");
    assert.equal(codes?.state, "hidden");
    const unitCol = headers.indexOf("관리 부서") + 1;
    const letter = ws.getColumn(unitCol).letter;
    const dv = (
      ws as unknown as { dataValidations: { model: Record<string, { type: string; formulae: string[] }> } }
    ).dataValidations.model[`${letter}2`];
    assert.equal(dv?.type, "list");
    assert.match(dv.formulae[0], /^codes!/);
    const tw = await workbook(await download("/api/registry/xlsx/template", "b"));
    const twSheet = tw.getWorksheet("個人資料檔案清冊");
    assert.ok(twSheet);
    assert.ok((twSheet.getRow(1).values as unknown[]).includes("特定目的（代碼）"));
  });

  test("B7/item 9: export -> import round-trips every field without loss", async () => {
    const sys = (
      await call("POST", "/api/registry/systems", {
        name: "새올행정시스템",
        operator: "정보통신과",
        location: "전산실",
      })
    ).json();
    const inputs = [
      krFile(t.a.unitId, { name: "왕복 파일 1", systemIds: [sys.id] }),
      krFile(t.a.unitId, {
        name: "왕복 파일 2; 특수문자",
        isPublic: false,
        exemptionReason: "공공기관의 정보공개에 관한 법률 제9조",
        noticeRequired: null,
        items: [{ name: "성명" }],
      }),
      { name: "왕복 파일 3 (최소)", unitId: t.a.unitId, processingMethod: "paper" },
    ];
    for (const i of inputs) {
      const r = await call("POST", "/api/registry/files", i);
      assert.equal(r.statusCode, 201, r.body);
    }
    const before = (await call("GET", "/api/registry/files?pageSize=200&sort=name")).json().items;
    const exported = await download("/api/registry/xlsx/export");
    const [logged] = await t.tdb.query<{ details: { files: number } }>(
      "SELECT details FROM ledger_entries WHERE action = 'registry.export' AND agency_id = $1 ORDER BY seq DESC LIMIT 1",
      [t.a.id],
    );
    assert.ok(logged && logged.details.files >= before.length, "E3: the export is itself a ledger entry");
    // 1) Re-importing the export unchanged changes nothing (same versions, no new history).
    const same = await importXlsx(t, exported);
    assert.equal(same.statusCode, 200, same.body);
    assert.equal(same.json().updated, before.length);
    const unchanged = (await call("GET", "/api/registry/files?pageSize=200&sort=name")).json().items;
    assert.deepEqual(
      unchanged.map((f: { version: number }) => f.version),
      before.map((f: { version: number }) => f.version),
    );
    // 2) Into an empty register (ids cleared): every field comes back equal.
    const wb = await workbook(exported);
    const ws = wb.getWorksheet("개인정보파일") as ExcelJS.Worksheet;
    for (let r = 2; r <= ws.rowCount; r++) ws.getRow(r).getCell(1).value = null;
    await t.tdb.query("DELETE FROM registry_files WHERE agency_id = $1", [t.a.id]);
    const res = await importXlsx(t, await buffer(wb));
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().created, before.length);
    const afterImport = (await call("GET", "/api/registry/files?pageSize=200&sort=name")).json().items;
    assert.deepEqual(afterImport.map(CONTENT_KEYS), before.map(CONTENT_KEYS));
  });

  test("item 8/9: a row exported before someone changed the file is refused (stale version), nothing overwritten", async () => {
    const f = (
      await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "동시 변경 파일" }))
    ).json();
    const exported = await download("/api/registry/xlsx/export");
    const changed = await call("PATCH", `/api/registry/files/${f.id}`, {
      version: 1,
      reason: "담당자 변경",
      managingStaffName: "새 담당자",
    });
    assert.equal(changed.statusCode, 200);
    const res = await importXlsx(t, exported, "", "ko");
    assert.equal(res.statusCode, 422, res.body);
    const err = res.json().details.errors.find((e: { field: string }) => e.field === "version");
    assert.equal(err.code, "stale_version");
    assert.match(err.message, /현재 2/);
    const now = (await call("GET", `/api/registry/files/${f.id}`)).json();
    assert.equal(now.managingStaffName, "새 담당자");
    assert.equal(now.version, 2);
  });

  const badCases: Array<
    [string, (ws: ExcelJS.Worksheet, col: (label: string) => number) => void, string, string]
  > = [
    [
      "unknown code",
      (ws, col) => (ws.getRow(2).getCell(col("처리 근거(코드)")).value = "art99-9"),
      "legalBasisCodes",
      "unknown_code",
    ],
    [
      "date out of range",
      (ws, col) => (ws.getRow(2).getCell(col("등록일")).value = "1901-01-01"),
      "registeredOn",
      "date_out_of_range",
    ],
    [
      "not a date",
      (ws, col) => (ws.getRow(2).getCell(col("등록일")).value = "2024-02-30"),
      "registeredOn",
      "invalid_date",
    ],
    [
      "unknown unit code",
      (ws, col) => (ws.getRow(2).getCell(col("관리 부서")).value = "zz9"),
      "unitId",
      "unknown_unit",
    ],
    [
      "duplicate name in a unit",
      (ws, col) =>
        (ws.getRow(3).getCell(col("개인정보파일 명칭")).value = ws
          .getRow(2)
          .getCell(col("개인정보파일 명칭")).value),
      "name",
      "duplicate_name",
    ],
    [
      "missing required",
      (ws, col) => (ws.getRow(2).getCell(col("처리 방법")).value = null),
      "processingMethod",
      "required",
    ],
    [
      "bad number",
      (ws, col) => (ws.getRow(2).getCell(col("정보주체 수")).value = "많음"),
      "subjectCount",
      "invalid_number",
    ],
    [
      "bad yes/no",
      (ws, col) => (ws.getRow(2).getCell(col("공개 여부")).value = "maybe"),
      "isPublic",
      "invalid_value",
    ],
  ];

  async function twoRowWorkbook() {
    const wb = await workbook(await download("/api/registry/xlsx/template"));
    const ws = wb.getWorksheet("개인정보파일") as ExcelJS.Worksheet;
    const headers = (ws.getRow(1).values as unknown[]).map(String);
    const col = (label: string) => {
      const i = headers.indexOf(label);
      assert.ok(i > 0, `no column ${label}`);
      return i;
    };
    for (const [r, name] of [
      [2, "가져오기 1"],
      [3, "가져오기 2"],
    ] as const) {
      const row = ws.getRow(r);
      row.getCell(col("개인정보파일 명칭")).value = name;
      row.getCell(col("관리 부서")).value = "u1 Unit 1";
      row.getCell(col("처리 방법")).value = "electronic";
      row.getCell(col("처리 근거(코드)")).value = "art15-1-1; art15-1-3";
      row.getCell(col("처리 항목")).value = "성명 (name); 주민등록번호 (rrn) [U] {rrn}";
      row.getCell(col("등록일")).value = new Date(Date.UTC(2021, 4, 6));
      row.getCell(col("공개 여부")).value = "예";
      row.getCell(col("정보주체 수")).value = 300;
    }
    return { wb, ws, col };
  }

  for (const [label, mutate, field, code] of badCases) {
    test(`B2/B3 bad input: ${label} -> per-row/per-field error in ko, zh-TW and en; nothing written`, async () => {
      const { wb, ws, col } = await twoRowWorkbook();
      mutate(ws, col);
      const bytes = await buffer(wb);
      const n0 = await countFiles();
      const messages: string[] = [];
      for (const lang of ["ko", "zh-TW", "en"]) {
        const res = await importXlsx(t, bytes, "", lang);
        assert.equal(res.statusCode, 422, res.body);
        const body = res.json();
        assert.equal(body.code, "registry.import_rejected");
        const err = body.details.errors.find((e: { field: string }) => e.field === field);
        assert.ok(err, `${lang}: ${JSON.stringify(body.details.errors)}`);
        assert.equal(err.code, code);
        assert.ok(err.row === 2 || err.row === 3);
        messages.push(err.message);
      }
      assert.equal(new Set(messages).size, 3, `messages differ per language: ${messages.join(" | ")}`);
      assert.match(messages[0], /[가-힣]/);
      assert.match(messages[1], /[\u4e00-\u9fff]/);
      assert.equal(await countFiles(), n0, "a rejected import wrote rows");
    });
  }

  test("B2/B3 (issue 10 §5): a NUL or a lone surrogate in a text cell is a per-row/per-field error, not a 500; nothing written", async () => {
    const { wb, ws, col } = await twoRowWorkbook();
    ws.getRow(2).getCell(col("개인정보파일 명칭")).value = "가져오기 NULMARK 1";
    ws.getRow(3).getCell(col("개인정보파일 명칭")).value = "가져오기 SURMARK 2";
    // exceljs drops such characters when writing, but decodes the OOXML escapes _xHHHH_ when reading
    // (as Excel does): put the escapes into the shared strings by hand.
    const { unzipSync, zipSync, strFromU8, strToU8 } = await import("fflate");
    const files = unzipSync(new Uint8Array(await buffer(wb)));
    const sst = strFromU8(files["xl/sharedStrings.xml"]);
    assert.ok(sst.includes("NULMARK") && sst.includes("SURMARK"));
    files["xl/sharedStrings.xml"] = strToU8(sst.replace("NULMARK", "_x0000_").replace("SURMARK", "_xD800_"));
    const bytes = Buffer.from(zipSync(files));
    const n0 = await countFiles();
    const res = await importXlsx(t, bytes, "", "en");
    assert.equal(res.statusCode, 422, res.body);
    const errors = res.json().details.errors as Array<{ row: number; field: string; code: string }>;
    for (const row of [2, 3]) {
      const e = errors.find((x) => x.row === row && x.field === "name");
      assert.ok(e, `row ${row}: ${JSON.stringify(errors)}`);
      assert.equal(e.code, "invalid_value");
    }
    assert.equal(await countFiles(), n0);
  });

  test("item 9: mode=valid imports the valid rows and reports the others; dryRun writes nothing", async () => {
    const { wb, ws, col } = await twoRowWorkbook();
    ws.getRow(3).getCell(col("처리 근거(코드)")).value = "bogus";
    ws.getRow(2).getCell(col("개인정보파일 명칭")).value = "유효 행만";
    const bytes = await buffer(wb);
    const n0 = await countFiles();
    const dry = await importXlsx(t, bytes, "?mode=valid&dryRun=true");
    assert.equal(dry.statusCode, 200);
    assert.equal(await countFiles(), n0);
    const res = await importXlsx(t, bytes, "?mode=valid");
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().created, 1);
    assert.equal(res.json().skipped, 1);
    assert.equal(res.json().errors[0].row, 3);
    assert.equal(await countFiles(), n0 + 1);
    const [f] = (await call("GET", `/api/registry/files?q=${encodeURIComponent("유효 행만")}`)).json().items;
    assert.equal(f.registeredOn, "2021-05-06", "date cells are read as dates");
    assert.deepEqual(f.legalBasisCodes, ["art15-1-1", "art15-1-3"]);
    assert.equal(f.items[1].uniqueIdentifier, true);
  });

  test("item 9 bad input: wrong headers, malformed and foreign files, empty sheet, no file", async () => {
    const { wb, ws, col } = await twoRowWorkbook();
    ws.getRow(1).getCell(col("개인정보파일 명칭")).value = "엉뚱한 제목";
    const wrong = await importXlsx(t, await buffer(wb), "", "ko");
    assert.equal(wrong.statusCode, 400);
    assert.equal(wrong.json().code, "registry.xlsx_wrong_headers");
    assert.deepEqual(wrong.json().details.unexpected, ["엉뚱한 제목"]);
    assert.match(wrong.json().message, /개인정보파일 명칭/);
    for (const [bytes, what] of [
      [Buffer.from("name,unit\n가,u1\n"), "csv"],
      [Buffer.from("PK\u0003\u0004garbage-after-zip-magic"), "truncated zip"],
      [Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(100)]), "pdf"],
    ] as const) {
      const res = await importXlsx(t, bytes, "", "zh-TW");
      assert.equal(res.statusCode, 400, what);
      assert.equal(res.json().code, "registry.xlsx_malformed", what);
      assert.match(res.json().message, /Excel/);
    }
    // A foreign but valid zip (a docx-like package) is not a workbook.
    const { zipSync, strToU8 } = await import("fflate");
    const foreign = Buffer.from(
      zipSync({ "word/document.xml": strToU8("<w:document/>"), "[Content_Types].xml": strToU8("<Types/>") }),
    );
    const fr = await importXlsx(t, foreign);
    assert.equal(fr.json().code, "registry.xlsx_malformed");
    const empty = await workbook(await download("/api/registry/xlsx/template"));
    const er = await importXlsx(t, await buffer(empty), "", "en");
    assert.equal(er.json().code, "registry.xlsx_empty");
    const huge = await workbook(await download("/api/registry/xlsx/template"));
    const hs = huge.getWorksheet("개인정보파일") as ExcelJS.Worksheet;
    hs.getRow(20_003).getCell(2).value = "x";
    const hr = await importXlsx(t, await buffer(huge), "", "en");
    assert.equal(hr.json().code, "registry.xlsx_too_many_rows");
    assert.match(hr.json().message, /20000/);
    const nofile = await t.inject({
      method: "POST",
      url: "/api/registry/xlsx/import",
      payload: {},
      headers: await t.as("privacy_officer"),
    });
    assert.equal(nofile.json().code, "registry.upload_missing");
  });

  test("item 9 bad input: an upload over maxUploadBytes -> 413 in the caller's language, nothing written", async () => {
    const small = await createTestApp({ maxUploadBytes: 2048 });
    try {
      const big = Buffer.concat([Buffer.from("PK\u0003\u0004"), Buffer.alloc(10_000, 1)]);
      const res = await importXlsx(small, big, "", "ko");
      assert.equal(res.statusCode, 413);
      assert.equal(res.json().code, "payload_too_large");
      const [{ n }] = await small.tdb.query<{ n: number }>("SELECT count(*)::int AS n FROM registry_files");
      assert.equal(n, 0);
    } finally {
      await small.close();
    }
  });

  test("E3: export is ledgered; auditors may export but not import", async () => {
    await download("/api/registry/xlsx/export");
    const rows = await t.tdb.query<{ action: string }>(
      "SELECT action FROM ledger_entries WHERE action = 'registry.export'",
    );
    assert.ok(rows.length >= 1);
    const aud = await t.inject({
      method: "GET",
      url: "/api/registry/xlsx/export",
      headers: await t.as("auditor"),
    });
    assert.equal(aud.statusCode, 200);
    const imp = await importXlsx(t, Buffer.from("x")).then(() => null);
    assert.equal(imp, null);
    const { payload, contentType } = multipart(Buffer.from("x"));
    const denied = await t.inject({
      method: "POST",
      url: "/api/registry/xlsx/import",
      payload,
      headers: { ...(await t.as("auditor")), "content-type": contentType },
    });
    assert.equal(denied.statusCode, 403);
  });
});
