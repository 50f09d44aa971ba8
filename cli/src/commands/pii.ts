// `civicpims pii`: scan documents for personal identifiers, redact them, drive the detector line by line
// (--jsonl) and run the throughput benchmark.
// Exit codes: 0 done, 1 something found / needs review / unreadable (with --fail-on-find, or a failed
// redaction), 2 usage error. Heavy modules (mupdf, exceljs) load only when a command needs them.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Command, CommanderError } from "commander";

type DocumentScanResult = import("@civicpims/server/modules/pii/documents/index").DocumentScanResult;
type FindingLocation = import("@civicpims/server/modules/pii/documents/index").FindingLocation;

const POLICIES = ["mask", "remove", "label", "pseudonym"] as const;
type Policy = (typeof POLICIES)[number];

class UsageError extends Error {}

/** Where the command writes; tests may swap these. */
export const piiIo = {
  stdin: (): NodeJS.ReadableStream => process.stdin,
  out: (s: string): boolean => process.stdout.write(s),
  err: (s: string): void => {
    process.stderr.write(s);
  },
};

/** --max-mb: one cap for any input (streamed txt/csv) and for inputs loaded whole (pdf, docx, xlsx, hwpx). */
function limitsFrom(maxMb?: string) {
  if (maxMb === undefined) return undefined;
  const mb = Number(maxMb);
  if (!Number.isFinite(mb) || mb <= 0) throw new UsageError("--max-mb must be a positive number");
  const bytes = Math.floor(mb * 1024 * 1024);
  return { maxBytes: bytes, maxInMemoryBytes: bytes };
}

function documents() {
  return import("@civicpims/server/modules/pii/documents/index");
}

function formatLocation(l: FindingLocation): string {
  const parts: string[] = [];
  if (l.part) parts.push(l.part);
  if (l.sheet !== undefined) parts.push(`${l.sheet}!R${l.row}C${l.column}`);
  else if (l.row !== undefined) parts.push(`row ${l.row} col ${l.column}`);
  if (l.page !== undefined) parts.push(`page ${l.page}`);
  if (l.box) parts.push(`[${l.box.map((n) => n.toFixed(0)).join(",")}]`);
  if (l.section !== undefined) parts.push(`section ${l.section}`);
  if (l.paragraph !== undefined) parts.push(`paragraph ${l.paragraph}`);
  if (l.line !== undefined && l.row === undefined) parts.push(`line ${l.line}`);
  if (l.offset !== undefined && l.box === undefined) parts.push(`offset ${l.offset}`);
  return parts.join(" ");
}

function table(results: DocumentScanResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const count = r.findingCount ?? r.findings.length;
    lines.push(
      `${r.file}  [${r.format}${r.encoding ? `, ${r.encoding}` : ""}]  ${r.status}  ${count} finding(s)`,
    );
    if (r.reason) lines.push(`  ! ${r.reason}`);
    const rows = r.findings.map((f) => [f.type, f.score.toFixed(2), f.preview, formatLocation(f.location)]);
    const widths = [0, 1, 2].map((i) => Math.max(0, ...rows.map((row) => row[i].length)));
    for (const row of rows)
      lines.push(`  ${row.map((c, i) => (i < 3 ? c.padEnd(widths[i]) : c)).join("  ")}`);
    if (r.truncated) lines.push(`  ... ${count - r.findings.length} more not listed`);
  }
  return lines.join("\n") + "\n";
}

async function write(s: string): Promise<void> {
  if (!piiIo.out(s)) await new Promise<void>((r) => process.stdout.once("drain", () => r()));
}

type ScanFn = typeof import("@civicpims/core/pii/index").scanText;

/**
 * Machine mode: one JSON object per stdin line, one answer per line, in order. A bad line gets an
 * error answer and the stream goes on, so a driver can match answers to inputs by position. A
 * line the detector could not finish (a recognizer threw, the time budget ran out) answers
 * status "needs_review"; when a recognizer or the scan itself failed it also carries "error".
 * `scan` is swappable for tests.
 */
