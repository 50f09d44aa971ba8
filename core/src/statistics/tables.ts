// Shapes of a published statistics table (K2-K7, K9) and the arithmetic every table shares: totals and the
// on-time rate. A table holds codes, labels and numbers only; `assertPublishable` checks that before any
// table leaves the server (published statistics contain no personal data, K9 / 002 第8點(5)).

export type StatLocale = "ko" | "zh-TW" | "en";

/** A label is an i18n key of the server's message files, or a text in every language (catalogue entries). */
export type StatLabel =
  | { key: string; params?: Record<string, string | number> }
  | { text: Record<StatLocale, string> };

/** `average`: a mean score to two decimals (survey answers), never summed into a totals row. */
export type StatColumnKind = "count" | "rate" | "change" | "amount" | "average";

export interface StatColumn {
  id: string;
  label: StatLabel;
  kind: StatColumnKind;
}

export interface StatRow {
  id: string;
  label: StatLabel;
  /** One cell per column; null = not applicable (a rate with nothing due, a change from nothing). */
  cells: Array<number | null>;
  /** The totals row (printed bold, excluded from charts). */
  total?: boolean;
}

export interface StatTableData {
  /** Header of the row-label column. */
  rowHeader: StatLabel;
  columns: StatColumn[];
  rows: StatRow[];
  /** Short explanatory note under the table (the on-time rule, the data source). */
  note?: StatLabel;
}

export const label = (key: string, params?: Record<string, string | number>): StatLabel =>
  params ? { key, params } : { key };

/**
 * On-time rate as a fraction rounded to three decimals (0.667), null when nothing was due.
 *
 * The rule (seed 003 I-1-사: "유기한 민원은 법정기한 내에, 증명민원은 4시간이내 종결 처리", and the 유기한 민원처리실적
 * table of I-2-나, which counts petitions finished within their statutory period):
 *  - a case is on time when it was decided (or, without a decision, closed as transferred) at or before its
 *    due date, extensions included (the due date the engine keeps on the case);
 *  - a case still open after its due date counts as late, so that leaving a case undecided never improves
 *    the rate;
 *  - a case still open before its due date, and a withdrawn case, are not counted (nothing was due yet, or
 *    the petitioner ended it).
 */
export function onTimeRate(onTime: number, due: number): number | null {
  if (due <= 0) return null;
  return Math.round((onTime / due) * 1000) / 1000;
}

/** Difference this period minus the comparison period (year on year), null without a comparison. */
export function change(current: number, previous: number | null): number | null {
  return previous === null ? null : current - previous;
}

/** Sums the count columns of rows into a totals row; rate/change cells come from `override`. */
export function totalRow(
  rows: StatRow[],
  columns: StatColumn[],
  lbl: StatLabel = label("statistics.total"),
  override: Record<string, number | null> = {},
): StatRow {
  const cells = columns.map((c, i) => {
    if (c.id in override) return override[c.id];
    if (c.kind !== "count" && c.kind !== "amount") return null;
    return rows.reduce((s, r) => s + (r.cells[i] ?? 0), 0);
  });
  return { id: "total", label: lbl, cells, total: true };
}

/** Sum of the cells of a row in the given column ids (a totals column). */
export function sumColumns(
  columns: StatColumn[],
  cells: Array<number | null>,
  ids: readonly string[],
): number {
  return columns.reduce((s, c, i) => (ids.includes(c.id) ? s + (cells[i] ?? 0) : s), 0);
}

const CODE = /^[a-z0-9][a-z0-9_.:-]{0,79}$/i;
const KEY = /^[a-zA-Z0-9_.-]{1,120}$/;

export class NotPublishableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotPublishableError";
  }
}

function checkLabel(l: StatLabel, where: string, allowedText: (s: string) => boolean): void {
  if ("key" in l) {
    if (!KEY.test(l.key)) throw new NotPublishableError(`${where}: label key is not a code`);
    for (const [k, v] of Object.entries(l.params ?? {})) {
      if (typeof v === "number") continue;
      if (!CODE.test(v)) throw new NotPublishableError(`${where}: label parameter ${k} is not a code`);
    }
    return;
  }
  for (const loc of ["ko", "zh-TW", "en"] as const) {
    const s = l.text[loc];
    if (typeof s !== "string" || !allowedText(s))
      throw new NotPublishableError(`${where}: label text is not from a catalogue`);
  }
}

/**
 * Refuses a table that holds anything but codes, labels and numbers: ids must be codes, cells numbers or
 * null, label texts must come from a catalogue (`catalogueTexts`: the petition-type lookup's labels, never a
 * petitioner's words). Throws NotPublishableError naming the place, never the value.
 */
export function assertPublishable(t: StatTableData, catalogueTexts: ReadonlySet<string> = new Set()): void {
  const allowed = (s: string) => catalogueTexts.has(s);
  checkLabel(t.rowHeader, "rowHeader", allowed);
  if (t.note) checkLabel(t.note, "note", allowed);
  t.columns.forEach((c, i) => {
    if (!CODE.test(c.id)) throw new NotPublishableError(`column ${i}: id is not a code`);
    checkLabel(c.label, `column ${c.id}`, allowed);
  });
  t.rows.forEach((r, i) => {
    if (!CODE.test(r.id)) throw new NotPublishableError(`row ${i}: id is not a code`);
    checkLabel(r.label, `row ${r.id}`, allowed);
    if (r.cells.length !== t.columns.length) throw new NotPublishableError(`row ${r.id}: cell count`);
    r.cells.forEach((v, j) => {
      if (v !== null && (typeof v !== "number" || !Number.isFinite(v)))
        throw new NotPublishableError(`row ${r.id}, column ${j}: not a number`);
    });
  });
}
