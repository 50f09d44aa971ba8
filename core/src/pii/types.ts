/** Identifier types reported at the default threshold. Names are part of the public contract. */
export type CorePiiType =
  | "KR_RRN"
  | "KR_FRN"
  | "KR_BRN"
  | "KR_PASSPORT"
  | "KR_DRIVER"
  | "KR_PHONE"
  | "KR_BANK_ACCOUNT"
  | "TW_ID"
  | "TW_ARC"
  | "TW_UBN"
  | "TW_PHONE"
  | "EMAIL"
  | "CREDIT_CARD"
  | "IP_ADDRESS";

/** Lower-confidence tier: only reported with `includeLowConfidence`. */
export type LowConfidencePiiType = "PERSON_NAME" | "DATE_OF_BIRTH";

export type PiiType = CorePiiType | LowConfidencePiiType;

/** A finding. Offsets are UTF-16 code units into the ORIGINAL string; `end` is exclusive. */
export interface PiiSpan {
  start: number;
  end: number;
  type: PiiType;
  score: number;
}

export interface ScanResult {
  /**
   * "needs_review" when the scan could not finish (time budget, or a recognizer failed on this
   * input): never treat that as clean. The spans found are still returned.
   */
  status: "ok" | "needs_review";
  spans: PiiSpan[];
  reason?: string;
  /** Ids of recognizers that threw on this input (their matches are missing from spans). */
  failedRecognizers?: string[];
}

export interface ScanOptions {
  /** Minimum score to report (default DEFAULT_THRESHOLD). */
  threshold?: number;
  /** Wall-clock budget for this call; exceeded -> status "needs_review". */
  timeBudgetMs?: number;
  /** Restrict to these types (naming PERSON_NAME / DATE_OF_BIRTH here also turns them on). */
  types?: PiiType[];
  /** Also report the lower-confidence tier (names, dates of birth with context). */
  includeLowConfidence?: boolean;
  /** Hashes from falsePositiveHash() of values an agency confirmed are not personal data. */
  ignoreHashes?: Set<string>;
  /** Key used when those hashes were made (falsePositiveHash's key); default "". */
  ignoreKey?: Uint8Array | string;
  /**
   * Extra text treated as context near every match, e.g. a spreadsheet column header
   * ("주민등록번호") when scanning one cell.
   */
  contextHint?: string;
  /**
   * Delimited text (csv / tsv): header cells whose context words apply to every value in their
   * column. Detected from the first line when it looks like a header; pass it explicitly when
   * scanning later parts of a file (each part must start at a record boundary), or null to
   * turn detection off.
   */
  columns?: { delimiter: string; header: string[] } | null;
}

export type RedactionPolicy = "mask" | "remove" | "label" | "pseudonym";

export type Locale = "ko" | "zh-TW" | "en";