export async function runJsonl(
  input: NodeJS.ReadableStream,
  failOnFind: boolean,
  scan?: ScanFn,
): Promise<number> {
  const scanText = scan ?? (await import("@civicpims/core/pii/index")).scanText;
  let found = false;
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of rl) {
    let answer: Record<string, unknown>;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    const obj =
      parsed && typeof parsed === "object" && !Array.isArray(parsed)
        ? (parsed as Record<string, unknown>)
        : null;
    if (!obj) answer = { id: null, error: "line is not a JSON object" };
    else if (typeof obj.text !== "string")
      answer = { id: obj.id ?? null, error: 'missing string field "text"' };
    else {
      try {
        const r = scanText(obj.text);
        answer = {
          id: obj.id ?? null,
          spans: r.spans.map((s) => ({ start: s.start, end: s.end, type: s.type, score: s.score })),
        };
        // Fail closed: a scan that could not finish says so; the caller must not read it as clean.
        if (r.status !== "ok") Object.assign(answer, { status: r.status, reason: r.reason });
        if (r.failedRecognizers) {
          Object.assign(answer, {
            error: `recognizer failed: ${r.failedRecognizers.join(", ")}; scan incomplete`,
            failedRecognizers: r.failedRecognizers,
          });
        }
        if (r.spans.length || r.status !== "ok") found = true;
      } catch (e) {
        // scanText is built not to throw; should it anyway, this line alone fails (no spans, so it
        // cannot pass for clean) and the stream goes on. The class only: a message may quote the text.
        const kind = e instanceof Error ? e.name : typeof e;
        answer = { id: obj.id ?? null, status: "needs_review", error: `scan failed (${kind})` };
        found = true;
      }
    }
    await write(JSON.stringify(answer) + "\n");
  }
  return failOnFind && found ? 1 : 0;
}

export async function runScan(
  files: string[],
  opts: { format?: string; failOnFind?: boolean; jsonl?: boolean; maxMb?: string },
) {
  if (opts.jsonl) {
    if (files.length) throw new UsageError("--jsonl reads stdin; do not give files");
    return runJsonl(piiIo.stdin(), !!opts.failOnFind);
  }
  if (!files.length) throw new UsageError("give at least one FILE (or --jsonl to read stdin)");
  const format = opts.format ?? "table";
  if (format !== "table" && format !== "json") throw new UsageError("--format must be table or json");
  const limits = limitsFrom(opts.maxMb);
  const { scanFile } = await documents();
  const results: DocumentScanResult[] = [];
  for (const f of files) {
    if (!existsSync(f)) {
      results.push({ file: f, format: "unknown", status: "error", reason: "file not found", findings: [] });
      continue;
    }
    results.push(await scanFile(f, { limits }));
  }
  await write(format === "json" ? JSON.stringify(results, null, 2) + "\n" : table(results));
  const anything = results.some((r) => r.status !== "ok" || r.findings.length > 0);
  if (results.some((r) => r.status === "error")) return 1;
  return opts.failOnFind && anything ? 1 : 0;
}

async function pseudonymKey(keyFile?: string): Promise<string | undefined> {
  if (keyFile) {
    try {
      return (await readFile(keyFile, "utf8")).replace(/\r?\n$/, "");
    } catch {
      throw new UsageError(`cannot read --key-file ${keyFile}`);
    }
  }
  return process.env.CIVICPIMS_PII_KEY || undefined;
}

export async function runRedact(
  input: string,
  opts: { out?: string; policy?: string; keyFile?: string; maxMb?: string; locale?: string },
) {
  if (!opts.out) throw new UsageError("--out OUT is required");
  if (resolve(opts.out) === resolve(input)) throw new UsageError("--out must differ from the input file");
  const policy = (opts.policy ?? "mask") as Policy;
  if (!POLICIES.includes(policy)) throw new UsageError(`--policy must be one of ${POLICIES.join(", ")}`);
  const key = await pseudonymKey(opts.keyFile);
  if (policy === "pseudonym" && !key) {
    throw new UsageError("--policy pseudonym needs a key: set CIVICPIMS_PII_KEY or give --key-file");
  }
  if (!existsSync(input)) throw new UsageError(`file not found: ${input}`);
  const limits = limitsFrom(opts.maxMb);
  const locale = opts.locale as "ko" | "zh-TW" | "en" | undefined;
  if (locale !== undefined && !["ko", "zh-TW", "en"].includes(locale)) {
    throw new UsageError("--locale must be ko, zh-TW or en");
  }
  const { redactFile } = await documents();
  const { result } = await redactFile(input, opts.out, { policy, key, limits, locale });
  const count = result.findingCount ?? result.findings.length;
  if (result.status === "error") {
    piiIo.err(`civicpims pii redact: ${input}: ${result.reason}\n`);
    return 1;
  }
  piiIo.out(`${opts.out}: ${count} value(s) redacted (${result.format}, policy ${policy})\n`);
  if (result.status === "needs_review") {
    piiIo.err(`civicpims pii redact: ${result.reason}\n`);
    return 1;
  }
  return 0;
}

