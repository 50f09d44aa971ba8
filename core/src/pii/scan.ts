import { hasAnyWord, hasContext } from "./context";
import { falsePositiveHash } from "./hash";
import { normalizeForScan, toOriginalOffset } from "./normalize";
import {
  type Candidate,
  CONTEXT_BOOST,
  DEFAULT_THRESHOLD,
  type RawMatch,
  type Recognizer,
} from "./recognizer";
import { RECOGNIZERS } from "./recognizers/index";
import type { PiiSpan, PiiType, ScanOptions, ScanResult } from "./types";

/** Matches between two clock reads inside one pass. */
const CLOCK_EVERY = 256;

/** Default budget: generous (about 20x the measured cost) so only pathological input trips it. */
export function defaultTimeBudgetMs(length: number): number {
  return 1000 + length / 1000;
}

class BudgetExceeded extends Error {}

function better(a: Candidate, b: Candidate): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.end - a.start > b.end - b.start;
}

/** Keeps the best of each group of overlapping candidates. */
function resolveOverlaps(cands: Candidate[]): Candidate[] {
  cands.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  for (const c of cands) {
    const last = out[out.length - 1];
    if (last && c.start < last.end) {
      if (better(c, last)) out[out.length - 1] = c;
    } else out.push(c);
  }
  return out;
}

/** Recognizers that share one pattern object run as one pass (see recognizers/shapes.ts). */
interface Pass {
  id: string;
  pattern?: RegExp;
  members: Recognizer[];
}

const PASSES: Pass[] = (() => {
  const out: Pass[] = [];
  const byPattern = new Map<RegExp, Pass>();
  for (const r of RECOGNIZERS) {
    const shared = r.pattern ? byPattern.get(r.pattern) : undefined;
    if (shared) {
      shared.members.push(r);
      shared.id += `+${r.id}`;
      continue;
    }
    const p: Pass = { id: r.id, pattern: r.pattern, members: [r] };
    if (r.pattern) byPattern.set(r.pattern, p);
    out.push(p);
  }
  return out;
})();

function runPass(
  pass: Pass,
  members: Recognizer[],
  norm: string,
  emit: (r: Recognizer, m: RawMatch) => boolean,
  deadline: number,
): void {
  if (!pass.pattern) {
    const r = members[0];
    r.find!(norm, (m) => emit(r, m));
    return;
  }
  // The shared pattern object is safe to reuse: scanning is synchronous and lastIndex is reset.
  const re = pass.pattern;
  re.lastIndex = 0;
  let n = 0;
  // One match object reused for every candidate (validators read it synchronously only).
  const rm: RawMatch = { start: 0, end: 0 };
  try {
    for (let m = re.exec(norm); m !== null; m = re.exec(norm)) {
      rm.start = m.index;
      rm.end = m.index + m[0].length;
      rm.m = m;
      let accepted = false;
      for (const r of members) if (emit(r, rm)) accepted = true;
      // A rejected candidate must not swallow a valid one starting inside it (":10.0.0.1" is no
      // IPv6 but holds an IPv4), so retry one character later. Candidates are bounded in
      // length, so this stays linear.
      if (!accepted) re.lastIndex = m.index + 1;
      if (++n % CLOCK_EVERY === 0 && performance.now() > deadline) throw new BudgetExceeded();
    }
  } finally {
    re.lastIndex = 0;
  }
}

/**
 * Scans text for identifiers. Fails closed: if the time budget runs out the result is
 * "needs_review" (with whatever was found so far), never "ok".
 */
export function scanText(text: string, opts: ScanOptions = {}): ScanResult {
  const t0 = performance.now();
  const budget = opts.timeBudgetMs ?? defaultTimeBudgetMs(text.length);
  const deadline = t0 + budget;
  const threshold = opts.threshold ?? DEFAULT_THRESHOLD;
  const wanted = opts.types ? new Set<PiiType>(opts.types) : null;
  const hint = opts.contextHint ? normalizeForScan(opts.contextHint) : "";
  const norm = normalizeForScan(text);
  const cands: Candidate[] = [];
  let reason: string | undefined;

  const emit = (r: Recognizer, rm: RawMatch): boolean => {
    const v = r.validate(norm, rm);
    if (!v) return false;
    const start = v.start ?? rm.start;
    const end = v.end ?? rm.end;
    let score = v.score;
    if (score < 1) {
      if (hasContext(norm, start, end, r.context) || (hint !== "" && hasAnyWord(hint, r.context))) {
        score += CONTEXT_BOOST;
      }
    }
    // Negative words only count right before the match ("version 1.2.3.4").
    if (r.negativeContext && hasAnyWord(norm.slice(Math.max(0, start - 16), start), r.negativeContext)) {
      score -= 0.5;
    }
    score = Math.min(1, score);
    if (score >= threshold)
      cands.push({ start, end, type: v.type ?? r.types[0], score, priority: r.priority });
    return true;
  };

  for (const pass of PASSES) {
    const members = pass.members.filter(
      (r) =>
        (!r.lowConfidence || opts.includeLowConfidence) && (!wanted || r.types.some((t) => wanted.has(t))),
    );
    if (members.length === 0) continue;
    if (performance.now() >= deadline) {
      reason = `time budget of ${budget} ms exceeded before ${pass.id}`;
      break;
    }
    if (members[0].mayContain && !members[0].mayContain(norm)) continue;
    try {
      runPass(pass, members, norm, emit, deadline);
    } catch (e) {
      if (!(e instanceof BudgetExceeded)) throw e;
      reason = `time budget of ${budget} ms exceeded in ${pass.id}`;
      break;
    }
  }

  let spans: PiiSpan[] = resolveOverlaps(cands).map((c) => ({
    start: toOriginalOffset(c.start),
    end: toOriginalOffset(c.end),
    type: c.type,
    score: Math.round(c.score * 100) / 100,
  }));
  if (wanted) spans = spans.filter((s) => wanted.has(s.type));
  const ignore = opts.ignoreHashes;
  if (ignore && ignore.size > 0) {
    const key = opts.ignoreKey ?? "";
    spans = spans.filter((s) => !ignore.has(falsePositiveHash(s.type, text.slice(s.start, s.end), key)));
  }
  if (reason === undefined && performance.now() > deadline) reason = `time budget of ${budget} ms exceeded`;
  return reason === undefined ? { status: "ok", spans } : { status: "needs_review", spans, reason };
}
