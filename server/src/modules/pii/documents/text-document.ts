import iconv from "iconv-lite";
import { textKind } from "./detect-format";
import { guessEncoding } from "./encoding";
import { FindingCollector } from "./findings";
import { guessLocale } from "./redact-util";
import { scanTextStream } from "./text-stream";
import type {
  DocumentFinding,
  DocumentLimits,
  DocumentScanResult,
  LabelLocale,
  PiiEngine,
  RedactionPolicy,
  TextRange,
} from "./types";

export interface TextDocInput {
  file: string;
  name?: string;
  /** First bytes (64 KB or the whole file) for encoding detection. */
  head: Uint8Array;
  complete: boolean;
  /** Fresh iterator over all bytes of the file. */
  open: () => AsyncIterable<Uint8Array>;
}

export interface TextDocResult {
  result: DocumentScanResult;
  /** Findings a reviewer kept (see FindingCollector.rejected). */
  rejected: FindingCollector["rejected"];
}

/**
 * Scans (and with `redact`, rewrites) a txt or csv file as a stream. The output keeps the input's
 * encoding and BOM; `write` receives encoded bytes in order.
 */
export async function processTextDocument(
  input: TextDocInput,
  engine: PiiEngine,
  limits: DocumentLimits,
  redact?: {
    policy: RedactionPolicy;
    key?: Uint8Array | string;
    accept?: (finding: DocumentFinding, index: number) => boolean;
    locale?: LabelLocale;
    ranges?: TextRange[];
    write: (b: Uint8Array) => Promise<void> | void;
  },
): Promise<TextDocResult> {
  const guess = guessEncoding(input.head, input.complete);
  if (!guess.ok) {
    return {
      result: { file: input.file, format: "txt", status: "needs_review", reason: guess.reason, findings: [] },
      rejected: [],
    };
  }
  const sampleText = iconv.decode(Buffer.from(input.head.subarray(guess.bomLength)), guess.encoding);
  const kind = textKind(sampleText, input.name ?? input.file);
  const collector = new FindingCollector(engine, limits, redact?.accept);
  if (redact && guess.bomLength) await redact.write(input.head.subarray(0, guess.bomLength));
  const { replacementChars } = await scanTextStream(
    input.open(),
    {
      engine,
      encoding: guess.encoding,
      bomLength: guess.bomLength,
      csvDelimiter: kind.delimiter,
      // Labels in the document's language, and always ones the encoding can carry (Big5 has no Hangul).
      redact: redact
        ? {
            policy: redact.policy,
            key: redact.key,
            ranges: redact.ranges,
            locale: /big5|cp950/.test(guess.encoding) ? "zh-TW" : (redact.locale ?? guessLocale(sampleText)),
          }
        : undefined,
    },
    {
      onSpan(s) {
        return collector.add(
          s,
          s.value,
          kind.format === "csv"
            ? { line: s.line, row: s.row, column: s.column, offset: s.lineOffset }
            : { line: s.line, offset: s.lineOffset },
        );
      },
      onNeedsReview: (reason) => collector.needsReview(reason),
      onOutput: redact ? (text) => redact.write(iconv.encode(text, guess.encoding)) : undefined,
    },
  );
  if (replacementChars > 0) {
    collector.needsReview(`${replacementChars} undecodable characters in ${guess.encoding} text`);
  }
  return {
    result: collector.result(input.file, kind.format, { encoding: guess.encoding }),
    rejected: collector.rejected,
  };
}
