import { createHash } from "node:crypto";
import { codeSet } from "@civicpims/core/registry/lists";
import { and, asc, eq, inArray, max } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import {
  registryCorrectiveActions,
  registryEntrustmentFiles,
  registryEntrustments,
  registryEvidence,
  registryFiles,
  registrySupervisions,
  registryVendorStaff,
} from "../../db/schema";
import type { ClauseStatus } from "../../db/schema/registry";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest, conflict, notFound } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { sealFile } from "../../security/file-crypto";
import { readStoredFile } from "../../security/file-migration";
import { invalid } from "./files.service";
import { recordHistory } from "./history";
import { type RegCtx, regCtx } from "./registry-context";
import * as s from "./schemas";
import { deleteWithHistory, patchWithHistory } from "./simple-crud";
import { assertVersion, loadOwned, requireReason, updateVersioned } from "./versioned";

const tag = "registry";

type Row = typeof registryEntrustments.$inferSelect;

async function fileIdsOf(ctx: Pick<RegCtx, "tx" | "agencyId">, ids: string[]) {
  const map = new Map<string, string[]>(ids.map((id) => [id, []]));
  if (!ids.length) return map;
  const links = await ctx.tx
    .select()
    .from(registryEntrustmentFiles)
    .where(
      and(
        eq(registryEntrustmentFiles.agencyId, ctx.agencyId),
        inArray(registryEntrustmentFiles.entrustmentId, ids),
      ),
    );
  for (const l of links) map.get(l.entrustmentId)?.push(l.fileId);
  return map;
}

async function setFiles(ctx: RegCtx, entrustmentId: string, fileIds: string[]) {
  const unique = [...new Set(fileIds)];
  if (unique.length) {
    const found = await ctx.tx
      .select({ id: registryFiles.id })
      .from(registryFiles)
      .where(and(eq(registryFiles.agencyId, ctx.agencyId), inArray(registryFiles.id, unique)));
    if (found.length !== unique.length) throw notFound();
  }
  await ctx.tx
    .delete(registryEntrustmentFiles)
    .where(eq(registryEntrustmentFiles.entrustmentId, entrustmentId));
  if (unique.length) {
    await ctx.tx
      .insert(registryEntrustmentFiles)
      .values(unique.map((fileId) => ({ agencyId: ctx.agencyId, entrustmentId, fileId })));
  }
}

/** The pack's checklist with the caller's statuses laid over it; unknown clause codes are refused. */
function mergeClauses(
  ctx: RegCtx,
  given: Array<{ code: string; status: ClauseStatus["status"]; note?: string | null }> | undefined,
  current: ClauseStatus[] = [],
): ClauseStatus[] {
  const known = codeSet(ctx.lists.entrustmentClauses);
  const bad = (given ?? []).filter((c) => !known.has(c.code));
  if (bad.length)
    throw invalid(
      ctx,
      bad.map((b) => ({ field: "clauses", code: "unknown_code" as const, params: { value: b.code } })),
    );
  const byCode = new Map([...current, ...(given ?? [])].map((c) => [c.code, c]));
  return ctx.lists.entrustmentClauses
    .filter((e) => !e.deletedOn)
    .map((e) => ({
      code: e.code,
      status: byCode.get(e.code)?.status ?? "missing",
      note: byCode.get(e.code)?.note ?? null,
    }));
}

function view(row: Row, fileIds: string[]) {
  const { agencyId, ...rest } = row;
  return { ...rest, fileIds };
}

const ALLOWED_TYPES: Array<{ type: string; magic: number[] }> = [
  { type: "application/pdf", magic: [0x25, 0x50, 0x44, 0x46] },
  { type: "image/png", magic: [0x89, 0x50, 0x4e, 0x47] },
  { type: "image/jpeg", magic: [0xff, 0xd8, 0xff] },
];

/** The evidence type is decided by the bytes, not by the name or the declared type. */
export function sniffEvidenceType(buf: Buffer): string | null {
  return ALLOWED_TYPES.find((t) => t.magic.every((b, i) => buf[i] === b))?.type ?? null;
}

