import { RECOGNIZERS } from "./recognizers/index";

/**
 * The benchmark baseline: ONE regular expression, an alternation of the raw patterns of every
 * core recognizer, with no validation, context or overlap handling.
 */
export function singlePassBaseline(): RegExp {
  const sources = RECOGNIZERS.filter((r) => !r.lowConfidence).map(
    (r) => r.pattern?.source ?? r.baselineSource,
  );
  // Recognizers sharing one shape (RRN/FRN, TW ID/ARC, phones) contribute it once.
  const parts = [...new Set(sources)].map((s) => `(?:${s})`);
  return new RegExp(parts.join("|"), "g");
}

/** Number of matches of the baseline over text (what the benchmark times). */
export function countBaselineMatches(re: RegExp, text: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}
