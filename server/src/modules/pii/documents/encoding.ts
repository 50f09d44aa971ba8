import { analyse } from "chardet";
import iconv from "iconv-lite";

/** Encodings agency exports come in, in the order a tie is broken (Korean first, then Taiwanese). */
const CJK_ENCODINGS: Record<string, string> = {
  "EUC-KR": "cp949",
  Big5: "big5",
  GB18030: "gb18030",
  Shift_JIS: "shift_jis",
  "EUC-JP": "euc-jp",
};
const FALLBACK_ORDER = ["cp949", "big5", "gb18030"];

export type EncodingGuess = { ok: true; encoding: string; bomLength: number } | { ok: false; reason: string };

/** Cuts a trailing incomplete UTF-8 sequence so a sample that ends mid-character still validates. */
function trimIncompleteUtf8(b: Uint8Array): Uint8Array {
  for (let back = 1; back <= 3 && back <= b.length; back++) {
    const c = b[b.length - back];
    if ((c & 0xc0) === 0x80) continue; // continuation byte, keep looking for the lead
    const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return need > back ? b.subarray(0, b.length - back) : b;
  }
  return b;
}

function countReplacement(s: string): number {
  let n = 0;
  for (let i = s.indexOf("\uFFFD"); i >= 0; i = s.indexOf("\uFFFD", i + 1)) n++;
  return n;
}

/** True when bytes look like UTF-16 without a BOM: most ASCII characters leave a zero byte every other byte. */
function utf16WithoutBom(b: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(b.length & ~1, 4096);
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) evenZero++;
    if (b[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return "utf-16be";
  return null;
}

/**
 * Guesses the encoding of a text sample. A candidate is only accepted when it decodes the sample with no
 * replacement character, so a wrong guess turns into "needs review" rather than garbled text that would
 * scan clean. Single-byte Latin encodings decode any byte string, so they are never accepted silently.
 * `complete` says the sample is the whole file (no partial character at its end).
 */
export function guessEncoding(sample: Uint8Array, complete: boolean): EncodingGuess {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { ok: true, encoding: "utf8", bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { ok: true, encoding: "utf-16le", bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { ok: true, encoding: "utf-16be", bomLength: 2 };
  const u16 = utf16WithoutBom(sample);
  if (u16) return { ok: true, encoding: u16, bomLength: 0 };

  const body = complete ? sample : trimIncompleteUtf8(sample);
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(body);
    return { ok: true, encoding: "utf8", bomLength: 0 };
  } catch {
    // not UTF-8; try the legacy CJK encodings below
  }

  // A multi-byte sample may end mid-character; drop the last byte when testing a candidate.
  const probe = complete ? sample : sample.subarray(0, Math.max(0, sample.length - 1));
  const ranked: string[] = [];
  for (const m of analyse(sample)) {
    const enc = CJK_ENCODINGS[m.name];
    if (enc && !ranked.includes(enc)) ranked.push(enc);
  }
  for (const enc of FALLBACK_ORDER) if (!ranked.includes(enc)) ranked.push(enc);
  for (const enc of ranked) {
    if (countReplacement(iconv.decode(Buffer.from(probe), enc)) === 0)
      return { ok: true, encoding: enc, bomLength: 0 };
  }
  return { ok: false, reason: "text encoding could not be determined (undecodable bytes)" };
}
