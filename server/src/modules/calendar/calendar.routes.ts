import { packFor } from "@civicpims/core/calendar/index";
import type { FastifyInstance } from "fastify";
import type { AppDeps } from "../../http/deps";
import { defineRoute } from "../../http/route";
import type { AuthContext } from "../auth/auth-context";
import { type Actor, agencyInfo } from "../cases/case.service";
import * as s from "./calendar.schemas";
import {
  createOverride,
  deleteOverride,
  getSettings,
  overrideView,
  putSettings,
  updateOverride,
  whatIf,
} from "./calendar.service";
import { listOverrideRows, loadCalendarOverrides } from "./overrides.repo";
import { buildYearCalendar } from "./year-view";

const actorOf = (auth: AuthContext): Actor => ({ id: auth.staffId, label: auth.username });
const yearRange = (y: number) => ({ from: `${y}-01-01`, to: `${y}-12-31` });
const NO_PII = "agency calendar: dates, office hours and counting rules, no personal data";

/** Agency calendar (issue 6 item 1): overrides, office hours, counting rules, year view, what-if. */
export function registerCalendarRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "calendar";

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/calendar/year/:year",
    access: "calendar.read",
    tag,
    summary: "The agency's year: package holidays, rule-pack days, agency entries, each day's status",
    params: s.yearParams,
    handler: async ({ tx, agencyId, params }) => {
      const agency = await agencyInfo(tx, agencyId);
      const overrides = await loadCalendarOverrides(tx, agencyId);
      const rows = await listOverrideRows(tx, agencyId, yearRange(params.year));
      return {
        ...buildYearCalendar(agency.jurisdiction, agency.timeZone, overrides, rows, params.year),
        overrides: rows.map(overrideView),
      };
    },
    audit: { skip: NO_PII },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/calendar/overrides",
    access: "calendar.read",
    tag,
    summary: "The agency's calendar entries (optionally of one year)",
    query: s.listQuery,
    handler: async ({ tx, agencyId, query }) =>
      (await listOverrideRows(tx, agencyId, query.year ? yearRange(query.year) : undefined)).map(
        overrideView,
      ),
    audit: { skip: NO_PII },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/calendar/overrides",
    access: "calendar.write",
    tag,
    summary:
      "Add a closure, temporary holiday, make-up workday or holiday removal; open cases are recomputed",
    body: s.overrideCreate,
    status: 201,
    handler: async ({ tx, agencyId, auth, body, audit }) => {
      const agency = await agencyInfo(tx, agencyId);
      return createOverride(
        tx,
        agency,
        { ...body, dateTo: body.dateTo ?? body.dateFrom },
        actorOf(auth),
        audit,
      );
    },
    audit: {
      action: "calendar.override.create",
      resourceType: "calendar_override",
      resourceId: (r) => r.override.id,
      details: (r) => ({
        kind: r.override.kind,
        dateFrom: r.override.dateFrom,
        dateTo: r.override.dateTo,
        reason: r.override.reason,
        casesMoved: r.moved.length,
      }),
    },
  });

  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/calendar/overrides/:id",
    access: "calendar.write",
    tag,
    summary: "Change an entry; open cases are recomputed",
    params: s.idParams,
    body: s.overridePatch,
    handler: async ({ tx, agencyId, auth, params, body, audit }) => {
      const agency = await agencyInfo(tx, agencyId);
      return updateOverride(tx, agency, params.id, body, actorOf(auth), audit);
    },
    audit: {
      action: "calendar.override.update",
      resourceType: "calendar_override",
      resourceId: (r) => r.override.id,
      details: (r) => ({
        before: r.before,
        after: {
          kind: r.override.kind,
          dateFrom: r.override.dateFrom,
          dateTo: r.override.dateTo,
          reason: r.override.reason,
        },
        casesMoved: r.moved.length,
      }),
    },
  });

  defineRoute(app, deps, {
    method: "DELETE",
    url: "/api/calendar/overrides/:id",
    access: "calendar.write",
    tag,
    summary: "Remove an entry; open cases are recomputed",
    params: s.idParams,
    handler: async ({ tx, agencyId, auth, params, audit }) => {
      const agency = await agencyInfo(tx, agencyId);
      return deleteOverride(tx, agency, params.id, actorOf(auth), audit);
    },
    audit: {
      action: "calendar.override.delete",
      resourceType: "calendar_override",
      resourceId: (r) => r.id,
      details: (r) => ({ ...r.removed, casesMoved: r.moved.length }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/calendar/settings",
    access: "calendar.read",
    tag,
    summary: "Office hours and counting-rule overrides, with the rule pack's deadline kinds",
    handler: async ({ tx, agencyId }) => {
      const agency = await agencyInfo(tx, agencyId);
      const rules = packFor(agency.jurisdiction).rules;
      return {
        ...(await getSettings(tx, agencyId)),
        jurisdiction: agency.jurisdiction,
        timeZone: agency.timeZone,
        kinds: Object.values(rules).map((r) => ({
          kind: r.kind,
          title: r.title,
          period: r.period,
          counting: r.counting,
          extension: r.extension.allowed
            ? { allowed: true, maxDays: r.extension.maxDays }
            : { allowed: false },
        })),
      };
    },
    audit: { skip: NO_PII },
  });

  defineRoute(app, deps, {
    method: "PUT",
    url: "/api/calendar/settings",
    access: "calendar.write",
    tag,
    summary: "Set office hours and counting-rule overrides (engine schema); open cases are recomputed",
    body: s.settingsPut,
    handler: async ({ tx, agencyId, auth, body, audit }) => {
      const agency = await agencyInfo(tx, agencyId);
      return putSettings(tx, agency, body, actorOf(auth), audit);
    },
    audit: {
      action: "calendar.settings.update",
      resourceType: "calendar_settings",
      resourceId: () => null,
      details: (r) => ({
        before: r.before,
        after: { officeHours: r.settings.officeHours, rules: r.settings.rules },
        casesMoved: r.moved.length,
      }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/calendar/what-if",
    access: "calendar.read",
    tag,
    summary:
      "Compute a deadline with the agency calendar (and a draft entry) and explain it; nothing is saved",
    body: s.whatIfBody,
    handler: async ({ tx, agencyId, body }) => {
      const agency = await agencyInfo(tx, agencyId);
      return whatIf(tx, agency, {
        ...body,
        draft: body.draft ? { ...body.draft, dateTo: body.draft.dateTo ?? body.draft.dateFrom } : null,
      });
    },
    audit: { skip: "computes a date from the calendar; no case or personal data is read" },
  });
}
