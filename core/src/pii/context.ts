import { CONTEXT_AFTER, CONTEXT_BEFORE } from "./recognizer";

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const compiled = new WeakMap<readonly string[], RegExp | null>();

/** One case-insensitive alternation per word list (cached), so a lookup is a single regex test. */
export function wordsRegex(words: readonly string[]): RegExp | null {
  let re = compiled.get(words);
  if (re === undefined) {
    re = words.length ? new RegExp(words.map(escapeRe).join("|"), "i") : null;
    compiled.set(words, re);
  }
  return re;
}

/**
 * Is one of the words within CONTEXT_BEFORE chars before or CONTEXT_AFTER chars after the span?
 * One slice covers both sides (the match itself holds digits and separators, not words).
 */
export function hasContext(norm: string, start: number, end: number, words: readonly string[]): boolean {
  const re = wordsRegex(words);
  if (!re) return false;
  return re.test(norm.slice(Math.max(0, start - CONTEXT_BEFORE), Math.min(norm.length, end + CONTEXT_AFTER)));
}

/** Is one of the words anywhere in text? */
export function hasAnyWord(text: string, words: readonly string[]): boolean {
  const re = wordsRegex(words);
  return re?.test(text) ?? false;
}

let hintNorm = "";
let hintStart = -1;
let hintEnd = -1;
let hintValue = 0;

/**
 * +1 when Hangul dominates around the span, -1 when Han (Chinese) dominates, 0 otherwise.
 * The KR and TW phone validators ask about the same span one after the other: cache one answer.
 */
export function scriptHint(norm: string, start: number, end: number): number {
  if (start === hintStart && end === hintEnd && norm === hintNorm) return hintValue;
  let ko = 0;
  let zh = 0;
  const a = Math.max(0, start - 60);
  const b = Math.min(norm.length, end + 60);
  for (let i = a; i < b; i++) {
    const c = norm.charCodeAt(i);
    if (c >= 0xac00 && c <= 0xd7a3) ko++;
    else if (c >= 0x4e00 && c <= 0x9fff) zh++;
  }
  hintNorm = norm;
  hintStart = start;
  hintEnd = end;
  hintValue = ko > zh ? 1 : zh > ko ? -1 : 0;
  return hintValue;
}
