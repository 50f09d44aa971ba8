// PII engine benchmark: throughput vs a single-pass regex baseline (same process, same text),
// scaling (10 MB vs 1 MB), and quality/speed side by side with the npm detectors users would
// pick instead (redact-pii, @openredaction/openredaction).
// Usage: node --import tsx bench/pii-throughput.ts [--quick] [--write]   (--write: bench/pii-results.md)
import { writeFileSync } from "node:fs";
import { countBaselineMatches, singlePassBaseline } from "@civicpims/core/pii/baseline";
import { buildCorpus, buildProse, type CorpusDoc } from "@civicpims/core/pii/corpus/build";
import { type Evaluation, evaluate, type Found } from "@civicpims/core/pii/evaluate";
import { scanText } from "@civicpims/core/pii/index";

const MB = 1_000_000; // bytes of UTF-8

/**
 * Corpus as ~64 KB "files". "mixed": each labelled document (identifiers, hard negatives) is
 * followed by an ordinary notice or minutes without identifiers, as in an agency's output.
 * "dense": labelled documents only (an identifier every ~100 bytes: a worst case).
 */
function corpusFiles(targetBytes: number, mixed: boolean): { files: string[]; gold: number } {
  const files: string[] = [];
  let total = 0;
  let gold = 0;
  let seed = 1;
  let cur: string[] = [];
  let curBytes = 0;
  const add = (t: string) => {
    const b = Buffer.byteLength(t) + 2;
    cur.push(t);
    curBytes += b;
    total += b;
    if (curBytes >= 64 * 1024) {
      files.push(cur.join("\n\n"));
      cur = [];
      curBytes = 0;
    }
  };
  while (total < targetBytes) {
    const docs = buildCorpus({ seed, documents: 120, hardNegatives: 40 });
    const prose = mixed ? buildProse(seed, docs.length) : [];
    seed++;
    docs.forEach((d, i) => {
      add(d.text);
      gold += d.gold.length;
      if (mixed) add(prose[i].text);
    });
  }
  if (cur.length) files.push(cur.join("\n\n"));
  return { files, gold };
}

/** Best-of-rounds MB/s of scanText and of the baseline, interleaved (same machine load for both). */
function measureRatio(files: string[], rounds: number) {
  const re = singlePassBaseline();
  const mb = bytesOf(files) / MB;
  let spans = 0;
  let needsReview = 0;
  let baseMatches = 0;
  let tOurs = Number.POSITIVE_INFINITY;
  let tBase = Number.POSITIVE_INFINITY;
  for (let round = 0; round < rounds; round++) {
    tOurs = Math.min(
      tOurs,
      time(() => {
        spans = 0;
        needsReview = 0;
        for (const f of files) {
          const r = scanText(f);
          spans += r.spans.length;
          if (r.status !== "ok") needsReview++;
        }
      }),
    );
    tBase = Math.min(
      tBase,
      time(() => {
        baseMatches = 0;
        for (const f of files) baseMatches += countBaselineMatches(re, f);
      }),
    );
  }
  const ours = mb / (tOurs / 1000);
  const base = mb / (tBase / 1000);
  return { mb, ours, base, ratio: ours / base, spans, needsReview, baseMatches };
}

function bytesOf(files: string[]): number {
  let b = 0;
  for (const f of files) b += Buffer.byteLength(f);
  return b;
}

/**
 * CPU milliseconds (user + system) this process spends in fn. CPU time, not wall time: on a
 * shared runner other processes stretch wall time at random, and every measurement here is
 * single-threaded and synchronous, so CPU time is the work done.
 */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function time(fn: () => void): number {
  const t0 = cpuMs();
  fn();
  return cpuMs() - t0;
}

/** Best of n timings, in ms. */
function best(n: number, fn: () => void): number {
  let b = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) b = Math.min(b, time(fn));
  return b;
}

function takeBytes(files: string[], bytes: number): string[] {
  const out: string[] = [];
  let b = 0;
  for (const f of files) {
    if (b >= bytes) break;
    out.push(f);
    b += Buffer.byteLength(f);
  }
  return out;
}

interface Peer {
  name: string;
  detect: (text: string) => Found[];
}

