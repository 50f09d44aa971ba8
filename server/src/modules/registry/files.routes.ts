import { can, type Role } from "@civicpims/core/auth/permissions";
import { getRulePack } from "@civicpims/core/jurisdictions/index";
import { FILE_FIELDS } from "@civicpims/core/registry/fields";
import { labelled } from "@civicpims/core/registry/lists";
import { text } from "@civicpims/core/validation/index";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Tx } from "../../db/client";
import {
  recordSeries,
  registryEntrustmentFiles,
  registryEntrustments,
  registryFlows,
  registryProvisions,
  registryRiskAssessments,
} from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { defineRoute } from "../../http/route";
import type { LedgerInput } from "../audit/ledger.service";
import { todayIn } from "./context";
import {
  createFile,
  deleteFile,
  FILE_SORTS,
  getFile,
  getFileRow,
  listFiles,
  updateFile,
} from "./files.service";
import { listHistory } from "./history";
import { assertMayOverride, guardFileWrite } from "./publication";
import { regCtx } from "./registry-context";
import * as s from "./schemas";
import { assertUnitWritable } from "./unit-scope";

const tag = "registry";

const rolesOf = (auth: { roles: Array<{ role: Role }> }) => auth.roles.map((r) => r.role);

/** What the publication guard needs from a write request (issue 7 item 6 applied to the register). */
function guardCtx(c: {
  tx: Tx;
  deps: AppDeps;
  agencyId: string;
  auth: { staffId: string; username: string; roles: Array<{ role: Role }> };
  audit: (e: LedgerInput) => void;
}) {
  return {
    tx: c.tx,
    deps: c.deps,
    agencyId: c.agencyId,
    actor: { id: c.auth.staffId, label: c.auth.username },
    audit: c.audit,
    canOverride: can(rolesOf(c.auth), "pii.guard.override"),
  };
}

export const fileListQuery = z.object({
  q: text({ max: 200, trim: false }).optional(),
  unitId: z.uuid().optional(),
  sensitive: s.qbool,
  uniqueId: s.qbool,
  entrusted: s.qbool,
  public: s.qbool,
  reviewDue: s.qbool,
  status: z.enum(["active", "retired"]).optional(),
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  sort: z.enum(FILE_SORTS).default("name"),
});

