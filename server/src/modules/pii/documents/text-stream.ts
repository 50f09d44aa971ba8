import iconv from "iconv-lite";
import type { LabelLocale, PiiEngine, RedactionPolicy, Span, TextRange } from "./types";

/** Text handed to the detector at once. Small enough to stay inside the detector's time budget. */
export const WINDOW_CHARS = 256 * 1024;
/** Tail of each window held back and rescanned with the next one, so a value cut by a chunk edge is whole. */
export const OVERLAP_CHARS = 1024;
/** Text kept before the rescanned part, so context words ("주민등록번호:") still reach the next window. */
export const CONTEXT_CHARS = 256;

export interface StreamedSpan extends Span {
  /** Absolute UTF-16 offset of the span in the decoded file. */
  absStart: number;
  value: string;
  line: number;
  /** UTF-16 offset inside the line, or undefined for a line too long to keep in memory. */
  lineOffset?: number;
  /** csv only: record number and 1-based field index. */
  row?: number;
  column?: number;
}

export interface StreamScanHandlers {
  /** Returns false to leave this value in the redacted output (a reviewer's rejected finding). */
  onSpan(span: StreamedSpan): boolean | undefined;
  /** The detector failed closed on a window (time budget or other); the whole file must be reviewed. */
  onNeedsReview(reason: string): void;
  /** Redaction only: receives the redacted text in order. */
  onOutput?(text: string): void | Promise<void>;
}

export interface StreamScanOptions {
  engine: PiiEngine;
  encoding: string;
  /** Bytes of BOM to skip at the start of the first chunk. */
  bomLength: number;
  csvDelimiter?: string;
  redact?: { policy: RedactionPolicy; key?: Uint8Array | string; locale?: LabelLocale; ranges?: TextRange[] };
  /** Window sizes in characters; tests shrink them to cross many edges with little text. */
  window?: { size: number; overlap: number; context: number };
}

/**
 * Walks the decoded text once, keeping line, csv record and field counts. It only ever moves forward,
 * so the streaming scanner can drop text it has walked past.
 */
class PositionTracker {
  pos = 0;
  line = 1;
  lineStart = 0;
  row = 1;
  column = 1;
  private inQuotes = false;

  constructor(private readonly delimiter: string | undefined) {}

  advance(buf: string, bufStart: number, to: number): void {
    if (to <= this.pos) return;
    const from = this.pos - bufStart;
    const end = to - bufStart;
    if (this.delimiter === undefined) {
      for (let i = buf.indexOf("\n", from); i >= 0 && i < end; i = buf.indexOf("\n", i + 1)) {
        this.line++;
        this.lineStart = bufStart + i + 1;
      }
    } else {
      const d = this.delimiter.charCodeAt(0);
      for (let i = from; i < end; i++) {
        const c = buf.charCodeAt(i);
        if (c === 10) {
          this.line++;
          this.lineStart = bufStart + i + 1;
          if (!this.inQuotes) {
            this.row++;
            this.column = 1;
          }
        } else if (c === 34) this.inQuotes = !this.inQuotes;
        else if (c === d && !this.inQuotes) this.column++;
      }
    }
    this.pos = to;
  }
}

/**
 * Scans (and optionally redacts) a byte stream of text with flat memory: bytes are decoded incrementally,
 * the decoded text is scanned in windows of WINDOW_CHARS, and every window rescans the last OVERLAP_CHARS of
 * the one before. A span is reported by the first window in which it starts before the held-back tail, so a
 * value split across chunk edges is found exactly once. Returns the number of undecodable characters.
 */
