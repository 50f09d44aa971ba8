import { catalogueOf, type Jurisdiction } from "@civicpims/core/jurisdictions/index";
import { entryName } from "@civicpims/core/registry/catalogue";
import type { FastifyInstance } from "fastify";

import type { Queryable } from "../../db/client";
import { agencies, recordInventoryChecks, recordReviews, recordTransfers } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { defineRoute } from "../../http/route";
import "./messages";
import { desc, eq } from "drizzle-orm";
import {
  expiryDue,
  holdings,
  holdingsWorkbook,
  inventoryCheck,
  recordInventory,
  registerCounts,
  transferDue,
} from "./records.reports";
import * as s from "./records.schemas";
import * as svc from "./records.service";
import { registerRecordsStatistics } from "./records.statistics";

async function agencyToday(
  q: Queryable,
  agencyId: string,
): Promise<{ today: string; code: string; j: Jurisdiction }> {
  const [a] = await q
    .select({ tz: agencies.timeZone, code: agencies.code, j: agencies.jurisdiction })
    .from(agencies)
    .where(eq(agencies.id, agencyId));
  // en-CA formats as YYYY-MM-DD: the calendar date in the agency's zone.
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: a.tz }).format(new Date());
  return { today, code: a.code, j: a.j };
}

const NO_PII = "register of records: office data about documents, no personal data";