/** Entrustments (B7, G7-G9): vendor, tasks, files, clause checklist, supervision, vendor staff, termination. */
export function registerEntrustmentRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/entrustments",
    access: "registry.read",
    tag,
    summary: "Entrustments with their files",
    handler: async (c) => {
      const rows = await c.tx
        .select()
        .from(registryEntrustments)
        .where(eq(registryEntrustments.agencyId, c.agencyId))
        .orderBy(asc(registryEntrustments.seq));
      const files = await fileIdsOf(
        c,
        rows.map((r) => r.id),
      );
      return rows.map((r) => view(r, files.get(r.id) ?? []));
    },
    audit: { skip: "vendors are organisations; no data about any person" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/registry/entrustments",
    access: "registry.write",
    tag,
    summary: "Record an entrustment; the clause checklist of the rule pack is attached",
    body: s.entrustmentFields,
    status: 201,
    handler: async (c) => {
      const ctx = await regCtx(c);
      const { fileIds, clauses, ...fields } = c.body;
      if (fields.contractStart && fields.contractEnd && fields.contractEnd < fields.contractStart) {
        throw invalid(ctx, [
          {
            field: "contractEnd",
            code: "date_order",
            params: { value: fields.contractEnd, min: fields.contractStart },
          },
        ]);
      }
      const [{ m }] = await c.tx
        .select({ m: max(registryEntrustments.seq) })
        .from(registryEntrustments)
        .where(eq(registryEntrustments.agencyId, c.agencyId));
      const [row] = await c.tx
        .insert(registryEntrustments)
        .values({ ...fields, agencyId: c.agencyId, seq: (m ?? 0) + 1, clauses: mergeClauses(ctx, clauses) })
        .returning();
      await setFiles(ctx, row.id, fileIds);
      const v = view(row, fileIds);
      await recordHistory(c.tx, ctx.actor, {
        entityType: "entrustment",
        entityId: row.id,
        version: 1,
        action: "create",
        after: v,
      });
      return v;
    },
    audit: {
      action: "registry.entrustment.create",
      resourceType: "registry_entrustment",
      resourceId: (r) => r.id,
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/entrustments/:id",
    access: "registry.read",
    tag,
    summary: "One entrustment with supervision records and evidence list",
    params: s.idParams,
    handler: async (c) => {
      const ctx = await regCtx(c);
      const row = await loadOwned(c.tx, registryEntrustments, c.agencyId, c.params.id);
      const files = await fileIdsOf(c, [row.id]);
      const sups = await c.tx
        .select()
        .from(registrySupervisions)
        .where(
          and(eq(registrySupervisions.agencyId, c.agencyId), eq(registrySupervisions.entrustmentId, row.id)),
        )
        .orderBy(asc(registrySupervisions.inspectedOn));
      const actions = await c.tx
        .select()
        .from(registryCorrectiveActions)
        .where(
          and(
            eq(registryCorrectiveActions.agencyId, c.agencyId),
            eq(registryCorrectiveActions.entrustmentId, row.id),
          ),
        )
        .orderBy(asc(registryCorrectiveActions.dueOn));
      const evidence = await c.tx
        .select({
          id: registryEvidence.id,
          kind: registryEvidence.kind,
          filename: registryEvidence.filename,
          contentType: registryEvidence.contentType,
          size: registryEvidence.size,
          sha256: registryEvidence.sha256,
          uploadedAt: registryEvidence.uploadedAt,
        })
        .from(registryEvidence)
        .where(and(eq(registryEvidence.agencyId, c.agencyId), eq(registryEvidence.entrustmentId, row.id)));
      return {
        ...view(row, files.get(row.id) ?? []),
        supervisions: sups.map((sv) => ({
          ...sv,
          actions: actions
            .filter((a) => a.supervisionId === sv.id)
            .map((a) => ({ ...a, overdue: !a.doneOn && a.dueOn < ctx.today })),
        })),
        evidence,
      };
    },
    audit: { skip: "vendors are organisations; inspector names are staff acting in office" },
  });

  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/registry/entrustments/:id",
    access: "registry.write",
    tag,
    summary: "Change an entrustment (fileIds and clauses replace the whole list)",
    params: s.idParams,
    body: s.entrustmentPatch,
    handler: async (c) => {
      const ctx = await regCtx(c);
      const reason = requireReason(c.body.reason);
      const before = await loadOwned(c.tx, registryEntrustments, c.agencyId, c.params.id);
      assertVersion(before.version, c.body.version);
      const { fileIds, clauses, version: _v, reason: _r, ...fields } = c.body;
      const prevFiles = (await fileIdsOf(c, [before.id])).get(before.id) ?? [];
      const values: Record<string, unknown> = { ...fields, updatedAt: new Date() };
      if (clauses) values.clauses = mergeClauses(ctx, clauses, before.clauses);
      const after = await updateVersioned(
        c.tx,
        registryEntrustments,
        c.agencyId,
        before.id,
        before.version,
        values,
      );
      if (fileIds) await setFiles(ctx, before.id, fileIds);
      const v = view(after, fileIds ?? prevFiles);
      await recordHistory(c.tx, ctx.actor, {
        entityType: "entrustment",
        entityId: before.id,
        version: after.version,
        action: "update",
        reason,
        before: view(before, prevFiles),
        after: v,
      });
      return v;
    },
    audit: {
      action: "registry.entrustment.update",
      resourceType: "registry_entrustment",
      resourceId: (r) => r.id,
    },
  });

  defineRoute(app, deps, {
    method: "DELETE",
    url: "/api/registry/entrustments/:id",
    access: "registry.delete",
    tag,
    summary: "Delete an entrustment record (with its supervision records and evidence)",
    params: s.idParams,
    body: s.deleteBody,
    handler: async (c) =>
      deleteWithHistory(await regCtx(c), registryEntrustments, "entrustment", c.params.id, c.body),
    audit: {
      action: "registry.entrustment.delete",
      resourceType: "registry_entrustment",
      resourceId: (r) => r.id,
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/registry/entrustments/:id/supervisions",
    access: "registry.write",
    tag,
    summary: "Record an inspection of the vendor with findings and corrective actions (G8)",
    params: s.idParams,
    body: s.supervisionCreate,
    status: 201,
    handler: async (c) => {
      const ctx = await regCtx(c);
      await loadOwned(c.tx, registryEntrustments, c.agencyId, c.params.id);
      const { actions, ...fields } = c.body;
      const [sv] = await c.tx
        .insert(registrySupervisions)
        .values({ ...fields, agencyId: c.agencyId, entrustmentId: c.params.id, createdBy: ctx.actor.actorId })
        .returning();
      const acts = actions.length
        ? await c.tx
            .insert(registryCorrectiveActions)
            .values(
              actions.map((a) => ({
                ...a,
                agencyId: c.agencyId,
                supervisionId: sv.id,
                entrustmentId: c.params.id,
              })),
            )
            .returning()
        : [];
      const out = { ...sv, actions: acts };
      await recordHistory(c.tx, ctx.actor, {
        entityType: "supervision",
        entityId: sv.id,
        version: 1,
        action: "create",
        after: out,
      });
      return out;
    },
    audit: {
      action: "registry.supervision.create",
      resourceType: "registry_supervision",
      resourceId: (r) => r.id,
    },
  });

  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/registry/corrective-actions/:id",
    access: "registry.write",
    tag,
    summary: "Mark a corrective action done (or reopen it)",
    params: s.idParams,
    body: s.actionPatch,
    handler: async (c) => {
      const ctx = await regCtx(c);
      const [before] = await c.tx
        .select()
        .from(registryCorrectiveActions)
        .where(
          and(
            eq(registryCorrectiveActions.agencyId, c.agencyId),
            eq(registryCorrectiveActions.id, c.params.id),
          ),
        );
      if (!before) throw notFound();
      const [after] = await c.tx
        .update(registryCorrectiveActions)
        .set({ doneOn: c.body.doneOn, note: c.body.note ?? before.note })
        .where(eq(registryCorrectiveActions.id, before.id))
        .returning();
      await recordHistory(c.tx, ctx.actor, {
        entityType: "supervision",
        entityId: before.supervisionId,
        version: 1,
        action: "update",
        reason: c.body.note ?? "corrective action",
        before: { action: before },
        after: { action: after },
      });
      return after;
    },
    audit: {
      action: "registry.corrective_action.update",
      resourceType: "registry_corrective_action",
      resourceId: (r) => r.id,
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/entrustments/:id/vendor-staff",
    access: "registry.vendor_staff.read",
    tag,
    summary: "Vendor staff with access, and when their accounts were locked (G9)",
    params: s.idParams,
    handler: async (c) => {
      await loadOwned(c.tx, registryEntrustments, c.agencyId, c.params.id);
      return c.tx
        .select()
        .from(registryVendorStaff)
        .where(
          and(
            eq(registryVendorStaff.agencyId, c.agencyId),
            eq(registryVendorStaff.entrustmentId, c.params.id),
          ),
        )
        .orderBy(asc(registryVendorStaff.createdAt));
    },
    audit: {
      action: "registry.vendor_staff.list",
      resourceType: "registry_vendor_staff",
      details: (r) => ({ count: r.length }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/registry/entrustments/:id/vendor-staff",
    access: "registry.write",
    tag,
    summary: "Add a vendor staff member",
    params: s.idParams,
    body: s.vendorStaffCreate,
    status: 201,
    handler: async (c) => {
      const ctx = await regCtx(c);
      await loadOwned(c.tx, registryEntrustments, c.agencyId, c.params.id);
      const [row] = await c.tx
        .insert(registryVendorStaff)
        .values({ ...c.body, agencyId: c.agencyId, entrustmentId: c.params.id })
        .returning();
      await recordHistory(c.tx, ctx.actor, {
        entityType: "vendor_staff",
        entityId: row.id,
        version: 1,
        action: "create",
        after: row,
      });
      return row;
    },
    audit: {
      action: "registry.vendor_staff.create",
      resourceType: "registry_vendor_staff",
      resourceId: (r) => r.id,
    },
  });

  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/registry/vendor-staff/:id",
    access: "registry.write",
    tag,
    summary: "Change a vendor staff record (departure: departedOn, accountLockedAt, passwordsChangedAt)",
    params: s.idParams,
    body: s.vendorStaffPatch,
    handler: async (c) => {
      const { accountLockedAt, passwordsChangedAt, ...rest } = c.body;
      const extra: Record<string, unknown> = {};
      if (accountLockedAt !== undefined)
        extra.accountLockedAt = accountLockedAt ? new Date(accountLockedAt) : null;
      if (passwordsChangedAt !== undefined)
        extra.passwordsChangedAt = passwordsChangedAt ? new Date(passwordsChangedAt) : null;
      return patchWithHistory(await regCtx(c), registryVendorStaff, "vendor_staff", c.params.id, rest, extra);
    },
    audit: {
      action: "registry.vendor_staff.update",
      resourceType: "registry_vendor_staff",
      resourceId: (r) => r.id,
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/registry/entrustments/:id/evidence",
    access: "registry.write",
    tag,
    summary:
      "Upload termination evidence (multipart: field kind, then file): PDF/PNG/JPEG up to maxUploadBytes",
    params: s.idParams,
    status: 201,
    handler: async (c) => {
      await loadOwned(c.tx, registryEntrustments, c.agencyId, c.params.id);
      if (!c.req.isMultipart()) throw badRequest("registry.upload_missing");
      let kind: string | undefined;
      let file: { filename: string; data: Buffer } | undefined;
      for await (const part of c.req.parts()) {
        if (part.type === "field" && part.fieldname === "kind") kind = String(part.value);
        else if (part.type === "file") {
          const data = await part.toBuffer();
          file = { filename: part.filename.slice(0, 200), data };
        }
      }
      if (!file || file.data.length === 0) throw badRequest("registry.upload_missing");
      if (!kind || !["affidavit", "return_confirmation", "deletion_confirmation"].includes(kind)) {
        throw new AppError(400, "validation", [
          { path: "/kind", message: "affidavit | return_confirmation | deletion_confirmation" },
        ]);
      }
      const contentType = sniffEvidenceType(file.data);
      if (!contentType) throw new AppError(415, "registry.upload_type");
      const [row] = await c.tx
        .insert(registryEvidence)
        .values({
          agencyId: c.agencyId,
          entrustmentId: c.params.id,
          kind: kind as "affidavit",
          filename: file.filename,
          contentType,
          size: file.data.length,
          sha256: createHash("sha256").update(file.data).digest("hex"),
          // E4: evidence names vendor staff and holds signatures: own data key, wrapped with the field key.
          ...sealFile(c.deps.secrets.fieldKey, file.data),
          uploadedBy: c.auth.staffId,
        })
        .returning({
          id: registryEvidence.id,
          kind: registryEvidence.kind,
          filename: registryEvidence.filename,
          contentType: registryEvidence.contentType,
          size: registryEvidence.size,
          sha256: registryEvidence.sha256,
          uploadedAt: registryEvidence.uploadedAt,
        });
      return row;
    },
    audit: {
      action: "registry.evidence.upload",
      resourceType: "registry_evidence",
      resourceId: (r) => r.id,
      details: (r) => ({ kind: r.kind, size: r.size, sha256: r.sha256 }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/evidence/:id",
    access: "registry.read",
    tag,
    summary: "Download an evidence file",
    params: s.idParams,
    // Not raw: the file is returned, so it leaves only after the transaction holding its ledger entry committed.
    handler: async (c) => {
      const [row] = await c.tx
        .select()
        .from(registryEvidence)
        .where(and(eq(registryEvidence.agencyId, c.agencyId), eq(registryEvidence.id, c.params.id)));
      if (!row) throw notFound();
      c.audit({
        action: "registry.evidence.download",
        resourceType: "registry_evidence",
        resourceId: row.id,
        details: { kind: row.kind },
      });
      c.reply
        .header("content-type", row.contentType)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(row.filename)}`)
        .header("x-content-type-options", "nosniff");
      return readStoredFile(c.deps.secrets.fieldKey, row);
    },
    audit: { skip: "the download entry is added in the handler (same transaction)" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/registry/entrustments/:id/terminate",
    access: "registry.write",
    tag,
    summary: "Terminate: return/deletion confirmed, access revoked (G9)",
    params: s.idParams,
    body: s.terminateBody,
    handler: async (c) => {
      const ctx = await regCtx(c);
      const cur = await loadOwned(c.tx, registryEntrustments, c.agencyId, c.params.id);
      if (cur.status === "terminated") throw conflict("registry.already_terminated");
      const { note, ...rest } = c.body;
      return patchWithHistory(
        ctx,
        registryEntrustments,
        "entrustment",
        cur.id,
        { ...rest },
        { status: "terminated", terminationNote: note ?? null },
      );
    },
    audit: {
      action: "registry.entrustment.terminate",
      resourceType: "registry_entrustment",
      resourceId: (r) => r.id,
    },
  });
}
