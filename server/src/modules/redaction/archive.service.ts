import { createHash } from "node:crypto";
import { and, desc, eq, ilike, or, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import {
  agencies,
  archiveEntries,
  archiveSettings,
  caseAttachments,
  caseRedactions,
  cases,
  units,
} from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest, conflict, notFound } from "../../http/errors";
import { sealFile } from "../../security/file-crypto";
import { readStoredFile } from "../../security/file-migration";
import { attachmentBytes } from "../cases/attachments";
import { guardPublication } from "../pii/guard.service";
import type { Actor } from "./redaction.service";

// The public archive of released documents (issue 12 item 3): opt-in per agency, every file and its title
// and summary pass the PII publication guard before they are stored, public search by words and download
// by agency code, unpublish with a reason. The file is copied into the entry (sealed with its own data
// key), so unpublishing or purging a case never changes what the archive served.

/** Largest file the archive takes. */
export const ARCHIVE_MAX_BYTES = 20 * 1024 * 1024;

export type ArchiveRow = typeof archiveEntries.$inferSelect;

export async function archiveEnabled(q: Queryable, agencyId: string): Promise<boolean> {
  const [s] = await q.select().from(archiveSettings).where(eq(archiveSettings.agencyId, agencyId));
  return s?.enabled ?? false;
}

export async function setArchiveEnabled(q: Queryable, agencyId: string, enabled: boolean) {
  await q
    .insert(archiveSettings)
    .values({ agencyId, enabled })
    .onConflictDoUpdate({ target: archiveSettings.agencyId, set: { enabled, updatedAt: new Date() } });
  return { enabled };
}

/** Only PDF: what a requester received, in the format every browser shows. */
export function checkArchiveFile(filename: string, data: Buffer) {
  if (data.length === 0) throw badRequest("archive.empty");
  if (data.length > ARCHIVE_MAX_BYTES)
    throw new AppError(413, "archive.too_large", undefined, { limit: `${ARCHIVE_MAX_BYTES / 1048576} MB` });
  if (data.subarray(0, 5).toString("latin1") !== "%PDF-" || !/\.pdf$/i.test(filename))
    throw new AppError(415, "archive.type");
  const name =
    filename
      .normalize("NFC")
      .replace(/[/\\\u0000-\u001f]/g, "_")
      .slice(-200) || "document.pdf";
  return { filename: name, data };
}

/** The released file of a case (only output of a released redaction may be published from a case). */
export async function releasedFile(q: Queryable, deps: AppDeps, agencyId: string, attachmentId: string) {
  const [r] = await q
    .select({ redactionId: caseRedactions.id, caseId: caseRedactions.caseId, a: caseAttachments })
    .from(caseRedactions)
    .innerJoin(caseAttachments, eq(caseAttachments.id, caseRedactions.outputAttachmentId))
    .where(
      and(
        eq(caseRedactions.agencyId, agencyId),
        eq(caseRedactions.status, "released"),
        eq(caseRedactions.outputAttachmentId, attachmentId),
      ),
    );
  if (!r) throw badRequest("archive.source_not_released");
  return {
    redactionId: r.redactionId,
    caseId: r.caseId,
    ...checkArchiveFile(r.a.filename, attachmentBytes(deps.secrets.fieldKey, r.a)),
  };
}

/**
 * The publish form's picker: released redaction outputs of the agency's cases whose receipt number contains
 * the text (the latest ones without text), with whether each is already in the archive. Receipt numbers,
 * kinds and file names only: what the case list shows.
 */
export async function releasedFiles(q: Queryable, agencyId: string, number = "") {
  const needle = number.trim().replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await q
    .select({
      attachmentId: caseAttachments.id,
      filename: caseAttachments.filename,
      caseId: cases.id,
      caseNumber: cases.number,
      caseKind: cases.kind,
      releasedAt: caseRedactions.releasedAt,
      inArchive: sql<boolean>`exists (select 1 from ${archiveEntries} where ${archiveEntries.redactionId} = ${caseRedactions.id} and ${archiveEntries.status} = 'published')`,
    })
    .from(caseRedactions)
    .innerJoin(cases, eq(cases.id, caseRedactions.caseId))
    .innerJoin(caseAttachments, eq(caseAttachments.id, caseRedactions.outputAttachmentId))
    .where(
      and(
        eq(caseRedactions.agencyId, agencyId),
        eq(cases.agencyId, agencyId),
        eq(caseRedactions.status, "released"),
        needle ? ilike(cases.number, `%${needle}%`) : undefined,
      ),
    )
    .orderBy(desc(caseRedactions.releasedAt))
    .limit(20);
  return rows.map((r) => ({
    ...r,
    inArchive: Boolean(r.inArchive),
    releasedAt: r.releasedAt?.toISOString() ?? null,
  }));
}

export interface ArchiveMeta {
  title: string;
  summary: string;
  documentDate: string;
  unitId?: string | null;
}

/**
 * The PII guard on the file and the public text (prepare step: the scan is a worker job). A block is
 * recorded by the guard (the privacy officer can override that exact content) and refused here with the
 * masked findings.
 */
