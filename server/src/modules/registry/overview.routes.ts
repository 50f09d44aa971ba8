import { subjectKey } from "@civicpims/core/registry/subject";
import { and, asc, count, eq, isNull, lt, lte, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Queryable } from "../../db/client";
import {
  registryCampaignItems,
  registryCampaigns,
  registryCorrectiveActions,
  registryEntrustments,
  registryFiles,
  registryProvisions,
  units,
} from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { conflict, notFound } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { subjectRef } from "../../security/subject-ref";
import { openDriftFindings } from "../pii/drift.service";
import { addDays } from "./context";
import { campaignItemsOverdue, retentionDue, riskReviewsDue } from "./dashboard-due";
import { toApiFile } from "./files.service";
import { recordHistory } from "./history";
import { overdueCounts } from "./overdue-counts";
import { regCtx } from "./registry-context";
import * as s from "./schemas";
import { findFilesForSubject } from "./subject-search";
import { assertUnitWritable } from "./unit-scope";
import { loadOwned } from "./versioned";

const tag = "registry";

async function progress(q: Queryable, agencyId: string, campaignId: string) {
  const rows = await q
    .select({ status: registryCampaignItems.status, n: count() })
    .from(registryCampaignItems)
    .where(
      and(eq(registryCampaignItems.agencyId, agencyId), eq(registryCampaignItems.campaignId, campaignId)),
    )
    .groupBy(registryCampaignItems.status);
  const by = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  const confirmed = by.confirmed ?? 0;
  const updated = by.updated ?? 0;
  const pending = by.pending ?? 0;
  return { total: confirmed + updated + pending, confirmed, updated, pending };
}

