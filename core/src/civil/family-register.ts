// Family-register filings (호적 제신고, I7, K7): the kinds seed 003 III counts and the report by kind per
// year and quarter. Pure: the server stores one row per filing and hands the rows to `familyRegisterReport`.

/** Seed 003 III "호적에 의한 인구동태 현황" counts births, marriages, transfers, deaths and divorces (K7). */
export const FAMILY_REGISTER_KINDS = ["birth", "marriage", "transfer", "death", "divorce", "other"] as const;
export type FamilyRegisterKind = (typeof FAMILY_REGISTER_KINDS)[number];

export interface FilingFact {
  kind: FamilyRegisterKind;
  /** YYYY-MM-DD the filing was received. */
  filedOn: string;
  /** YYYY-MM-DD the applicant was told the outcome (I7), or null. */
  noticeOn: string | null;
}

export interface ReportRow {
  kind: FamilyRegisterKind;
  /** Filings in quarter 1..4 (index 0..3). */
  quarters: [number, number, number, number];
  total: number;
  /** Filings whose outcome was notified to the applicant (I7). */
  notified: number;
}

export interface FamilyRegisterReport {
  year: number;
  rows: ReportRow[];
  total: ReportRow["quarters"];
  grandTotal: number;
  notified: number;
}

/** Quarter (1..4) of a YYYY-MM-DD date. */
export const quarterOf = (d: string): 1 | 2 | 3 | 4 =>
  (Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1) as 1 | 2 | 3 | 4;

/** Filings of `year` by kind and quarter; every kind is listed, with zeros where nothing was filed. */
export function familyRegisterReport(facts: readonly FilingFact[], year: number): FamilyRegisterReport {
  const rows = new Map<FamilyRegisterKind, ReportRow>(
    FAMILY_REGISTER_KINDS.map((k) => [k, { kind: k, quarters: [0, 0, 0, 0], total: 0, notified: 0 }]),
  );
  const total: ReportRow["quarters"] = [0, 0, 0, 0];
  let notified = 0;
  const prefix = `${String(year).padStart(4, "0")}-`;
  for (const f of facts) {
    if (!f.filedOn.startsWith(prefix)) continue;
    const row = rows.get(f.kind);
    if (!row) continue;
    const q = quarterOf(f.filedOn) - 1;
    row.quarters[q]++;
    row.total++;
    total[q]++;
    if (f.noticeOn) {
      row.notified++;
      notified++;
    }
  }
  return { year, rows: [...rows.values()], total, grandTotal: total.reduce((a, b) => a + b, 0), notified };
}
