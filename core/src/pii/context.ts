import { CONTEXT_AFTER, CONTEXT_BEFORE } from "./recognizer";

/** Lower-cased window of text around [start, end) used for context-word lookup. */
export function contextWindow(norm: string, start: number, end: number): string {
  const a = norm.slice(Math.max(0, start - CONTEXT_BEFORE), start);
  const b = norm.slice(end, Math.min(norm.length, end + CONTEXT_AFTER));
  return (a + " " + b).toLowerCase();
}

export function hasAnyWord(window: string, words: readonly string[]): boolean {
  for (const w of words) if (window.includes(w)) return true;
  return false;
}

const HANGUL = /[\uAC00-\uD7A3]/g;
const HAN = /[\u4E00-\u9FFF]/g;

/** +1 when Hangul dominates around the span, -1 when Han (Chinese) dominates, 0 otherwise. */
export function scriptHint(norm: string, start: number, end: number): number {
  const w = norm.slice(Math.max(0, start - 80), Math.min(norm.length, end + 80));
  const ko = w.match(HANGUL)?.length ?? 0;
  const zh = w.match(HAN)?.length ?? 0;
  if (ko > zh) return 1;
  if (zh > ko) return -1;
  return 0;
}
