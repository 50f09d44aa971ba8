import { hkdfSync, randomUUID } from "node:crypto";
import { and, desc, eq, isNull, lte } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { piiDocuments, piiFalsePositives, type StoredFinding, type StoredRegion } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest, notFound } from "../../http/errors";
import { runJob, tooLargeUnpacked } from "../../workers/pool";
import type { LedgerInput } from "../audit/ledger.service";
import { agencyEngineSpec, falsePositiveKey } from "./agency-engine";
import { decodedText } from "./decoded-text";
import { openDocument, sealDocument } from "./document-crypto";
import type { DocumentScanResult, RedactionPolicy } from "./documents/index";
import { locationKey } from "./jobs";
import { REDACTABLE_FORMATS, REVIEW_FORMATS, retentionDays, reviewLimitBytes } from "./settings";

export type DocumentRow = typeof piiDocuments.$inferSelect;
export interface Actor {
  id: string | null;
  label: string | null;
}

const DAY = 86_400_000;

/** Policies each format can honour: PDF values are burnt out as black boxes whatever the policy. */
export function policiesFor(format: string): RedactionPolicy[] {
  if (format === "pdf") return ["mask"];
  return REDACTABLE_FORMATS.has(format) ? ["mask", "remove", "label", "pseudonym"] : [];
}

/** The reviewer's view of a document: metadata and masked findings, never the original. */
export function documentView(d: DocumentRow) {
  const decided = { pending: 0, accepted: 0, rejected: 0 };
  for (const f of d.findings) decided[f.decision]++;
  return {
    id: d.id,
    filename: d.filename,
    format: d.format,
    size: d.size,
    scanStatus: d.scanStatus,
    scanReason: d.scanReason,
    encoding: d.encoding,
    findingCount: d.findingCount,
    truncated: d.truncated,
    findings: d.findings.map(({ fingerprint, ...f }) => ({ ...f, rememberable: !!fingerprint })),
    decided,
    regions: d.regions,
    policies: policiesFor(d.format),
    retainUntil: d.retainUntil.toISOString(),
    purgedAt: d.purgedAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  };
}

export async function loadDocument(q: Queryable, agencyId: string, id: string): Promise<DocumentRow> {
  const [d] = await q
    .select()
    .from(piiDocuments)
    .where(and(eq(piiDocuments.agencyId, agencyId), eq(piiDocuments.id, id)));
  if (!d) throw notFound();
  return d;
}

export async function listDocuments(q: Queryable, agencyId: string, limit = 200) {
  const rows = await q
    .select()
    .from(piiDocuments)
    .where(eq(piiDocuments.agencyId, agencyId))
    .orderBy(desc(piiDocuments.createdAt))
    .limit(limit);
  return rows.map((d) => {
    const { findings, regions, ...v } = documentView(d);
    return { ...v, regionCount: regions.length, types: [...new Set(findings.map((f) => f.type))] };
  });
}

/** Refuses what cannot be reviewed, with a stable code: the type always comes from the bytes. */
function refuse(scan: DocumentScanResult): never {
  const reason = scan.reason ?? "";
  if (scan.format === "unknown" || /unsupported|not a|legacy|binary/i.test(reason))
    throw new AppError(415, "pii.upload_type");
  throw new AppError(400, "pii.unreadable", undefined, { reason: reason.slice(0, 200) });
}

export type UploadScan = Awaited<ReturnType<typeof scanUpload>>;

/**
 * Checks and scans an upload for review in an upload worker (bounded memory and time), never on the
 * request thread. The route runs it before its transaction opens (RouteDef.prepare; `q` is then the
 * database, for one short read of the agency's detector settings); refusals are thrown here.
 */
