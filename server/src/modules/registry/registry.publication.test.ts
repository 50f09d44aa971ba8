import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { fieldLabel } from "@civicpims/core/registry/fields";
import ExcelJS from "exceljs";
import { createTestApp, type TestApp } from "../../test-support/app";
import { caller, krFile } from "./test-helpers";

// A valid-checksum RRN and a mobile number (the same test values as the PII module's tests).
const RRN = "960121-1021413";
const PHONE = "010-1234-5678";

let t: TestApp;
let call: ReturnType<typeof caller>;
before(async () => {
  t = await createTestApp();
  call = caller(t);
});
after(async () => t.close());

const publicNames = async () =>
  (await t.inject({ method: "GET", url: `/api/public/registry/${t.a.code}/files` }))
    .json()
    .files.map((f: { name: string }) => f.name);

const countNamed = async (name: string) =>
  (
    await t.tdb.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM registry_files WHERE agency_id = $1 AND name = $2",
      [t.a.id, name],
    )
  )[0].n;

const overrides = async (fileId: string) =>
  t.tdb.query<{ details: { reason: string; types: string[] } }>(
    `SELECT l.details FROM ledger_entries l JOIN pii_publication_checks c ON c.id::text = l.resource_id::text
     WHERE l.action = 'pii.guard.override' AND c.resource_key = $1`,
    [fileId],
  );

