// Full-width and dash folding before matching.
//
// Every character we fold is a single UTF-16 unit and becomes a single ASCII unit, so the
// normalised string has the same length as the original and the offset map back to the
// original is the identity. We deliberately do NOT apply NFKC: it can change lengths (and
// would then need a real offset table) and folds far more than identifiers ever use.

// Only forms that can occur inside identifiers: full-width digits, letters and ( ) * + - . @,
// dashes and no-break space. Common CJK punctuation (，：　) is left alone, which keeps most
// Chinese and Korean text on the fast path.
const FOLD_CLASS =
  /[\u00A0\u2010-\u2015\u2212\uFE63\uFF08-\uFF0B\uFF0D\uFF0E\uFF10-\uFF19\uFF20-\uFF3A\uFF41-\uFF5A]/;
const FOLD_ALL = new RegExp(FOLD_CLASS.source, "g");

function foldChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c >= 0xff01 && c <= 0xff5e) return String.fromCharCode(c - 0xfee0); // full-width ASCII block
  if (c === 0x00a0) return " ";
  return "-"; // hyphens, dashes, minus signs
}

/** Returns a string of identical length with full-width forms and dashes folded to ASCII. */
export function normalizeForScan(text: string): string {
  if (!FOLD_CLASS.test(text)) return text;
  return text.replace(FOLD_ALL, foldChar);
}

/** Maps an offset in the normalised text back to the original (identity; see header). */
export function toOriginalOffset(normalizedOffset: number): number {
  return normalizedOffset;
}

/** Digits of a value (after folding), for checksums and hashing. */
export function digitsOf(value: string): string {
  return normalizeForScan(value).replace(/\D/g, "");
}

/** Canonical form used for pseudonyms and false-positive hashes: folded, no separators, upper case. */
export function canonicalValue(value: string): string {
  return normalizeForScan(value)
    .replace(/[\s\-.()]/g, "")
    .toUpperCase();
}