export async function scanUpload(
  q: Queryable,
  deps: AppDeps,
  agencyId: string,
  file: { filename: string; data: Buffer },
) {
  const limit = reviewLimitBytes(deps);
  if (file.data.length === 0) throw badRequest("pii.upload_empty");
  if (file.data.length > limit)
    throw new AppError(413, "pii.upload_too_large", undefined, {
      limit: `${Math.round(limit / 1048576)} MB`,
    });
  // Unpacking, parsing and scanning run in an upload worker (bounded memory and time), never here.
  const scan = await runJob("pii.scan", {
    data: file.data,
    filename: file.filename,
    engine: await agencyEngineSpec(q, deps.secrets, agencyId),
    limits: { maxBytes: limit, maxInMemoryBytes: limit },
  });
  if (scan.limitHit) throw tooLargeUnpacked();
  if (scan.status === "error" || !(REVIEW_FORMATS as readonly string[]).includes(scan.format)) refuse(scan);
  return scan;
}

/**
 * Stores an upload for review: scanned with the agency's detector (its false positives skipped), the
 * original sealed with a fresh key, a retention date set. Files the detector cannot read completely
 * are kept with status "needs_review" (never shown as clean); unreadable or unsupported files are refused.
 */
export async function uploadDocument(
  tx: Queryable,
  deps: AppDeps,
  agencyId: string,
  actor: Actor,
  file: { filename: string; data: Buffer },
  now = new Date(),
  scanned?: UploadScan,
): Promise<DocumentRow> {
  const scan = scanned ?? (await scanUpload(tx, deps, agencyId, file));
  const sealed = sealDocument(deps.secrets.fieldKey, file.data);
  const findings: StoredFinding[] = scan.findings.map((f, index) => ({
    index,
    type: f.type,
    score: f.score,
    location: { ...f.location },
    preview: f.preview,
    fingerprint: f.fingerprint ?? null,
    decision: "pending",
  }));
  const [row] = await tx
    .insert(piiDocuments)
    .values({
      agencyId,
      filename: cleanName(file.filename),
      format: scan.format,
      size: file.data.length,
      scanStatus: scan.status,
      scanReason: scan.reason?.slice(0, 1000) ?? null,
      encoding: scan.encoding ?? null,
      findings,
      findingCount: scan.findingCount ?? findings.length,
      truncated: !!scan.truncated,
      originalEnc: sealed.data,
      keyWrapped: sealed.keyWrapped,
      retainUntil: new Date(now.getTime() + retentionDays() * DAY),
      createdBy: actor.id,
    })
    .returning();
  return row;
}

function cleanName(name: string): string {
  return (
    name
      .normalize("NFC")
      .replace(/[/\\\u0000-\u001f]/g, "_")
      .slice(-200) || "document"
  );
}

/** The decrypted original; 410 once the retention purge destroyed it. */
export function originalOf(deps: AppDeps, d: DocumentRow): Buffer {
  if (!d.originalEnc || !d.keyWrapped) throw new AppError(410, "pii.purged");
  return openDocument(deps.secrets.fieldKey, { data: d.originalEnc, keyWrapped: d.keyWrapped });
}

export { decodedText };

export interface TextMark {
  index: number;
  start: number;
  end: number;
  type: string;
}

/**
 * Where each finding sits in the decoded text: its line and offset, and the length of its masked preview
 * (masks keep the length). A mark is only given when masking the text there reproduces the preview, so a
 * highlight never lands on the wrong characters.
 */
export function textMarks(
  text: string,
  findings: StoredFinding[],
  mask: (type: string, v: string) => string,
) {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const marks: TextMark[] = [];
  for (const f of findings) {
    const line = f.location.line as number | undefined;
    const offset = f.location.offset as number | undefined;
    if (!line || offset === undefined || line > lineStarts.length) continue;
    const start = lineStarts[line - 1] + offset;
    const end = start + f.preview.length;
    if (end > text.length || mask(f.type, text.slice(start, end)) !== f.preview) continue;
    marks.push({ index: f.index, start, end, type: f.type });
  }
  return marks;
}

export interface Decision {
  index: number;
  decision: "pending" | "accepted" | "rejected";
  falsePositive?: boolean;
}

