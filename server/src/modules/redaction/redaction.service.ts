import { createHash, randomUUID } from "node:crypto";
import { catalogueOf } from "@civicpims/core/jurisdictions/index";
import type { CatalogueEntry } from "@civicpims/core/registry/catalogue";
import { entryName } from "@civicpims/core/registry/catalogue";
import { and, desc, eq } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client";
import {
  caseAttachments,
  caseRedactions,
  cases,
  disclosureReleasedFiles,
  type RedactionProposal,
  type RedactionRegion,
} from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest, conflict, notFound } from "../../http/errors";
import type { Locale } from "../../i18n";
import { t } from "../../i18n";
import { sealFile } from "../../security/file-crypto";
import { runJob } from "../../workers/pool";
import { attachmentBytes, attachmentView } from "../cases/attachments";
import { addEvent } from "../cases/case.service";
import { agencyEngineSpec } from "../pii/agency-engine";
import { locationKey } from "../pii/jobs";
import { agencyInfo } from "../registry/context";

// Partial disclosure by redaction (issue 12 item 3, J1). Works on any case attachment, so the disclosure
// module (requests, decisions) only has to link to it. The PII engine proposes; staff decide every
// proposal and add areas, each with a non-disclosure ground of the agency's rule pack; the released file is
// burned in, labelled and re-scanned in a worker before it is stored as a new sealed attachment.

export type RedactionRow = typeof caseRedactions.$inferSelect;
export interface Actor {
  id: string | null;
  label: string | null;
}

/** Largest source file a redaction accepts (mupdf loads a PDF whole in a worker). */
export const REDACTION_MAX_BYTES = 20 * 1024 * 1024;
const FORMATS: Record<string, string> = { pdf: "pdf", txt: "txt", docx: "docx" };

/** The agency's non-disclosure grounds (rule-pack catalogue), with their short citations. */
export async function groundsOf(q: Queryable, agencyId: string): Promise<CatalogueEntry[]> {
  const agency = await agencyInfo(q, agencyId);
  return [...(catalogueOf(agency.jurisdiction, "disclosureGrounds")?.entries ?? [])];
}

export function groundView(g: CatalogueEntry, locale: Locale) {
  return {
    code: g.code,
    short: String(g.attributes?.short ?? g.code),
    article: g.article ?? "",
    name: entryName(g, locale, ["ko", "zh-TW"]),
  };
}

export async function loadSource(q: Queryable, agencyId: string, caseId: string, attachmentId: string) {
  const [a] = await q
    .select()
    .from(caseAttachments)
    .where(
      and(
        eq(caseAttachments.agencyId, agencyId),
        eq(caseAttachments.caseId, caseId),
        eq(caseAttachments.id, attachmentId),
      ),
    );
  if (!a) throw notFound();
  return a;
}

export function formatOf(filename: string): string {
  const ext = (filename.match(/\.([A-Za-z0-9]+)$/)?.[1] ?? "").toLowerCase();
  const f = FORMATS[ext];
  if (!f) throw new AppError(415, "redaction.format", undefined, { formats: "PDF, TXT, DOCX" });
  return f;
}

/** Scans the source in a worker (prepare step: no transaction is open). */
export async function proposeFor(
  db: Queryable,
  deps: AppDeps,
  agencyId: string,
  caseId: string,
  attachmentId: string,
) {
  const a = await loadSource(db, agencyId, caseId, attachmentId);
  const format = formatOf(a.filename);
  if (a.size > REDACTION_MAX_BYTES)
    throw new AppError(413, "redaction.too_large", undefined, {
      limit: `${REDACTION_MAX_BYTES / 1048576} MB`,
    });
  const scan = await runJob("pii.scan", {
    data: attachmentBytes(deps.secrets.fieldKey, a),
    filename: a.filename,
    engine: await agencyEngineSpec(db, deps.secrets, agencyId),
    limits: { maxBytes: REDACTION_MAX_BYTES, maxInMemoryBytes: REDACTION_MAX_BYTES },
  });
  if (scan.status === "error")
    throw new AppError(422, "redaction.unreadable", undefined, { reason: (scan.reason ?? "").slice(0, 200) });
  return { attachment: a, format, scan };
}