export async function scanTextStream(
  source: AsyncIterable<Uint8Array>,
  opts: StreamScanOptions,
  handlers: StreamScanHandlers,
): Promise<{ replacementChars: number; chars: number }> {
  const decoder = iconv.getDecoder(opts.encoding, { stripBOM: false });
  const win = opts.window ?? { size: WINDOW_CHARS, overlap: OVERLAP_CHARS, context: CONTEXT_CHARS };
  const tracker = new PositionTracker(opts.csvDelimiter);
  let buf = "";
  let bufStart = 0; // absolute offset of buf[0]
  let reportedUpTo = 0; // spans starting before this were handled; redacted output is written up to here
  let replacementChars = 0;
  let skipBom = opts.bomLength;

  const process = async (final: boolean): Promise<void> => {
    const bufEnd = bufStart + buf.length;
    const safeLimit = final ? bufEnd : bufEnd - win.overlap;
    if (safeLimit <= reportedUpTo) return;
    const result = opts.engine.scan(buf);
    if (result.status !== "ok") handlers.onNeedsReview(result.reason ?? "detector did not finish");
    const taken: Span[] = [];
    let lastEnd = 0;
    let newReported = safeLimit;
    for (const s of [...result.spans].sort((a, b) => a.start - b.start)) {
      const absStart = bufStart + s.start;
      if (absStart < reportedUpTo || absStart >= safeLimit) continue;
      if (s.start < lastEnd) continue; // overlapping spans: keep the first
      tracker.advance(buf, bufStart, absStart);
      const lineOffset = tracker.lineStart >= bufStart ? absStart - tracker.lineStart : undefined;
      const keep = handlers.onSpan({
        ...s,
        absStart,
        value: buf.slice(s.start, s.end),
        line: tracker.line,
        lineOffset,
        ...(opts.csvDelimiter !== undefined ? { row: tracker.row, column: tracker.column } : {}),
      });
      if (keep !== false) taken.push(s);
      lastEnd = s.end;
      newReported = Math.max(newReported, bufStart + s.end);
    }
    if (opts.redact && handlers.onOutput) {
      const from = reportedUpTo - bufStart;
      const to = newReported - bufStart;
      const segment = buf.slice(from, to);
      const local = taken.map((s) => ({ ...s, start: s.start - from, end: s.end - from }));
      const manual = clipRanges(opts.redact.ranges, reportedUpTo, newReported);
      const redactOpts = { key: opts.redact.key, locale: opts.redact.locale };
      const out = manual.length
        ? redactWithRanges(opts.engine, segment, local, manual, opts.redact.policy, redactOpts)
        : local.length
          ? opts.engine.redact(segment, local, opts.redact.policy, redactOpts)
          : segment;
      await handlers.onOutput(out);
    }
    reportedUpTo = newReported;
    // Keep only what the next window needs: the held-back tail plus some context before it.
    const keepFrom = Math.max(bufStart, Math.min(reportedUpTo, safeLimit) - win.context);
    tracker.advance(buf, bufStart, keepFrom);
    buf = buf.slice(keepFrom - bufStart);
    bufStart = keepFrom;
  };

  for await (let chunk of source) {
    if (skipBom > 0) {
      const n = Math.min(skipBom, chunk.length);
      chunk = chunk.subarray(n);
      skipBom -= n;
    }
    const text = decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if (text.includes("\uFFFD")) replacementChars += countChar(text, "\uFFFD");
    buf += text;
    if (buf.length >= win.size) await process(false);
  }
  const tail = decoder.end();
  if (tail) {
    replacementChars += countChar(tail, "\uFFFD");
    buf += tail;
  }
  await process(true);
  return { replacementChars, chars: bufStart + buf.length };
}

/** The reviewer's ranges that fall in [from, to), relative to `from`, merged and sorted. */
export function clipRanges(ranges: TextRange[] | undefined, from: number, to: number): TextRange[] {
  if (!ranges?.length) return [];
  const clipped = ranges
    .map((r) => ({ start: Math.max(r.start, from) - from, end: Math.min(r.end, to) - from }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  return mergeRanges(clipped);
}

function mergeRanges(sorted: TextRange[]): TextRange[] {
  const out: TextRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

const MANUAL_LABEL: Record<LabelLocale, string> = { ko: "[삭제됨]", "zh-TW": "[已遮蔽]", en: "[REDACTED]" };

/**
 * What a hand-selected range becomes: every character but line breaks starred (mask), nothing (remove),
 * or one label. Line breaks stay so csv rows and line numbers keep their shape.
 */
export function manualReplacement(
  value: string,
  policy: RedactionPolicy,
  locale: LabelLocale = "ko",
): string {
  if (policy === "mask") return value.replace(/[^\r\n]/gu, "*");
  const breaks = value.replace(/[^\r\n]/g, "");
  return policy === "remove" ? breaks : MANUAL_LABEL[locale] + breaks;
}

/**
 * Redacts detector spans and reviewer ranges together. A span that overlaps a range is swallowed by it
 * (the range grows to cover the whole value), so no part of a value survives next to a range.
 */
export function redactWithRanges(
  engine: PiiEngine,
  text: string,
  spans: Span[],
  ranges: TextRange[],
  policy: RedactionPolicy,
  opts: { key?: Uint8Array | string; locale?: LabelLocale },
): string {
  let grown = ranges.map((r) => ({ ...r }));
  for (const s of spans) {
    for (const r of grown)
      if (s.start < r.end && s.end > r.start) {
        r.start = Math.min(r.start, s.start);
        r.end = Math.max(r.end, s.end);
      }
  }
  grown = mergeRanges(grown.sort((a, b) => a.start - b.start));
  const free = spans.filter((s) => !grown.some((r) => s.start < r.end && s.end > r.start));
  let out = "";
  let pos = 0;
  const piece = (start: number, end: number) => {
    const inside = free
      .filter((s) => s.start >= start && s.end <= end)
      .map((s) => ({ ...s, start: s.start - start, end: s.end - start }));
    const t = text.slice(start, end);
    return inside.length ? engine.redact(t, inside, policy, opts) : t;
  };
  for (const r of grown) {
    out += piece(pos, r.start);
    out += manualReplacement(text.slice(r.start, r.end), policy, opts.locale);
    pos = r.end;
  }
  return out + piece(pos, text.length);
}

function countChar(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
}

/** Splits a buffer into chunks so in-memory input goes through the same streaming path as files. */
export async function* chunksOf(buf: Uint8Array, size = 1 << 20): AsyncIterable<Uint8Array> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}