/** redact-pii only returns redacted text: recover spans by aligning it with the original. */
function spansFromRedaction(original: string, redacted: string, sentinel: string): Found[] {
  const segs = redacted.split(sentinel);
  const out: Found[] = [];
  let spanStart = segs[0].length;
  for (let i = 1; i < segs.length; i++) {
    const seg = segs[i];
    const last = i === segs.length - 1;
    if (seg === "" && !last) continue; // adjacent replacements merge into one span
    const j = last ? original.length - seg.length : original.indexOf(seg, spanStart + 1);
    if (j < spanStart) break;
    out.push({ start: spanStart, end: j, type: "PII" });
    spanStart = j + seg.length;
  }
  return out;
}

async function loadPeers(): Promise<{ peers: Peer[]; unavailable: string[] }> {
  const peers: Peer[] = [];
  const unavailable: string[] = [];
  try {
    type Ctor = new (o: { globalReplaceWith: string }) => { redact(t: string): string };
    const mod = (await import("redact-pii")) as { SyncRedactor?: Ctor; default?: { SyncRedactor?: Ctor } };
    const Sync = (mod.SyncRedactor ?? mod.default?.SyncRedactor)!;
    const SENT = "\u0001";
    const r = new Sync({ globalReplaceWith: SENT });
    peers.push({ name: "redact-pii", detect: (t) => spansFromRedaction(t, r.redact(t), SENT) });
  } catch (e) {
    unavailable.push(`redact-pii (${(e as Error).message.split("\n")[0]})`);
  }
  try {
    type Detection = { position: [number, number]; type: string };
    type Ctor = new () => { detect(t: string): { detections?: Detection[] } };
    const mod = (await import("@openredaction/openredaction")) as {
      OpenRedaction?: Ctor;
      default?: { OpenRedaction?: Ctor };
    };
    const OR = (mod.OpenRedaction ?? mod.default?.OpenRedaction)!;
    const o = new OR();
    peers.push({
      name: "@openredaction/openredaction",
      detect: (t) =>
        (o.detect(t).detections ?? []).map((d) => ({
          start: d.position[0],
          end: d.position[1],
          type: d.type,
        })),
    });
  } catch (e) {
    unavailable.push(`@openredaction/openredaction (${(e as Error).message.split("\n")[0]})`);
  }
  return { peers, unavailable };
}

/** MB/s of a detector over files (best of two runs, each stopping after capMs: peers can be slow). */
function throughput(
  files: string[],
  fn: (t: string) => unknown,
  capMs: number,
): { mbps: number; mb: number } {
  let bestMbps = 0;
  let mb = 0;
  for (let run = 0; run < 2; run++) {
    let bytes = 0;
    const t0 = cpuMs();
    for (const f of files) {
      fn(f);
      bytes += Buffer.byteLength(f);
      if (cpuMs() - t0 > capMs) break;
    }
    const mbps = bytes / MB / ((cpuMs() - t0) / 1000);
    if (mbps > bestMbps) {
      bestMbps = mbps;
      mb = bytes / MB;
    }
  }
  return { mbps: bestMbps, mb };
}

const f3 = (x: number) => x.toFixed(3);
const f1 = (x: number) => x.toFixed(1);

