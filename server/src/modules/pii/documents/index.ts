import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { open, readFile, rm, stat, writeFile } from "node:fs/promises";
import { oleReason, openZip, sniff } from "./detect-format";
import { processDocx } from "./docx";
import { defaultEngine } from "./engine";
import { FindingCollector } from "./findings";
import { processHwpx } from "./hwpx";
import { guessLocale } from "./redact-util";
import { processTextDocument } from "./text-document";
import { chunksOf } from "./text-stream";
import {
  DEFAULT_LIMITS,
  type DocumentFormat,
  DocumentInputError,
  type DocumentLimits,
  type DocumentOptions,
  type DocumentScanResult,
  ExpansionError,
  type LabelLocale,
  type PiiEngine,
  type RedactOptions,
} from "./types";

export * from "./types";

const HEAD_BYTES = 64 * 1024;

/** What a redaction was asked for. */
export interface RedactSpec {
  policy: NonNullable<RedactOptions["policy"]>;
  key?: Uint8Array | string;
  accept?: RedactOptions["accept"];
  regions?: RedactOptions["regions"];
  ranges?: RedactOptions["ranges"];
  locale?: LabelLocale;
}

function redactSpec(opts: RedactOptions): RedactSpec {
  return {
    policy: opts.policy ?? "mask",
    key: opts.key,
    accept: opts.accept,
    regions: opts.regions,
    ranges: opts.ranges,
    locale: opts.locale,
  };
}

/** The part whose text tells the document's language. */
const MAIN_PART: Record<string, RegExp> = {
  docx: /^word\/document\.xml$/,
  xlsx: /^xl\/sharedStrings\.xml$/,
  hwpx: /^Contents\/section0\.xml$/,
};

/** Everything a format handler needs; `redact` is set when an output file is wanted. */
export interface FormatContext {
  buf: Uint8Array;
  file: string;
  engine: PiiEngine;
  limits: DocumentLimits;
  collector: FindingCollector;
  redact?: RedactSpec;
}

export interface RedactResult {
  result: DocumentScanResult;
  /** The redacted file; absent when the input could not be processed (see result.status). */
  output?: Uint8Array;
}

async function setup(opts: DocumentOptions): Promise<{ engine: PiiEngine; limits: DocumentLimits }> {
  return { engine: opts.engine ?? (await defaultEngine()), limits: { ...DEFAULT_LIMITS, ...opts.limits } };
}

function failure(file: string, format: DocumentFormat, e: unknown): DocumentScanResult {
  if (e instanceof DocumentInputError) {
    const reason = e.status === "needs_review" ? `not scanned, needs manual review: ${e.message}` : e.message;
    const limitHit = e instanceof ExpansionError ? { limitHit: e.limit } : {};
    return { file, format, status: e.status, reason, findings: [], ...limitHit };
  }
  // Library errors say what broke, not what the file holds; still never report such a file as clean.
  const msg = e instanceof Error ? e.message.slice(0, 200) : String(e);
  return { file, format, status: "error", reason: `unreadable file: ${msg}`, findings: [] };
}

