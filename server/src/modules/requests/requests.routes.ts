import {
  CHANNELS,
  DELIVERY_METHODS,
  feeSchedule,
  groundsFor,
  IDENTITY_METHODS,
  REPRESENTATION_BASES,
  REQUESTER_TYPES,
  requestKinds,
} from "@civicpims/core/cases/index";
import { and, eq, inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { cases, type RequestPersonalData, rightsRequests } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { defineRoute, type RouteContext } from "../../http/route";
import { decryptField } from "../../security/field-crypto";
import { addEvent, agencyInfo } from "../cases/case.service";
import { listCases } from "../cases/cases.repo";
import { actorOf } from "../cases/cases.routes";
import { listQuery } from "../cases/cases.schemas";
import { accessCodeHash, newAccessCode } from "../portal/portal.service";
import { subjectFiles } from "./registry-seam";
import * as s from "./requests.schemas";
import * as svc from "./requests.service";
import { requestStats, statsWorkbook } from "./stats";

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

/** Detail after a change, with the reference the ledger entry needs. */
const detail = (ctx: Ctx, caseId: string) => svc.requestDetail(ctx.tx, ctx.deps, ctx.agencyId, caseId);

/** Rights requests, staff side (issue 6 item 3; module C). */
export function registerRequestsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "requests";

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/requests/catalogue",
    access: "requests.read",
    tag,
    summary:
      "Kinds, item actions, grounds per kind, fee schedule, requester types, channels (from the rule pack)",
    handler: async ({ auth }) => {
      const j = auth.jurisdiction;
      const kinds = requestKinds(j);
      const grounds: Record<string, Record<string, ReturnType<typeof groundsFor>>> = {};
      for (const k of kinds)
        grounds[k.code] = Object.fromEntries(k.actions.map((a) => [a, groundsFor(j, k.code, a)]));
      const fees = feeSchedule(j);
      return {
        jurisdiction: j,
        kinds,
        grounds,
        fees: { currency: fees.currency, entries: fees.entries },
        requesterTypes: REQUESTER_TYPES,
        representationBases: REPRESENTATION_BASES,
        identityMethods: IDENTITY_METHODS,
        deliveryMethods: DELIVERY_METHODS,
        channels: CHANNELS,
      };
    },
    audit: { skip: "rule-pack data" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/requests",
    access: "requests.read",
    tag,
    summary: "Rights requests with the requester's name (same filters and paging as /api/cases)",
    query: listQuery,
    handler: async ({ tx, agencyId, query, deps }) => {
      const page = await listCases(tx, agencyId, { ...query, kind: "rights_request", states: query.state });
      const ids = page.items.map((c) => c.id);
      const rows = ids.length
        ? await tx
            .select({
              caseId: rightsRequests.caseId,
              personalEnc: rightsRequests.personalEnc,
              requesterType: rightsRequests.requesterType,
            })
            .from(rightsRequests)
            .where(and(eq(rightsRequests.agencyId, agencyId), inArray(rightsRequests.caseId, ids)))
        : [];
      const byId = new Map(rows.map((r) => [r.caseId, r]));
      const items = page.items.map((c) => {
        const r = byId.get(c.id);
        const p = r
          ? (JSON.parse(decryptField(deps.secrets.fieldKey, r.personalEnc)) as RequestPersonalData)
          : null;
        return {
          ...c,
          requesterName: p?.requester.name ?? null,
          subjectName: p?.subject?.name ?? null,
          requesterType: r?.requesterType ?? null,
        };
      });
      return { ...page, items };
    },
    audit: {
      action: "requests.list.read",
      details: (r) => ({ count: r.items.length, ids: r.items.map((i) => i.id) }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/requests",
    access: "requests.create",
    tag,
    summary: "Enter a request received by visit, mail, fax or e-mail (attach the scan afterwards)",
    body: s.staffCreateBody,
    status: 201,
    handler: async (ctx) => {
      const sc = await sctx(ctx);
      const { channel, receivedAt, locale, ...input } = ctx.body;
      const c = await svc.createRequest(sc, input, {
        channel,
        receivedAt: receivedAt ? new Date(receivedAt) : new Date(),
        locale: locale ?? sc.agency.defaultLocale,
      });
      return detail(ctx, c.id);
    },
    audit: { skip: "createCase writes cases.rights_request.create with the subject reference" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/requests/tasks",
    access: "requests.read",
    tag,
    summary: "Follow-up tasks (recipient notices, destruction handovers, appointments)",
    query: s.tasksQuery,
    handler: ({ tx, agencyId, query }) => svc.listTasks(tx, agencyId, query.status),
    audit: { skip: "task titles name files and recipients, not persons" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/requests/tasks/:taskId/done",
    access: "requests.process",
    tag,
    summary: "Mark a task done",
    params: s.taskParams,
    body: s.doneBody,
    handler: async (ctx) => svc.completeTask(await sctx(ctx), ctx.params.taskId, ctx.body.note),
    audit: {
      action: "requests.task.done",
      resourceType: "case_task",
      resourceId: (r) => r.id,
      details: (r) => ({ caseId: r.caseId, kind: r.kind }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/requests/disputes",
    access: "requests.read",
    tag,
    summary: "Accuracy disputes (C15)",
    query: s.disputesQuery,
    handler: async ({ tx, deps, agencyId, query }) => {
      const list = await svc.listDisputes(tx, deps, agencyId, query.status);
      return { disputes: list, subjectRefs: [...new Set(list.map((d) => d.subjectRef).filter(Boolean))] };
    },
    audit: {
      action: "requests.disputes.read",
      // The descriptions shown are personal data of several subjects: name which ones (like requests.list.read).
      details: (r) => ({
        count: r.disputes.length,
        ids: r.disputes.map((d) => d.id),
        subjectRefs: r.subjectRefs,
      }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/requests/disputes/:disputeId/resolve",
    access: "requests.decide",
    tag,
    summary: "Resolve an accuracy dispute: processing resumes",
    params: s.disputeParams,
    body: s.resolveBody,
    handler: async (ctx) => svc.resolveDispute(await sctx(ctx), ctx.params.disputeId, ctx.body),
    audit: {
      action: "requests.dispute.resolve",
      resourceType: "request_dispute",
      resourceId: (r) => r.id,
      subjectRef: (r) => r.subjectRef,
      details: (r) => ({ outcome: r.outcome }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/requests/stats",
    access: "requests.stats",
    tag,
    summary: "Counts by kind, outcome, channel; on-time rate; time to decision per month/quarter/year",
    query: s.statsQuery,
    readOnlyNoTransaction: true,
    handler: async ({ tx, agencyId, query }) => {
      const a = await agencyInfo(tx, agencyId);
      return {
        period: query.period,
        timeZone: a.timeZone,
        rows: await requestStats(tx, agencyId, a.timeZone, query),
      };
    },
    audit: { skip: "aggregate counts only" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/requests/stats.xlsx",
    access: "requests.stats",
    tag,
    summary: "The statistics as an xlsx workbook",
    query: s.statsQuery,
    readOnlyNoTransaction: true,
    handler: async ({ tx, agencyId, query, reply, locale }) => {
      const a = await agencyInfo(tx, agencyId);
      const rows = await requestStats(tx, agencyId, a.timeZone, query);
      const buf = await statsWorkbook(rows, locale, `${a.code} ${query.period}`);
      // Returned, not sent: the export's ledger entry commits before the file leaves.
      reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="requests-${a.code}-${query.period}.xlsx"`);
      return buf;
    },
    audit: { action: "requests.stats.export", details: () => ({ format: "xlsx" }) },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/requests/:id",
    access: "requests.read",
    tag,
    summary: "The request with requester, subject, items, identity checks, fees, tasks, letters",
    params: s.idParams,
    handler: (ctx) => detail(ctx, ctx.params.id),
    audit: {
      action: "requests.request.read",
      resourceType: "case",
      resourceId: (r) => r.case.id,
      subjectRef: (r) => r.subjectRef,
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/requests/:id/subject-files",
    access: "requests.process",
    tag,
    summary: "Register files that may hold the data subject (subject search)",
    params: s.idParams,
    handler: async (ctx) => {
      const { c, r } = await svc.loadRequest(ctx.tx, ctx.agencyId, ctx.params.id);
      const p = svc.personalOf(ctx.deps, r);
      const who = p.subject ?? p.requester;
      const found = await subjectFiles(ctx.tx, ctx.agencyId, { name: who.name, birthDate: who.birthDate });
      return { caseId: c.id, subjectRef: c.subjectRef, ...found };
    },
    audit: {
      action: "requests.subject.search",
      resourceType: "case",
      resourceId: (r) => r.caseId,
      subjectRef: (r) => r.subjectRef,
      details: (r) => ({ files: r.files.length }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/requests/:id/identity",
    access: "requests.process",
    tag,
    summary: "Record an identity check (method, document seen, by whom; identifier masked)",
    params: s.idParams,
    body: s.identityBody,
    handler: async (ctx) => detail(ctx, await svc.recordIdentity(await sctx(ctx), ctx.params.id, ctx.body)),
    audit: { skip: "recordIdentity writes requests.identity.record" },
  });

  defineRoute(app, deps, {
    method: "PUT",
    url: "/api/requests/:id/items",
    access: "requests.process",
    tag,
    summary: "Set the target files and actions (undecided items are replaced)",
    params: s.idParams,
    body: s.itemsBody,
    handler: async (ctx) =>
      detail(ctx, await svc.replaceItems(await sctx(ctx), ctx.params.id, ctx.body.items)),
    audit: { skip: "replaceItems writes requests.items.update" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/requests/:id/decision",
    access: "requests.decide",
    tag,
    summary: "Decide every item (granted, partly, refused, deferred); refusals cite a ground",
    params: s.idParams,
    body: s.decisionBody,
    handler: async (ctx) => {
      const r = await svc.decide(await sctx(ctx), ctx.params.id, ctx.body);
      return { ...(await detail(ctx, r.caseId)), letter: r.letter };
    },
    audit: { skip: "decide writes requests.decision and the transition entry" },
  });

  defineRoute(app, deps, {
    method: "PUT",
    url: "/api/requests/:id/fees",
    access: "requests.process",
    tag,
    summary: "Fees (KR copy fee and postage, TW fee schedule) with waiver",
    params: s.idParams,
    body: s.feesBody,
    handler: async (ctx) => svc.setFees(await sctx(ctx), ctx.params.id, ctx.body),
    audit: {
      action: "requests.fees.update",
      resourceType: "case",
      resourceId: (r) => r.caseId,
      subjectRef: (r) => r.subjectRef,
      details: (r) => ({ total: r.total, due: r.due, waived: r.waived }),
    },
  });

  defineRoute(app, deps, {
    method: "PUT",
    url: "/api/requests/:id/delivery",
    access: "requests.process",
    tag,
    summary: "Delivery: download, e-mail, post, or in-person viewing with appointment and companion",
    params: s.idParams,
    body: s.deliveryBody,
    handler: async (ctx) => detail(ctx, await svc.setDelivery(await sctx(ctx), ctx.params.id, ctx.body)),
    audit: {
      action: "requests.delivery.update",
      resourceType: "case",
      resourceId: (r) => r.case.id,
      subjectRef: (r) => r.subjectRef,
      details: (r) => ({ method: r.delivery.method }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/requests/:id/notify",
    access: "requests.decide",
    tag,
    summary: "Send the decision to the requester: decided -> notified",
    params: s.idParams,
    body: s.notifyBody,
    handler: async (ctx) => svc.notifyRequester(await sctx(ctx), ctx.params.id),
    audit: { skip: "the transition writes cases.transition.notify" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/requests/:id/completion-notice",
    access: "requests.process",
    tag,
    summary: "Ask the requester to complete the request by a date (TW 限期補正, C6); the clock pauses",
    params: s.idParams,
    body: s.completionBody,
    handler: async (ctx) => svc.completionNotice(await sctx(ctx), ctx.params.id, ctx.body),
    audit: { skip: "the transition writes cases.transition.pause" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/requests/:id/access-code",
    access: "requests.process",
    tag,
    summary: "Issue a new portal access code (the old one stops working); shown once, for the requester",
    params: s.idParams,
    body: s.notifyBody,
    handler: async (ctx) => {
      const { c } = await svc.loadRequest(ctx.tx, ctx.agencyId, ctx.params.id);
      const accessCode = newAccessCode();
      await ctx.tx
        .update(cases)
        .set({ accessCodeHash: accessCodeHash(ctx.deps, c.id, accessCode), updatedAt: new Date() })
        .where(and(eq(cases.id, c.id), eq(cases.agencyId, c.agencyId)));
      await addEvent(ctx.tx, c, { type: "access_code", actor: actorOf(ctx) });
      return { caseId: c.id, receiptNumber: c.number, accessCode, subjectRef: c.subjectRef };
    },
    audit: {
      action: "requests.access_code.reissue",
      resourceType: "case",
      resourceId: (r) => r.caseId,
      subjectRef: (r) => r.subjectRef,
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/requests/:id/disputes",
    access: "requests.process",
    tag,
    summary: "Record an accuracy dispute: the data is marked disputed and its processing suspended (C15)",
    params: s.idParams,
    body: s.disputeBody,
    status: 201,
    handler: async (ctx) => svc.openDispute(await sctx(ctx), ctx.params.id, ctx.body),
    audit: {
      action: "requests.dispute.open",
      resourceType: "request_dispute",
      resourceId: (r) => r.id,
      subjectRef: (r) => r.subjectRef,
      details: (r) => ({ caseId: r.caseId, fileId: r.fileId }),
    },
  });
}
