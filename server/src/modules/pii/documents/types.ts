/** Shared result model and options for document scanning and redaction (every format reports the same shape). */

export type DocumentFormat = "txt" | "csv" | "xlsx" | "docx" | "hwpx" | "pdf" | "unknown";
export type DocumentStatus = "ok" | "needs_review" | "error";

/** Where a finding sits. Only the fields that make sense for the format are set. */
export interface FindingLocation {
  page?: number;
  /** PDF user-space box [x0, y0, x1, y1], origin top-left as mupdf reports it. */
  box?: [number, number, number, number];
  sheet?: string;
  row?: number;
  column?: number;
  paragraph?: number;
  section?: number;
  line?: number;
  /** UTF-16 offset into the line, paragraph or cell text. */
  offset?: number;
  /** The part of the file outside the main text: "metadata", "form", "annotation", "header", "footnote", ... */
  part?: string;
}

/** A finding never carries the raw value, only a masked preview. */
export interface DocumentFinding {
  type: string;
  score: number;
  location: FindingLocation;
  preview: string;
  /** Keyed hash of the value (only when the engine has `fingerprint`): matches reviews and false positives. */
  fingerprint?: string;
}

export interface DocumentScanResult {
  file: string;
  format: DocumentFormat;
  status: DocumentStatus;
  reason?: string;
  findings: DocumentFinding[];
  /** Detected text encoding for txt and csv. */
  encoding?: string;
  /** Set when findings were capped at limits.maxFindings; the count keeps going. */
  truncated?: boolean;
  findingCount?: number;
  /** Set when the file was not read because it unpacks past a cap (zip bomb or far too large). */
  limitHit?: ExpansionLimit;
}

export interface Span {
  start: number;
  end: number;
  type: string;
  score: number;
}

export interface TextScanResult {
  status: "ok" | "needs_review";
  spans: Span[];
  reason?: string;
}

export type RedactionPolicy = "mask" | "remove" | "label" | "pseudonym";
/** Language of labels and pseudonyms ("[주민등록번호]" / Chinese / English). */
export type LabelLocale = "ko" | "zh-TW" | "en";

/**
 * The text detector the document layer drives. Injected so document code is testable without the real
 * engine; the default is core's scanText / redactText / maskValue.
 */
export interface PiiEngine {
  /** `contextHint`: text treated as context near every match (a column header for a cell). */
  scan(text: string, opts?: { contextHint?: string }): TextScanResult;
  redact(
    text: string,
    spans: Span[],
    policy: RedactionPolicy,
    opts?: { key?: Uint8Array | string; locale?: LabelLocale },
  ): string;
  mask(type: string, value: string): string;
  /**
   * Optional keyed one-way hash of a value (e.g. core's falsePositiveHash with an agency key). When set,
   * each finding carries it, so a reviewer's decision or a confirmed false positive can be stored
   * without the value.
   */
  fingerprint?(type: string, value: string): string;
}

export interface DocumentLimits {
  /** Largest input accepted at all (txt and csv are streamed, so this can be large). */
  maxBytes: number;
  /** Largest input of a format that must be loaded whole (pdf, xlsx, docx, hwpx). */
  maxInMemoryBytes: number;
  /** Cap on the total bytes inflated from a zip-based file (zip-bomb defence). */
  maxDecompressedBytes: number;
  maxZipEntries: number;
  /** Findings kept in the result; more are counted but not listed. */
  maxFindings: number;
  /** xlsx: cells of all worksheets together, counted while inflating (exceljs needs ~0.5 KB of heap per cell). */
  maxCells: number;
  /** xlsx: entries of the shared-strings table, counted while inflating. */
  maxSharedStrings: number;
}

export const DEFAULT_LIMITS: DocumentLimits = {
  maxBytes: 2 * 1024 ** 3,
  maxInMemoryBytes: 100 * 1024 ** 2,
  maxDecompressedBytes: 300 * 1024 ** 2,
  maxZipEntries: 5000,
  maxFindings: 10_000,
  maxCells: 1_000_000,
  maxSharedStrings: 1_000_000,
};

export interface DocumentOptions {
  engine?: PiiEngine;
  limits?: Partial<DocumentLimits>;
  /** Name reported in results (defaults to the path). */
  name?: string;
}

/** A box drawn by a reviewer on a PDF page (same coordinates as FindingLocation.box). */
export interface ManualRegion {
  page: number;
  box: [number, number, number, number];
}

export interface RedactOptions extends DocumentOptions {
  policy?: RedactionPolicy;
  /** Pseudonym HMAC key. */
  key?: Uint8Array | string;
  /**
   * Review decisions: called for each finding with its index in scan order (the same order and indexes
   * a scan of the same file reports); return false to leave that value in place (a false positive).
   */
  accept?: (finding: DocumentFinding, index: number) => boolean;
  /** Language of labels; by default guessed from the document (Hangul: ko, Han only: zh-TW, else en). */
  locale?: LabelLocale;
  /** PDF only: extra regions to burn out. */
  regions?: ManualRegion[];
  /**
   * txt and csv only: text ranges a reviewer selected (UTF-16 offsets into the decoded text, end
   * exclusive, BOM not counted), redacted whatever they hold.
   */
  ranges?: TextRange[];
}

/** A range of the decoded text of a txt or csv file. */
export interface TextRange {
  start: number;
  end: number;
}

/** A problem with the input itself: reported as a result status, never thrown out of the public API. */
export class DocumentInputError extends Error {
  constructor(
    readonly status: "needs_review" | "error",
    message: string,
  ) {
    super(message);
    this.name = "DocumentInputError";
  }
}

/** Which cap an archive crossed while it was being unpacked. */
export type ExpansionLimit = "unpacked_size" | "cells" | "shared_strings";

/** An archive that unpacks past a cap (possible zip bomb): the file is not read any further. */
export class ExpansionError extends DocumentInputError {
  constructor(
    readonly limit: ExpansionLimit,
    readonly max: number,
  ) {
    super(
      "needs_review",
      limit === "unpacked_size"
        ? `zip expands past the limit of ${max} bytes (possible zip bomb)`
        : `workbook has more than ${max} ${limit === "cells" ? "cells" : "shared strings"} (possible zip bomb)`,
    );
    this.name = "ExpansionError";
  }
}
