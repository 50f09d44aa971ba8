import type { PiiType } from "./types";

/** Score added when a context word is near (pii.md). */
export const CONTEXT_BOOST = 0.35;
/** Default reporting threshold: checksum-valid ids, phones, e-mails, cards, IPs pass on their own;
 *  passport, driver licence, bank account, UBN need a context word. */
export const DEFAULT_THRESHOLD = 0.5;
/** Characters before / after a match searched for context words. */
export const CONTEXT_BEFORE = 48;
export const CONTEXT_AFTER = 24;

export interface Verdict {
  score: number;
  /** Override the recognizer's type (e.g. RRN vs FRN decided by the gender digit). */
  type?: PiiType;
  /** Trimmed span in the normalised text, when the match holds extra characters. */
  start?: number;
  end?: number;
  /** Set when the match only counts with a context word (score stays below threshold otherwise). */
  noContextBoost?: boolean;
}

export interface Candidate {
  start: number;
  end: number;
  type: PiiType;
  score: number;
  priority: number;
}

/** A match found by a recognizer's finder (a regex by default). */
export interface RawMatch {
  start: number;
  end: number;
  /** Regex groups when found by a regex. */
  m?: RegExpExecArray;
}

export interface Recognizer {
  /** File name / id; the primary type it reports. */
  id: string;
  types: readonly PiiType[];
  /** Global, linear-time regex over the normalised text (no nested quantifiers). */
  pattern?: RegExp;
  /** For finder-based recognizers: the regex the single-pass baseline uses instead (bench only). */
  baselineSource?: string;
  /** Custom finder for shapes better scanned by hand (e-mail: expand around "@"). */
  find?: (norm: string, emit: (m: RawMatch) => boolean) => void;
  /** Cheap pre-check on the whole normalised text; false -> skip this recognizer. */
  mayContain?: (norm: string) => boolean;
  /** Lowercase context words (ko / zh-TW / en). */
  context: readonly string[];
  /** Words that, when near, make the match unlikely (e.g. "version" for IPs). */
  negativeContext?: readonly string[];
  /** Lower wins ties between overlapping candidates of equal score. */
  priority: number;
  lowConfidence?: boolean;
  validate(norm: string, match: RawMatch): Verdict | null;
}

/** True when char code is an ASCII digit. */
export function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Digits of norm[start, end) (norm is already folded to ASCII). Hand-written: runs per candidate. */
export function digitsIn(norm: string, start: number, end: number): string {
  let s = "";
  for (let i = start; i < end; i++) {
    const c = norm.charCodeAt(i);
    if (c >= 48 && c <= 57) s += norm[i];
  }
  return s;
}

/** How many times the char code occurs in norm[start, end). */
export function countCode(norm: string, start: number, end: number, code: number): number {
  let n = 0;
  for (let i = start; i < end; i++) if (norm.charCodeAt(i) === code) n++;
  return n;
}
