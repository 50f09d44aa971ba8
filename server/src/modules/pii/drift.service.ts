import { and, desc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { piiDriftChecks, registryFiles } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, conflict, notFound } from "../../http/errors";
import { runJob, tooLargeUnpacked } from "../../workers/pool";
import { agencyEngineSpec } from "./agency-engine";
import { compareWithRegister } from "./drift-compare";
import type { Actor } from "./review.service";
import { reviewLimitBytes } from "./settings";

export type DriftRow = typeof piiDriftChecks.$inferSelect;

async function registerFile(q: Queryable, agencyId: string, fileId: string) {
  const [file] = await q
    .select({ id: registryFiles.id, items: registryFiles.items, itemKinds: registryFiles.itemKinds })
    .from(registryFiles)
    .where(and(eq(registryFiles.agencyId, agencyId), eq(registryFiles.id, fileId)));
  if (!file) throw notFound();
  return file;
}

export type DriftScan = Awaited<ReturnType<typeof scanDriftSample>>;

/**
 * The worker part of a drift check (scan and header read of the sample) with its refusals, in their
 * order: unknown file, too large, unpacks too large, wrong format, unreadable. The route runs it before
 * its transaction opens (RouteDef.prepare; `q` is then the database, for short reads).
 */
export async function scanDriftSample(
  q: Queryable,
  deps: AppDeps,
  agencyId: string,
  input: { fileId: string; filename: string; data: Buffer },
) {
  await registerFile(q, agencyId, input.fileId);
  const limit = reviewLimitBytes(deps);
  if (input.data.length > limit)
    throw new AppError(413, "pii.upload_too_large", undefined, {
      limit: `${Math.round(limit / 1048576)} MB`,
    });
  // Scan and header read run in an upload worker (bounded memory and time), never on the request thread.
  const { scan, headers: headerList } = await runJob("pii.drift", {
    data: input.data,
    filename: input.filename,
    engine: await agencyEngineSpec(q, deps.secrets, agencyId),
    limits: { maxBytes: limit, maxInMemoryBytes: limit },
  });
  if (scan.limitHit) throw tooLargeUnpacked();
  if (scan.format !== "csv" && scan.format !== "xlsx") throw new AppError(415, "pii.drift_format");
  // An xlsx the capped reader could not fully inflate (possible zip bomb, too large) never reached exceljs
  // (no headers); its findings are incomplete anyway, so a "clean" result would be false.
  if (!headerList)
    throw new AppError(400, "pii.unreadable", undefined, { reason: (scan.reason ?? "").slice(0, 200) });
  return { scan, headerList };
}

/**
 * Scans a sample export of a system (csv or xlsx) and compares what it holds with the register file it
 * belongs to. Undeclared unique identifiers, other undeclared kinds and sensitive columns become an
 * "open" finding for the register dashboard; only types, counts and column headers are kept.
 */
export async function runDriftCheck(
  tx: Queryable,
  deps: AppDeps,
  agencyId: string,
  actor: Actor,
  input: { fileId: string; filename: string; data: Buffer },
  scanned?: DriftScan,
): Promise<DriftRow> {
  const { scan, headerList } = scanned ?? (await scanDriftSample(tx, deps, agencyId, input));
  // Read again in the transaction: the file may have changed or gone since the scan.
  const file = await registerFile(tx, agencyId, input.fileId);
  const headers = new Map(headerList.map(([sheet, cols]) => [sheet, new Map(cols)]));
  const found: Record<string, number> = {};
  const evidence: Array<{ type: string; where: string }> = [];
  const seenWhere = new Set<string>();
  for (const f of scan.findings) {
    found[f.type] = (found[f.type] ?? 0) + 1;
    const sheet = (f.location.sheet as string | undefined) ?? "";
    const col = f.location.column as number | undefined;
    const header = col ? headers.get(sheet)?.get(col) : undefined;
    const where = [sheet, header ?? (col ? `#${col}` : f.location.part)].filter(Boolean).join(" / ");
    const k = `${f.type}|${where}`;
    if (!seenWhere.has(k) && evidence.length < 50) {
      seenWhere.add(k);
      evidence.push({ type: f.type, where });
    }
  }
  const allHeaders = [...headers.values()].flatMap((m) => [...m.values()]).filter(Boolean);
  const cmp = compareWithRegister({
    items: file.items,
    itemKinds: file.itemKinds,
    found,
    headers: allHeaders,
  });
  for (const s of cmp.sensitiveHeaders)
    evidence.push({ type: `SENSITIVE:${s.cls}`, where: s.header.slice(0, 100) });
  const undeclared =
    cmp.undeclaredUnique.length + cmp.undeclaredOther.length + cmp.undeclaredSensitive.length;
  const [row] = await tx
    .insert(piiDriftChecks)
    .values({
      agencyId,
      fileId: file.id,
      sampleName: input.filename.replace(/[/\\\u0000-\u001f]/g, "_").slice(-200) || "sample",
      scanStatus: scan.status,
      found,
      undeclaredUnique: cmp.undeclaredUnique,
      undeclaredOther: cmp.undeclaredOther,
      undeclaredSensitive: cmp.undeclaredSensitive,
      evidence,
      status: undeclared > 0 || scan.status !== "ok" ? "open" : "clean",
      createdBy: actor.id,
    })
    .returning();
  return row;
}

