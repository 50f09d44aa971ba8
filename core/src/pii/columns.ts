// Column context for delimited text (csv / tsv exports): a header cell such as "계좌번호" or
// "統一編號" is the context of every value below it, however far the row is from the header.
import { wordsRegex } from "./context";

export interface Columns {
  delimiter: string;
  header: string[];
}

/** Longest stretch looked at backwards for the start of a line (keeps the lookup bounded). */
const MAX_LINE_LOOKBACK = 4096;

/**
 * Header of text that starts with one: the first line splits into at least two cells on one of
 * , tab ; | and holds no long digit run (a data row would). Otherwise undefined.
 */
export function detectColumns(text: string): Columns | undefined {
  const nl = text.indexOf("\n");
  const first = (nl === -1 ? text : text.slice(0, nl)).slice(0, MAX_LINE_LOOKBACK).replace(/\r$/, "");
  if (first.length === 0 || /\d{6}/.test(first)) return undefined;
  let best: Columns | undefined;
  for (const delimiter of [",", "\t", ";", "|"]) {
    const header = splitCells(first, delimiter);
    if (header.length >= 2 && (!best || header.length > best.header.length)) best = { delimiter, header };
  }
  return best;
}

function splitCells(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) {
      out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/**
 * 0-based column of offset in text (counting delimiters outside quotes since the line start), or
 * -1 when the line is longer than MAX_LINE_LOOKBACK before offset. work.chars counts what was read.
 */
export function columnAt(text: string, offset: number, delimiter: string, work?: { chars: number }): number {
  let lineStart = offset;
  const stop = Math.max(0, offset - MAX_LINE_LOOKBACK);
  while (lineStart > stop && text.charCodeAt(lineStart - 1) !== 10) lineStart--;
  if (work) work.chars += 2 * (offset - lineStart);
  if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) return -1; // line too long to tell
  const d = delimiter.charCodeAt(0);
  let col = 0;
  let quoted = false;
  for (let i = lineStart; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (c === d && !quoted) col++;
  }
  return col;
}

/** Does the header cell above offset hold one of the words? */
export function columnHasContext(
  text: string,
  offset: number,
  cols: Columns,
  words: readonly string[],
  work?: { chars: number },
): boolean {
  const re = wordsRegex(words);
  if (!re) return false;
  const col = columnAt(text, offset, cols.delimiter, work);
  return col >= 0 && col < cols.header.length && re.test(cols.header[col]);
}