describe("publication guard on the register's writes (issue 5 x issue 7 item 6)", () => {
  test("E4/B10: creating a public file whose purpose holds an RRN is refused with masked findings in ko, zh-TW and en; nothing is saved", async () => {
    const body = krFile(t.a.unitId, { name: "RRN 공개 시험", purposeText: `신청인 ${RRN} 확인` });
    const messages: string[] = [];
    for (const lang of ["ko", "zh-TW", "en"]) {
      const res = await call("POST", "/api/registry/files", body, "a", "privacy_officer", {
        "x-locale": lang,
      });
      assert.equal(res.statusCode, 409, res.body);
      const err = res.json();
      assert.equal(err.code, "registry.publication_blocked");
      assert.deepEqual(
        err.details.findings.map((f: { type: string }) => f.type),
        ["KR_RRN"],
      );
      assert.equal(err.details.canOverride, true);
      assert.ok(!res.body.includes(RRN), "the value never comes back");
      assert.ok(
        err.message.includes(err.details.findings[0].preview),
        "the message lists the masked finding",
      );
      messages.push(err.message);
    }
    assert.equal(new Set(messages).size, 3, "three languages");
    assert.equal(await countNamed("RRN 공개 시험"), 0);
    // A handler gets the same refusal but is told it cannot override.
    const h = await call("POST", "/api/registry/files", body, "a", "handler");
    assert.equal(h.statusCode, 409);
    assert.equal(h.json().details.canOverride, false);
    // The same content kept non-public is fine: nothing is published.
    const hidden = await call("POST", "/api/registry/files", {
      ...body,
      isPublic: false,
      exemptionReason: "내부 관리용",
    });
    assert.equal(hidden.statusCode, 201, hidden.body);
    assert.equal(hidden.json().publication, null);
  });

  test("E3/E4: making a file public (PATCH isPublic) runs the guard; a privacy officer's override with a reason is ledgered and the public list shows it", async () => {
    const created = await call(
      "POST",
      "/api/registry/files",
      krFile(t.a.unitId, {
        name: "공개 전환 시험",
        purposeText: `문의 ${PHONE}`,
        isPublic: false,
        exemptionReason: "검토 중",
      }),
    );
    assert.equal(created.statusCode, 201, created.body);
    const f = created.json();
    const makePublic = { version: f.version, reason: "공개 전환", isPublic: true, exemptionReason: null };
    const refused = await call("PATCH", `/api/registry/files/${f.id}`, makePublic);
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().code, "registry.publication_blocked");
    const still = (await call("GET", `/api/registry/files/${f.id}`)).json();
    assert.equal(still.isPublic, false, "nothing saved");
    assert.equal(still.version, f.version);

    const byManager = await call(
      "PATCH",
      `/api/registry/files/${f.id}`,
      { ...makePublic, publicationOverride: { reason: "대표번호" } },
      "a",
      "privacy_manager",
    );
    assert.equal(byManager.statusCode, 403, "only the privacy officer overrides");
    assert.equal(byManager.json().code, "registry.override_forbidden");
    const blank = await call("PATCH", `/api/registry/files/${f.id}`, {
      ...makePublic,
      publicationOverride: { reason: "  " },
    });
    assert.equal(blank.statusCode, 400, "an override needs a reason");

    const ok = await call("PATCH", `/api/registry/files/${f.id}`, {
      ...makePublic,
      publicationOverride: { reason: "부서 대표번호라 공개 가능" },
    });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().isPublic, true);
    assert.equal(ok.json().publication.status, "overridden");
    const ledger = await overrides(f.id);
    assert.equal(ledger.length, 1);
    assert.equal(ledger[0].details.reason, "부서 대표번호라 공개 가능");
    assert.deepEqual(ledger[0].details.types, ["KR_PHONE"]);
    assert.ok(
      (await publicNames()).includes("공개 전환 시험"),
      "the override is honoured by the public list",
    );

    // An edit of a non-public field leaves the published text alone: no new check.
    const v2 = ok.json().version;
    const other = await call("PATCH", `/api/registry/files/${f.id}`, {
      version: v2,
      reason: "담당자 변경",
      managingStaffName: "새 담당",
    });
    assert.equal(other.statusCode, 200, other.body);
    assert.equal(other.json().publication, null);
    // Changing the published text is checked again: the earlier override covered only that text.
    const again = await call("PATCH", `/api/registry/files/${f.id}`, {
      version: other.json().version,
      reason: "목적 수정",
      purposeText: `문의 ${PHONE}, ${RRN}`,
    });
    assert.equal(again.statusCode, 409, again.body);
    assert.deepEqual(
      again
        .json()
        .details.findings.map((x: { type: string }) => x.type)
        .sort(),
      ["KR_PHONE", "KR_RRN"],
    );
  });

  test("E4/B10: a clean public file passes and is listed; the PATCH result says so", async () => {
    const res = await call("POST", "/api/registry/files", krFile(t.a.unitId, { name: "깨끗한 공개 파일" }));
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(res.json().publication, { status: "pass" });
    assert.ok((await publicNames()).includes("깨끗한 공개 파일"));
  });

  test("item 9/E4: an xlsx row that would publish an RRN is a per-row error; nothing is written", async () => {
    const wb = new ExcelJS.Workbook();
    const tpl = await t.inject({
      method: "GET",
      url: "/api/registry/xlsx/export",
      headers: await t.as("privacy_officer"),
    });
    assert.equal(tpl.statusCode, 200, tpl.body);
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ""));
    const col = (key: string) => headers.indexOf(fieldLabel(key, "ko"));
    let srcRow = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(col("name")).value === "깨끗한 공개 파일") srcRow = n;
    });
    assert.ok(srcRow > 1, "the clean public file was exported");
    const src = ws.getRow(srcRow).values as ExcelJS.CellValue[];
    for (const [i, name] of [
      [ws.rowCount + 1, "엑셀 공개 RRN"],
      [ws.rowCount + 2, "엑셀 깨끗한 행"],
    ] as const) {
      const row = ws.getRow(i);
      row.values = src;
      row.getCell(col("id")).value = null;
      row.getCell(col("version")).value = null;
      row.getCell(col("name")).value = name;
      if (name === "엑셀 공개 RRN") row.getCell(col("purposeText")).value = `대상자 ${RRN}`;
      row.commit();
    }
    const bytes = Buffer.from(await wb.xlsx.writeBuffer());
    const boundary = "----pubguard";
    const payload = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="r.xlsx"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await t.inject({
      method: "POST",
      url: "/api/registry/xlsx/import",
      payload,
      headers: {
        ...(await t.as("privacy_officer")),
        "content-type": `multipart/form-data; boundary=${boundary}`,
        "x-locale": "en",
      },
    });
    assert.equal(res.statusCode, 422, res.body);
    const errors = res.json().details.errors as Array<{ row: number; code: string; message: string }>;
    const blocked = errors.filter((e) => e.code === "publication_blocked");
    assert.equal(blocked.length, 1, res.body);
    assert.ok(blocked[0].message.includes("KR_RRN"));
    assert.ok(!res.body.includes(RRN));
    assert.equal(await countNamed("엑셀 공개 RRN"), 0);
    assert.equal(await countNamed("엑셀 깨끗한 행"), 0, "all or nothing");
  });
});
