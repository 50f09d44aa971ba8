import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import type { Role } from "@civicpims/core/auth/index";
import { createTestApp, type TestApp } from "../../test-support/app";

// A known set of family-register filings and compensation records of agency a (KR), entered through the
// civil routes, and every cell of K7 and K9 checked against the hand count written next to it.
let t: TestApp;

async function call(role: Role, method: string, url: string, payload?: unknown, who: "a" | "b" = "a") {
  const headers = { ...(await t.as(role, who)), "accept-language": "en" };
  const res = await t.inject({ method: method as "GET", url, payload: payload as object, headers });
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res;
}

// kind, filed on, notice on (null = not yet told)
const FILINGS: Array<[string, string, string | null, "a" | "b"]> = [
  ["birth", "2025-01-15", "2025-01-20", "a"],
  ["birth", "2025-03-31", null, "a"],
  ["birth", "2025-04-01", "2025-04-03", "a"],
  ["marriage", "2025-06-30", "2025-07-02", "a"],
  ["marriage", "2025-07-01", null, "a"],
  ["transfer", "2025-05-05", null, "a"],
  ["death", "2025-12-31", "2026-01-05", "a"],
  ["divorce", "2025-10-10", null, "a"],
  ["birth", "2024-12-31", "2025-01-02", "a"],
  ["other", "2026-01-01", null, "a"],
  ["birth", "2025-02-02", "2025-02-03", "b"],
];

// loss type, occurred on, amount, currency, status, agency
const RECORDS: Array<[string, string, number, string, "recorded" | "approved" | "paid", "a" | "b"]> = [
  ["economic", "2025-02-01", 30000, "KRW", "paid", "a"],
  ["economic", "2025-05-01", 20000, "KRW", "recorded", "a"],
  ["time", "2025-03-15", 15000, "KRW", "paid", "a"],
  ["time", "2025-12-31", 5000, "KRW", "approved", "a"],
  ["travel", "2025-08-08", 12000, "KRW", "paid", "a"],
  ["other", "2025-09-09", 1000, "TWD", "recorded", "a"],
  ["economic", "2024-12-31", 99999, "KRW", "paid", "a"],
  ["time", "2026-01-01", 77777, "KRW", "paid", "a"],
  ["economic", "2025-04-04", 55555, "KRW", "paid", "b"],
];

before(async () => {
  t = await createTestApp();
  for (const [kind, filedOn, noticeOn, who] of FILINGS) {
    const f = await call(
      "petition_clerk",
      "POST",
      "/api/civil/family-register",
      { kind, filedOn, applicant: { name: "김신고", contact: "010-2222-3333" } },
      who,
    );
    if (noticeOn)
      await call(
        "petition_clerk",
        "POST",
        `/api/civil/family-register/${f.json().id}/notice`,
        { noticeOn, channel: "post" },
        who,
      );
  }
  for (const [lossType, occurredOn, amount, currency, status, who] of RECORDS) {
    const r = await call(
      "petition_clerk",
      "POST",
      "/api/civil/compensation",
      {
        occurredOn,
        description: "주민등록등본 오발급 (홍길동)",
        lossType,
        amount,
        currency,
        payee: { name: "홍길동", bank: "국민은행", account: "123-456-789012" },
      },
      who,
    );
    // The approval workflow has its own tests (civil.routes.test.ts); here only the status counts.
    if (status !== "recorded")
      await t.tdb.query("UPDATE civil_compensations SET status = $1 WHERE id = $2", [status, r.json().id]);
  }
});
after(async () => t.close());

type Table = {
  id: string;
  columns: Array<{ id: string; label: string }>;
  rows: Array<{ id: string; label: string; cells: unknown[] }>;
};
async function tables(query: string, who: "a" | "b" = "a") {
  const res = await call("privacy_officer", "GET", `/api/statistics/tables?${query}`, undefined, who);
  const body = res.json() as { tables: Table[] };
  return {
    raw: res.body,
    get: (id: string) => {
      const tb = body.tables.find((x) => x.id === id);
      assert.ok(tb, id);
      return [tb.columns.map((c) => c.id), ...tb.rows.map((r) => [r.id, ...r.cells])];
    },
    labels: (id: string) => body.tables.find((x) => x.id === id)?.rows.map((r) => r.label),
  };
}