/** Handles the formats that are loaded whole (zip-based and pdf). */
async function processWhole(
  buf: Uint8Array,
  file: string,
  engine: PiiEngine,
  limits: DocumentLimits,
  redact: FormatContext["redact"],
): Promise<RedactResult> {
  const head = sniff(buf.subarray(0, HEAD_BYTES));
  let format: DocumentFormat = head.kind === "pdf" ? "pdf" : "unknown";
  try {
    if (head.kind === "ole") {
      const why = oleReason(buf);
      throw new DocumentInputError(why.status, why.message);
    }
    if (head.kind === "binary")
      throw new DocumentInputError("error", `unsupported file type: ${head.reason}`);
    if (buf.length > limits.maxInMemoryBytes) {
      throw new DocumentInputError(
        "error",
        `file is ${buf.length} bytes, over the limit of ${limits.maxInMemoryBytes}`,
      );
    }
    const collector = new FindingCollector(engine, limits, redact?.accept);
    const ctx: FormatContext = { buf, file, engine, limits, collector, redact };
    let r: RedactResult;
    // mupdf (WASM) and exceljs are large: load them only for the files that need them.
    if (head.kind === "pdf") r = await (await import("./pdf")).processPdf(ctx);
    else {
      const opened = openZip(buf, limits);
      format = opened.format;
      if (redact && !redact.locale) {
        const main = opened.zip.names().find((n) => MAIN_PART[format]?.test(n));
        const sample = main
          ? opened.zip
              .readText(main)
              .slice(0, 200_000)
              .replace(/<[^>]*>/g, "")
          : "";
        ctx.redact = { ...redact, locale: guessLocale(sample) };
      }
      if (format === "xlsx") r = await (await import("./xlsx")).processXlsx(ctx, opened.zip);
      else if (format === "docx") r = await processDocx(ctx, opened.zip);
      else r = await processHwpx(ctx, opened.zip);
    }
    if (redact && r.output) await verifyRedacted(r, file, engine, limits, collector.rejected);
    return r;
  } catch (e) {
    return { result: failure(file, format, e) };
  }
}

/**
 * Scans the redacted output again. Anything still found (a value in a part the redactor does not know)
 * turns the result into "needs review", so a redaction is never reported as complete when it is not.
 */
async function verifyRedacted(
  r: RedactResult,
  file: string,
  engine: PiiEngine,
  limits: DocumentLimits,
  rejected: FindingCollector["rejected"],
) {
  const check = await processWhole(r.output as Uint8Array, file, engine, limits, undefined);
  applyCheck(r.result, check.result, rejected);
}

/** Compares the scan of a redacted output with what was meant to stay (rejected findings). */
function applyCheck(
  result: DocumentScanResult,
  check: DocumentScanResult,
  rejected: FindingCollector["rejected"],
) {
  // Values a reviewer rejected (false positives) are expected to still be there, once each.
  const expected = new Map<string, number>();
  for (const f of rejected)
    expected.set(`${f.type} ${f.preview}`, (expected.get(`${f.type} ${f.preview}`) ?? 0) + 1);
  let left =
    check.status === "error" ? 1 : (check.findingCount ?? check.findings.length) - check.findings.length;
  for (const f of check.findings) {
    const k = `${f.type} ${f.preview}`;
    const n = expected.get(k) ?? 0;
    if (n > 0) expected.set(k, n - 1);
    else left++;
  }
  if (left === 0 && check.status === "needs_review" && result.status === "ok") {
    // The output could not be fully re-checked (time budget...): do not vouch for it.
    result.status = "needs_review";
    result.reason = `needs manual review: the re-check of the output did not finish (${check.reason ?? ""})`;
    return;
  }
  if (left > 0) {
    const why =
      check.status === "error"
        ? "redacted output could not be read back"
        : `${left} findings remain after redaction`;
    result.status = "needs_review";
    result.reason = result.reason ? `${result.reason}; ${why}` : `needs manual review: ${why}`;
  }
}

/** Scans a file on disk. txt and csv are streamed; other formats are read whole within the in-memory cap. */
export async function scanFile(path: string, opts: DocumentOptions = {}): Promise<DocumentScanResult> {
  const { engine, limits } = await setup(opts);
  const file = opts.name ?? path;
  try {
    const size = (await stat(path)).size;
    if (size > limits.maxBytes) {
      return {
        file,
        format: "unknown",
        status: "error",
        reason: `file is ${size} bytes, over the limit`,
        findings: [],
      };
    }
    const head = await readHead(path);
    if (sniff(head).kind === "text") {
      const { result } = await processTextDocument(
        {
          file,
          name: opts.name ?? path,
          head,
          complete: size <= head.length,
          open: () => createReadStream(path),
        },
        engine,
        limits,
      );
      return result;
    }
    if (size > limits.maxInMemoryBytes) {
      return {
        file,
        format: "unknown",
        status: "error",
        reason: `file is ${size} bytes, over the limit`,
        findings: [],
      };
    }
    return (await processWhole(await readFile(path), file, engine, limits, undefined)).result;
  } catch (e) {
    return failure(file, "unknown", e);
  }
}

