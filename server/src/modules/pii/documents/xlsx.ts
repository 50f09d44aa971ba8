import type ExcelJS from "exceljs";
import { DRAWING, DRAWING_PART, sweepParts } from "./docx";
import { scanPiece } from "./findings";
import type { FormatContext, RedactResult } from "./index";
import { replacementsFor } from "./redact-util";
import { DocumentInputError } from "./types";
import { extractParagraphs } from "./xml-text";
import { checkExpansion, SafeZip } from "./zip";

/** The text a cell shows, whatever way exceljs stores it. Numbers count: an RRN typed as a number is still one. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? BigInt(value).toString() : String(value);
  if (typeof value === "boolean" || value instanceof Date) return "";
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("hyperlink" in value) return `${cellText(value.text as ExcelJS.CellValue)}`;
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    return typeof result === "string" || typeof result === "number" ? cellText(result) : "";
  }
  return "";
}

/** The target of a hyperlink cell, decoded, or "". */
function hyperlinkTarget(value: ExcelJS.CellValue): string {
  if (!value || typeof value !== "object" || !("hyperlink" in value)) return "";
  try {
    return decodeURIComponent(String(value.hyperlink));
  } catch {
    return String(value.hyperlink);
  }
}

function noteText(note: string | ExcelJS.Comment | undefined): string {
  if (!note) return "";
  if (typeof note === "string") return note;
  return (note.texts ?? []).map((t) => t.text).join("");
}

function apply(
  text: string,
  replacements: Array<{ start: number; end: number; replacement: string }>,
): string {
  let out = "";
  let at = 0;
  for (const r of replacements) {
    out += text.slice(at, r.start) + r.replacement;
    at = r.end;
  }
  return out + text.slice(at);
}

const PROPS = [
  "creator",
  "lastModifiedBy",
  "title",
  "subject",
  "keywords",
  "description",
  "company",
  "manager",
] as const;

/**
 * Scans every cell of every sheet with its sheet name, row and column. The column header (row 1) is
 * given to the detector as context, so "주민등록번호" in a header vouches for the numbers below it.
 * With ctx.redact, cells are rewritten as plain strings and the workbook is saved anew.
 */
export async function processXlsx(ctx: FormatContext, zip: SafeZip): Promise<RedactResult> {
  // Count what really unpacks (bytes, cells, shared strings) before anything is kept: exceljs has no
  // decompression limit of its own and needs ~0.5 KB of heap per cell.
  await checkExpansion(ctx.buf, zip.entries, {
    maxBytes: ctx.limits.maxDecompressedBytes,
    maxCells: ctx.limits.maxCells,
    maxSharedStrings: ctx.limits.maxSharedStrings,
  });
  for (const e of zip.entries) zip.readEntry(e);
  // Loaded on first use: exceljs is large and most starts never need it (issue 10 cold start).
  const { default: ExcelJS } = await import("exceljs");
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(ctx.buf) as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch (e) {
    throw new DocumentInputError(
      "error",
      `unreadable xlsx: ${e instanceof Error ? e.message.slice(0, 120) : ""}`,
    );
  }
  const seen = new Map<string, string>();
  const { engine, collector, redact } = ctx;
  for (const ws of wb.worksheets) {
    const sheet = ws.name;
    scanPiece(engine, collector, sheet, () => ({ sheet, part: "sheet name" }), "sheet name");
    const headers = new Map<number, string>();
    ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) => {
      headers.set(col, cellText(cell.value));
    });
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const value = cellText(cell.value);
        if (value) {
          const header = rowNumber > 1 ? headers.get(column) : undefined;
          const res = engine.scan(value, header ? { contextHint: header } : undefined);
          if (res.status !== "ok")
            collector.needsReview(`${sheet}!R${rowNumber}C${column}: ${res.reason ?? "detector"}`);
          const spans = res.spans.filter((s) =>
            collector.add(s, value.slice(s.start, s.end), { sheet, row: rowNumber, column, offset: s.start }),
          );
          if (redact && spans.length) {
            cell.value = apply(value, replacementsFor(engine, value, spans, redact, seen));
          }
        }
        // A hyperlink target (mailto:...) can hold a value the shown text does not.
        const link = hyperlinkTarget(cell.value);
        if (link) {
          const lSpans = scanPiece(
            engine,
            collector,
            link,
            () => ({ sheet, row: rowNumber, column, part: "link" }),
            "link",
          );
          if (redact && lSpans.length) {
            replacementsFor(engine, link, lSpans, redact, seen);
            cell.value = typeof cell.value === "string" ? cell.value : cellText(cell.value);
          }
        }
        // A formula can hold a value in a string literal even when its cached result does not show it.
        const raw = cell.value as { formula?: unknown; sharedFormula?: unknown } | null;
        const formula = raw && typeof raw === "object" && typeof raw.formula === "string" ? raw.formula : "";
        if (formula) {
          const fSpans = scanPiece(
            engine,
            collector,
            formula,
            (s) => ({ sheet, row: rowNumber, column, part: "formula", offset: s.start }),
            "formula",
          );
          if (redact && fSpans.length) {
            replacementsFor(engine, formula, fSpans, redact, seen);
            // The formula goes; the cell keeps its (already redacted) shown value as plain text.
            const shown = typeof cell.value === "string" ? cell.value : cellText(cell.value);
            cell.value = shown;
          }
        }
        const note = noteText(cell.note);
        if (note) {
          const spans = scanPiece(
            engine,
            collector,
            note,
            () => ({ sheet, row: rowNumber, column, part: "note" }),
            "note",
          );
          if (redact && spans.length)
            cell.note = apply(note, replacementsFor(engine, note, spans, redact, seen));
        }
      });
    });
    const hf = (ws.headerFooter ?? {}) as Record<string, string | undefined>;
    for (const key of Object.keys(hf)) {
      const text = hf[key];
      if (typeof text !== "string") continue;
      const spans = scanPiece(
        engine,
        collector,
        text,
        () => ({ sheet, part: "header/footer" }),
        "header/footer",
      );
      if (redact && spans.length) hf[key] = apply(text, replacementsFor(engine, text, spans, redact, seen));
    }
  }
  const props = wb as unknown as Record<string, unknown>;
  for (const key of PROPS) {
    const text = props[key];
    if (typeof text !== "string" || !text) continue;
    const spans = scanPiece(engine, collector, text, () => ({ part: "metadata" }), "metadata");
    if (redact && spans.length) props[key] = apply(text, replacementsFor(engine, text, spans, redact, seen));
  }
  // Text boxes, shapes and charts live in drawing parts exceljs does not expose: scan them from the
  // package; on redaction their values are swept from whatever exceljs writes back.
  for (const name of zip.names()) {
    if (!DRAWING_PART.test(name)) continue;
    for (const p of extractParagraphs(zip.readText(name), DRAWING)) {
      const spans = scanPiece(
        engine,
        collector,
        p.text,
        () => ({ part: name.replace(/^xl\//, "") }),
        "drawing",
      );
      if (redact && spans.length) replacementsFor(engine, p.text, spans, redact, seen);
    }
  }
  const result = collector.result(ctx.file, "xlsx");
  if (!redact) return { result };
  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  // exceljs writes fresh XML, but sweep its output too: any literal leftover is replaced.
  const out = new SafeZip(written, ctx.limits);
  const changes = new Map<string, Uint8Array | null>();
  sweepParts(out, changes, seen);
  return { result, output: changes.size ? out.rewrite(changes) : written };
}
