import {
  citizenSchema,
  DISCLOSURE_FEES,
  DISCLOSURE_METHODS,
  DISCLOSURE_RECEIPTS,
  disclosureGrounds,
  FORM_FIELDS,
  KR_METHODS,
  KR_RECEIPTS,
  TW_METHODS,
  TW_RECEIPTS,
} from "@civicpims/core/disclosure/index";
import { and, eq, inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { cases, type DisclosurePersonalData, disclosureRequests } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest } from "../../http/errors";
import { defineRoute, type RouteContext } from "../../http/route";
import { issueDetails } from "../../http/validation-errors";
import { decryptField } from "../../security/field-crypto";
import { addEvent, agencyInfo } from "../cases/case.service";
import { listCases } from "../cases/cases.repo";
import { actorOf } from "../cases/cases.routes";
import { listQuery } from "../cases/cases.schemas";
import { accessCodeHash, newAccessCode } from "../portal/portal.service";
import * as s from "./disclosure.schemas";
import * as svc from "./disclosure.service";
import "./portal-delivery";

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
const detail = (ctx: Ctx, caseId: string) => svc.disclosureDetail(ctx.tx, ctx.deps, ctx.agencyId, caseId);

/** Information disclosure requests, staff side (J1, J4). */
export function registerDisclosureRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "disclosure";

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/disclosure/catalogue",
    access: "disclosure.read",
    tag,
    summary: "Form fields, methods, receipt ways, non-disclosure grounds (article + short label) and fees",
    handler: async ({ auth }) => {
      const j = auth.jurisdiction;
      return {
        jurisdiction: j,
        formFields: FORM_FIELDS[j],
        methods: j === "KR" ? KR_METHODS : TW_METHODS,
        receipts: j === "KR" ? KR_RECEIPTS : TW_RECEIPTS,
        allMethods: DISCLOSURE_METHODS,
        allReceipts: DISCLOSURE_RECEIPTS,
        grounds: disclosureGrounds(j).map((g) => ({
          code: g.code,
          names: g.names,
          article: g.article,
          short: g.attributes?.short ?? null,
        })),
        fees: DISCLOSURE_FEES[j],
      };
    },
    audit: { skip: "rule-pack data" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/disclosure",
    access: "disclosure.read",
    tag,
    summary: "Disclosure requests with the requester's name (same filters and paging as /api/cases)",
    query: listQuery,
    handler: async ({ tx, agencyId, query, deps }) => {
      const page = await listCases(tx, agencyId, { ...query, kind: "disclosure", states: query.state });
      const ids = page.items.map((c) => c.id);
      const rows = ids.length
        ? await tx
            .select({
              caseId: disclosureRequests.caseId,
              personalEnc: disclosureRequests.personalEnc,
              outcome: disclosureRequests.outcome,
            })
            .from(disclosureRequests)
            .where(and(eq(disclosureRequests.agencyId, agencyId), inArray(disclosureRequests.caseId, ids)))
        : [];
      const byId = new Map(rows.map((r) => [r.caseId, r]));
      const items = page.items.map((c) => {
        const r = byId.get(c.id);
        const p = r
          ? (JSON.parse(decryptField(deps.secrets.fieldKey, r.personalEnc)) as DisclosurePersonalData)
          : null;
        // The subject is cut short here so that the list never carries the whole request text.
        const subject = p ? [...p.content.replace(/\s+/g, " ").trim()].slice(0, 40).join("") : null;
        return {
          ...c,
          requesterName: p?.requester.name ?? null,
          subjectSummary: subject,
          disclosureOutcome: r?.outcome ?? null,
        };
      });
      return { ...page, items };
    },
    audit: {
      action: "disclosure.list.read",
      details: (r) => ({ count: r.items.length, ids: r.items.map((i) => i.id) }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/disclosure",
    access: "disclosure.create",
    tag,
    summary: "Enter a disclosure request received by visit, post, fax, e-mail or online (KR foi, TW tw_foi)",
    body: s.staffCreateBody,
    status: 201,
    handler: async (ctx) => {
      const sc = await sctx(ctx);
      const { channel, receivedAt, locale, unitId, assigneeId, form: _form, ...input } = ctx.body;
      // The country's own form schema (KR 청구서 / TW 申請書) decides what is valid.
      const parsed = citizenSchema(sc.agency.jurisdiction).safeParse(input);
      if (_form !== sc.agency.jurisdiction)
        throw badRequest("disclosure.wrong_form", { jurisdiction: sc.agency.jurisdiction });
      // The right form filled in wrongly: each problem beside its field, in the caller's language (a KR
      // form with neither 생년월일 nor 사업자등록번호 says so on the birth date).
      if (!parsed.success)
        throw new AppError(400, "validation", issueDetails(parsed.error.issues, ctx.locale));
      const c = await svc.createDisclosure(sc, parsed.data, {
        channel,
        receivedAt: receivedAt ? new Date(receivedAt) : new Date(),
        locale: locale ?? sc.agency.defaultLocale,
        unitId: unitId ?? null,
        assigneeId: assigneeId ?? null,
      });
      return detail(ctx, c.id);
    },
    audit: { skip: "createCase writes cases.disclosure.create with the subject reference" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/disclosure/:id",
    access: "disclosure.read",
    tag,
    summary:
      "The request with requester, third parties, decision, grounds, fees, released files, remedies, letters",
    params: s.idParams,
    handler: (ctx) => detail(ctx, ctx.params.id),
    audit: {
      action: "disclosure.request.read",
      resourceType: "case",
      resourceId: (r) => r.case.id,
      subjectRef: (r) => r.subjectRef,
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/disclosure/:id/third-parties",
    access: "disclosure.process",
    tag,
    summary: "Notify a third party and set their response date (KR §11③, §21①; TW §12②)",
    params: s.idParams,
    body: s.thirdPartyBody,
    status: 201,
    handler: async (ctx) => detail(ctx, await svc.addThirdParty(await sctx(ctx), ctx.params.id, ctx.body)),
    audit: { skip: "addThirdParty writes disclosure.third_party.notify" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/disclosure/:id/third-parties/:partyId/opinion",
    access: "disclosure.process",
    tag,
    summary: "Record the third party's opinion (agree, object, none)",
    params: s.partyParams,
    body: s.opinionBody,
    handler: async (ctx) =>
      detail(ctx, await svc.recordOpinion(await sctx(ctx), ctx.params.id, ctx.params.partyId, ctx.body)),
    audit: { skip: "recordOpinion writes disclosure.third_party.opinion" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/disclosure/:id/decision",
    access: "disclosure.decide",
    tag,
    summary:
      "Decide (full, partial, non-disclosure, not held) with grounds and fees; the letter cites every ground",
    params: s.idParams,
    body: s.decideBody,
    handler: async (ctx) => {
      const r = await svc.decide(await sctx(ctx), ctx.params.id, ctx.body);
      return { ...(await detail(ctx, r.caseId)), letter: r.letter };
    },
    audit: { skip: "decide writes disclosure.decision and the transition entry" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/disclosure/:id/transfer",
    access: "disclosure.decide",
    tag,
    summary: "Transfer to the agency that holds the information (민원이첩 / 移送), with the letter",
    params: s.idParams,
    body: s.transferBody,
    handler: async (ctx) => {
      const r = await svc.transferRequest(await sctx(ctx), ctx.params.id, ctx.body);
      return { ...(await detail(ctx, r.caseId)), letter: r.letter };
    },
    audit: { skip: "the transition writes cases.transition.transfer" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/disclosure/:id/withdraw",
    access: "disclosure.process",
    tag,
    summary: "Record the requester's withdrawal",
    params: s.idParams,
    body: s.withdrawBody,
    handler: async (ctx) => detail(ctx, await svc.withdrawRequest(await sctx(ctx), ctx.params.id, ctx.body)),
    audit: { skip: "the transition writes cases.transition.withdraw" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/disclosure/:id/notify",
    access: "disclosure.decide",
    tag,
    summary: "The decision reached the requester: decided -> notified; objection and appeal dates start",
    params: s.idParams,
    body: s.notifyBody,
    handler: async (ctx) => detail(ctx, await svc.notifyRequester(await sctx(ctx), ctx.params.id, ctx.body)),
    audit: { skip: "the transition writes cases.transition.notify" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/disclosure/:id/objection",
    access: "disclosure.process",
    tag,
    summary: "Record an objection (이의신청) or appeal filed against the decision",
    params: s.idParams,
    body: s.objectionBody,
    handler: async (ctx) => detail(ctx, await svc.recordObjection(await sctx(ctx), ctx.params.id, ctx.body)),
    audit: { skip: "recordObjection writes disclosure.objection.record" },
  });
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/disclosure/:id/access-code",
    access: "disclosure.process",
    tag,
    summary: "Issue a new portal access code (the old one stops working); shown once, for the requester",
    params: s.idParams,
    body: s.notifyBody,
    handler: async (ctx) => {
      const { c } = await svc.loadDisclosure(ctx.tx, ctx.agencyId, ctx.params.id);
      const accessCode = newAccessCode();
      await ctx.tx
        .update(cases)
        .set({ accessCodeHash: accessCodeHash(ctx.deps, c.id, accessCode), updatedAt: new Date() })
        .where(and(eq(cases.id, c.id), eq(cases.agencyId, c.agencyId)));
      await addEvent(ctx.tx, c, { type: "access_code", actor: actorOf(ctx) });
      return { caseId: c.id, receiptNumber: c.number, accessCode, subjectRef: c.subjectRef };
    },
    audit: {
      action: "disclosure.access_code.reissue",
      resourceType: "case",
      resourceId: (r) => r.caseId,
      subjectRef: (r) => r.subjectRef,
    },
  });
}