/** Scans an in-memory file (an upload). `name` is only a hint for csv versus txt. */
export async function scanBuffer(
  buf: Uint8Array,
  name: string,
  opts: DocumentOptions = {},
): Promise<DocumentScanResult> {
  return (await redactOrScanBuffer(buf, name, opts, undefined)).result;
}

/** Redacts an in-memory file; the result lists what was redacted. */
export async function redactBuffer(
  buf: Uint8Array,
  name: string,
  opts: RedactOptions = {},
): Promise<RedactResult> {
  return redactOrScanBuffer(buf, name, opts, redactSpec(opts));
}

async function redactOrScanBuffer(
  buf: Uint8Array,
  name: string,
  opts: DocumentOptions,
  redact: FormatContext["redact"],
): Promise<RedactResult> {
  const { engine, limits } = await setup(opts);
  const file = opts.name ?? name;
  if (buf.length > limits.maxBytes) {
    return {
      result: { file, format: "unknown", status: "error", reason: "file over the size limit", findings: [] },
    };
  }
  if (sniff(buf.subarray(0, HEAD_BYTES)).kind !== "text")
    return processWhole(buf, file, engine, limits, redact);
  const parts: Uint8Array[] = [];
  try {
    const { result, rejected } = await processTextDocument(
      {
        file,
        name,
        head: buf.subarray(0, HEAD_BYTES),
        complete: buf.length <= HEAD_BYTES,
        open: () => chunksOf(buf),
      },
      engine,
      limits,
      redact ? { ...redact, write: (b) => void parts.push(b) } : undefined,
    );
    if (!redact || result.encoding === undefined || result.status === "error") return { result };
    const output = Buffer.concat(parts);
    const check = await redactOrScanBuffer(output, name, opts, undefined);
    applyCheck(result, check.result, rejected);
    return { result, output };
  } catch (e) {
    return { result: failure(file, "txt", e) };
  }
}

/**
 * Redacts a file on disk into `outPath`. txt and csv stream to the output; the output is only written
 * when the input could be processed (status ok or needs_review, the latter telling a reviewer to look).
 */
export async function redactFile(
  inPath: string,
  outPath: string,
  opts: RedactOptions = {},
): Promise<RedactResult> {
  const { engine, limits } = await setup(opts);
  const file = opts.name ?? inPath;
  const redact = redactSpec(opts);
  try {
    const size = (await stat(inPath)).size;
    if (size > limits.maxBytes) {
      return {
        result: {
          file,
          format: "unknown",
          status: "error",
          reason: "file over the size limit",
          findings: [],
        },
      };
    }
    const head = await readHead(inPath);
    if (sniff(head).kind === "text") {
      const out = createWriteStream(outPath);
      const write = async (b: Uint8Array) => {
        if (!out.write(b)) await once(out, "drain");
      };
      let done: Awaited<ReturnType<typeof processTextDocument>>;
      try {
        done = await processTextDocument(
          { file, name: inPath, head, complete: size <= head.length, open: () => createReadStream(inPath) },
          engine,
          limits,
          { ...redact, write },
        );
      } finally {
        out.end();
        await once(out, "finish");
      }
      const { result, rejected } = done;
      // No encoding found: nothing was written, so leave no empty file that looks like a redacted copy.
      if (result.encoding === undefined) await rm(outPath, { force: true });
      else applyCheck(result, await scanFile(outPath, { engine, limits, name: inPath }), rejected);
      return { result };
    }
    if (size > limits.maxInMemoryBytes) {
      return {
        result: {
          file,
          format: "unknown",
          status: "error",
          reason: "file over the size limit",
          findings: [],
        },
      };
    }
    const r = await processWhole(await readFile(inPath), file, engine, limits, redact);
    if (r.output) await writeFile(outPath, r.output);
    return r;
  } catch (e) {
    await rm(outPath, { force: true }).catch(() => undefined);
    return { result: failure(file, "unknown", e) };
  }
}

async function readHead(path: string): Promise<Uint8Array> {
  const fh = await open(path, "r");
  try {
    const b = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(b, 0, HEAD_BYTES, 0);
    return b.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}
