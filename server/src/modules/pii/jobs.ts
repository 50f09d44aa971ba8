import { scanText } from "@civicpims/core/pii/index";
import type ExcelJS from "exceljs";
import type { EngineSpec } from "./agency-engine";
import { decodedText } from "./decoded-text";
import { textKind } from "./documents/detect-format";
import { coreEngine, engineFor } from "./documents/engine";
import {
  type DocumentLimits,
  type DocumentScanResult,
  type ManualRegion,
  type RedactionPolicy,
  redactBuffer,
  scanBuffer,
  type TextRange,
} from "./documents/index";

// The PII work on uploaded bytes, run in an upload worker (server/src/workers): scan, redaction, the drift
// check's sample headers, PDF pages. Inputs are plain data (the agency's detector travels as its key and
// ignored hashes); nothing here touches the database.

const engineOf = (spec?: EngineSpec) => (spec ? engineFor(spec.key, new Set(spec.ignore)) : coreEngine);

export interface ScanJob {
  data: Uint8Array;
  filename: string;
  engine?: EngineSpec;
  limits?: Partial<DocumentLimits>;
}

export function scanJob(i: ScanJob): Promise<DocumentScanResult> {
  return scanBuffer(i.data, i.filename, { engine: engineOf(i.engine), limits: i.limits });
}

/** Stable across the jsonb round trip (which reorders object keys). */
export const locationKey = (type: string, fingerprint: string | null | undefined, location: object) =>
  `${type}\u0000${fingerprint ?? ""}\u0000${JSON.stringify(Object.entries(location).sort(([a], [b]) => (a < b ? -1 : 1)))}`;

export interface RedactJob extends ScanJob {
  policy: RedactionPolicy;
  key: Uint8Array;
  /** locationKey of every finding the reviewer rejected (kept in place). */
  rejected: string[];
  regions: ManualRegion[];
  ranges: TextRange[];
}

export async function redactJob(i: RedactJob) {
  const rejected = new Set(i.rejected);
  let kept = 0;
  let redacted = 0;
  const { result, output } = await redactBuffer(i.data, i.filename, {
    engine: engineOf(i.engine),
    policy: i.policy,
    key: i.key,
    limits: i.limits,
    accept: (f) => {
      const keep = rejected.has(locationKey(f.type, f.fingerprint, f.location));
      if (keep) kept++;
      else redacted++;
      return !keep;
    },
    regions: i.regions,
    ranges: i.ranges,
  });
  return { result, output, kept, redacted };
}

/** Header row(s) of a sample: the csv header line, or the first row of every sheet (sheet, column, text). */
async function sampleHeaders(format: string, data: Uint8Array, filename: string) {
  const out: Array<[string, Array<[number, string]>]> = [];
  if (format === "csv") {
    const text = decodedText(data.subarray(0, 256 * 1024));
    const first = text.slice(0, Math.min(text.length, 64 * 1024)).split(/\r?\n/, 1)[0] ?? "";
    const delimiter = textKind(text.slice(0, 64 * 1024), filename).delimiter ?? ",";
    out.push(["", first.split(delimiter).map((h, i) => [i + 1, h.replace(/^"|"$/g, "").trim()])]);
    return out;
  }
  const Excel = ((await import("exceljs")) as unknown as { default: typeof ExcelJS }).default;
  const wb = new Excel.Workbook();
  await wb.xlsx.load(Buffer.from(data.buffer, data.byteOffset, data.length) as unknown as ArrayBuffer);
  wb.eachSheet((ws) => {
    const m: Array<[number, string]> = [];
    ws.getRow(1).eachCell({ includeEmpty: false }, (cell, col) =>
      m.push([col, String(cell.text ?? "").trim()]),
    );
    out.push([ws.name, m]);
  });
  return out;
}

/**
 * The drift check's read of a sample: the scan, then the headers only when the scan read the whole file (an
 * xlsx the capped reader could not fully inflate must not reach exceljs, which inflates without a cap).
 */
export async function driftJob(i: ScanJob) {
  const scan = await scanJob(i);
  const readable =
    scan.status !== "error" && (scan.format === "csv" || (scan.format === "xlsx" && scan.status === "ok"));
  return { scan, headers: readable ? await sampleHeaders(scan.format, i.data, i.filename) : null };
}

// PDF pages of a stored original: mupdf parses the whole file, so it runs in a worker too.
const pdf = () => import("./pdf-pages");
export const pdfCountJob = async (i: { data: Uint8Array }) => ({ count: (await pdf()).pageCount(i.data) });
export const pdfPagesJob = async (i: { data: Uint8Array }) => ({ pages: (await pdf()).pageInfos(i.data) });
export const pdfRenderJob = async (i: { data: Uint8Array; page: number }) => ({
  png: new Uint8Array((await pdf()).renderPage(i.data, i.page)),
});

/** A text attachment's PII count (cases): the detector over the whole text. */
export function textScanJob(i: { data: Uint8Array }) {
  const r = scanText(Buffer.from(i.data.buffer, i.data.byteOffset, i.data.length).toString("utf8"));
  return { findings: r.spans.length, status: r.status };
}