/** Records management (issue 12 item 4; J2, J3, J5, K5, A17). */
export function registerRecordsRoutes(app: FastifyInstance, deps: AppDeps): void {
  // K5 on the statistics page and in its workbook, next to K2-K6.
  registerRecordsStatistics();
  const tag = "records";

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/records/settings",
    access: "records.read",
    tag,
    summary: "Records unit (A17), archive name and transfer policy, with the agency's retention classes",
    handler: async ({ tx, agencyId }) => ({
      ...(await svc.getSettings(tx, agencyId)),
      classes: await svc.retentionClasses(tx, agencyId),
    }),
    audit: { skip: NO_PII },
  });

  defineRoute(app, deps, {
    method: "PUT",
    url: "/api/records/settings",
    access: "records.settings",
    tag,
    summary: "Set the records unit and the transfer policy",
    body: s.settingsBody,
    handler: ({ tx, agencyId, body }) => svc.saveSettings(tx, agencyId, body),
    audit: { action: "records.settings.update", resourceType: "record_settings" },
  });

  // Series
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/records/series",
    access: "records.read",
    tag,
    summary: "Record series of the agency",
    handler: ({ tx, agencyId }) => svc.listSeries(tx, agencyId),
    audit: { skip: NO_PII },
  });
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/records/series",
    access: "records.write",
    tag,
    summary: "Create a record series (J2)",
    body: s.seriesBody,
    status: 201,
    handler: ({ tx, agencyId, body }) => svc.createSeries(tx, agencyId, body),
    audit: { action: "records.series.create", resourceType: "record_series", resourceId: (r) => r.id },
  });
  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/records/series/:id",
    access: "records.write",
    tag,
    summary: "Change a record series",
    params: s.idParams,
    body: s.seriesPatch,
    handler: ({ tx, agencyId, params, body }) => svc.updateSeries(tx, agencyId, params.id, body),
    audit: { action: "records.series.update", resourceType: "record_series", resourceId: (r) => r.id },
  });

  // Records
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/records/items",
    access: "records.read",
    tag,
    summary: "Records with filters (series, unit, status, class, medium, text)",
    query: s.recordsQuery,
    handler: async ({ tx, agencyId, query }) => {
      const [rows, classes, policy, { today }] = [
        await svc.listRecords(tx, agencyId, query),
        await svc.retentionClasses(tx, agencyId),
        await svc.policyOf(tx, agencyId),
        await agencyToday(tx, agencyId),
      ];
      return rows.map((r) => svc.withSchedule(r, classes, policy, today));
    },
    audit: { skip: NO_PII },
  });
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/records/items",
    access: "records.write",
    tag,
    summary: "Register a record (보존문서기록대장 entry)",
    body: s.recordBody,
    status: 201,
    handler: ({ tx, agencyId, auth, body }) => svc.createRecord(tx, agencyId, auth.staffId, body),
    audit: { action: "records.record.create", resourceType: "record", resourceId: (r) => r.id },
  });
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/records/items/:id",
    access: "records.read",
    tag,
    summary: "One record with its schedule dates, reviews and transfers",
    params: s.idParams,
    handler: async ({ tx, agencyId, params }) => {
      const r = await svc.recordRow(tx, agencyId, params.id);
      const { today } = await agencyToday(tx, agencyId);
      const rec = svc.withSchedule(
        r,
        await svc.retentionClasses(tx, agencyId),
        await svc.policyOf(tx, agencyId),
        today,
      );
      const reviews = await tx
        .select()
        .from(recordReviews)
        .where(eq(recordReviews.recordId, r.id))
        .orderBy(desc(recordReviews.proposedAt));
      return { ...rec, reviews };
    },
    audit: { skip: NO_PII },
  });
  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/records/items/:id",
    access: "records.write",
    tag,
    summary: "Change a record's title, quantity, location or custodian unit",
    params: s.idParams,
    body: s.recordPatch,
    handler: ({ tx, agencyId, params, body }) => svc.updateRecord(tx, agencyId, params.id, body),
    audit: { action: "records.record.update", resourceType: "record", resourceId: (r) => r.id },
  });

  // Transfers (J3: archive 자료관)
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/records/transfers/due",
    access: "records.read",
    tag,
    summary: "Held records due for transfer to the archive as of a date (default today)",
    query: s.asOfQuery,
    handler: async ({ tx, agencyId, query }) =>
      transferDue(tx, agencyId, query.asOf ?? (await agencyToday(tx, agencyId)).today),
    audit: { skip: NO_PII },
  });
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/records/transfers",
    access: "records.read",
    tag,
    summary: "Transfers made",
    handler: ({ tx, agencyId }) =>
      tx
        .select()
        .from(recordTransfers)
        .where(eq(recordTransfers.agencyId, agencyId))
        .orderBy(desc(recordTransfers.createdAt)),
    audit: { skip: NO_PII },
  });
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/records/transfers",
    access: "records.write",
    tag,
    summary: "Transfer records to the archive (or out of the agency) with their new location",
    body: s.transferBody,
    status: 201,
    handler: ({ tx, agencyId, auth, body }) => svc.transfer(tx, agencyId, auth.staffId, body),
    audit: {
      action: "records.transfer",
      resourceType: "record_transfer",
      resourceId: (r) => r.id,
      details: (r) => ({ records: r.recordIds.length, destination: r.destination }),
    },
  });

  // Expiry reviews
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/records/reviews/due",
    access: "records.read",
    tag,
    summary: "Records whose retention ended before a date (default today)",
    query: s.asOfQuery,
    handler: async ({ tx, agencyId, query }) =>
      expiryDue(tx, agencyId, query.asOf ?? (await agencyToday(tx, agencyId)).today),
    audit: { skip: NO_PII },
  });
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/records/reviews",
    access: "records.read",
    tag,
    summary: "Expiry reviews (proposed / approved)",
    query: s.reviewsQuery,
    handler: ({ tx, agencyId, query }) => svc.listReviews(tx, agencyId, query.status),
    audit: { skip: NO_PII },
  });
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/records/reviews",
    access: "records.review.propose",
    tag,
    summary: "Propose keep / reclassify / destroy for an expired record",
    body: s.reviewBody,
    status: 201,
    handler: ({ tx, agencyId, auth, body }) => svc.proposeReview(tx, agencyId, auth.staffId, body),
    audit: {
      action: "records.review.propose",
      resourceType: "record",
      resourceId: (r) => r.recordId,
      details: (r) => ({ review: r.id, decision: r.decision }),
    },
  });
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/records/reviews/:id/approve",
    access: "records.review.approve",
    tag,
    summary: "Approve a review (not by its proposer); destroy -> destruction_pending",
    params: s.idParams,
    handler: ({ tx, agencyId, auth, params }) => svc.approveReview(tx, agencyId, auth.staffId, params.id),
    audit: {
      action: "records.review.approve",
      resourceType: "record",
      resourceId: (r) => r.recordId,
      details: (r) => ({ review: r.id, decision: r.decision }),
    },
  });

  // Inventory (J3)
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/records/inventory/register",
    access: "records.read",
    tag,
    summary: "What the register says per series (to count against)",
    handler: ({ tx, agencyId }) => registerCounts(tx, agencyId),
    audit: { skip: NO_PII },
  });
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/records/inventory-checks",
    access: "records.read",
    tag,
    summary: "Inventory checks made",
    handler: ({ tx, agencyId }) =>
      tx
        .select()
        .from(recordInventoryChecks)
        .where(eq(recordInventoryChecks.agencyId, agencyId))
        .orderBy(desc(recordInventoryChecks.createdAt)),
    audit: { skip: NO_PII },
  });
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/records/inventory-checks/:id",
    access: "records.read",
    tag,
    summary: "One inventory check with its result",
    params: s.idParams,
    handler: ({ tx, agencyId, params }) => inventoryCheck(tx, agencyId, params.id),
    audit: { skip: NO_PII },
  });
  defineRoute(app, deps, {
    method: "POST",
    url: "/api/records/inventory-checks",
    access: "records.inventory",
    tag,
    summary: "Record an inventory count and reconcile it with the register (held / missing / unregistered)",
    body: s.inventoryBody,
    status: 201,
    handler: ({ tx, agencyId, auth, body }) => recordInventory(tx, agencyId, auth.staffId, body),
    audit: {
      action: "records.inventory.create",
      resourceType: "record_inventory_check",
      resourceId: (r) => r.id,
      details: (r) => ({ result: r.result }),
    },
  });

  // K5
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/records/stats/holdings",
    access: "records.stats",
    tag,
    summary: "K5: records held by retention class and medium as of a date",
    query: s.asOfQuery,
    readOnlyNoTransaction: true,
    handler: async ({ tx, agencyId, query }) =>
      holdings(tx, agencyId, query.asOf ?? (await agencyToday(tx, agencyId)).today),
    audit: { skip: "aggregate counts only" },
  });
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/records/stats/holdings.xlsx",
    access: "records.stats",
    tag,
    summary: "K5 table as an xlsx workbook",
    query: s.asOfQuery,
    readOnlyNoTransaction: true,
    handler: async ({ tx, agencyId, query, reply, locale }) => {
      const a = await agencyToday(tx, agencyId);
      const asOf = query.asOf ?? a.today;
      const table = await holdings(tx, agencyId, asOf);
      const entries = catalogueOf(a.j, "recordsRetentionClasses")?.entries ?? [];
      const names = Object.fromEntries(entries.map((e) => [e.code, entryName(e, locale)]));
      const buf = await holdingsWorkbook(table, names, locale);
      reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="records-held-${a.code}-${asOf}.xlsx"`);
      return buf;
    },
    audit: { action: "records.stats.export", details: () => ({ format: "xlsx", table: "K5" }) },
  });
}