export async function run(opts: { quick: boolean }): Promise<Record<string, number | string>> {
  const quick = opts.quick;
  const res: Record<string, number | string> = {};
  const lines: string[] = [];
  const log = (s: string) => {
    lines.push(s);
    console.log(s);
  };

  // ---- throughput vs single-pass baseline
  const { files, gold } = corpusFiles(quick ? 5 * MB : 50 * MB, true);
  const totalMb = bytesOf(files) / MB;
  for (const f of takeBytes(files, 2 * MB)) scanText(f); // warm-up (JIT)
  const rounds = quick ? 3 : 3;
  const mixedR = measureRatio(files, rounds);
  const dense = corpusFiles(quick ? 2 * MB : 10 * MB, false);
  const denseR = measureRatio(dense.files, rounds);
  const oursMbps = mixedR.ours;
  const baseMbps = mixedR.base;
  Object.assign(res, {
    corpus_mb: Number(f1(totalMb)),
    files: files.length,
    gold_per_kb: Number((gold / (totalMb * 1000)).toFixed(2)),
    scan_mb_per_s: Number(f1(oursMbps)),
    baseline_mb_per_s: Number(f1(baseMbps)),
    throughput_ratio: Number(f3(mixedR.ratio)),
    dense_mb: Number(f1(denseR.mb)),
    dense_scan_mb_per_s: Number(f1(denseR.ours)),
    dense_baseline_mb_per_s: Number(f1(denseR.base)),
    dense_throughput_ratio: Number(f3(denseR.ratio)),
    spans: mixedR.spans,
    baseline_matches: mixedR.baseMatches,
    needs_review_files: mixedR.needsReview,
  });

  // ---- scaling: one 10 MB text vs one 1 MB text
  // Texts of 1 MB and 10 MB cut from the mixed corpus (cycled when the corpus is smaller).
  const joined = (bytes: number) => {
    const parts: string[] = [];
    let b = 0;
    for (let i = 0; b < bytes; i++) {
      const f = files[i % files.length];
      parts.push(f);
      b += Buffer.byteLength(f) + 1;
    }
    return parts.join("\n");
  };
  const oneMb = joined(1 * MB);
  const tenMb = joined(10 * MB);
  const scale = Buffer.byteLength(tenMb) / Buffer.byteLength(oneMb);
  const budget = { timeBudgetMs: 600_000 };
  let t1 = Number.POSITIVE_INFINITY;
  let t10 = Number.POSITIVE_INFINITY;
  // Warm-up on both sizes (JIT, heap growth), then interleaved best-of rounds: a load spike on
  // a shared runner must not decide the ratio.
  scanText(oneMb, budget);
  scanText(tenMb, budget);
  for (let round = 0; round < (quick ? 5 : 7); round++) {
    t1 = Math.min(
      t1,
      best(3, () => scanText(oneMb, budget)),
    );
    t10 = Math.min(
      t10,
      time(() => scanText(tenMb, budget)),
    );
  }
  Object.assign(res, {
    scaling_size_ratio: Number(f1(scale)),
    scaling_time_ratio: Number(f1(t10 / t1)),
    scan_1mb_ms: Number(f1(t1)),
    scan_10mb_ms: Number(f1(t10)),
  });

  // ---- quality on the labelled corpus, ours and peers
  const labelled: CorpusDoc[] = buildCorpus();
  const oursStrict = evaluate(labelled);
  const oursOverlap = evaluate(labelled, (t) => scanText(t).spans, "overlap");
  const { peers, unavailable } = await loadPeers();
  const speedSlice = takeBytes(files, quick ? 0.3 * MB : 3 * MB);
  const capMs = quick ? 2500 : 30_000;
  const rows: Array<[string, Evaluation, number, number]> = [];
  const ourSpeed = throughput(speedSlice, (t) => scanText(t), capMs);
  rows.push(["civicpims (this engine)", oursOverlap, ourSpeed.mbps, ourSpeed.mb]);
  for (const p of peers) {
    let e: Evaluation;
    try {
      e = evaluate(labelled, p.detect, "overlap");
      const sp = throughput(speedSlice, p.detect, capMs);
      rows.push([p.name, e, sp.mbps, sp.mb]);
      res[`${p.name}_f2`] = Number(f3(e.overall.f2));
      res[`${p.name}_mb_per_s`] = Number(f1(sp.mbps));
    } catch (err) {
      unavailable.push(`${p.name} (failed: ${(err as Error).message.split("\n")[0]})`);
    }
  }
  for (const u of unavailable) res[`unavailable:${u.split(" ")[0]}`] = "unavailable";
  Object.assign(res, {
    f2_overall: Number(f3(oursStrict.overall.f2)),
    precision_overall: Number(f3(oursStrict.overall.precision)),
    recall_overall: Number(f3(oursStrict.overall.recall)),
    hard_negative_precision: Number(f3(oursStrict.hardNegative.precision)),
  });

  // ---- report
  log(`## PII engine benchmark${quick ? " (quick)" : ""}`);
  log("");
  log(
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. MB = 10^6 bytes of UTF-8; MB/s per second of CPU time (best of interleaved rounds).`,
  );
  log("");
  log("| measure | value | target |");
  log("|---|---|---|");
  log(
    `| mixed corpus (ko / zh-TW / en, ${files.length} files, ${(gold / (totalMb * 1000)).toFixed(2)} identifiers per KB) | ${f1(totalMb)} MB | >= 50 MB |`,
  );
  log(`| scanText throughput | ${f1(oursMbps)} MB/s | |`);
  log(`| single-pass regex baseline (one alternation, no validation) | ${f1(baseMbps)} MB/s | |`);
  log(`| **throughput ratio** (scanText / baseline) | **${f3(mixedR.ratio)}** | >= 0.3 |`);
  log(
    `| dense corpus (identifier documents only, ${f1(denseR.mb)} MB): scanText / baseline | ${f1(denseR.ours)} / ${f1(denseR.base)} MB/s = ${f3(denseR.ratio)} | (worst case) |`,
  );
  log(
    `| scaling: 10 MB time / 1 MB time (size ratio ${f1(scale)}) | **${f1(t10 / t1)}** (${f1(t10)} / ${f1(t1)} ms) | <= 12 |`,
  );
  log(`| F2 overall, strict (exact span + type) | **${f3(oursStrict.overall.f2)}** | >= 0.95 |`);
  log(`| precision on hard-negative documents | **${f3(oursStrict.hardNegative.precision)}** | >= 0.97 |`);
  log("");
  log(
    `Quality per type on the labelled corpus (${oursStrict.docs} documents, ${oursStrict.goldSpans} gold spans, strict match):`,
  );
  log("");
  log("| type | TP | FP | FN | precision | recall | F1 | F2 |");
  log("|---|---|---|---|---|---|---|---|");
  for (const [t, m] of [
    ...Object.entries(oursStrict.perType),
    ["OVERALL", oursStrict.overall] as const,
    ["hard-negative docs", oursStrict.hardNegative] as const,
  ]) {
    log(
      `| ${t} | ${m.tp} | ${m.fp} | ${m.fn} | ${f3(m.precision)} | ${f3(m.recall)} | ${f3(m.f1)} | ${f3(m.f2)} |`,
    );
  }
  log("");
  log(
    "Side by side (same labelled corpus, type-agnostic overlap match since peers use other type names; speed on the same mixed text):",
  );
  log("");
  log("| detector | precision | recall | F2 | hard-neg precision | MB/s | MB timed |");
  log("|---|---|---|---|---|---|---|");
  for (const [name, e, mbps, mb] of rows) {
    log(
      `| ${name} | ${f3(e.overall.precision)} | ${f3(e.overall.recall)} | ${f3(e.overall.f2)} | ${f3(e.hardNegative.precision)} | ${f1(mbps)} | ${f1(mb)} |`,
    );
  }
  for (const u of unavailable) log(`| ${u} | unavailable | | | | | |`);
  log("");
  log("Recall per type, side by side (overlap match):");
  log("");
  const types = Object.keys(oursStrict.perType);
  log(`| type | ${rows.map((r) => r[0]).join(" | ")} |`);
  log(`|---|${rows.map(() => "---").join("|")}|`);
  for (const t of types) {
    log(`| ${t} | ${rows.map((r) => f3(r[1].perType[t]?.recall ?? 0)).join(" | ")} |`);
  }
  log("");
  log("Notes:");
  log(
    "- The labelled corpus is ours (core/src/pii/corpus): templates written together with the recognizers, so their figures show coverage of the listed cases; the hand-written one-off documents keep their misses (spaced passport numbers, phone numbers spelled in Hangul, numbered items that look like IPv4).",
  );
  log(
    "- Peers are scored type-agnostically (a finding counts if it overlaps a gold span) because their type names differ; redact-pii returns only redacted text, so its spans are recovered by aligning that text with the input (approximate).",
  );
  log(
    "- Baseline: one regular expression, the alternation of the engine's own raw patterns, counting matches without validation, context or overlap handling.",
  );
  if (process.argv.includes("--write")) {
    writeFileSync(new URL("./pii-results.md", import.meta.url), `${lines.join("\n")}\n`);
    console.log("\nwrote bench/pii-results.md");
  }
  return res;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await run({ quick: process.argv.includes("--quick") });
  console.log(JSON.stringify(out));
}