export async function createRedaction(
  tx: Tx,
  agencyId: string,
  caseId: string,
  prepared: Awaited<ReturnType<typeof proposeFor>>,
  by: Actor,
): Promise<RedactionRow> {
  const { attachment, format, scan } = prepared;
  // The attachment may have gone between the scan and this transaction.
  await loadSource(tx, agencyId, caseId, attachment.id);
  const proposals: RedactionProposal[] = scan.findings.map((f, i) => ({
    id: i,
    type: f.type,
    score: f.score,
    location: f.location,
    preview: f.preview,
    fingerprint: f.fingerprint ?? null,
    decision: "pending",
    ground: null,
  }));
  const [row] = await tx
    .insert(caseRedactions)
    .values({
      agencyId,
      caseId,
      sourceAttachmentId: attachment.id,
      format,
      scanStatus: scan.status,
      scanReason: scan.reason ?? null,
      proposals,
      createdBy: by.id,
      createdByLabel: by.label,
    })
    .returning();
  await addEvent(
    tx,
    { id: row.caseId, agencyId: row.agencyId },
    {
      type: "redaction_created",
      actor: { id: by.id, label: by.label ?? "" },
      details: { proposals: proposals.length },
    },
  );
  return row;
}

export async function loadRedaction(q: Queryable, agencyId: string, caseId: string, id: string) {
  const [r] = await q
    .select()
    .from(caseRedactions)
    .where(
      and(
        eq(caseRedactions.agencyId, agencyId),
        eq(caseRedactions.caseId, caseId),
        eq(caseRedactions.id, id),
      ),
    );
  if (!r) throw notFound();
  return r;
}

export async function listRedactions(q: Queryable, agencyId: string, caseId: string) {
  return q
    .select()
    .from(caseRedactions)
    .where(and(eq(caseRedactions.agencyId, agencyId), eq(caseRedactions.caseId, caseId)))
    .orderBy(desc(caseRedactions.createdAt));
}

export function redactionView(r: RedactionRow, grounds: CatalogueEntry[], locale: Locale) {
  const decided = { pending: 0, accepted: 0, rejected: 0 };
  for (const p of r.proposals) decided[p.decision]++;
  return {
    id: r.id,
    caseId: r.caseId,
    sourceAttachmentId: r.sourceAttachmentId,
    format: r.format,
    status: r.status,
    scanStatus: r.scanStatus,
    scanReason: r.scanReason,
    proposals: r.proposals.map(({ fingerprint: _f, ...p }) => p),
    regions: r.regions,
    decided,
    grounds: grounds.map((g) => groundView(g, locale)),
    groundsUsed: r.groundsUsed,
    outputAttachmentId: r.outputAttachmentId,
    createdBy: r.createdByLabel,
    releasedBy: r.releasedByLabel,
    releasedAt: r.releasedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
  };
}

export interface DecisionInput {
  id: number;
  decision: "pending" | "accepted" | "rejected";
  ground?: string | null;
}
export interface RegionInput {
  kind: "box" | "text";
  page?: number;
  box?: [number, number, number, number];
  start?: number;
  end?: number;
  ground: string;
}

/**
 * Saves decisions and manual areas (the whole set the editor holds). Refused as a whole: an accepted
 * proposal or an area without a ground, a ground not in the agency's rule pack, an unknown proposal.
 */
