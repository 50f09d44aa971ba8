import assert from "node:assert/strict";
import { describe, test } from "node:test";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { coreEngine } from "./engine";
import { redactBuffer, scanBuffer } from "./index";
import { buildXlsx } from "./test-fixtures";

const engine = coreEngine;
const RRN = "960121-1021413";
const TWID = "A123456789";

async function workbook(): Promise<Uint8Array> {
  return buildXlsx(
    {
      민원대장: [
        ["성명", "주민등록번호", "연락처", "비고"],
        ["홍길동", RRN, "010-1234-5678", "없음"],
        ["김영희", "050912-2000019", "02-123-4567", "제2023-1234호"],
        ["이순신", { formula: 'LEFT("911124-5678906",6)', result: "911124" }, "", ""],
        ["메일", "", { text: "담당자에게 메일", hyperlink: "mailto:hong.gildong@example.go.kr" }, ""],
      ],
      申請: [
        ["姓名", "身分證統一編號"],
        ["王小明", TWID],
      ],
    },
    { note: ["민원대장", "D2", `본인 확인 ${RRN}`], creator: "admin" },
  );
}

describe("xlsx", () => {
  test("E4: findings carry sheet, row and column", async () => {
    const r = await scanBuffer(await workbook(), "ledger.xlsx", { engine });
    assert.equal(r.format, "xlsx");
    assert.equal(r.status, "ok", r.reason ?? "");
    const cells = r.findings.map(
      (f) =>
        `${f.type}@${f.location.sheet}!${f.location.row},${f.location.column}${f.location.part ? ":" + f.location.part : ""}`,
    );
    for (const want of [
      "KR_RRN@민원대장!2,2",
      "KR_PHONE@민원대장!2,3",
      "KR_RRN@민원대장!3,2",
      "KR_RRN@민원대장!2,4:note",
      "TW_ID@申請!2,2",
    ]) {
      assert.ok(cells.includes(want), `${want} in ${cells.join(" ")}`);
    }
    assert.ok(!JSON.stringify(r).includes(RRN));
  });

  test("C12: redacted xlsx opens, cells are masked and no value is left in any part", async () => {
    const { result, output } = await redactBuffer(await workbook(), "ledger.xlsx", {
      engine,
      policy: "mask",
    });
    assert.equal(result.status, "ok", result.reason ?? "");
    assert.ok(output);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(output) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.getWorksheet("민원대장")!;
    assert.equal(ws.getCell("B2").value, "960121-1******");
    assert.equal(ws.getCell("A2").value, "홍길동");
    assert.equal(ws.getCell("D3").value, "제2023-1234호");
    assert.equal(wb.getWorksheet("申請")!.getCell("B2").value, "A12****789");
    const all = Object.values(unzipSync(output))
      .map((b) => new TextDecoder().decode(b))
      .join("\n");
    for (const v of [RRN, "050912-2000019", TWID, "010-1234-5678", "911124-5678906"])
      assert.ok(!all.includes(v), v);
    assert.equal(ws.getCell("B4").value, "911124");
  });
});