/**
 * Applies a reviewer's decisions. A rejection marked as a confirmed false positive also stores the
 * finding's keyed hash for the agency (never the value), so later scans skip it.
 */
export async function decideFindings(
  tx: Queryable,
  d: DocumentRow,
  actor: Actor,
  decisions: Decision[],
  now = new Date(),
) {
  const findings = d.findings.map((f) => ({ ...f }));
  const remembered: StoredFinding[] = [];
  for (const x of decisions) {
    const f = findings[x.index];
    if (!f) throw badRequest("pii.finding_unknown", { index: x.index });
    if (x.falsePositive && (x.decision !== "rejected" || !f.fingerprint))
      throw badRequest("pii.no_fingerprint", { index: x.index });
    f.decision = x.decision;
    f.falsePositive = x.falsePositive ?? false;
    f.decidedBy = actor.id;
    f.decidedAt = now.toISOString();
    if (x.falsePositive) remembered.push(f);
  }
  for (const f of remembered) {
    await tx
      .insert(piiFalsePositives)
      .values({
        agencyId: d.agencyId,
        type: f.type,
        hash: f.fingerprint as string,
        preview: f.preview,
        documentId: d.id,
        createdBy: actor.id,
      })
      .onConflictDoNothing();
  }
  const [row] = await tx
    .update(piiDocuments)
    .set({ findings, updatedAt: now })
    .where(and(eq(piiDocuments.id, d.id), eq(piiDocuments.agencyId, d.agencyId)))
    .returning();
  return { row, remembered: remembered.length };
}

/** Pages of a PDF under review, counted in an upload worker (mupdf). */
export async function pdfPageCount(deps: AppDeps, d: DocumentRow): Promise<number> {
  return (await runJob("pii.pdfCount", { data: originalOf(deps, d) })).count;
}

export type RegionInput =
  | { page: number; box: [number, number, number, number] }
  | { start: number; end: number };

/** Adds a manual region after checking it fits the document (page count, or text length). */
export async function addRegion(
  tx: Queryable,
  deps: AppDeps,
  d: DocumentRow,
  input: RegionInput,
  /** The PDF's page count, when the route counted before its transaction (pdfPageCount). */
  pageCount?: number,
) {
  let region: StoredRegion;
  if ("page" in input) {
    if (d.format !== "pdf") throw badRequest("pii.region_kind");
    const n = pageCount ?? (await pdfPageCount(deps, d));
    const [x0, y0, x1, y1] = input.box;
    if (input.page < 1 || input.page > n || !(x1 > x0 && y1 > y0)) throw badRequest("pii.region_bounds");
    region = { id: randomUUID(), kind: "box", page: input.page, box: input.box };
  } else {
    if (d.format !== "txt" && d.format !== "csv") throw badRequest("pii.region_kind");
    const length = decodedText(originalOf(deps, d)).length;
    if (!(input.start >= 0 && input.end > input.start && input.end <= length))
      throw badRequest("pii.region_bounds");
    region = { id: randomUUID(), kind: "text", start: input.start, end: input.end };
  }
  return saveRegions(tx, d, [...d.regions, region]).then((row) => ({ row, region }));
}

export async function removeRegion(tx: Queryable, d: DocumentRow, regionId: string) {
  if (!d.regions.some((r) => r.id === regionId)) throw notFound("pii.region_unknown");
  return saveRegions(
    tx,
    d,
    d.regions.filter((r) => r.id !== regionId),
  );
}

async function saveRegions(tx: Queryable, d: DocumentRow, regions: StoredRegion[]) {
  const [row] = await tx
    .update(piiDocuments)
    .set({ regions, updatedAt: new Date() })
    .where(and(eq(piiDocuments.id, d.id), eq(piiDocuments.agencyId, d.agencyId)))
    .returning();
  return row;
}

