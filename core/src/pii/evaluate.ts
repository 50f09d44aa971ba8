// Precision / recall / F1 / F2 on a labelled corpus, per type and overall.
import type { CorpusDoc } from "./corpus/build";
import { scanText } from "./scan";

export interface Found {
  start: number;
  end: number;
  type: string;
}

export interface Metrics {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  f2: number;
}

export interface Evaluation {
  perType: Record<string, Metrics>;
  overall: Metrics;
  /** Precision on the hard-negative documents only. */
  hardNegative: Metrics;
  docs: number;
  goldSpans: number;
}

/** "strict": same start, end and type. "overlap": type-agnostic, any overlap (for peers with other type names). */
export type MatchMode = "strict" | "overlap";

function fbeta(p: number, r: number, beta: number): number {
  const b2 = beta * beta;
  return p + r === 0 ? 0 : ((1 + b2) * p * r) / (b2 * p + r);
}

export function metrics(tp: number, fp: number, fn: number): Metrics {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { tp, fp, fn, precision, recall, f1: fbeta(precision, recall, 1), f2: fbeta(precision, recall, 2) };
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

function bump(map: Map<string, Counts>, key: string, field: keyof Counts): void {
  let c = map.get(key);
  if (!c) {
    c = { tp: 0, fp: 0, fn: 0 };
    map.set(key, c);
  }
  c[field]++;
}

const overlaps = (a: Found, b: Found) => a.start < b.end && b.start < a.end;

/** Evaluates a detector (default: scanText at the default threshold) on the corpus. */
export function evaluate(
  docs: readonly CorpusDoc[],
  detect: (text: string) => Found[] = (t) => scanText(t).spans,
  mode: MatchMode = "strict",
): Evaluation {
  const byType = new Map<string, Counts>();
  const all: Counts = { tp: 0, fp: 0, fn: 0 };
  const hard: Counts = { tp: 0, fp: 0, fn: 0 };
  let goldSpans = 0;
  for (const doc of docs) {
    const found = detect(doc.text);
    goldSpans += doc.gold.length;
    const sink = doc.hardNegative ? [all, hard] : [all];
    if (mode === "strict") {
      const key = (s: Found) => `${s.start}:${s.end}:${s.type}`;
      const goldKeys = new Set(doc.gold.map(key));
      const foundKeys = new Set(found.map(key));
      for (const f of found) {
        const hit = goldKeys.has(key(f));
        bump(byType, f.type, hit ? "tp" : "fp");
        for (const c of sink) c[hit ? "tp" : "fp"]++;
      }
      for (const g of doc.gold) {
        if (foundKeys.has(key(g))) continue;
        bump(byType, g.type, "fn");
        for (const c of sink) c.fn++;
      }
    } else {
      for (const f of found) {
        const hit = doc.gold.some((g) => overlaps(f, g));
        for (const c of sink) c[hit ? "tp" : "fp"]++;
      }
      for (const g of doc.gold) {
        const hit = found.some((f) => overlaps(f, g));
        bump(byType, g.type, hit ? "tp" : "fn");
        if (!hit) for (const c of sink) c.fn++;
      }
    }
  }
  const perType: Record<string, Metrics> = {};
  for (const [t, c] of [...byType.entries()].sort()) perType[t] = metrics(c.tp, c.fp, c.fn);
  return {
    perType,
    overall: metrics(all.tp, all.fp, all.fn),
    hardNegative: metrics(hard.tp, hard.fp, hard.fn),
    docs: docs.length,
    goldSpans,
  };
}

const f3 = (x: number) => x.toFixed(3);

/** Plain-text table of an evaluation. */
export function formatEvaluation(e: Evaluation): string {
  const rows = [["type", "TP", "FP", "FN", "precision", "recall", "F1", "F2"]];
  const row = (name: string, m: Metrics) =>
    rows.push([
      name,
      String(m.tp),
      String(m.fp),
      String(m.fn),
      f3(m.precision),
      f3(m.recall),
      f3(m.f1),
      f3(m.f2),
    ]);
  for (const [t, m] of Object.entries(e.perType)) row(t, m);
  row("OVERALL", e.overall);
  row("hard-negative docs", e.hardNegative);
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(w[i]) : c.padStart(w[i]))).join("  "))
    .join("\n");
}
