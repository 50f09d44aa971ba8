import type { EngineSpec } from "../pii/agency-engine";
import { coreEngine, engineFor } from "../pii/documents/engine";
import {
  type DocumentFinding,
  type DocumentLimits,
  type ManualRegion,
  redactBuffer,
  scanBuffer,
  type TextRange,
} from "../pii/documents/index";
import { locationKey } from "../pii/jobs";
import { type CoverGround, type CoverText, type LabelledBox, labelPdf } from "./labels";

// The release of a partial disclosure, run in an upload worker (never on the request thread): burn in the
// accepted proposals and the manual areas, draw the ground labels and the cover page, then scan the
// result once more. Plain data in and out; nothing here touches the database.

export interface ReleaseJob {
  data: Uint8Array;
  filename: string;
  engine?: EngineSpec;
  limits?: Partial<DocumentLimits>;
  /** locationKey of every proposal staff rejected (left in place). */
  rejected: string[];
  regions: ManualRegion[];
  ranges: TextRange[];
  /** PDF: every box to label (accepted proposals and manual boxes) with its ground's short citation. */
  labels: LabelledBox[];
  cover: CoverText;
  grounds: CoverGround[];
}

export interface ReleaseResult {
  output?: Uint8Array;
  format: string;
  status: "ok" | "needs_review" | "error";
  reason?: string;
  /** What the engine still finds in the released file (masked previews only). */
  remaining: Array<Pick<DocumentFinding, "type" | "preview" | "location">>;
}

export async function releaseJob(i: ReleaseJob): Promise<ReleaseResult> {
  const engine = i.engine ? engineFor(i.engine.key, new Set(i.engine.ignore)) : coreEngine;
  const rejected = new Set(i.rejected);
  const { result, output } = await redactBuffer(i.data, i.filename, {
    engine,
    policy: "mask",
    limits: i.limits,
    accept: (f) => !rejected.has(locationKey(f.type, f.fingerprint, f.location)),
    regions: i.regions,
    ranges: i.ranges,
  });
  if (!output || result.status === "error")
    return { format: result.format, status: "error", reason: result.reason, remaining: [] };
  const released = result.format === "pdf" ? labelPdf(output, i.labels, i.cover, i.grounds) : output;
  // The file that leaves is scanned as it leaves (labels and cover page included).
  const check = await scanBuffer(released, i.filename, { engine, limits: i.limits });
  return {
    output: released,
    format: result.format,
    status: check.status,
    reason: check.reason,
    remaining: check.findings.map((f) => ({ type: f.type, preview: f.preview, location: f.location })),
  };
}