export async function saveRedaction(
  tx: Queryable,
  r: RedactionRow,
  input: { decisions: DecisionInput[]; regions: RegionInput[] },
): Promise<RedactionRow> {
  if (r.status !== "draft") throw conflict("redaction.released");
  const codes = new Set((await groundsOf(tx, r.agencyId)).map((g) => g.code));
  const checkGround = (g: string | null | undefined, what: string) => {
    if (!g) throw badRequest("redaction.ground_missing", { what });
    if (!codes.has(g)) throw badRequest("redaction.ground_unknown", { what });
  };
  const proposals = r.proposals.map((p) => ({ ...p }));
  for (const d of input.decisions) {
    const p = proposals.find((x) => x.id === d.id);
    if (!p) throw badRequest("redaction.proposal_unknown", { id: d.id });
    if (d.decision === "accepted") checkGround(d.ground, `proposal ${d.id}`);
    else if (d.ground) checkGround(d.ground, `proposal ${d.id}`);
    p.decision = d.decision;
    p.ground = d.ground ?? null;
  }
  const regions: RedactionRegion[] = input.regions.map((g, i) => {
    checkGround(g.ground, `area ${i + 1}`);
    if (g.kind === "box") {
      if (r.format !== "pdf" || !g.page || !g.box) throw badRequest("redaction.area_kind");
      const [x0, y0, x1, y1] = g.box;
      if (!(x1 > x0 && y1 > y0)) throw badRequest("redaction.area_empty");
      return { id: randomUUID(), kind: "box", page: g.page, box: g.box, ground: g.ground };
    }
    if (r.format !== "txt" || g.start === undefined || g.end === undefined)
      throw badRequest("redaction.area_kind");
    if (!(g.end > g.start)) throw badRequest("redaction.area_empty");
    return { id: randomUUID(), kind: "text", start: g.start, end: g.end, ground: g.ground };
  });
  const [row] = await tx
    .update(caseRedactions)
    .set({ proposals, regions, updatedAt: new Date() })
    .where(eq(caseRedactions.id, r.id))
    .returning();
  return row;
}

/** The finding as the refusal shows it: type, masked preview and page, never the value. */
export interface MaskedFinding {
  type: string;
  preview: string;
  page?: number;
}

/**
 * Burns in, labels and re-scans the released file in a worker (prepare step). Refused when a proposal is
 * undecided, an accepted one has no ground, nothing is redacted, or the engine still finds an identifier
 * in the output (the finding is shown masked).
 */
export async function prepareRelease(
  db: Queryable,
  deps: AppDeps,
  r: RedactionRow,
  locale: Locale,
): Promise<{ output: Buffer; remainingChecked: true; groundsUsed: string[] }> {
  if (r.status !== "draft") throw conflict("redaction.released");
  if (r.proposals.some((p) => p.decision === "pending")) throw badRequest("redaction.undecided");
  const grounds = await groundsOf(db, r.agencyId);
  const byCode = new Map(grounds.map((g) => [g.code, g]));
  const accepted = r.proposals.filter((p) => p.decision === "accepted");
  for (const p of accepted)
    if (!p.ground || !byCode.has(p.ground)) throw badRequest("redaction.ground_missing");
  for (const g of r.regions) if (!byCode.has(g.ground)) throw badRequest("redaction.ground_missing");
  const short = (code: string) => String(byCode.get(code)?.attributes?.short ?? code);
  const labels = [
    ...accepted.flatMap((p) =>
      p.location.page && p.location.box
        ? [{ page: p.location.page, box: p.location.box, label: short(p.ground as string) }]
        : [],
    ),
    ...r.regions.flatMap((g) =>
      g.kind === "box" ? [{ page: g.page, box: g.box, label: short(g.ground) }] : [],
    ),
  ];
  const used = [...new Set([...accepted.map((p) => p.ground as string), ...r.regions.map((g) => g.ground)])];
  const source = await loadSource(db, r.agencyId, r.caseId, r.sourceAttachmentId);
  const agency = await agencyInfo(db, r.agencyId);
  // The cover page is in the agency's language (the requester's document), grounds in rule-pack order.
  const docLocale: Locale = agency.defaultLocale;
  const result = await runJob("redaction.release", {
    data: attachmentBytes(deps.secrets.fieldKey, source),
    filename: source.filename,
    engine: await agencyEngineSpec(db, deps.secrets, r.agencyId),
    limits: { maxBytes: REDACTION_MAX_BYTES, maxInMemoryBytes: REDACTION_MAX_BYTES },
    rejected: r.proposals
      .filter((p) => p.decision === "rejected")
      .map((p) => locationKey(p.type, p.fingerprint, p.location)),
    regions: r.regions.flatMap((g) => (g.kind === "box" ? [{ page: g.page, box: g.box }] : [])),
    ranges: r.regions.flatMap((g) => (g.kind === "text" ? [{ start: g.start, end: g.end }] : [])),
    labels,
    cover: { title: t(docLocale, "redaction.cover.title"), intro: t(docLocale, "redaction.cover.intro") },
    grounds: grounds
      .filter((g) => used.includes(g.code))
      .map((g) => ({
        short: short(g.code),
        article: g.article ?? "",
        name: entryName(g, docLocale, ["ko", "zh-TW"]),
      })),
  });
  if (!result.output || result.status === "error")
    throw new AppError(422, "redaction.unreadable", undefined, {
      reason: (result.reason ?? "").slice(0, 200),
    });
  if (result.remaining.length) {
    const findings: MaskedFinding[] = result.remaining.map((f) => ({
      type: f.type,
      preview: f.preview,
      ...(f.location.page ? { page: f.location.page } : {}),
    }));
    throw new AppError(
      422,
      "redaction.identifier_remains",
      { findings },
      {
        count: findings.length,
        first: `${findings[0].preview}${findings[0].page ? ` (p. ${findings[0].page})` : ""}`,
      },
    );
  }
  void locale;
  return { output: Buffer.from(result.output), remainingChecked: true, groundsUsed: used };
}

