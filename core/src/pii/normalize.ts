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
/** Code unit -> folded code unit (identity except the classes above). */
const FOLD = (() => {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) t[c] = c;
  const ascii = (lo: number, hi: number) => {
    for (let c = lo; c <= hi; c++) t[c] = c - 0xfee0;
  };
  ascii(0xff08, 0xff0b); // （ ） ＊ ＋
  ascii(0xff0d, 0xff0e); // － ．
  ascii(0xff10, 0xff19); // ０-９
  ascii(0xff20, 0xff3a); // ＠ Ａ-Ｚ
  ascii(0xff41, 0xff5a); // ａ-ｚ
  for (const c of [0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe63]) t[c] = 0x2d;
  t[0x00a0] = 0x20;
  return t;
})();

const FOLD_ALL = new RegExp(FOLD_CLASS.source, "g");

function foldChar(ch: string): string {
  return String.fromCharCode(FOLD[ch.charCodeAt(0)]);
}

/** Table walk for text that is mostly full-width (20x faster than replace() there). */
function foldAll(text: string): string {
  const n = text.length;
  const buf = new Uint16Array(n);
  for (let i = 0; i < n; i++) buf[i] = FOLD[text.charCodeAt(i)];
  let out = "";
  for (let i = 0; i < n; i += 8192) {
    out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(n, i + 8192)) as unknown as number[]);
  }
  return out;
}

/**
 * Returns a string of identical length with full-width forms and dashes folded to ASCII. Usual
 * text has a few such characters (replace() touches only those); text that is mostly
 * full-width (judged on its first 4096 units) takes the table walk. Lone surrogates and a
 * leading BOM are copied unchanged.
 */
export function normalizeForScan(text: string): string {
  if (!FOLD_CLASS.test(text)) return text;
  const head = text.length > 4096 ? text.slice(0, 4096) : text;
  const folds = head.match(FOLD_ALL)?.length ?? 0;
  return folds * 8 > head.length ? foldAll(text) : text.replace(FOLD_ALL, foldChar);
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
