// Line breaking for letters in Korean, Chinese and English. pdfkit's own wrapper follows UAX #14, which
// breaks Korean words between any two syllables; official Korean letters wrap at spaces (keep-all), and
// Chinese may break between any two characters except where punctuation rules (禁則) forbid it. Pure: the
// caller supplies the text measure of its font.

/** Characters that may not start a line: closing brackets and punctuation (CJK and Latin). */
const NO_LINE_START = new Set([..."，。、；：！？）」』〉》】〕｝］,.;:!?)]}%·…’”ー〜～"]);
/** Characters that may not end a line: opening brackets. */
const NO_LINE_END = new Set([..."（「『〈《【〔｛［([{‘“"]);

/** Han ideographs, kana, CJK symbols and full-width forms: a break is allowed on either side. */
function isCjkBreakable(ch: string): boolean {
  const c = ch.codePointAt(0) ?? 0;
  return (
    (c >= 0x2e80 && c <= 0x2fdf) || // radicals
    (c >= 0x3000 && c <= 0x30ff) || // CJK symbols, kana
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xff00 && c <= 0xffef) ||
    (c >= 0x20000 && c <= 0x2fa1f)
  );
}

interface Atom {
  text: string;
  /** A space follows: it is dropped when the line breaks here. */
  space: boolean;
}

/** Splits text into units between which a line may break. */
export function atomsOf(text: string): Atom[] {
  const raw: Atom[] = [];
  let word = "";
  const flushWord = () => {
    if (word) raw.push({ text: word, space: false });
    word = "";
  };
  for (const ch of text) {
    if (ch === " " || ch === "\t") {
      flushWord();
      if (raw.length) raw[raw.length - 1].space = true;
    } else if (
      isCjkBreakable(ch) ||
      ((NO_LINE_START.has(ch) || NO_LINE_END.has(ch)) && ch.charCodeAt(0) > 0x7f)
    ) {
      // ASCII punctuation stays inside its word ("www.kopico.go.kr", "(국번없이)"): no break there.
      flushWord();
      raw.push({ text: ch, space: false });
    } else {
      word += ch;
    }
  }
  flushWord();
  // Glue: closing punctuation to what precedes it, opening brackets to what follows (unless a space
  // separates them, where a break is allowed anyway).
  const atoms: Atom[] = [];
  let carry = "";
  for (const a of raw) {
    const first = [...a.text][0];
    const prev = atoms[atoms.length - 1];
    if (!carry && prev && !prev.space && NO_LINE_START.has(first)) {
      prev.text += a.text;
      prev.space = a.space;
      continue;
    }
    const text = carry + a.text;
    carry = "";
    if (!a.space && [...a.text].every((c) => NO_LINE_END.has(c))) {
      carry = text;
      continue;
    }
    atoms.push({ text, space: a.space });
  }
  if (carry) atoms.push({ text: carry, space: false });
  return atoms;
}

/** Breaks one paragraph (newlines are hard breaks) into lines no wider than maxWidth. */
export function breakLines(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    const atoms = atomsOf(para);
    if (atoms.length === 0) {
      out.push("");
      continue;
    }
    let line = "";
    let pendingSpace = false;
    const push = () => {
      out.push(line);
      line = "";
      pendingSpace = false;
    };
    for (const atom of atoms) {
      const candidate = line ? `${line}${pendingSpace ? " " : ""}${atom.text}` : atom.text;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
      } else if (line && measure(atom.text) <= maxWidth) {
        push();
        line = atom.text;
      } else {
        // Wider than a whole line (a long URL or Korean without spaces): break between characters.
        if (line) push();
        for (const ch of atom.text) {
          // Full-width closing punctuation may hang past the edge (ぶら下げ) rather than start a line.
          const hang = NO_LINE_START.has(ch) && ch.charCodeAt(0) > 0x7f;
          if (line && measure(line + ch) > maxWidth && !hang) push();
          line += ch;
        }
      }
      pendingSpace = atom.space;
    }
    if (line) out.push(line);
  }
  return out;
}
