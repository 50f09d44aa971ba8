import { PETITION_CHANNELS, PETITION_GROUPS, SIMILARITY } from "@civicpims/core/petitions/index";
import { and, eq, inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { petitions } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { defineRoute, type RouteContext } from "../../http/route";
import { decryptField } from "../../security/field-crypto";
import { agencyInfo, caseView } from "../cases/case.service";
import { listCases } from "../cases/cases.repo";
import { actorOf } from "../cases/cases.routes";
import { listQuery } from "../cases/cases.schemas";
import { registerPetitionCaseReadRoutes } from "./case-read.routes";
import * as s from "./petitions.schemas";
import * as svc from "./petitions.service";
import { registerPetitionStatistics } from "./statistics-sources";
import * as types from "./types.service";

// biome-ignore lint/suspicious/noExplicitAny: route contexts differ only in body/query/params types
type Ctx = RouteContext<any, any, any>;

async function sctx(ctx: Ctx): Promise<svc.ServiceCtx> {
  return {
    tx: ctx.tx,
    deps: ctx.deps,
    agency: await agencyInfo(ctx.tx, ctx.agencyId),
    actor: actorOf(ctx),
    audit: ctx.audit,
  };
}

const detail = (ctx: Ctx, caseId: string) => svc.petitionDetail(ctx.tx, ctx.deps, ctx.agencyId, caseId);
const caseAudit = {
  resourceType: "case",
  // biome-ignore lint/suspicious/noExplicitAny: the detail shape
  resourceId: (r: any) => r.case.id as string,
} as const;

/** Civil petitions (민원), staff side (issue 12 item 1; I1, I2, I5). */
export function registerPetitionsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "petitions";
  registerPetitionStatistics();
  registerPetitionCaseReadRoutes(app, deps);

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/petitions/types",
    access: "petitions.read",
    tag,
    summary: "The agency's petition types with period and citation; channels; similarity thresholds",
    handler: async ({ tx, agencyId }) => ({
      types: (await types.listTypes(tx, agencyId)).map(types.typeView),
      groups: PETITION_GROUPS,
      channels: PETITION_CHANNELS,
      similarity: SIMILARITY,
    }),
    audit: { skip: "agency configuration, no personal data" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/petitions/types",
    access: "petitions.types",
    tag,
    summary: "Add a petition type (a period in days or working hours is required)",
    body: s.typeBody,
    status: 201,
    handler: async ({ tx, agencyId, body }) => types.typeView(await types.createType(tx, agencyId, body)),
    audit: {
      action: "petitions.type.create",
      resourceType: "petition_type",
      resourceId: (r) => r.id,
      details: (r) => ({ code: r.code }),
    },
  });

  defineRoute(app, deps, {
    method: "PUT",
    url: "/api/petitions/types/:code",
    access: "petitions.types",
    tag,
    summary: "Edit a petition type (names, period, citation, active)",
    params: s.codeParams,
    body: s.typeUpdateBody,
    handler: async ({ tx, agencyId, params, body }) =>
      types.typeView(await types.updateType(tx, agencyId, params.code, body)),
    audit: {
      action: "petitions.type.update",
      resourceType: "petition_type",
      resourceId: (r) => r.id,
      details: (r) => ({ code: r.code, periodDays: r.periodDays, periodHours: r.periodHours }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/petitions",
    access: "petitions.read",
    tag,
    summary: "Petitions with the petitioner's name and type (same filters and paging as /api/cases)",
    query: listQuery,
    handler: async ({ tx, agencyId, query, deps }) => {
      const page = await listCases(tx, agencyId, { ...query, kind: "petition", states: query.state });
      const ids = page.items.map((c) => c.id);
      const rows = ids.length
        ? await tx
            .select({
              caseId: petitions.caseId,
              personalEnc: petitions.personalEnc,
              guardianId: petitions.guardianId,
            })
            .from(petitions)
            .where(and(eq(petitions.agencyId, agencyId), inArray(petitions.caseId, ids)))
        : [];
      const byId = new Map(rows.map((r) => [r.caseId, r]));
      const items = page.items.map((c) => {
        const r = byId.get(c.id);
        const name = r
          ? JSON.parse(decryptField(deps.secrets.fieldKey, r.personalEnc)).petitioner.name
          : null;
        return { ...c, petitionerName: name as string | null, guardianId: r?.guardianId ?? null };
      });
      return { ...page, items };
    },
    audit: {
      action: "petitions.list.read",
      details: (r) => ({ count: r.items.length, ids: r.items.map((i) => i.id) }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/petitions",
    access: "petitions.create",
    tag,
    summary: "Take in a petition received at the counter, by post, fax, kiosk, phone, e-mail or on patrol",
    body: s.staffIntakeBody,
    status: 201,
    handler: async (ctx) => {
      const sc = await sctx(ctx);
      const { channel, receivedAt, locale, unitId, assigneeId, ...input } = ctx.body;
      const c = await svc.createPetition(sc, input, {
        channel,
        receivedAt: receivedAt ? new Date(receivedAt) : new Date(),
        locale: locale ?? sc.agency.defaultLocale,
        unitId,
        assigneeId,
      });
      return detail(ctx, c.id);
    },
    audit: { skip: "createCase writes cases.petition.create with the subject reference" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/petitions/candidates",
    access: "petitions.create",
    tag,
    summary: "Before intake: earlier petitions of the same petitioner and petitions with similar text",
    body: s.candidatesBody,
    handler: async ({ tx, deps, agencyId, body }) =>
      svc.candidates(tx, deps, agencyId, svc.candidateKeys(deps, body)),
    audit: {
      action: "petitions.candidates.read",
      details: (r) => ({ same: r.samePetitioner.length, similar: r.similar.length }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/petitions/:id",
    access: "petitions.read",
    tag,
    summary: "The petition: petitioner, content, guardian, links, letters, repeat and similar candidates",
    params: s.idParams,
    handler: (ctx) => detail(ctx, ctx.params.id),
    audit: { action: "petitions.petition.read", ...caseAudit },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/petitions/:id/transfer-unit",
    access: "petitions.process",
    tag,
    summary: "Hand the petition to another unit of this agency (the clock goes on)",
    params: s.idParams,
    body: s.unitTransferBody,
    handler: async (ctx) => {
      await svc.transferToUnit(await sctx(ctx), ctx.params.id, ctx.body);
      return detail(ctx, ctx.params.id);
    },
    audit: { skip: "the service writes petitions.transfer_unit" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/petitions/:id/transfer-agency",
    access: "petitions.decide",
    tag,
    summary:
      "이송: transfer to another agency; the case closes as transferred and the petitioner gets a letter",
    params: s.idParams,
    body: s.agencyTransferBody,
    handler: async (ctx) => {
      const { row, letter } = await svc.transferToAgency(await sctx(ctx), ctx.params.id, ctx.body);
      return { ...caseView(row), letter };
    },
    audit: { skip: "the transition writes cases.transition.transfer" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/petitions/:id/answer",
    access: "petitions.decide",
    tag,
    summary: "Answer the petition: decide, send the answer letter in the petitioner's language, notify",
    params: s.idParams,
    body: s.answerBody,
    handler: async (ctx) => {
      const { row, letter } = await svc.answer(await sctx(ctx), ctx.params.id, ctx.body);
      return { ...caseView(row), letter };
    },
    audit: { skip: "the transitions write cases.transition.decide / notify" },
  });

  defineRoute(app, deps, {
    method: "PUT",
    url: "/api/petitions/:id/guardian",
    access: "petitions.guardian",
    tag,
    summary: "I5: name the petition guardian (민원후견인) while the case is open",
    params: s.idParams,
    body: s.guardianBody,
    handler: async (ctx) => {
      await svc.assignGuardian(await sctx(ctx), ctx.params.id, ctx.body.staffId);
      return detail(ctx, ctx.params.id);
    },
    audit: { skip: "the service writes petitions.guardian.assign" },
  });

  defineRoute(app, deps, {
    method: "DELETE",
    url: "/api/petitions/:id/guardian",
    access: "petitions.guardian",
    tag,
    summary: "I5: release the petition guardian",
    params: s.idParams,
    handler: async (ctx) => {
      await svc.assignGuardian(await sctx(ctx), ctx.params.id, null);
      return detail(ctx, ctx.params.id);
    },
    audit: { skip: "the service writes petitions.guardian.release" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/petitions/:id/links",
    access: "petitions.process",
    tag,
    summary: "Mark another petition as a repeat, similar or duplicate of this one (the handler decides)",
    params: s.idParams,
    body: s.linkBody,
    status: 201,
    handler: async (ctx) => {
      await svc.addLink(await sctx(ctx), ctx.params.id, ctx.body);
      return detail(ctx, ctx.params.id);
    },
    audit: { skip: "the service writes petitions.link.create" },
  });

  defineRoute(app, deps, {
    method: "DELETE",
    url: "/api/petitions/:id/links/:linkId",
    access: "petitions.process",
    tag,
    summary: "Remove a link the handler made",
    params: s.linkParams,
    handler: async (ctx) => {
      await svc.removeLink(await sctx(ctx), ctx.params.id, ctx.params.linkId);
      return detail(ctx, ctx.params.id);
    },
    audit: { skip: "the service writes petitions.link.delete" },
  });
}
