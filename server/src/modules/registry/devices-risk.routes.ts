import { scoreRisk } from "@civicpims/core/jurisdictions/tw/catalogues/riskFactors";
import { deviceNoticeText } from "@civicpims/core/registry/notice";
import { and, asc, desc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { registryDevices, registryRiskAssessments, units } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { getFileRow, invalid } from "./files.service";
import { regCtx } from "./registry-context";
import * as s from "./schemas";
import { deleteWithHistory, insertWithHistory, patchWithHistory } from "./simple-crud";
import { assertUnitWritable } from "./unit-scope";
import { loadOwned } from "./versioned";

const tag = "registry";

async function assertUnit(
  tx: Parameters<typeof getFileRow>[0],
  agencyId: string,
  unitId: string | null | undefined,
) {
  if (!unitId) return;
  const [u] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.agencyId, agencyId), eq(units.id, unitId)));
  if (!u) throw notFound();
}

/** CCTV devices (B10) and risk assessments (E10). */
export function registerDeviceRiskRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/devices",
    access: "registry.read",
    tag,
    summary: "Video devices (CCTV)",
    handler: async ({ tx, agencyId }) =>
      tx
        .select()
        .from(registryDevices)
        .where(eq(registryDevices.agencyId, agencyId))
        .orderBy(asc(registryDevices.name)),
    audit: { skip: "device register; manager contacts are office contacts" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/registry/devices",
    access: "registry.write",
    tag,
    summary: "Add a video device",
    body: s.deviceFields,
    status: 201,
    handler: async (c) => {
      await assertUnit(c.tx, c.agencyId, c.body.unitId);
      assertUnitWritable(c.auth, c.body.unitId);
      return insertWithHistory(await regCtx(c), registryDevices, "device", c.body);
    },
    audit: { action: "registry.device.create", resourceType: "registry_device", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/devices/:id",
    access: "registry.read",
    tag,
    summary: "One video device",
    params: s.idParams,
    handler: async ({ tx, agencyId, params }) => loadOwned(tx, registryDevices, agencyId, params.id),
    audit: { skip: "device register; manager contacts are office contacts" },
  });

  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/registry/devices/:id",
    access: "registry.write",
    tag,
    summary: "Change a video device",
    params: s.idParams,
    body: s.devicePatch,
    handler: async (c) => {
      await assertUnit(c.tx, c.agencyId, c.body.unitId);
      // A handler scoped to one unit manages only that unit's devices (and cannot move one out of it).
      const cur = await loadOwned(c.tx, registryDevices, c.agencyId, c.params.id);
      assertUnitWritable(c.auth, cur.unitId, c.body.unitId);
      return patchWithHistory(await regCtx(c), registryDevices, "device", c.params.id, c.body);
    },
    audit: { action: "registry.device.update", resourceType: "registry_device", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "DELETE",
    url: "/api/registry/devices/:id",
    access: "registry.delete",
    tag,
    summary: "Delete a video device",
    params: s.idParams,
    body: s.deleteBody,
    handler: async (c) => deleteWithHistory(await regCtx(c), registryDevices, "device", c.params.id, c.body),
    audit: { action: "registry.device.delete", resourceType: "registry_device", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/devices/:id/notice",
    access: "registry.read",
    tag,
    summary: "Notice-board text generated from the device record",
    params: s.idParams,
    query: s.noticeQuery,
    handler: async (c) => {
      const ctx = await regCtx(c);
      const d = await loadOwned(c.tx, registryDevices, c.agencyId, c.params.id);
      const lang = c.query.lang ?? ctx.agency.defaultLocale;
      const agencyName = lang === "en" ? ctx.agency.nameEn : ctx.agency.nameLocal;
      return { lang, text: deviceNoticeText(d, agencyName, lang) };
    },
    audit: { skip: "generated notice text from the device register" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/files/:id/risk-assessments",
    access: "registry.read",
    tag,
    summary: "Risk assessments of a file, newest first",
    params: s.idParams,
    handler: async ({ tx, agencyId, params }) => {
      await getFileRow(tx, agencyId, params.id);
      const rows = await tx
        .select()
        .from(registryRiskAssessments)
        .where(
          and(eq(registryRiskAssessments.agencyId, agencyId), eq(registryRiskAssessments.fileId, params.id)),
        )
        .orderBy(desc(registryRiskAssessments.assessedOn), desc(registryRiskAssessments.createdAt));
      return rows.map((r) => ({ ...r, mean: Number(r.mean) }));
    },
    audit: { skip: "risk scores of a file, no data about any person" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/registry/files/:id/risk-assessments",
    access: "registry.write",
    tag,
    summary: "Score a file on the E10 factors (1..5 each); level from scoreRisk",
    params: s.idParams,
    body: s.riskCreate,
    status: 201,
    handler: async (c) => {
      const ctx = await regCtx(c);
      assertUnitWritable(c.auth, (await getFileRow(c.tx, c.agencyId, c.params.id)).unitId);
      const factors = ctx.lists.riskFactors;
      const known = new Set(factors.map((f) => f.code));
      const unknown = Object.keys(c.body.scores).filter((k) => !known.has(k));
      if (unknown.length)
        throw invalid(
          ctx,
          unknown.map((u) => ({ field: "scores", code: "unknown_code" as const, params: { value: u } })),
        );
      let result: ReturnType<typeof scoreRisk>;
      try {
        result = scoreRisk(c.body.scores, factors);
      } catch {
        throw new AppError(400, "registry.risk_scores");
      }
      if (c.body.nextReviewOn && c.body.nextReviewOn < c.body.assessedOn) {
        throw invalid(ctx, [
          {
            field: "nextReviewOn",
            code: "date_order",
            params: { value: c.body.nextReviewOn, min: c.body.assessedOn },
          },
        ]);
      }
      const row = await insertWithHistory(ctx, registryRiskAssessments, "risk", {
        ...c.body,
        fileId: c.params.id,
        mean: result.mean.toFixed(2),
        level: result.level,
        assessor: ctx.actor.actorId,
      });
      return { ...row, mean: Number(row.mean) };
    },
    audit: {
      action: "registry.risk.create",
      resourceType: "registry_risk_assessment",
      resourceId: (r) => r.id,
      details: (r) => ({ level: r.level }),
    },
  });
}
