import type { Locale } from "../../i18n";
import { t } from "../../i18n";
import type { ResolvedTable } from "./statistics.service";

const SHEET_BAD = /[[\]:*?/\\]/g;

/** One sheet per table (exceljs, loaded on demand): title, period, header row, rows, the note. */
export async function statisticsWorkbook(
  tables: ResolvedTable[],
  locale: Locale,
  heading: string,
): Promise<Buffer> {
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  wb.creator = "CivicPIMS";
  const used = new Set<string>();
  for (const tb of tables) {
    let name = `${tb.requirement} ${tb.title}`.replace(SHEET_BAD, " ").slice(0, 31).trim();
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 28)} ${i}`;
    used.add(name);
    const ws = wb.addWorksheet(name);
    ws.addRow([`${tb.requirement} ${tb.title}`]).font = { bold: true, size: 13 };
    ws.addRow([heading]);
    ws.addRow([`(${t(locale, "statistics.unit")})`]);
    const head = ws.addRow([tb.rowHeader, ...tb.columns.map((c) => c.label)]);
    head.font = { bold: true };
    for (const r of tb.rows) {
      const row = ws.addRow([r.label, ...r.cells.map((v) => (v === null ? "—" : v))]);
      if (r.total) row.font = { bold: true };
    }
    tb.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 2);
      col.numFmt =
        c.kind === "rate"
          ? "0.0%"
          : c.kind === "change"
            ? "+#,##0;-#,##0;0"
            : c.kind === "average"
              ? "0.00"
              : "#,##0";
      col.width = Math.max(10, c.label.length + 4);
    });
    ws.getColumn(1).width = Math.max(14, ...tb.rows.map((r) => r.label.length + 4));
    if (tb.note) ws.addRow([tb.note]).font = { italic: true };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