/** Stores the released file as a new sealed attachment of the case and closes the redaction record. */
export async function storeRelease(
  tx: Tx,
  deps: AppDeps,
  r: RedactionRow,
  prepared: Awaited<ReturnType<typeof prepareRelease>>,
  by: Actor,
) {
  const [fresh] = await tx
    .select({ status: caseRedactions.status, updatedAt: caseRedactions.updatedAt })
    .from(caseRedactions)
    .where(eq(caseRedactions.id, r.id));
  // Changed between the worker's run and this transaction: the file would not match the record.
  if (fresh?.status !== "draft" || fresh.updatedAt.getTime() !== r.updatedAt.getTime())
    throw conflict("redaction.changed");
  const source = await loadSource(tx, r.agencyId, r.caseId, r.sourceAttachmentId);
  const dot = source.filename.lastIndexOf(".");
  const base = dot > 0 ? source.filename.slice(0, dot) : source.filename;
  const ext = dot > 0 ? source.filename.slice(dot + 1).toLowerCase() : r.format;
  const data = prepared.output;
  const [att] = await tx
    .insert(caseAttachments)
    .values({
      agencyId: r.agencyId,
      caseId: r.caseId,
      kind: "released_record",
      filename: `${base}-released.${ext}`,
      mimeType: source.mimeType,
      size: data.length,
      sha256: createHash("sha256").update(data).digest("hex"),
      ...sealFile(deps.secrets.fieldKey, data),
      piiFindings: 0,
      piiStatus: "ok",
      uploadedBy: by.id,
      uploadedByLabel: by.label,
    })
    .returning();
  const now = new Date();
  const [row] = await tx
    .update(caseRedactions)
    .set({
      status: "released",
      outputAttachmentId: att.id,
      groundsUsed: prepared.groundsUsed,
      releasedBy: by.id,
      releasedByLabel: by.label,
      releasedAt: now,
      updatedAt: now,
    })
    .where(eq(caseRedactions.id, r.id))
    .returning();
  // A disclosure case's redaction is what partial disclosure releases: the requester's portal lists the
  // files of disclosure_released_files (portal-delivery.ts), so the output is recorded there at once.
  const [c] = await tx
    .select({ kind: cases.kind })
    .from(cases)
    .where(and(eq(cases.id, r.caseId), eq(cases.agencyId, r.agencyId)));
  if (c?.kind === "disclosure")
    await tx.insert(disclosureReleasedFiles).values({
      agencyId: r.agencyId,
      caseId: r.caseId,
      attachmentId: att.id,
      redactionId: r.id,
      releasedBy: by.id,
      releasedAt: now,
    });
  await addEvent(
    tx,
    { id: row.caseId, agencyId: row.agencyId },
    {
      type: "redaction_released",
      actor: { id: by.id, label: by.label ?? "" },
      at: now,
      details: { grounds: prepared.groundsUsed.length, areas: r.regions.length },
    },
  );
  return { redaction: row, attachment: attachmentView(att) };
}