export async function guardArchive(
  db: Queryable,
  deps: AppDeps,
  agencyId: string,
  file: { filename: string; data: Buffer },
  meta: ArchiveMeta,
  actor: Actor,
) {
  if (!(await archiveEnabled(db, agencyId))) throw conflict("archive.disabled");
  const checks = [
    { kind: "archive.file", content: { buffer: file.data, filename: file.filename } },
    { kind: "archive.text", content: `${meta.title}\n${meta.summary}` },
  ];
  for (const c of checks) {
    const r = await guardPublication(db, deps, { agencyId, kind: c.kind, content: c.content, actor });
    if (r.status !== "blocked") continue;
    if (!r.findings.length)
      throw new AppError(422, "archive.not_checked", undefined, { reason: r.scanStatus });
    throw new AppError(
      422,
      "archive.pii_found",
      { findings: r.findings },
      {
        count: r.findings.length,
        first: r.findings[0].preview,
      },
    );
  }
}

export async function publishEntry(
  tx: Queryable,
  deps: AppDeps,
  agencyId: string,
  input: ArchiveMeta & {
    filename: string;
    data: Buffer;
    caseId?: string | null;
    redactionId?: string | null;
  },
  by: Actor,
) {
  if (!(await archiveEnabled(tx, agencyId))) throw conflict("archive.disabled");
  if (input.unitId) {
    const [u] = await tx
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.agencyId, agencyId), eq(units.id, input.unitId)));
    if (!u) throw badRequest("validation.failed", { unitId: "unknown unit" });
  }
  const [row] = await tx
    .insert(archiveEntries)
    .values({
      agencyId,
      title: input.title,
      summary: input.summary,
      documentDate: input.documentDate,
      unitId: input.unitId ?? null,
      caseId: input.caseId ?? null,
      redactionId: input.redactionId ?? null,
      filename: input.filename,
      mimeType: "application/pdf",
      size: input.data.length,
      sha256: createHash("sha256").update(input.data).digest("hex"),
      ...sealFile(deps.secrets.fieldKey, input.data),
      publishedBy: by.id,
      publishedByLabel: by.label,
    })
    .returning();
  return row;
}

export async function unpublishEntry(tx: Queryable, agencyId: string, id: string, reason: string) {
  const [e] = await tx
    .select({ id: archiveEntries.id, status: archiveEntries.status })
    .from(archiveEntries)
    .where(and(eq(archiveEntries.agencyId, agencyId), eq(archiveEntries.id, id)));
  if (!e) throw notFound();
  if (e.status !== "published") throw conflict("archive.already_unpublished");
  const [row] = await tx
    .update(archiveEntries)
    .set({ status: "unpublished", unpublishReason: reason, unpublishedAt: new Date() })
    .where(eq(archiveEntries.id, id))
    .returning();
  return row;
}

const listColumns = {
  id: archiveEntries.id,
  title: archiveEntries.title,
  summary: archiveEntries.summary,
  documentDate: archiveEntries.documentDate,
  unit: units.nameLocal,
  filename: archiveEntries.filename,
  size: archiveEntries.size,
  publishedAt: archiveEntries.publishedAt,
};

/** Words of a search, each matched (ILIKE) in the title or the summary; LIKE wildcards are taken literally. */
function wordsFilter(q: string) {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 8);
  return words.map((w) => {
    const pattern = `%${w.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    return or(ilike(archiveEntries.title, pattern), ilike(archiveEntries.summary, pattern));
  });
}

/** Staff list: every entry of the agency, withdrawn ones too. */
export async function staffList(q: Queryable, agencyId: string, words = "") {
  const rows = await q
    .select({
      ...listColumns,
      status: archiveEntries.status,
      unpublishReason: archiveEntries.unpublishReason,
      publishedBy: archiveEntries.publishedByLabel,
      caseId: archiveEntries.caseId,
    })
    .from(archiveEntries)
    .leftJoin(units, eq(units.id, archiveEntries.unitId))
    .where(and(eq(archiveEntries.agencyId, agencyId), ...wordsFilter(words)))
    .orderBy(desc(archiveEntries.publishedAt))
    .limit(500);
  return rows.map((r) => ({ ...r, publishedAt: r.publishedAt.toISOString() }));
}

/** The agency of a public archive, by code; unknown or not opted in: 404 (nothing to tell apart). */
export async function publicAgency(q: Queryable, code: string) {
  const [a] = await q
    .select({
      id: agencies.id,
      code: agencies.code,
      name: agencies.nameLocal,
      enabled: archiveSettings.enabled,
    })
    .from(agencies)
    .leftJoin(archiveSettings, eq(archiveSettings.agencyId, agencies.id))
    .where(eq(agencies.code, code));
  if (!a?.enabled) throw notFound("archive.disabled");
  return a;
}

export async function publicSearch(q: Queryable, agencyId: string, words: string, page: number) {
  const where = and(
    eq(archiveEntries.agencyId, agencyId),
    eq(archiveEntries.status, "published"),
    ...wordsFilter(words),
  );
  const pageSize = 20;
  const [rows, [{ n }]] = await Promise.all([
    q
      .select(listColumns)
      .from(archiveEntries)
      .leftJoin(units, eq(units.id, archiveEntries.unitId))
      .where(where)
      .orderBy(desc(archiveEntries.documentDate), desc(archiveEntries.publishedAt))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    q.select({ n: sql<number>`count(*)::int` }).from(archiveEntries).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, publishedAt: r.publishedAt.toISOString() })),
    total: Number(n),
    page,
    pageSize,
  };
}

export async function publicFile(q: Queryable, deps: AppDeps, agencyId: string, id: string) {
  const [e] = await q
    .select()
    .from(archiveEntries)
    .where(
      and(
        eq(archiveEntries.agencyId, agencyId),
        eq(archiveEntries.id, id),
        eq(archiveEntries.status, "published"),
      ),
    );
  if (!e) throw notFound();
  return { filename: e.filename, data: readStoredFile(deps.secrets.fieldKey, e) };
}
