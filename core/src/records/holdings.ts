// K5: records held by retention class and medium as of a date (seed 003 II 보존문서현황, 2003.12.31 현재).
// A record counts (by its quantity: volumes, cards, sheets, items) when it was produced on or before the date
// and had not left the agency's holdings by then (destroyed, or transferred out to another institution).
// A transfer to the agency's own archive keeps it in the holdings: the seed counts the district's records.
import { RECORD_MEDIA, type RecordMedium } from "./media";

export interface HoldingInput {
  retentionClass: string;
  medium: RecordMedium;
  quantity: number;
  producedOn: string;
  /** Date it left the holdings (destroyed or transferred out), null while held. */
  leftOn: string | null;
}

export interface HoldingsTable {
  asOf: string;
  classes: string[];
  media: RecordMedium[];
  /** cells[medium][class] */
  cells: Record<string, Record<string, number>>;
  rowTotals: Record<string, number>;
  colTotals: Record<string, number>;
  total: number;
}

/** True when the record is part of the holdings on `asOf` (end of that day). */
export function heldOn(r: Pick<HoldingInput, "producedOn" | "leftOn">, asOf: string): boolean {
  return r.producedOn <= asOf && (r.leftOn === null || r.leftOn > asOf);
}

/**
 * Builds the table with every class of `classOrder` as a column (a class outside it is appended so nothing
 * is lost) and every medium as a row, zeros included: the printed table has a fixed shape.
 */
export function holdingsByClassAndMedium(
  records: readonly HoldingInput[],
  asOf: string,
  classOrder: readonly string[],
): HoldingsTable {
  const classes = [...classOrder];
  for (const r of records) if (!classes.includes(r.retentionClass)) classes.push(r.retentionClass);
  const media = [...RECORD_MEDIA];
  const cells: HoldingsTable["cells"] = {};
  const rowTotals: Record<string, number> = {};
  const colTotals: Record<string, number> = {};
  for (const m of media) {
    cells[m] = Object.fromEntries(classes.map((c) => [c, 0]));
    rowTotals[m] = 0;
  }
  for (const c of classes) colTotals[c] = 0;
  let total = 0;
  for (const r of records) {
    if (!heldOn(r, asOf)) continue;
    cells[r.medium][r.retentionClass] += r.quantity;
    rowTotals[r.medium] += r.quantity;
    colTotals[r.retentionClass] += r.quantity;
    total += r.quantity;
  }
  return { asOf, classes, media, cells, rowTotals, colTotals, total };
}
