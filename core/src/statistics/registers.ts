// Tables of the chapter kept outside the petition cases: family-register filings (K7, seed 003 III),
// administrative-error compensation by loss type (K9, 003 I-1-아) and the resident survey (I6, 003 I-1-가).
// Pure like civil.ts: the owning server module runs one aggregate and these lay its counts out. Labels are
// i18n keys, or the names of a rule-pack catalogue entry (loss types), which the frame checks.
import type { AnalysisGroup } from "../civil/compensation";
import { FAMILY_REGISTER_KINDS } from "../civil/family-register";
import { QUARTERS, type Quarter, type StatPeriod } from "./period";
import { label, type StatColumn, type StatLabel, type StatRow, type StatTableData, totalRow } from "./tables";

const col = (
  id: string,
  kind: StatColumn["kind"] = "count",
  lbl: StatLabel = label(`statistics.col.${id}`),
) => ({
  id,
  label: lbl,
  kind,
});

/** First and last calendar day (YYYY-MM-DD, both inclusive) of a period, for tables kept by date. */
export function periodDays(p: StatPeriod): { from: string; to: string } {
  const y = String(p.year).padStart(4, "0");
  if (!p.quarter) return { from: `${y}-01-01`, to: `${y}-12-31` };
  const first = (p.quarter - 1) * 3 + 1;
  const last = first + 2;
  const lastDay = new Date(Date.UTC(p.year, last, 0)).getUTCDate();
  const mm = (m: number) => String(m).padStart(2, "0");
  return { from: `${y}-${mm(first)}-01`, to: `${y}-${mm(last)}-${lastDay}` };
}

/** One group of K7: filings of a kind in a quarter, and how many of them were told the outcome (I7). */
export interface FilingCount {
  kind: string;
  quarter: Quarter;
  n: number;
  notified: number;
}

/**
 * K7: family-register filings by kind (rows, every kind listed) and quarter of the year (columns 1/4..4/4,
 * the year, and the filings whose applicant was told the outcome). Always the whole year, as K2: the
 * seed's table is 계 | 1/4 | 2/4 | 3/4 | 4/4. Filings of a kind the list does not know count as "other".
 */
export function k7Table(counts: readonly FilingCount[]): StatTableData {
  const columns = [...QUARTERS.map((q) => col(`q${q}`)), col("year"), col("notified")];
  const cells = new Map<string, number[]>(FAMILY_REGISTER_KINDS.map((k) => [k, [0, 0, 0, 0, 0, 0]]));
  for (const c of counts) {
    const row = cells.get(c.kind) ?? (cells.get("other") as number[]);
    row[c.quarter - 1] += c.n;
    row[4] += c.n;
    row[5] += c.notified;
  }
  const rows: StatRow[] = FAMILY_REGISTER_KINDS.map((k) => ({
    id: k,
    label: label(`statistics.familyKind.${k}`),
    cells: cells.get(k) as number[],
  }));
  return {
    rowHeader: label("statistics.col.filingKind"),
    columns,
    rows: [...rows, totalRow(rows, columns)],
    note: label("statistics.note.k7"),
  };
}

/** A catalogue entry as K9 needs it: the code and its names (the frame accepts those names as labels). */
export interface LossTypeEntry {
  code: string;
  names: { ko?: string; "zh-TW"?: string; en: string };
}

/**
 * K9: compensation records by loss type (every type of the catalogue, then unknown codes): records and
 * paid records, and per currency the amount of all records and of the paid ones. Amounts are never added
 * across currencies; `currencies` lists the ones to show (at least the agency's own when nothing was
 * recorded). De-identified by construction: only codes, counts and sums come in.
 */
export function k9Table(
  groups: readonly AnalysisGroup[],
  types: readonly LossTypeEntry[],
  currencies: readonly string[],
): StatTableData {
  const columns: StatColumn[] = [col("records"), col("paidRecords")];
  for (const c of currencies) {
    columns.push(col(`amount_${c}`, "amount", label("statistics.col.amountIn", { currency: c })));
    columns.push(col(`paid_${c}`, "amount", label("statistics.col.paidIn", { currency: c })));
  }
  const byCode = new Map(groups.map((g) => [g.key ?? "", g]));
  const cellsOf = (g: AnalysisGroup | undefined) => [
    g?.count ?? 0,
    g?.paidCount ?? 0,
    ...currencies.flatMap((c) => [g?.amount[c] ?? 0, g?.paid[c] ?? 0]),
  ];
  const rows: StatRow[] = types.map((e) => ({
    id: e.code,
    label: {
      text: { ko: e.names.ko ?? e.names.en, "zh-TW": e.names["zh-TW"] ?? e.names.en, en: e.names.en },
    },
    cells: cellsOf(byCode.get(e.code)),
  }));
  const known = new Set(types.map((e) => e.code));
  for (const g of groups)
    if (g.key !== null && !known.has(g.key))
      rows.push({
        id: g.key,
        label: label("statistics.lossTypeRetired", { code: g.key }),
        cells: cellsOf(g),
      });
  return {
    rowHeader: label("statistics.col.lossType"),
    columns,
    rows: [...rows, totalRow(rows, columns)],
    note: label("statistics.note.k9"),
  };
}

/** I6: the survey's answers to one question: how many, their mean, and how many gave each score 1..5. */
export interface SurveyQuestionCount {
  question: string;
  n: number;
  average: number | null;
  /** Answers with score 1..5 (index 0..4). */
  scores: readonly [number, number, number, number, number];
}

/** I6: resident survey by question (rows): responses, average score, and the spread of scores 1..5. */
export function i6SurveyTable(counts: readonly SurveyQuestionCount[]): StatTableData {
  const columns: StatColumn[] = [
    col("responses"),
    col("average", "average"),
    ...[1, 2, 3, 4, 5].map((s) => col(`score${s}`, "count", label("statistics.col.score", { score: s }))),
  ];
  return {
    rowHeader: label("statistics.col.question"),
    columns,
    rows: counts.map((c) => ({
      id: c.question,
      label: label(`statistics.surveyQuestion.${c.question}`),
      cells: [c.n, c.average, ...c.scores],
    })),
    note: label("statistics.note.i6"),
  };
}