export function registerFileRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/catalogues",
    access: "registry.read",
    tag,
    summary: "Code lists of the agency's rule pack for the register forms (with local entries)",
    handler: async (c) => {
      const ctx = await regCtx(c);
      const lists = Object.fromEntries(Object.entries(ctx.lists).map(([k, v]) => [k, labelled(v, c.locale)]));
      const fields = FILE_FIELDS.map((f) => ({
        key: f.key,
        type: f.type,
        label: f.label[c.locale],
        help: f.help[c.locale],
        required: !!f.required,
        list: f.list ?? null,
        values: f.values ?? null,
        refs: f.refs,
      }));
      return { jurisdiction: ctx.agency.jurisdiction, lists, fields };
    },
    audit: { skip: "rule-pack code lists, no personal data" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/files",
    access: "registry.read",
    tag,
    summary: "Search, filter, sort and page the personal-data file register",
    query: fileListQuery,
    // Read-only: no transaction round trips; "today" (for reviewDue) in the rule pack's time zone.
    readOnlyNoTransaction: true,
    handler: async (c) =>
      listFiles(
        { tx: c.tx, agencyId: c.agencyId, today: todayIn(getRulePack(c.auth.jurisdiction).timeZone) },
        c.query,
      ),
    audit: { skip: "register metadata: declarations about files, no data about any person" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/registry/files",
    access: "registry.write",
    tag,
    summary: "Register a personal-data file",
    body: s.fileCreate,
    status: 201,
    handler: async (c) => {
      const { publicationOverride, ...fields } = c.body;
      assertUnitWritable(c.auth, fields.unitId);
      assertMayOverride(rolesOf(c.auth), publicationOverride);
      const file = await createFile(await regCtx(c), fields);
      const publication = await guardFileWrite(guardCtx(c), null, file, publicationOverride);
      return { ...file, publication };
    },
    audit: {
      action: "registry.file.create",
      resourceType: "registry_file",
      resourceId: (r) => r.id,
      details: (r) => ({ name: r.name }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/files/:id",
    access: "registry.read",
    tag,
    summary: "One file with its flows, provisions, entrustments and latest risk assessment",
    params: s.idParams,
    handler: async (c) => {
      const ctx = await regCtx(c);
      const file = await getFile(ctx, c.params.id);
      const flows = await c.tx
        .select()
        .from(registryFlows)
        .where(and(eq(registryFlows.agencyId, c.agencyId), eq(registryFlows.fileId, file.id)));
      const provisions = await c.tx
        .select()
        .from(registryProvisions)
        .where(and(eq(registryProvisions.agencyId, c.agencyId), eq(registryProvisions.fileId, file.id)));
      const entrustments = await c.tx
        .select({
          id: registryEntrustments.id,
          seq: registryEntrustments.seq,
          vendor: registryEntrustments.vendor,
          tasks: registryEntrustments.tasks,
          status: registryEntrustments.status,
          contractEnd: registryEntrustments.contractEnd,
        })
        .from(registryEntrustmentFiles)
        .innerJoin(registryEntrustments, eq(registryEntrustments.id, registryEntrustmentFiles.entrustmentId))
        .where(
          and(
            eq(registryEntrustmentFiles.agencyId, c.agencyId),
            eq(registryEntrustmentFiles.fileId, file.id),
          ),
        );
      const risks = await c.tx
        .select()
        .from(registryRiskAssessments)
        .where(
          and(eq(registryRiskAssessments.agencyId, c.agencyId), eq(registryRiskAssessments.fileId, file.id)),
        );
      const latestRisk = risks.sort((a, b) => (a.assessedOn < b.assessedOn ? 1 : -1))[0] ?? null;
      // The records series the file is kept in (J2), named here: the file page is open to readers of the
      // register who may not read the records module.
      const [recordsSeries] = file.recordsSeriesId
        ? await c.tx
            .select({
              id: recordSeries.id,
              code: recordSeries.code,
              title: recordSeries.title,
              retentionClass: recordSeries.retentionClass,
            })
            .from(recordSeries)
            .where(and(eq(recordSeries.agencyId, c.agencyId), eq(recordSeries.id, file.recordsSeriesId)))
        : [];
      return { ...file, flows, provisions, entrustments, latestRisk, recordsSeries: recordsSeries ?? null };
    },
    audit: { skip: "register metadata: declarations about files, no data about any person" },
  });

  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/registry/files/:id",
    access: "registry.write",
    tag,
    summary: "Change a file (version and reason required; stale version -> 409)",
    params: s.idParams,
    body: s.filePatch,
    handler: async (c) => {
      const { publicationOverride, ...patch } = c.body;
      const current = await getFileRow(c.tx, c.agencyId, c.params.id);
      assertUnitWritable(c.auth, current.unitId, patch.unitId);
      assertMayOverride(rolesOf(c.auth), publicationOverride);
      const file = await updateFile(await regCtx(c), c.params.id, patch);
      const publication = await guardFileWrite(guardCtx(c), current, file, publicationOverride);
      return { ...file, publication };
    },
    audit: {
      action: "registry.file.update",
      resourceType: "registry_file",
      resourceId: (r) => r.id,
      details: (r) => ({ version: r.version }),
    },
  });

  defineRoute(app, deps, {
    method: "DELETE",
    url: "/api/registry/files/:id",
    access: "registry.delete",
    tag,
    summary: "Delete a file no other record refers to (else 409 registry.file_referenced)",
    params: s.idParams,
    body: s.deleteBody,
    handler: async (c) => deleteFile(await regCtx(c), c.params.id, c.body.version, c.body.reason),
    audit: {
      action: "registry.file.delete",
      resourceType: "registry_file",
      resourceId: (r) => r.id,
      details: (r) => ({ name: r.name }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/history/:entityType/:id",
    access: "registry.read",
    tag,
    summary: "Change history of a register record as field-level diffs (who, when, why)",
    params: s.historyParams,
    handler: async (c) => {
      const rows = await listHistory(c.tx, c.agencyId, c.params.entityType, c.params.id);
      if (!rows.length) throw new AppError(404, "not_found");
      return rows;
    },
    audit: {
      action: "registry.history.read",
      resourceType: "registry_history",
      details: (r) => ({ entries: r.length }),
    },
  });
}