const CONTENT_TYPES: Record<string, string> = {
  txt: "text/plain",
  csv: "text/csv",
  pdf: "application/pdf",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/**
 * Produces the redacted file. Decisions are matched to the fresh scan by type, keyed hash and location
 * (not by position, so a false positive confirmed since the upload cannot shift them); anything the
 * reviewer did not reject is redacted, including findings new to this scan. The documents layer scans
 * its output again: a value left behind refuses the download.
 */
export async function redactDocument(tx: Queryable, deps: AppDeps, d: DocumentRow, policy: RedactionPolicy) {
  if (!policiesFor(d.format).includes(policy)) throw badRequest("pii.policy_unsupported");
  const limit = reviewLimitBytes(deps);
  const { result, output, kept, redacted } = await runJob("pii.redact", {
    data: originalOf(deps, d),
    filename: d.filename,
    engine: await agencyEngineSpec(tx, deps.secrets, d.agencyId),
    policy,
    key: pseudonymKey(deps, d.agencyId),
    limits: { maxBytes: limit, maxInMemoryBytes: limit },
    rejected: d.findings
      .filter((f) => f.decision === "rejected")
      .map((f) => locationKey(f.type, f.fingerprint, f.location)),
    regions: d.regions.flatMap((r) => (r.kind === "box" ? [{ page: r.page, box: r.box }] : [])),
    ranges: d.regions.flatMap((r) => (r.kind === "text" ? [{ start: r.start, end: r.end }] : [])),
  });
  if (
    !output ||
    result.status === "error" ||
    /remain after redaction|could not be read back/.test(result.reason ?? "")
  )
    throw new AppError(422, "pii.redaction_failed", undefined, {
      reason: (result.reason ?? "").slice(0, 200),
    });
  const dot = d.filename.lastIndexOf(".");
  const base = dot > 0 ? d.filename.slice(0, dot) : d.filename;
  return {
    output: Buffer.from(output),
    filename: `${base}-redacted.${d.format}`,
    contentType: CONTENT_TYPES[d.format] ?? "application/octet-stream",
    status: result.status,
    reason: result.reason ?? null,
    redacted,
    kept,
    regions: d.regions.length,
  };
}

/** Pseudonym tokens: one key per agency, so the same person gets the same token across its documents. */
function pseudonymKey(deps: AppDeps, agencyId: string): Buffer {
  return Buffer.from(hkdfSync("sha256", deps.secrets.fieldKey, agencyId, "civicpims pii pseudonym v1", 32));
}

/**
 * Destroys originals whose retention date has passed (or one document on request): the ciphertext and
 * its key are dropped, the masked review record stays as evidence. Returns ledger entries to append in
 * the same transaction.
 */
export async function purgeDocuments(
  tx: Queryable,
  opts: { now?: Date; agencyId?: string; documentId?: string; reason: "retention" | "manual" },
  actor: Actor = { id: null, label: "system" },
): Promise<LedgerInput[]> {
  const now = opts.now ?? new Date();
  const conds = [isNull(piiDocuments.purgedAt)];
  if (opts.agencyId) conds.push(eq(piiDocuments.agencyId, opts.agencyId));
  if (opts.documentId) conds.push(eq(piiDocuments.id, opts.documentId));
  else conds.push(lte(piiDocuments.retainUntil, now));
  const rows = await tx
    .update(piiDocuments)
    .set({ originalEnc: null, keyWrapped: null, purgedAt: now, updatedAt: now })
    .where(and(...conds))
    .returning({
      id: piiDocuments.id,
      agencyId: piiDocuments.agencyId,
      retainUntil: piiDocuments.retainUntil,
    });
  return rows.map((r) => ({
    action: "pii.document.purge",
    agencyId: r.agencyId,
    actorId: actor.id,
    actorLabel: actor.label,
    resourceType: "pii_document",
    resourceId: r.id,
    details: { reason: opts.reason, retainUntil: r.retainUntil.toISOString() },
  }));
}

/** The fingerprint key, re-exported for tests that compute an expected hash. */
export { falsePositiveKey };
