import type {
  DocumentFinding,
  DocumentFormat,
  DocumentLimits,
  DocumentScanResult,
  FindingLocation,
  PiiEngine,
  Span,
} from "./types";

/**
 * Collects findings for one file. Raw values go in, only masked previews come out; the list is capped
 * (the count is not) so a file full of identifiers cannot exhaust memory. Any "needs review" reason
 * sticks: a later clean part never turns the file back to "ok".
 */
export class FindingCollector {
  readonly findings: DocumentFinding[] = [];
  count = 0;
  /** Findings a reviewer chose to keep (false positives): left in the output, expected by the re-check. */
  readonly rejected: Array<Pick<DocumentFinding, "type" | "preview">> = [];
  private reviewReasons: string[] = [];

  constructor(
    private readonly engine: PiiEngine,
    private readonly limits: DocumentLimits,
    private readonly accept?: (finding: DocumentFinding, index: number) => boolean,
  ) {}

  /** Records a finding; returns whether it is to be redacted (a reviewer may reject it by its index). */
  add(span: Pick<Span, "type" | "score">, value: string, location: FindingLocation): boolean {
    const index = this.count++;
    const finding: DocumentFinding = {
      type: span.type,
      score: span.score,
      location,
      preview: this.engine.mask(span.type, value),
    };
    if (this.engine.fingerprint) finding.fingerprint = this.engine.fingerprint(span.type, value);
    if (this.findings.length < this.limits.maxFindings) this.findings.push(finding);
    const keep = this.accept ? this.accept(finding, index) : true;
    if (!keep) this.rejected.push({ type: finding.type, preview: finding.preview });
    return keep;
  }

  needsReview(reason: string): void {
    if (!this.reviewReasons.includes(reason)) this.reviewReasons.push(reason);
  }

  get reviewed(): boolean {
    return this.reviewReasons.length > 0;
  }

  result(file: string, format: DocumentFormat, extra: Partial<DocumentScanResult> = {}): DocumentScanResult {
    const r: DocumentScanResult = {
      file,
      format,
      status: this.reviewReasons.length ? "needs_review" : "ok",
      findings: this.findings,
      ...extra,
    };
    if (this.reviewReasons.length)
      r.reason = `not scanned completely, needs manual review: ${this.reviewReasons.join("; ")}`;
    if (this.count > this.findings.length) {
      r.truncated = true;
      r.findingCount = this.count;
    }
    return r;
  }
}

/** Scans one piece of text and records its findings with a location; returns the spans to redact. */
export function scanPiece(
  engine: PiiEngine,
  collector: FindingCollector,
  text: string,
  location: (span: Span) => FindingLocation,
  what: string,
): Span[] {
  if (!text) return [];
  const r = engine.scan(text);
  if (r.status !== "ok") collector.needsReview(`${what}: ${r.reason ?? "detector did not finish"}`);
  return r.spans.filter((s) => collector.add(s, text.slice(s.start, s.end), location(s)));
}
