// Streaming scan of a large csv: resident memory must stay flat as the file grows (target: a 500 MB csv
// under 300 MB RSS). Generates the file in the temp directory, scans it with the real detector through
// the document layer, and compares with a baseline in the same process: reading and decoding the same
// file without scanning. Run: node --import tsx bench/pii-stream.ts [--quick]   (quick: 50 MB)

import { once } from "node:events";
import { createReadStream, createWriteStream, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import iconv from "iconv-lite";
import { scanFile } from "../server/src/modules/pii/documents/index";

const MB = 1024 * 1024;

/** csv rows: most are ordinary (dates, amounts, document numbers), one in 40 holds a valid RRN or phone. */
function rows(start: number, count: number): string {
  const out: string[] = [];
  const rrns = ["960121-1021413", "050912-2000019"];
  for (let i = start; i < start + count; i++) {
    const pii = i % 40 === 0 ? rrns[(i / 40) % 2] : i % 40 === 20 ? "010-1234-5678" : "";
    out.push(
      `${i},민원-${2023 + (i % 3)}-${String(i % 100000).padStart(5, "0")},홍길동${i % 97},${pii},` +
        `2024-0${1 + (i % 9)}-1${i % 10},${(i * 7919) % 1000000}원,"제${2023}-${i % 10000}호 처리 완료, 비고 없음"`,
    );
  }
  return out.join("\n") + "\n";
}

async function generate(path: string, bytes: number): Promise<void> {
  const out = createWriteStream(path);
  out.write("번호,접수번호,성명,주민등록번호,접수일,금액,비고\n");
  let written = 0;
  let row = 1;
  while (written < bytes) {
    const block = rows(row, 20_000);
    row += 20_000;
    written += Buffer.byteLength(block);
    if (!out.write(block)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

/** Peak RSS while `fn` runs, sampled every 50 ms. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ value: T; peakMb: number; seconds: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  const value = await fn();
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return { value, peakMb: peak / MB, seconds };
}

async function readOnly(path: string): Promise<number> {
  const dec = iconv.getDecoder("utf8");
  let chars = 0;
  for await (const chunk of createReadStream(path)) chars += dec.write(chunk as Buffer).length;
  return chars;
}

export async function run(opts: { quick: boolean }): Promise<Record<string, number | string>> {
  const sizeMb = opts.quick ? 50 : 500;
  const small = join(tmpdir(), `pii-stream-small-${process.pid}.csv`);
  const big = join(tmpdir(), `pii-stream-big-${process.pid}.csv`);
  try {
    await generate(small, sizeMb * MB * 0.1);
    await generate(big, sizeMb * MB);
    const bigMb = statSync(big).size / MB;
    const startRssMb = process.memoryUsage().rss / MB;
    const base = await withPeakRss(() => readOnly(big));
    const smallScan = await withPeakRss(() => scanFile(small));
    const bigScan = await withPeakRss(() => scanFile(big));
    const r = bigScan.value;
    return {
      file_mb: Number(bigMb.toFixed(1)),
      status: r.status,
      findings: r.findingCount ?? r.findings.length,
      scan_mb_per_s: Number((bigMb / bigScan.seconds).toFixed(1)),
      baseline_read_mb_per_s: Number((bigMb / base.seconds).toFixed(1)),
      ratio_scan_to_read: Number((base.seconds / bigScan.seconds).toFixed(3)),
      rss_mb_before_scan: Math.round(startRssMb),
      peak_rss_mb_at_10pct_size: Math.round(smallScan.peakMb),
      peak_rss_mb: Math.round(bigScan.peakMb),
      rss_growth_ratio_10x_size: Number((bigScan.peakMb / smallScan.peakMb).toFixed(2)),
      target_rss_under_300mb: bigScan.peakMb < 300 ? "pass" : "FAIL",
    };
  } finally {
    rmSync(small, { force: true });
    rmSync(big, { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const out = await run({ quick: process.argv.includes("--quick") });
  const w = Math.max(...Object.keys(out).map((k) => k.length));
  for (const [k, v] of Object.entries(out)) console.log(`${k.padEnd(w)}  ${v}`);
}