const K7_2025 = [
  ["q1", "q2", "q3", "q4", "year", "notified"],
  // 15 Jan (told), 31 Mar | 1 Apr (told); the 2024-12-31 birth and agency b's birth are left out
  ["birth", 2, 1, 0, 0, 3, 2],
  // 30 Jun (told) | 1 Jul
  ["marriage", 0, 1, 1, 0, 2, 1],
  ["transfer", 0, 1, 0, 0, 1, 0],
  // 31 Dec, told in 2026: still a 2025 filing that was notified
  ["death", 0, 0, 0, 1, 1, 1],
  ["divorce", 0, 0, 0, 1, 1, 0],
  // the "other" filing is dated 2026-01-01
  ["other", 0, 0, 0, 0, 0, 0],
  ["total", 2, 3, 1, 2, 8, 4],
];

describe("K7 and K9 in the statistics frame (hand-counted)", () => {
  test("K7: family-register filings by kind and quarter of 2025, every cell", async () => {
    const tb = await tables("year=2025");
    assert.deepEqual(tb.get("k7"), K7_2025);
    assert.deepEqual(tb.labels("k7")?.slice(0, 2), ["Births", "Marriages"]);
    // A quarter asked for still shows the year's four quarters (the seed's 계 | 1/4 .. 4/4 layout).
    assert.deepEqual((await tables("year=2025&quarter=1")).get("k7"), K7_2025);
  });

  test("K9: compensation by loss type for 2025: records, paid, sums per currency, never across them", async () => {
    const tb = await tables("year=2025");
    assert.deepEqual(tb.get("k9"), [
      ["records", "paidRecords", "amount_KRW", "paid_KRW", "amount_TWD", "paid_TWD"],
      // 1 Feb 30,000 paid + 1 May 20,000 recorded (the 2024 one and agency b's are left out)
      ["economic", 2, 1, 50000, 30000, 0, 0],
      // 15 Mar 15,000 paid + 31 Dec 5,000 approved (the 2026 one is left out)
      ["time", 2, 1, 20000, 15000, 0, 0],
      ["travel", 1, 1, 12000, 12000, 0, 0],
      ["reissue", 0, 0, 0, 0, 0, 0],
      // 1,000 TWD recorded: its own columns
      ["other", 1, 0, 0, 0, 1000, 0],
      ["total", 6, 3, 82000, 57000, 1000, 0],
    ]);
    // Row labels are the rule pack's loss-type names.
    assert.deepEqual(tb.labels("k9")?.slice(0, 2), ["Economic loss", "Time loss"]);
    // De-identified: no payee, account or description anywhere in the statistics.
    for (const s of ["홍길동", "9012", "오발급", "김신고", "2222"]) assert.ok(!tb.raw.includes(s), s);
  });

  test("K9: a quarter counts by the date of the error; an empty year shows the agency's currency", async () => {
    assert.deepEqual((await tables("year=2025&quarter=1")).get("k9"), [
      ["records", "paidRecords", "amount_KRW", "paid_KRW"],
      // Q1: 1 Feb economic (paid) and 15 Mar time (paid) only
      ["economic", 1, 1, 30000, 30000],
      ["time", 1, 1, 15000, 15000],
      ["travel", 0, 0, 0, 0],
      ["reissue", 0, 0, 0, 0],
      ["other", 0, 0, 0, 0],
      ["total", 2, 2, 45000, 45000],
    ]);
    // Agency b (TW) had nothing in 2023: zeros in TWD.
    const b = await tables("year=2023", "b");
    assert.deepEqual(b.get("k9")[0], ["records", "paidRecords", "amount_TWD", "paid_TWD"]);
    assert.deepEqual(b.get("k9").at(-1), ["total", 0, 0, 0, 0]);
  });

  test("K7/K9: the xlsx workbook carries both tables in the agency's language (ko)", async () => {
    const res = await call("auditor", "GET", "/api/statistics/export.xlsx?year=2025");
    const { default: ExcelJS } = await import("exceljs");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const k7 = wb.worksheets.find((w) => w.name.startsWith("K7"));
    const k9 = wb.worksheets.find((w) => w.name.startsWith("K9"));
    assert.ok(k7 && k9);
    // Row 4 is the header, row 5 the first row.
    assert.deepEqual((k7.getRow(5).values as unknown[]).slice(1), ["출생", 2, 1, 0, 0, 3, 2]);
    assert.equal(k9.getRow(4).getCell(4).value, "금액(KRW)");
    assert.deepEqual((k9.getRow(5).values as unknown[]).slice(1), ["경제적 손해", 2, 1, 50000, 30000, 0, 0]);
    assert.deepEqual((k9.getRow(10).values as unknown[]).slice(1), ["계", 6, 3, 82000, 57000, 1000, 0]);
  });
});