export async function runBench(opts: { quick?: boolean; stream?: boolean }): Promise<number> {
  const file = opts.stream ? "pii-stream.ts" : "pii-throughput.ts";
  const path = fileURLToPath(new URL(`../../../bench/${file}`, import.meta.url));
  if (!existsSync(path)) {
    piiIo.err(`civicpims pii bench: bench/${file} is not there yet; nothing to run\n`);
    return 1;
  }
  const mod = (await import(pathToFileURL(path).href)) as {
    run?: (o: { quick: boolean }) => Promise<Record<string, number | string>>;
  };
  if (typeof mod.run !== "function") {
    piiIo.err(`civicpims pii bench: bench/${file} does not export run()\n`);
    return 1;
  }
  const out = await mod.run({ quick: !!opts.quick });
  const width = Math.max(...Object.keys(out).map((k) => k.length));
  await write(
    Object.entries(out)
      .map(([k, v]) => `${k.padEnd(width)}  ${v}`)
      .join("\n") + "\n",
  );
  return 0;
}

function act<A extends unknown[]>(name: string, fn: (...args: A) => Promise<number>) {
  return async (...args: A) => {
    try {
      process.exitCode = await fn(...args);
    } catch (e) {
      if (e instanceof UsageError) {
        piiIo.err(`civicpims pii ${name}: ${e.message}\n`);
        process.exitCode = 2;
        return;
      }
      piiIo.err(`civicpims pii ${name}: unexpected error: ${(e as Error).message}\n`);
      process.exitCode = 1;
    }
  };
}

export function register(program: Command): void {
  const pii = program
    .command("pii")
    .description("find and redact personal identifiers (KR/TW) in documents")
    // Commander's own usage errors (unknown option, missing argument) exit 2 like ours.
    .exitOverride((err: CommanderError) => {
      process.exit(err.exitCode === 0 ? 0 : 2);
    });
  pii
    .command("scan")
    .description("scan txt, csv, xlsx, docx, pdf, hwpx files; or with --jsonl, JSON lines on stdin")
    .argument("[files...]", "files to scan")
    .option("--format <format>", "table or json", "table")
    .option("--fail-on-find", "exit 1 when anything is found or a file needs review")
    .option("--jsonl", 'read {"id","text"} lines on stdin, write {"id","spans"} lines')
    .option(
      "--max-mb <n>",
      "refuse files larger than this (default: 2048 for txt/csv, 100 for other formats)",
    )
    .action(act("scan", (files: string[], opts: Parameters<typeof runScan>[1]) => runScan(files, opts)));
  pii
    .command("redact")
    .description(
      "write a redacted copy (PDF: burnt-in black boxes whatever the policy, metadata and forms stripped)",
    )
    .argument("<in>", "input file")
    .option("--out <file>", "output file")
    .option(
      "--policy <policy>",
      "mask, remove, label or pseudonym (pseudonym key: CIVICPIMS_PII_KEY or --key-file)",
      "mask",
    )
    .option("--key-file <file>", "file holding the pseudonym key")
    .option("--locale <locale>", "language of labels: ko, zh-TW or en (default: from the document)")
    .option("--max-mb <n>", "refuse files larger than this")
    .action(act("redact", (input: string, opts: Parameters<typeof runRedact>[1]) => runRedact(input, opts)));
  pii
    .command("bench")
    .description("detector throughput against a plain regular expression and the npm peers")
    .option("--quick", "short run")
    .option("--stream", "instead: memory of a streamed csv scan (500 MB, or 50 MB with --quick)")
    .action(act("bench", (opts: { quick?: boolean; stream?: boolean }) => runBench(opts)));
}