export async function listDriftChecks(q: Queryable, agencyId: string, fileId?: string) {
  const conds = [eq(piiDriftChecks.agencyId, agencyId)];
  if (fileId) conds.push(eq(piiDriftChecks.fileId, fileId));
  return q
    .select({
      id: piiDriftChecks.id,
      fileId: piiDriftChecks.fileId,
      fileName: registryFiles.name,
      sampleName: piiDriftChecks.sampleName,
      scanStatus: piiDriftChecks.scanStatus,
      found: piiDriftChecks.found,
      undeclaredUnique: piiDriftChecks.undeclaredUnique,
      undeclaredOther: piiDriftChecks.undeclaredOther,
      undeclaredSensitive: piiDriftChecks.undeclaredSensitive,
      evidence: piiDriftChecks.evidence,
      status: piiDriftChecks.status,
      resolutionNote: piiDriftChecks.resolutionNote,
      resolvedAt: piiDriftChecks.resolvedAt,
      createdAt: piiDriftChecks.createdAt,
    })
    .from(piiDriftChecks)
    .innerJoin(registryFiles, eq(registryFiles.id, piiDriftChecks.fileId))
    .where(and(...conds))
    .orderBy(desc(piiDriftChecks.createdAt))
    .limit(500);
}

/**
 * Open drift findings for the register dashboard: per file, the latest check if it is still open.
 * A later clean check of the same file closes the earlier ones.
 */
export async function openDriftFindings(q: Queryable, agencyId: string) {
  const rows = await listDriftChecks(q, agencyId);
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.fileId)) latest.set(r.fileId, r);
  return [...latest.values()]
    .filter((r) => r.status === "open")
    .map((r) => ({
      id: r.id,
      fileId: r.fileId,
      fileName: r.fileName,
      sampleName: r.sampleName,
      scanStatus: r.scanStatus,
      undeclaredUnique: r.undeclaredUnique,
      undeclaredOther: r.undeclaredOther,
      undeclaredSensitive: r.undeclaredSensitive,
      checkedAt: r.createdAt.toISOString(),
    }));
}

export async function resolveDriftCheck(
  q: Queryable,
  agencyId: string,
  id: string,
  actor: Actor,
  note: string,
) {
  const [cur] = await q
    .select({ status: piiDriftChecks.status })
    .from(piiDriftChecks)
    .where(and(eq(piiDriftChecks.agencyId, agencyId), eq(piiDriftChecks.id, id)));
  if (!cur) throw notFound("pii.check_unknown");
  if (cur.status !== "open") throw conflict("pii.already_resolved");
  const [row] = await q
    .update(piiDriftChecks)
    .set({ status: "resolved", resolvedBy: actor.id, resolvedAt: new Date(), resolutionNote: note })
    .where(and(eq(piiDriftChecks.agencyId, agencyId), inArray(piiDriftChecks.id, [id])))
    .returning();
  return row;
}