/** Inventory campaigns (B4), dashboard, subject search (item 12). */
export function registerOverviewRoutes(app: FastifyInstance, deps: AppDeps): void {
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/campaigns",
    access: "registry.read",
    tag,
    summary: "Inventory campaigns with progress",
    handler: async ({ tx, agencyId }) => {
      const rows = await tx
        .select({
          id: registryCampaigns.id,
          title: registryCampaigns.title,
          dueOn: registryCampaigns.dueOn,
          status: registryCampaigns.status,
          openedAt: registryCampaigns.openedAt,
          closedAt: registryCampaigns.closedAt,
          version: registryCampaigns.version,
        })
        .from(registryCampaigns)
        .where(eq(registryCampaigns.agencyId, agencyId))
        .orderBy(asc(registryCampaigns.openedAt));
      return Promise.all(rows.map(async (r) => ({ ...r, progress: await progress(tx, agencyId, r.id) })));
    },
    audit: { skip: "campaign progress, no personal data" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/registry/campaigns",
    access: "registry.campaign.manage",
    tag,
    summary: "Open an inventory campaign: every active file gets an item for its unit to confirm",
    body: s.campaignCreate,
    status: 201,
    handler: async (c) => {
      const ctx = await regCtx(c);
      const [camp] = await c.tx
        .insert(registryCampaigns)
        .values({ ...c.body, agencyId: c.agencyId, openedBy: ctx.actor.actorId })
        .returning();
      const files = await c.tx
        .select({ id: registryFiles.id, unitId: registryFiles.unitId })
        .from(registryFiles)
        .where(and(eq(registryFiles.agencyId, c.agencyId), eq(registryFiles.status, "active")));
      if (files.length) {
        await c.tx
          .insert(registryCampaignItems)
          .values(
            files.map((f) => ({ agencyId: c.agencyId, campaignId: camp.id, fileId: f.id, unitId: f.unitId })),
          );
      }
      await recordHistory(c.tx, ctx.actor, {
        entityType: "campaign",
        entityId: camp.id,
        version: 1,
        action: "create",
        after: { title: camp.title, dueOn: camp.dueOn, files: files.length },
      });
      return { ...camp, progress: await progress(c.tx, c.agencyId, camp.id) };
    },
    audit: { action: "registry.campaign.open", resourceType: "registry_campaign", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/campaigns/:id",
    access: "registry.read",
    tag,
    summary: "One campaign with its items (and the snapshot once closed)",
    params: s.idParams,
    handler: async ({ tx, agencyId, params }) => {
      const camp = await loadOwned(tx, registryCampaigns, agencyId, params.id);
      const items = await tx
        .select({
          id: registryCampaignItems.id,
          fileId: registryCampaignItems.fileId,
          fileName: registryFiles.name,
          unitId: registryCampaignItems.unitId,
          status: registryCampaignItems.status,
          confirmedBy: registryCampaignItems.confirmedBy,
          confirmedAt: registryCampaignItems.confirmedAt,
          note: registryCampaignItems.note,
        })
        .from(registryCampaignItems)
        .innerJoin(registryFiles, eq(registryFiles.id, registryCampaignItems.fileId))
        .where(
          and(eq(registryCampaignItems.agencyId, agencyId), eq(registryCampaignItems.campaignId, camp.id)),
        )
        .orderBy(asc(registryFiles.name));
      return { ...camp, progress: await progress(tx, agencyId, camp.id), items };
    },
    audit: { skip: "campaign progress, no personal data" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/registry/campaigns/:id/items/:itemId/confirm",
    access: "registry.write",
    tag,
    summary: "A unit confirms (or reports it updated) one file of the campaign",
    params: s.campaignItemParams,
    body: s.campaignConfirm,
    handler: async (c) => {
      const ctx = await regCtx(c);
      const camp = await loadOwned(c.tx, registryCampaigns, c.agencyId, c.params.id);
      if (camp.status !== "open") throw conflict("registry.campaign_closed");
      const [target] = await c.tx
        .select({ unitId: registryCampaignItems.unitId })
        .from(registryCampaignItems)
        .where(
          and(
            eq(registryCampaignItems.agencyId, c.agencyId),
            eq(registryCampaignItems.campaignId, camp.id),
            eq(registryCampaignItems.id, c.params.itemId),
          ),
        );
      if (!target) throw notFound();
      assertUnitWritable(c.auth, target.unitId);
      const [item] = await c.tx
        .update(registryCampaignItems)
        .set({
          status: c.body.changed ? "updated" : "confirmed",
          confirmedBy: ctx.actor.actorId,
          confirmedAt: new Date(),
          note: c.body.note ?? null,
        })
        .where(
          and(
            eq(registryCampaignItems.agencyId, c.agencyId),
            eq(registryCampaignItems.campaignId, camp.id),
            eq(registryCampaignItems.id, c.params.itemId),
          ),
        )
        .returning();
      if (!item) throw notFound();
      return item;
    },
    audit: {
      action: "registry.campaign.confirm",
      resourceType: "registry_campaign_item",
      resourceId: (r) => r.id,
      details: (r) => ({ status: r.status }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/registry/campaigns/:id/close",
    access: "registry.campaign.manage",
    tag,
    summary: "Close a campaign and snapshot the confirmed register as JSON",
    params: s.idParams,
    handler: async (c) => {
      const ctx = await regCtx(c);
      const camp = await loadOwned(c.tx, registryCampaigns, c.agencyId, c.params.id);
      if (camp.status !== "open") throw conflict("registry.campaign_closed");
      const files = await c.tx
        .select()
        .from(registryFiles)
        .where(eq(registryFiles.agencyId, c.agencyId))
        .orderBy(asc(registryFiles.name));
      const items = await c.tx
        .select()
        .from(registryCampaignItems)
        .where(
          and(eq(registryCampaignItems.agencyId, c.agencyId), eq(registryCampaignItems.campaignId, camp.id)),
        );
      const snapshot = {
        takenAt: new Date().toISOString(),
        progress: await progress(c.tx, c.agencyId, camp.id),
        items: items.map((i) => ({
          fileId: i.fileId,
          status: i.status,
          confirmedAt: i.confirmedAt,
          note: i.note,
        })),
        files: files.map((f) => toApiFile(f)),
      };
      const [after] = await c.tx
        .update(registryCampaigns)
        .set({
          status: "closed",
          closedBy: ctx.actor.actorId,
          closedAt: new Date(),
          snapshot,
          version: camp.version + 1,
        })
        .where(eq(registryCampaigns.id, camp.id))
        .returning();
      await recordHistory(c.tx, ctx.actor, {
        entityType: "campaign",
        entityId: camp.id,
        version: after.version,
        action: "update",
        reason: "closed",
        before: { status: "open" },
        after: { status: "closed", files: files.length },
      });
      return {
        id: after.id,
        status: after.status,
        closedAt: after.closedAt,
        files: files.length,
        progress: snapshot.progress,
      };
    },
    audit: { action: "registry.campaign.close", resourceType: "registry_campaign", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/registry/dashboard",
    access: "registry.read",
    tag,
    summary:
      "Register dashboard: files by unit, flags, reviews, risk re-assessments and contracts due, overdue corrective actions and campaign items",
    handler: async (c) => {
      const ctx = await regCtx(c);
      const { tx, agencyId } = c;
      const today = ctx.today;
      const active = and(eq(registryFiles.agencyId, agencyId), eq(registryFiles.status, "active"));
      const byUnit = await tx
        .select({
          unitId: registryFiles.unitId,
          unitCode: units.code,
          unitName: units.nameLocal,
          count: count(),
        })
        .from(registryFiles)
        .leftJoin(units, eq(units.id, registryFiles.unitId))
        .where(active)
        .groupBy(registryFiles.unitId, units.code, units.nameLocal)
        .orderBy(asc(units.code));
      const [totals] = await tx
        .select({
          files: count(),
          sensitive: sql<number>`count(*) filter (where ${registryFiles.hasSensitive})`,
          uniqueIdentifier: sql<number>`count(*) filter (where ${registryFiles.hasUniqueIdentifier})`,
          entrusted: sql<number>`count(*) filter (where ${registryFiles.entrusted})`,
          public: sql<number>`count(*) filter (where ${registryFiles.isPublic})`,
        })
        .from(registryFiles)
        .where(active);
      const reviewsDue = await tx
        .select({ id: registryFiles.id, name: registryFiles.name, nextReviewOn: registryFiles.nextReviewOn })
        .from(registryFiles)
        .where(and(active, lte(registryFiles.nextReviewOn, addDays(today, 30))))
        .orderBy(asc(registryFiles.nextReviewOn))
        .limit(100);
      // B9 (TW 004 三十二): a public file is posted within one month of its creation.
      const publicationOverdue = await tx
        .select({ id: registryFiles.id, name: registryFiles.name, registeredOn: registryFiles.registeredOn })
        .from(registryFiles)
        .where(
          and(
            active,
            eq(registryFiles.isPublic, true),
            isNull(registryFiles.publishedOn),
            lt(registryFiles.registeredOn, addDays(today, -30)),
          ),
        )
        .orderBy(asc(registryFiles.registeredOn))
        .limit(100);
      const contractsExpiring = await tx
        .select({
          id: registryEntrustments.id,
          vendor: registryEntrustments.vendor,
          tasks: registryEntrustments.tasks,
          contractEnd: registryEntrustments.contractEnd,
        })
        .from(registryEntrustments)
        .where(
          and(
            eq(registryEntrustments.agencyId, agencyId),
            eq(registryEntrustments.status, "active"),
            // Ended but still active (never terminated) counts too: that one is overdue.
            lte(registryEntrustments.contractEnd, addDays(today, 60)),
          ),
        )
        .orderBy(asc(registryEntrustments.contractEnd));
      const overdueActions = await tx
        .select({
          id: registryCorrectiveActions.id,
          entrustmentId: registryCorrectiveActions.entrustmentId,
          vendor: registryEntrustments.vendor,
          action: registryCorrectiveActions.action,
          dueOn: registryCorrectiveActions.dueOn,
        })
        .from(registryCorrectiveActions)
        .innerJoin(registryEntrustments, eq(registryEntrustments.id, registryCorrectiveActions.entrustmentId))
        .where(
          and(
            eq(registryCorrectiveActions.agencyId, agencyId),
            isNull(registryCorrectiveActions.doneOn),
            lt(registryCorrectiveActions.dueOn, today),
          ),
        )
        .orderBy(asc(registryCorrectiveActions.dueOn));
      const [camp] = await tx
        .select({ id: registryCampaigns.id, title: registryCampaigns.title, dueOn: registryCampaigns.dueOn })
        .from(registryCampaigns)
        .where(and(eq(registryCampaigns.agencyId, agencyId), eq(registryCampaigns.status, "open")))
        .orderBy(asc(registryCampaigns.openedAt))
        .limit(1);
      const [{ pending }] = await tx
        .select({ pending: count() })
        .from(registryProvisions)
        .where(and(eq(registryProvisions.agencyId, agencyId), eq(registryProvisions.status, "pending")));
      return {
        // The agency's own date: the web shows "overdue by N days" / "due in N days" from it.
        today,
        overdueCounts: await overdueCounts(tx, agencyId, today),
        filesByUnit: byUnit.map((r) => ({ ...r, count: Number(r.count) })),
        totals: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, Number(v)])),
        reviewsDue,
        publicationOverdue,
        contractsExpiring,
        overdueActions,
        campaign: camp ? { ...camp, progress: await progress(tx, agencyId, camp.id) } : null,
        // E10: latest risk assessment per file whose next review has passed or falls within 60 days.
        riskReviewsDue: await riskReviewsDue(tx, agencyId, today),
        // B4: campaign items still pending after the campaign's due date, per unit.
        campaignOverdue: await campaignItemsOverdue(tx, agencyId, today),
        // D2/D3 (issue 13): destruction plans and tasks not done in time, holds past their review date.
        retentionDue: await retentionDue(tx, agencyId, today),
        pendingApprovals: Number(pending),
        // Register drift (issue 7 item 7): undeclared identifiers found in sample exports, per file.
        driftFindings: await openDriftFindings(tx, agencyId),
      };
    },
    audit: { skip: "aggregate counts and register metadata, no personal data" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/registry/subject-search",
    access: "registry.subject_search",
    tag,
    summary: "Which files may hold a person (declaration-based); ledgered with the subject reference only",
    body: s.subjectSearch,
    handler: async (c) => {
      const result = await findFilesForSubject(c.tx, c.agencyId, c.body);
      return { subjectRef: subjectRef(c.deps.secrets, subjectKey(c.body)), ...result };
    },
    audit: {
      action: "registry.subject_search",
      resourceType: "registry_file",
      subjectRef: (r) => r.subjectRef,
      details: (r) => ({ queryType: r.queryType, files: r.files.length }),
    },
  });
}
