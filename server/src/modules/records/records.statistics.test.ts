import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createTestApp, type TestApp } from "../../test-support/app";

// A known set of records of agency a (KR), made through the records API, and every cell of K5 on the
// statistics page checked against the hand count written next to each expectation.
let t: TestApp;
const ids = new Map<string, string>();

// name, class, medium, quantity, producedOn
const RECORDS: Array<[string, string, string, number, string]> = [
  ["R1", "5y", "paper_volume", 10, "2024-05-01"],
  ["R2", "5y", "paper_volume", 4, "2025-02-01"],
  ["R3", "permanent", "card", 100, "2020-01-01"],
  ["R4", "permanent", "drawing", 14, "2010-01-01"],
  ["R5", "3y", "electronic", 50, "2025-06-01"],
  // Handed to another institution on 2025-10-01: held on 31 March, gone by 31 December.
  ["R6", "1y", "paper_volume", 2, "2022-01-01"],
  // Produced in 2026: not in any 2025 table.
  ["R7", "10y", "photo", 30, "2026-01-05"],
  // Moved to the agency's own archive on 2025-05-01: still held.
  ["R8", "5y", "paper_volume", 3, "2024-03-01"],
];

before(async () => {
  t = await createTestApp();
  const h = await t.as("records_manager");
  const post = async (url: string, payload: object) => {
    const res = await t.inject({ method: "POST", url, payload, headers: h });
    assert.equal(res.statusCode, 201, res.body);
    return res.json() as { id: string };
  };
  const series = await post("/api/records/series", {
    unitId: t.a.unitId,
    code: "K5-S",
    title: "K5 test series",
    retentionClass: "5y",
    mediumDefault: "paper_volume",
  });
  for (const [name, retentionClass, medium, quantity, producedOn] of RECORDS) {
    const r = await post("/api/records/items", {
      seriesId: series.id,
      refNo: name,
      title: `record ${name}`,
      producedOn,
      closedOn: producedOn,
      retentionClass,
      medium,
      quantity,
    });
    ids.set(name, r.id);
  }
  await post("/api/records/transfers", {
    recordIds: [ids.get("R6")],
    transferredOn: "2025-10-01",
    destination: "external",
    archiveLocation: "national archive",
  });
  await post("/api/records/transfers", {
    recordIds: [ids.get("R8")],
    transferredOn: "2025-05-01",
    destination: "archive",
    archiveLocation: "archive room 1",
  });
});
after(async () => t.close());

type Table = { id: string; columns: Array<{ id: string }>; rows: Array<{ id: string; cells: unknown[] }> };
async function k5(query: string, ag: "a" | "b" = "a") {
  const res = await t.inject({
    method: "GET",
    url: `/api/statistics/tables?${query}`,
    headers: { ...(await t.as("privacy_officer", ag)), "accept-language": "en" },
  });
  assert.equal(res.statusCode, 200, res.body);
  const all = (res.json() as { tables: Table[] }).tables;
  const tb = all.find((x) => x.id === "k5");
  assert.ok(tb);
  return {
    ids: all.map((x) => x.id),
    cells: [tb.columns.map((c) => c.id), ...tb.rows.map((r) => [r.id, ...r.cells])],
  };
}

// KR classes in catalogue order.
const HEAD = [
  "total",
  "class-permanent",
  "class-semi_permanent",
  "class-30y",
  "class-20y",
  "class-10y",
  "class-5y",
  "class-3y",
  "class-1y",
];

describe("K5 in the statistics frame (hand-counted)", () => {
  test("K5: every cell of the 2025 table (held on 31 Dec 2025), between K4 and K6", async () => {
    const got = await k5("year=2025");
    assert.deepEqual(got.ids.slice(got.ids.indexOf("k4-guardian"), got.ids.indexOf("k6") + 1), [
      "k4-guardian",
      "k5",
      "k6",
    ]);
    assert.deepEqual(got.cells, [
      HEAD,
      // R1 10 + R2 4 + R8 3 (in the archive, still held) = 17 of 5y; R6 left on 2025-10-01
      ["paper_volume", 17, 0, 0, 0, 0, 0, 17, 0, 0],
      ["card", 100, 100, 0, 0, 0, 0, 0, 0, 0],
      ["drawing", 14, 14, 0, 0, 0, 0, 0, 0, 0],
      ["electronic", 50, 0, 0, 0, 0, 0, 0, 50, 0],
      // R7 is produced in 2026
      ["photo", 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ["film", 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ["tape", 0, 0, 0, 0, 0, 0, 0, 0, 0],
      // 17 + 100 + 14 + 50 = 181; permanent 100 + 14 = 114
      ["total", 181, 114, 0, 0, 0, 0, 17, 50, 0],
    ]);
  });

  test("K5: the Q1 2025 table is taken on 31 March 2025", async () => {
    const got = await k5("year=2025&quarter=1");
    assert.deepEqual(got.cells, [
      HEAD,
      // R1 R2 R8 5y = 17, R6 1y = 2 (not yet handed over); R5 is produced in June
      ["paper_volume", 19, 0, 0, 0, 0, 0, 17, 0, 2],
      ["card", 100, 100, 0, 0, 0, 0, 0, 0, 0],
      ["drawing", 14, 14, 0, 0, 0, 0, 0, 0, 0],
      ["electronic", 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ["photo", 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ["film", 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ["tape", 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ["total", 133, 114, 0, 0, 0, 0, 17, 0, 2],
    ]);
  });

  test("K5: agency b (TW) sees none of agency a's records", async () => {
    const got = await k5("year=2025", "b");
    const total = got.cells[got.cells.length - 1] as unknown[];
    assert.equal(total[0], "total");
    assert.ok(total.slice(1).every((v) => v === 0));
  });

  test("K5: the statistics workbook has a K5 sheet in the agency's language (ko)", async () => {
    const res = await t.inject({
      method: "GET",
      url: "/api/statistics/export.xlsx?year=2025",
      headers: { ...(await t.as("auditor")), "accept-language": "en" },
    });
    assert.equal(res.statusCode, 200, res.body);
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets.find((w) => w.name.startsWith("K5"));
    assert.ok(sheet, wb.worksheets.map((w) => w.name).join(", "));
    assert.deepEqual((sheet.getRow(4).values as unknown[]).slice(1, 4), ["구분", "계", "영구"]);
    assert.deepEqual((sheet.getRow(5).values as unknown[]).slice(1), [
      "문서(대장 포함) (권)",
      17,
      0,
      0,
      0,
      0,
      0,
      17,
      0,
      0,
    ]);
  });
});
