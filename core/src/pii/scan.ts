import { type Columns, columnHasContext, detectColumns } from "./columns";
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

/** What became of one candidate. */
const REJECTED = 0;
const BELOW_THRESHOLD = 1;
const REPORTED = 2;

function better(a: Candidate, b: Candidate): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.end - a.start > b.end - b.start;
}

/** Keeps the best of each group of overlapping candidates (input sorted by start). */
function sweepOverlaps(cands: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of cands) {
    const last = out[out.length - 1];
    if (last && c.start < last.end) {
      if (better(c, last)) out[out.length - 1] = c;
    } else out.push(c);
  }
  return out;
}

function resolveOverlaps(cands: Candidate[]): Candidate[] {
  cands.sort((a, b) => a.start - b.start || b.end - a.end);
  return sweepOverlaps(cands);
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

/**
 * All regex passes in ONE scan. A scanner (the plain alternation "A|B|...") finds the next
 * position where any pattern matches; there a sticky "(?:(?=(A))|)(?:(?=(B))|)..." captures
 * what EACH pattern matches at that position. This reports the matches separate passes would
 * (every start position is tried, so a rejected candidate never hides one starting inside it)
 * for the cost of one pass through the text instead of one per pattern. Each alternative is
 * linear, so the whole is linear.
 */
interface MultiPass {
  scanner: RegExp;
  captures: RegExp;
  passes: Pass[];
}

const multiCache = new Map<string, MultiPass>();

function multiPassFor(passes: Pass[]): MultiPass {
  const key = passes.map((p) => p.id).join(",");
  let mp = multiCache.get(key);
  if (!mp) {
    const sources = passes.map((p) => p.pattern!.source);
    mp = {
      scanner: new RegExp(sources.map((x) => `(?:${x})`).join("|"), "g"),
      captures: new RegExp(sources.map((x) => `(?:(?=(${x}))|)`).join(""), "y"),
      passes,
    };
    multiCache.set(key, mp);
  }
  return mp;
}

function runMultiPass(
  mp: MultiPass,
  members: Recognizer[][],
  norm: string,
  emit: (r: Recognizer, m: RawMatch) => number,
  deadline: number,
): void {
  const { scanner, captures } = mp;
  scanner.lastIndex = 0;
  let n = 0;
  // One match object reused for every candidate (validators read it synchronously only).
  const rm: RawMatch = { start: 0, end: 0 };
  try {
    for (let hit = scanner.exec(norm); hit !== null; hit = scanner.exec(norm)) {
      const s = hit.index;
      captures.lastIndex = s;
      const m = captures.exec(norm)!; // always matches (every group is optional)
      let resume = Number.POSITIVE_INFINITY;
      for (let i = 0; i < members.length; i++) {
        const g = m[i + 1];
        if (g === undefined) continue;
        rm.start = s;
        rm.end = s + g.length;
        rm.m = m;
        for (const r of members[i]) if (emit(r, rm) === REPORTED && rm.end < resume) resume = rm.end;
      }
      // Inside a reported identifier nothing new can start (as with separate passes resuming
      // after a match), so skip it; otherwise try the next position.
      scanner.lastIndex = resume === Number.POSITIVE_INFINITY ? s + 1 : resume;
      if (++n % CLOCK_EVERY === 0 && performance.now() > deadline) throw new BudgetExceeded();
    }
  } finally {
    scanner.lastIndex = 0;
    captures.lastIndex = 0;
  }
}

/** Long texts are scanned in chunks of this many UTF-16 units (cache-friendly, budget checks). */
export const CHUNK = 1 << 18;
/** Extra text before / after each chunk so identifiers and context words crossing the cut are seen. */
const CHUNK_MARGIN_BEFORE = 64;
const CHUNK_MARGIN_AFTER = 256;

interface ScanState {
  threshold: number;
  wanted: Set<PiiType> | null;
  hint: string;
  /** Header cells of delimited text: context for the values in each column. */
  columns: Columns | undefined;
  /** Characters read for column lookups; capped so very long lines cannot make a scan quadratic. */
  columnWork: { chars: number; cap: number };
  text: string;
  deadline: number;
  budget: number;
  opts: ScanOptions;
  /** Recognizer id -> error class, for recognizers that threw on this input. */
  failed: Map<string, string>;
}

/** Error class only: a message may quote the text being scanned, and reasons end up in logs. */
function errorKind(e: unknown): string {
  return e instanceof Error ? e.name : typeof e;
}

/**
 * Scans text for identifiers. Fails closed: if the time budget runs out the result is
 * "needs_review" (with whatever was found so far), never "ok". Never throws: a recognizer that
 * throws on this input is skipped for that candidate and named in the result (needs_review, the
 * other recognizers' spans kept); anything else that throws gives needs_review without spans.
 */
export function scanText(text: string, opts: ScanOptions = {}): ScanResult {
  try {
    return scanUnguarded(text, opts);
  } catch (e) {
    return { status: "needs_review", spans: [], reason: `scan failed (${errorKind(e)})` };
  }
}

function scanUnguarded(text: string, opts: ScanOptions): ScanResult {
  const t0 = performance.now();
  // A budget that is not a number (NaN) or negative must not disable the check: fail closed.
  const given = opts.timeBudgetMs;
  const budget = given === undefined ? defaultTimeBudgetMs(text.length) : given >= 0 ? given : 0;
  const st: ScanState = {
    threshold: opts.threshold ?? DEFAULT_THRESHOLD,
    wanted: opts.types ? new Set<PiiType>(opts.types) : null,
    hint: opts.contextHint ? normalizeForScan(opts.contextHint) : "",
    columns: opts.columns === null ? undefined : (opts.columns ?? detectColumns(text)),
    columnWork: { chars: 0, cap: 4 * text.length + 100_000 },
    text,
    deadline: t0 + budget,
    budget,
    opts,
    failed: new Map(),
  };
  let cands: Candidate[] = [];
  let reason: string | undefined;
  if (text.length <= CHUNK + CHUNK_MARGIN_AFTER) {
    reason = scanChunk(normalizeForScan(text), 0, st, cands);
    cands = resolveOverlaps(cands);
  } else {
    for (let s = 0; s < text.length && reason === undefined; s += CHUNK) {
      if (performance.now() >= st.deadline) {
        reason = `time budget of ${budget} ms exceeded at offset ${s}`;
        break;
      }
      const from = Math.max(0, s - CHUNK_MARGIN_BEFORE);
      const norm = normalizeForScan(text.slice(from, Math.min(text.length, s + CHUNK + CHUNK_MARGIN_AFTER)));
      const local: Candidate[] = [];
      reason = scanChunk(norm, from, st, local);
      // Each candidate belongs to the chunk where it starts; the margins only supply context.
      // Sorting per chunk keeps the sort cost linear in the text length; chunks come in order,
      // so the concatenation is sorted and one sweep settles overlaps across the cuts.
      const end = s + CHUNK;
      for (const c of resolveOverlaps(local)) if (c.start >= s && c.start < end) cands.push(c);
    }
    cands = sweepOverlaps(cands);
  }
  return finish(text, cands, st, reason);
}

/** Runs every pass over one normalised chunk (offsets + base). Returns a reason on timeout. */
function scanChunk(norm: string, base: number, st: ScanState, cands: Candidate[]): string | undefined {
  const { threshold, wanted, hint, deadline, budget, opts, columns, columnWork, text } = st;
  // A recognizer that throws loses this candidate only: the other recognizers, the rest of the
  // text and the document go on, and the result says which recognizer failed (needs_review).
  const emit = (r: Recognizer, rm: RawMatch): number => {
    try {
      return judge(r, rm);
    } catch (e) {
      if (!st.failed.has(r.id)) st.failed.set(r.id, errorKind(e));
      return REJECTED;
    }
  };
  const judge = (r: Recognizer, rm: RawMatch): number => {
    const v = r.validate(norm, rm);
    if (!v) return REJECTED;
    const start = v.start ?? rm.start;
    const end = v.end ?? rm.end;
    let score = v.score;
    if (score < 1) {
      if (
        hasContext(norm, start, end, r.context) ||
        (hint !== "" && hasAnyWord(hint, r.context)) ||
        // Column headers only matter when they decide whether the value is reported.
        (columns !== undefined &&
          score < threshold &&
          columnWork.chars < columnWork.cap &&
          columnHasContext(text, base + start, columns, r.context, columnWork))
      ) {
        score += CONTEXT_BOOST;
      }
    }
    // Negative words only count right before the match ("version 1.2.3.4").
    if (r.negativeContext && hasAnyWord(norm.slice(Math.max(0, start - 16), start), r.negativeContext)) {
      score -= 0.5;
    }
    score = Math.min(1, score);
    if (score >= threshold) {
      const type = v.type ?? r.types[0];
      cands.push({ start: base + start, end: base + end, type, score, priority: r.priority });
      return REPORTED;
    }
    return BELOW_THRESHOLD;
  };

  const regexPasses: Pass[] = [];
  const regexMembers: Recognizer[][] = [];
  const finders: Recognizer[] = [];
  for (const pass of PASSES) {
    const members = pass.members.filter((r) =>
      wanted
        ? r.types.some((t) => wanted.has(t)) // naming a low-confidence type asks for it
        : !r.lowConfidence || opts.includeLowConfidence,
    );
    if (members.length === 0) continue;
    if (pass.pattern) {
      regexPasses.push(pass);
      regexMembers.push(members);
    } else finders.push(members[0]);
  }
  try {
    if (regexPasses.length > 0) runMultiPass(multiPassFor(regexPasses), regexMembers, norm, emit, deadline);
    for (const r of finders) {
      if (performance.now() >= deadline) return `time budget of ${budget} ms exceeded before ${r.id}`;
      try {
        if (r.mayContain && !r.mayContain(norm)) continue;
        r.find!(norm, (m) => emit(r, m) !== REJECTED);
      } catch (e) {
        if (e instanceof BudgetExceeded) throw e;
        if (!st.failed.has(r.id)) st.failed.set(r.id, errorKind(e));
      }
    }
  } catch (e) {
    if (!(e instanceof BudgetExceeded)) throw e;
    return `time budget of ${budget} ms exceeded`;
  }
  return undefined;
}

function finish(text: string, cands: Candidate[], st: ScanState, reason: string | undefined): ScanResult {
  const { wanted, deadline, budget, opts } = st;
  let spans: PiiSpan[] = cands.map((c) => ({
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
  if (st.failed.size > 0) {
    const which = [...st.failed].map(([id, kind]) => `${id} (${kind})`).join(", ");
    const failure = `recognizer failed on this input: ${which}`;
    reason = reason === undefined ? failure : `${reason}; ${failure}`;
    return { status: "needs_review", spans, reason, failedRecognizers: [...st.failed.keys()] };
  }
  return reason === undefined ? { status: "ok", spans } : { status: "needs_review", spans, reason };
}
