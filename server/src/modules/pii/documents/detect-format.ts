import type { DocumentFormat } from "./types";
import { DocumentInputError, type DocumentLimits } from "./types";
import { SafeZip } from "./zip";

/** What the first bytes say. Zip-based formats need the whole file to tell docx, xlsx and hwpx apart. */
export type Sniffed =
  | { kind: "zip" }
  | { kind: "pdf" }
  | { kind: "text" }
  | { kind: "ole" }
  | { kind: "binary"; reason: string };

/**
 * An OLE2 compound file is either a password-protected docx/xlsx (the OOXML package is then stored
 * encrypted in an "EncryptedPackage" stream) or a legacy .doc/.xls/.hwp.
 */
export function oleReason(buf: Uint8Array): { status: "needs_review" | "error"; message: string } {
  const marker = Buffer.from("EncryptedPackage", "utf16le");
  if (Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).includes(marker)) {
    return { status: "needs_review", message: "encrypted (password-protected) Office document" };
  }
  return {
    status: "error",
    message: "legacy OLE2 file (.doc/.xls/.hwp) is not supported; save it as docx, xlsx or hwpx",
  };
}

const BINARY_MAGIC: Array<[number[], string]> = [
  [[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], "legacy OLE2 file (.doc/.xls/.hwp), not supported"],
  [[0x89, 0x50, 0x4e, 0x47], "PNG image (no text layer)"],
  [[0xff, 0xd8, 0xff], "JPEG image (no text layer)"],
  [[0x47, 0x49, 0x46, 0x38], "GIF image (no text layer)"],
  [[0x49, 0x49, 0x2a, 0x00], "TIFF image (no text layer)"],
  [[0x4d, 0x4d, 0x00, 0x2a], "TIFF image (no text layer)"],
  [[0x1f, 0x8b], "gzip archive, not supported"],
  [[0x7f, 0x45, 0x4c, 0x46], "executable (ELF)"],
  [[0x4d, 0x5a], "executable (PE)"],
  [[0x52, 0x61, 0x72, 0x21], "RAR archive, not supported"],
  [[0x37, 0x7a, 0xbc, 0xaf], "7z archive, not supported"],
];

function startsWith(b: Uint8Array, sig: number[]): boolean {
  return sig.every((v, i) => b[i] === v);
}

/** Classifies a file by its first bytes (at least 8 KB when the file is that long); the name is never used. */
export function sniff(head: Uint8Array): Sniffed {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]))
    return { kind: "zip" };
  // The PDF header may follow some junk, within the first 1024 bytes.
  const first = Buffer.from(head.subarray(0, 1024)).toString("latin1");
  if (/%PDF-\d\.\d/.test(first)) return { kind: "pdf" };
  if (startsWith(head, BINARY_MAGIC[0][0])) return { kind: "ole" };
  for (const [sig, what] of BINARY_MAGIC) if (startsWith(head, sig)) return { kind: "binary", reason: what };
  if (head.length === 0) return { kind: "text" };
  // BOMs mean text, whatever follows.
  if (
    startsWith(head, [0xef, 0xbb, 0xbf]) ||
    startsWith(head, [0xff, 0xfe]) ||
    startsWith(head, [0xfe, 0xff])
  ) {
    return { kind: "text" };
  }
  // UTF-16 without BOM has zero bytes at regular places; any other zero byte or a run of control
  // characters means binary.
  const n = Math.min(head.length, 8192);
  let zeros = 0;
  let controls = 0;
  let zeroEven = 0;
  for (let i = 0; i < n; i++) {
    const c = head[i];
    if (c === 0) {
      zeros++;
      if (i % 2 === 0) zeroEven++;
    } else if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 0x1b) controls++;
  }
  const alignedZeros = zeros > n * 0.2 && (zeroEven === zeros || zeroEven === 0);
  if (zeros > 0 && !alignedZeros)
    return { kind: "binary", reason: "binary data (not a supported document type)" };
  if (controls > n * 0.02) return { kind: "binary", reason: "binary data (not a supported document type)" };
  return { kind: "text" };
}

/** Tells the zip-based formats apart by their declared content, not by the file name. */
export function zipFormat(zip: SafeZip): Exclude<DocumentFormat, "txt" | "csv" | "pdf"> {
  if (zip.has("mimetype")) {
    const mime = zip.readText("mimetype").trim();
    if (mime === "application/hwp+zip" || mime === "application/haansofthwpx") return "hwpx";
  }
  if (zip.has("[Content_Types].xml")) {
    const types = zip.readText("[Content_Types].xml");
    if (
      types.includes("wordprocessingml.document.main") ||
      types.includes("wordprocessingml.template.main")
    ) {
      return "docx";
    }
    if (types.includes("spreadsheetml.sheet.main") || types.includes("spreadsheetml.template.main"))
      return "xlsx";
  }
  if (zip.names().some((n) => /^Contents\/section\d+\.xml$/.test(n))) return "hwpx";
  return "unknown";
}

/** Opens a zip with the caps and names its format; throws DocumentInputError on anything unexpected. */
export function openZip(buf: Uint8Array, limits: DocumentLimits): { zip: SafeZip; format: DocumentFormat } {
  const zip = new SafeZip(buf, limits);
  const format = zipFormat(zip);
  if (format === "unknown")
    throw new DocumentInputError("error", "zip archive that is not docx, xlsx or hwpx");
  return { zip, format };
}

/** csv or plain text: a csv/tsv name is taken as a hint, otherwise consistent separators across the first lines. */
export function textKind(sampleText: string, name?: string): { format: "txt" | "csv"; delimiter?: string } {
  const lower = (name ?? "").toLowerCase();
  if (lower.endsWith(".tsv")) return { format: "csv", delimiter: "\t" };
  if (lower.endsWith(".csv")) return { format: "csv", delimiter: "," };
  const lines = sampleText
    .split("\n", 6)
    .slice(0, 5)
    .filter((l) => l.trim() !== "");
  if (lines.length >= 2) {
    for (const d of [",", "\t"]) {
      const counts = lines.map((l) => l.split(d).length - 1);
      if (counts[0] > 0 && counts.every((c) => c === counts[0])) return { format: "csv", delimiter: d };
    }
  }
  return { format: "txt" };
}
