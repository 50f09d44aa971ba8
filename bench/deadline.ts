// Due-date computations per second (target >= 100,000/s), with a ratio against a plain loop that
// walks the same days with Date increments and Set lookups but no engine (no rules, no explanation).
// Usage: node --import tsx bench/deadline.ts [--quick]
import { type ComputeDeadlineInput, computeDeadline, holidaysBetween } from "@civicpims/core/calendar/index";

const TARGET = 100_000;

function makeCases(n: number): ComputeDeadlineInput[] {
  // Deterministic pseudo-random mix of kinds and receipt times over 2025-2026.
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const kinds: Array<Pick<ComputeDeadlineInput, "jurisdiction" | "kind" | "days" | "hours">> = [
    { jurisdiction: "KR", kind: "pipa_access" },
    { jurisdiction: "KR", kind: "pipa_correction" },
    { jurisdiction: "KR", kind: "foi" },
    { jurisdiction: "KR", kind: "minwon", days: 7 },
    { jurisdiction: "KR", kind: "minwon", hours: 3 },
    { jurisdiction: "TW", kind: "tw_pdpa_access" },
    { jurisdiction: "TW", kind: "tw_pdpa_correction" },
    { jurisdiction: "TW", kind: "tw_foi" },
  ];
  const start = Date.parse("2025-01-01T00:00:00Z");
  const span = 700 * 86_400_000;
  const out: ComputeDeadlineInput[] = [];
  for (let i = 0; i < n; i++) {
    const k = kinds[Math.floor(rnd() * kinds.length)];
    out.push({ ...k, received: new Date(start + Math.floor(rnd() * span)) });
  }
  return out;
}

function timeLoop(fn: (i: number) => void, n: number, minMs: number): { perSec: number; ops: number } {
  let ops = 0;
  const t0 = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < n; i++) fn(i);
    ops += n;
    elapsed = performance.now() - t0;
  } while (elapsed < minMs);
  return { perSec: (ops / elapsed) * 1000, ops };
}

export async function run(opts: { quick: boolean }): Promise<Record<string, number | string>> {
  const n = 2000;
  const minMs = opts.quick ? 800 : 4000;
  const cases = makeCases(n);

  // Days each case walks (receipt to due), so the baseline visits exactly the same days.
  const spans = cases.map((c) => {
    const r = computeDeadline(c);
    return Math.max(1, Math.ceil((r.dueMs - (c.received as Date).getTime()) / 86_400_000));
  });
  const holidaySet = new Set<string>();
  for (const j of ["KR", "TW"])
    for (const h of holidaysBetween("2025-01-01", "2027-12-31", { jurisdiction: j }))
      holidaySet.add(j + h.date);

  // Warm-up (JIT, holiday caches).
  timeLoop((i) => computeDeadline(cases[i]), n, 200);

  let sink = 0;
  const engineFn = (i: number) => {
    sink += computeDeadline(cases[i]).dueMs & 1;
  };
  const baselineFn = (i: number) => {
    const c = cases[i];
    const d = new Date((c.received as Date).getTime());
    let hits = 0;
    for (let k = 0; k < spans[i]; k++) {
      d.setUTCDate(d.getUTCDate() + 1);
      const wd = d.getUTCDay();
      if (wd === 0 || wd === 6 || holidaySet.has(c.jurisdiction + d.toISOString().slice(0, 10))) hits++;
    }
    sink += hits & 1;
  };
  // Interleaved rounds, median of each: both loops see the same machine noise.
  const rounds = 5;
  const engineRates: number[] = [];
  const baselineRates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    engineRates.push(timeLoop(engineFn, n, minMs / rounds).perSec);
    baselineRates.push(timeLoop(baselineFn, n, minMs / rounds).perSec);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const engine = { perSec: median(engineRates) };
  const baseline = { perSec: median(baselineRates) };

  // With a pause and an extension (the case engine's usual call).
  const withExtras = cases.map((c) => ({
    ...c,
    extended: c.kind === "pipa_access" || c.kind === "pipa_correction" ? undefined : true,
    pauses: [
      {
        from: new Date((c.received as Date).getTime() + 86_400_000),
        to: new Date((c.received as Date).getTime() + 3 * 86_400_000),
      },
    ],
  }));
  const extras = timeLoop(
    (i) => {
      sink += computeDeadline(withExtras[i]).dueMs & 1;
    },
    n,
    minMs,
  );

  const ratio = engine.perSec / baseline.perSec;
  return {
    dueDatesPerSec: Math.round(engine.perSec),
    plainLoopPerSec: Math.round(baseline.perSec),
    ratioVsPlainLoop: Math.round(ratio * 1000) / 1000,
    withPauseAndExtensionPerSec: Math.round(extras.perSec),
    meanDaysWalked: Math.round((spans.reduce((a, b) => a + b, 0) / spans.length) * 10) / 10,
    target: TARGET,
    meetsTarget: engine.perSec >= TARGET ? "yes" : "no",
    checksum: sink & 1,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes("--quick");
  const r = await run({ quick });
  console.log(JSON.stringify(r, null, 2));
}
