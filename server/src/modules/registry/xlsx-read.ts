import type ExcelJS from "exceljs";
import { AppError, badRequest } from "../../http/errors";
import type { Locale } from "../../i18n";
import { DocumentInputError, ExpansionError } from "../pii/documents/types";
import { checkExpansion, listZipEntries } from "../pii/documents/zip";

// The part of the register import that touches the uploaded bytes: unzip and parse with exceljs, cell texts
// out. It runs in an upload worker (server/src/workers), never on the request thread; validation against the
// database stays in xlsx.ts.

export const SHEET_NAMES: Record<Locale, string> = {
  ko: "개인정보파일",
  "zh-TW": "個人資料檔案清冊",
  en: "Register",
};
export const CODES_SHEET = "codes";

/** A register has hundreds of files; a sheet far bigger than that is a mistake (or an attack on memory). */
export const MAX_IMPORT_ROWS = 20_000;
const MAX_ZIP_ENTRIES = 2000;
/**
 * Caps on what the upload really unpacks to, counted while inflating (headers are not trusted). 20 000 rows
 * of 44 columns fit with room to spare; a sheet past them is refused before exceljs sees it.
 */
export const IMPORT_UNPACK_LIMITS = {
  maxBytes: 100 * 1024 * 1024,
  maxCells: 1_000_000,
  maxSharedStrings: 1_000_000,
};

let excel: typeof ExcelJS | undefined;
export async function loadExcel(): Promise<typeof ExcelJS> {
  excel ??= ((await import("exceljs")) as unknown as { default: typeof ExcelJS }).default;
  return excel;
}

/** A refusal for an archive past one of the unpack caps (also used when the worker runs out of memory). */
export function unpackRefusal(e: ExpansionError): AppError {
  return new AppError(413, "upload.unpacked_too_large", { limit: e.limit, max: e.max }, { max: e.max });
}

/** Checks before exceljs sees the bytes: a zip with a workbook, a sane entry count, real unpacked size and cells. */
async function preflight(buf: Uint8Array) {
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b || buf[2] !== 0x03 || buf[3] !== 0x04) {
    throw badRequest("registry.xlsx_malformed");
  }
  try {
    const entries = listZipEntries(buf, { maxZipEntries: MAX_ZIP_ENTRIES });
    if (!entries.some((e) => e.name === "xl/workbook.xml")) throw badRequest("registry.xlsx_malformed");
    await checkExpansion(buf, entries, IMPORT_UNPACK_LIMITS);
  } catch (e) {
    if (e instanceof ExpansionError) throw unpackRefusal(e);
    if (e instanceof DocumentInputError) throw badRequest("registry.xlsx_malformed");
    throw e;
  }
}

export function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v)
      return v.richText
        .map((r) => r.text)
        .join("")
        .trim();
    if ("result" in v) return cellText((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in v) return String((v as { text: unknown }).text).trim();
    if ("error" in v) return "";
    return "";
  }
  return String(v).trim();
}

/** The register sheet as text: the header row and every row with at least one non-empty cell (1-based columns). */
export interface SheetText {
  header: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

export async function readRegisterSheet(buf: Uint8Array): Promise<SheetText> {
  await preflight(buf);
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(buf.buffer, buf.byteOffset, buf.length) as unknown as ArrayBuffer);
  } catch {
    throw badRequest("registry.xlsx_malformed");
  }
  const names = new Set(Object.values(SHEET_NAMES));
  const ws =
    wb.worksheets.find((w) => names.has(w.name)) ?? wb.worksheets.find((w) => w.name !== CODES_SHEET);
  if (!ws) throw badRequest("registry.xlsx_no_sheet");
  const texts = (r: number) => (ws.getRow(r).values as ExcelJS.CellValue[]).map((v) => cellText(v ?? null));
  const last = ws.actualRowCount ? ws.rowCount : 1;
  if (last - 1 > MAX_IMPORT_ROWS) {
    throw new AppError(
      400,
      "registry.xlsx_too_many_rows",
      { max: MAX_IMPORT_ROWS },
      { max: MAX_IMPORT_ROWS },
    );
  }
  const rows: SheetText["rows"] = [];
  for (let r = 2; r <= last; r++) {
    // row.values reads the cells that exist; getCell would create an empty cell object for every blank.
    const cells = texts(r);
    if (cells.some((t) => t)) rows.push({ row: r, cells: Array.from(cells, (t) => t ?? "") });
  }
  return { header: Array.from(texts(1), (t) => t ?? ""), rows };
}
