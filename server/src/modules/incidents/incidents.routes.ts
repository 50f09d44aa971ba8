import { createHash } from "node:crypto";
import { clockRules, computeClocks } from "@civicpims/core/incidents/index";
import { and, asc, desc, eq, inArray, isNull, lt, ne, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import {
  incidentActions,
  incidentChecklist,
  incidentClockMarks,
  incidentEvidence,
  incidentNotes,
  incidents,
  staff,
  units,
} from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest, notFound } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { t } from "../../i18n";
import { encryptField } from "../../security/field-crypto";
import { sealFile } from "../../security/file-crypto";
import { readStoredFile } from "../../security/file-migration";
import { attachmentLimit, readMultipartFile, validateAttachment } from "../cases/attachments";
import {
  agencyOf,
  checklistCatalogue,
  dec,
  factsOf,
  type IncidentDetails,
  incidentView,
  loadIncident,
  nextNumber,
  registerScope,
} from "./incidents.service";
import * as s from "./schemas";

const tag = "incidents";

/** Incident record, clocks, checklist, notes, evidence, review and corrective actions (F1-F4, issue 13). */
export function registerIncidentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const key = deps.secrets.fieldKey;

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/incidents",
    access: "incidents.read",
    tag,
    summary: "Incidents of the agency, newest first",
    handler: async ({ tx, agencyId }) =>
      tx
        .select({
          id: incidents.id,
          number: incidents.number,
          title: incidents.title,
          kind: incidents.kind,
          automated: incidents.automated,
          status: incidents.status,
          detectedAt: incidents.detectedAt,
          subjectCount: incidents.subjectCount,
        })
        .from(incidents)
        .where(eq(incidents.agencyId, agencyId))
        .orderBy(desc(incidents.detectedAt))
        .limit(500),
    audit: { skip: "titles, kinds and counts only; the record itself is read (and logged) on its page" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/incidents",
    access: "incidents.report",
    tag,
    summary: "Report an incident (F1): the clocks start at detection",
    body: s.incidentCreate,
    status: 201,
    handler: async ({ tx, agencyId, auth, body, locale }) => {
      if (Date.parse(body.detectedAt) > Date.now() + 5 * 60_000)
        throw badRequest("incidents.detected_future");
      if (body.occurredAt && Date.parse(body.occurredAt) > Date.parse(body.detectedAt))
        throw badRequest("incidents.occurred_after_detected");
      if (body.unitId) {
        const [u] = await tx
          .select({ id: units.id })
          .from(units)
          .where(and(eq(units.agencyId, agencyId), eq(units.id, body.unitId)));
        if (!u) throw notFound("incidents.unit_not_found");
      }
      const scope = await registerScope(tx, agencyId, body.fileIds, body.systemIds);
      const agency = await agencyOf(tx, agencyId);
      const year = Number(
        new Intl.DateTimeFormat("en-CA", { timeZone: agency.timeZone, year: "numeric" }).format(
          Date.parse(body.detectedAt),
        ),
      );
      const details: IncidentDetails = {
        description: body.description ?? null,
        place: body.place ?? null,
        method: body.method ?? null,
        containment: body.containment ?? null,
      };
      const [row] = await tx
        .insert(incidents)
        .values({
          agencyId,
          number: await nextNumber(tx, agencyId, year),
          title: body.title,
          kind: body.kind,
          automated: body.automated,
          detectedAt: new Date(body.detectedAt),
          detectedBy: auth.staffId,
          occurredAt: body.occurredAt ? new Date(body.occurredAt) : null,
          unitId: body.unitId ?? null,
          detailsEnc: encryptField(key, JSON.stringify(details)),
          fileIds: [...new Set(body.fileIds)],
          systemIds: [...new Set(body.systemIds)],
          subjectCount: body.subjectCount ?? scope.subjectCount,
          itemCount: scope.itemCount,
          sensitive: scope.sensitive,
          uniqueIdentifier: scope.uniqueIdentifier,
          externalAccess: body.externalAccess,
          createdBy: auth.staffId,
        })
        .returning();
      await tx.insert(incidentChecklist).values(
        checklistCatalogue().map((e, i) => ({
          agencyId,
          incidentId: row.id,
          code: e.code,
          position: i + 1,
        })),
      );
      return incidentView(tx, deps, row, locale);
    },
    audit: {
      action: "incidents.report",
      resourceType: "incident",
      resourceId: (r) => r.id,
      details: (r) => ({ number: r.number, kind: r.kind, automated: r.automated }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/incidents/:id",
    access: "incidents.read",
    tag,
    summary: "An incident with its clocks (and their explanation), checklist, notes, evidence and actions",
    params: s.idParams,
    handler: async ({ tx, agencyId, params, locale }) =>
      incidentView(tx, deps, await loadIncident(tx, agencyId, params.id), locale),
    audit: { action: "incidents.read", resourceType: "incident", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/incidents/:id",
    access: "incidents.manage",
    tag,
    summary: "Update status, estimates and threshold facts (the clocks are recomputed)",
    params: s.idParams,
    body: s.incidentUpdate,
    handler: async ({ tx, agencyId, params, body, locale }) => {
      const row = await loadIncident(tx, agencyId, params.id);
      if (row.status === "closed" && body.status !== "open") throw badRequest("incidents.closed");
      const details = dec<IncidentDetails>(deps, row.detailsEnc) ?? {};
      if (body.containment !== undefined) details.containment = body.containment;
      const [updated] = await tx
        .update(incidents)
        .set({
          ...(body.status
            ? { status: body.status, closedAt: body.status === "closed" ? new Date() : null }
            : {}),
          ...(body.subjectCount !== undefined ? { subjectCount: body.subjectCount } : {}),
          ...(body.externalAccess !== undefined ? { externalAccess: body.externalAccess } : {}),
          ...(body.sensitive !== undefined ? { sensitive: body.sensitive } : {}),
          ...(body.uniqueIdentifier !== undefined ? { uniqueIdentifier: body.uniqueIdentifier } : {}),
          detailsEnc: encryptField(key, JSON.stringify(details)),
          updatedAt: new Date(),
        })
        .where(eq(incidents.id, row.id))
        .returning();
      return incidentView(tx, deps, updated, locale);
    },
    audit: {
      action: "incidents.update",
      resourceType: "incident",
      resourceId: (r) => r.id,
      details: (r) => ({ status: r.status, subjectCount: r.subjectCount }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/incidents/:id/clocks/:code",
    access: "incidents.manage",
    tag,
    summary: "Mark a clock as met (report filed, subjects notified): escalation stops",
    params: s.codeParams,
    body: s.clockMark,
    handler: async ({ tx, agencyId, auth, params, body, locale }) => {
      const row = await loadIncident(tx, agencyId, params.id);
      const view = await incidentView(tx, deps, row, locale);
      if (!view.clocks.some((c) => c.code === params.code && c.applies))
        throw badRequest("incidents.clock_unknown");
      const metAt = body.metAt ? new Date(body.metAt) : new Date();
      if (metAt < row.detectedAt) throw badRequest("incidents.met_before_detected");
      await tx
        .insert(incidentClockMarks)
        .values({ agencyId, incidentId: row.id, code: params.code, metAt, metBy: auth.staffId })
        .onConflictDoNothing();
      return incidentView(tx, deps, row, locale);
    },
    audit: { action: "incidents.clock.met", resourceType: "incident", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/incidents/:id/checklist/:code",
    access: "incidents.manage",
    tag,
    summary: "Start or complete a response measure (F4), with a note",
    params: s.codeParams,
    body: s.checklistUpdate,
    handler: async ({ tx, agencyId, auth, params, body }) => {
      const row = await loadIncident(tx, agencyId, params.id);
      const [item] = await tx
        .select()
        .from(incidentChecklist)
        .where(and(eq(incidentChecklist.incidentId, row.id), eq(incidentChecklist.code, params.code)));
      if (!item) throw notFound("incidents.checklist_unknown");
      const now = new Date();
      const [u] = await tx
        .update(incidentChecklist)
        .set({
          ...(body.started || body.done ? { startedAt: item.startedAt ?? now } : {}),
          ...(body.done === true ? { doneAt: now, doneBy: auth.staffId } : {}),
          ...(body.done === false ? { doneAt: null, doneBy: null } : {}),
          ...(body.note !== undefined ? { noteEnc: body.note ? encryptField(key, body.note) : null } : {}),
        })
        .where(eq(incidentChecklist.id, item.id))
        .returning();
      // F4: the first measure started meets the "checklist started" clock (escalation stops); the mark keeps
      // the moment it started. A clock already met (by hand or an earlier item) keeps its first mark.
      if (!item.startedAt && u.startedAt) {
        const agency = await agencyOf(tx, agencyId);
        for (const r of clockRules(agency.jurisdiction).filter((c) => c.metWhen === "checklist_started"))
          await tx
            .insert(incidentClockMarks)
            .values({ agencyId, incidentId: row.id, code: r.code, metAt: u.startedAt, metBy: auth.staffId })
            .onConflictDoNothing();
      }
      return { incidentId: row.id, code: u.code, startedAt: u.startedAt, doneAt: u.doneAt };
    },
    audit: {
      action: "incidents.checklist.update",
      resourceType: "incident",
      resourceId: (r) => r.incidentId,
      details: (r) => ({ code: r.code, done: r.doneAt !== null }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/incidents/:id/notes",
    access: "incidents.manage",
    tag,
    summary: "Add a note to the incident's log of events (F4 item 7)",
    params: s.idParams,
    body: s.noteCreate,
    status: 201,
    handler: async ({ tx, agencyId, auth, params, body }) => {
      const row = await loadIncident(tx, agencyId, params.id);
      const [n] = await tx
        .insert(incidentNotes)
        .values({
          agencyId,
          incidentId: row.id,
          textEnc: encryptField(key, body.text),
          createdBy: auth.staffId,
        })
        .returning({ id: incidentNotes.id, createdAt: incidentNotes.createdAt });
      return { ...n, incidentId: row.id };
    },
    audit: { action: "incidents.note.add", resourceType: "incident", resourceId: (r) => r.incidentId },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/incidents/:id/evidence",
    access: "incidents.manage",
    tag,
    summary: "Upload evidence (F4 item 8), sealed with its own data key",
    params: s.idParams,
    status: 201,
    handler: async (c) => {
      const row = await loadIncident(c.tx, c.agencyId, c.params.id);
      const limit = attachmentLimit(c.deps);
      const file = await readMultipartFile(c.req, limit);
      const valid = validateAttachment(file.filename, file.data, limit);
      const [e] = await c.tx
        .insert(incidentEvidence)
        .values({
          agencyId: c.agencyId,
          incidentId: row.id,
          checklistCode: "keep_evidence",
          filename: valid.filename,
          contentType: valid.mimeType,
          size: file.data.length,
          sha256: createHash("sha256").update(file.data).digest("hex"),
          ...sealFile(key, file.data),
          uploadedBy: c.auth.staffId,
        })
        .returning({
          id: incidentEvidence.id,
          filename: incidentEvidence.filename,
          size: incidentEvidence.size,
          sha256: incidentEvidence.sha256,
        });
      return { ...e, incidentId: row.id };
    },
    audit: {
      action: "incidents.evidence.upload",
      resourceType: "incident",
      resourceId: (r) => r.incidentId,
      details: (r) => ({ evidence: r.id, size: r.size, sha256: r.sha256 }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/incidents/:id/evidence/:sub",
    access: "incidents.read",
    tag,
    summary: "Download an evidence file",
    params: s.subParams,
    handler: async (c) => {
      const [e] = await c.tx
        .select()
        .from(incidentEvidence)
        .where(
          and(
            eq(incidentEvidence.agencyId, c.agencyId),
            eq(incidentEvidence.incidentId, c.params.id),
            eq(incidentEvidence.id, c.params.sub),
          ),
        );
      if (!e) throw notFound();
      c.audit({
        action: "incidents.evidence.download",
        resourceType: "incident",
        resourceId: e.incidentId,
        details: { evidence: e.id },
      });
      c.reply
        .header("content-type", e.contentType)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(e.filename)}`)
        .header("x-content-type-options", "nosniff");
      return readStoredFile(key, e);
    },
    audit: { skip: "the download entry is added in the handler (same transaction)" },
  });

  defineRoute(app, deps, {
    method: "PUT",
    url: "/api/incidents/:id/review",
    access: "incidents.manage",
    tag,
    summary: "Record the post-incident review",
    params: s.idParams,
    body: s.reviewBody,
    handler: async ({ tx, agencyId, auth, params, body }) => {
      const row = await loadIncident(tx, agencyId, params.id);
      await tx
        .update(incidents)
        .set({
          reviewEnc: encryptField(key, JSON.stringify(body)),
          reviewedAt: new Date(),
          reviewedBy: auth.staffId,
          updatedAt: new Date(),
        })
        .where(eq(incidents.id, row.id));
      return { id: row.id };
    },
    audit: { action: "incidents.review", resourceType: "incident", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/incidents/:id/actions",
    access: "incidents.manage",
    tag,
    summary: "Add a corrective action with owner and due date",
    params: s.idParams,
    body: s.actionCreate,
    status: 201,
    handler: async ({ tx, agencyId, auth, params, body }) => {
      const row = await loadIncident(tx, agencyId, params.id);
      if (body.ownerId) {
        const [o] = await tx
          .select({ id: staff.id })
          .from(staff)
          .where(and(eq(staff.agencyId, agencyId), eq(staff.id, body.ownerId)));
        if (!o) throw notFound("incidents.owner_not_found");
      }
      const [a] = await tx
        .insert(incidentActions)
        .values({
          agencyId,
          incidentId: row.id,
          title: body.title,
          ownerId: body.ownerId ?? null,
          dueOn: body.dueOn,
          createdBy: auth.staffId,
        })
        .returning();
      return { id: a.id, incidentId: row.id, dueOn: a.dueOn };
    },
    audit: { action: "incidents.action.add", resourceType: "incident", resourceId: (r) => r.incidentId },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/incidents/:id/actions/:sub/done",
    access: "incidents.manage",
    tag,
    summary: "Mark a corrective action done",
    params: s.subParams,
    handler: async ({ tx, agencyId, auth, params }) => {
      const [a] = await tx
        .update(incidentActions)
        .set({ doneAt: new Date(), doneBy: auth.staffId })
        .where(
          and(
            eq(incidentActions.agencyId, agencyId),
            eq(incidentActions.incidentId, params.id),
            eq(incidentActions.id, params.sub),
            isNull(incidentActions.doneAt),
          ),
        )
        .returning();
      if (!a) throw new AppError(404, "incidents.action_not_found");
      return { id: a.id, incidentId: a.incidentId };
    },
    audit: { action: "incidents.action.done", resourceType: "incident", resourceId: (r) => r.incidentId },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/incidents/dashboard",
    access: "incidents.read",
    tag,
    summary: "Open incidents and open/overdue corrective actions, for the dashboard",
    handler: async ({ tx, agencyId, locale }) => {
      const agency = await agencyOf(tx, agencyId);
      // Due dates of actions are local dates on the agency's calendar.
      const today = new Intl.DateTimeFormat("en-CA", {
        timeZone: agency.timeZone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
      }).format(new Date());
      const openRows = await tx
        .select()
        .from(incidents)
        .where(and(eq(incidents.agencyId, agencyId), ne(incidents.status, "closed")))
        .orderBy(desc(incidents.detectedAt))
        .limit(200);
      const marks = openRows.length
        ? await tx
            .select({ incidentId: incidentClockMarks.incidentId, code: incidentClockMarks.code })
            .from(incidentClockMarks)
            .where(
              inArray(
                incidentClockMarks.incidentId,
                openRows.map((r) => r.id),
              ),
            )
        : [];
      const met = new Set(marks.map((m) => `${m.incidentId}:${m.code}`));
      const now = Date.now();
      // Each open incident with the clock that falls due first among those that apply and are not met.
      const openIncidents = openRows
        .map((r) => {
          const next = computeClocks(agency.jurisdiction, r.detectedAt.getTime(), factsOf(r))
            .filter((c) => c.applies && !met.has(`${r.id}:${c.code}`))
            .sort((a, b) => a.dueMs - b.dueMs)[0];
          return {
            id: r.id,
            number: r.number,
            title: r.title,
            status: r.status,
            detectedAt: r.detectedAt,
            nextClock: next
              ? {
                  code: next.code,
                  name: t(locale, `incidents.clock.${next.code}`),
                  hours: next.hours,
                  dueAt: new Date(next.dueMs).toISOString(),
                  overdue: now > next.dueMs,
                }
              : null,
          };
        })
        .sort(
          (a, b) =>
            (a.nextClock ? Date.parse(a.nextClock.dueAt) : Number.POSITIVE_INFINITY) -
            (b.nextClock ? Date.parse(b.nextClock.dueAt) : Number.POSITIVE_INFINITY),
        );
      const [open] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(incidents)
        .where(and(eq(incidents.agencyId, agencyId), ne(incidents.status, "closed")));
      const actions = await tx
        .select({
          id: incidentActions.id,
          incidentId: incidentActions.incidentId,
          number: incidents.number,
          title: incidentActions.title,
          dueOn: incidentActions.dueOn,
          ownerName: staff.displayName,
        })
        .from(incidentActions)
        .innerJoin(incidents, eq(incidents.id, incidentActions.incidentId))
        .leftJoin(staff, eq(staff.id, incidentActions.ownerId))
        .where(and(eq(incidentActions.agencyId, agencyId), isNull(incidentActions.doneAt)))
        .orderBy(asc(incidentActions.dueOn))
        .limit(50);
      const overdue = (
        await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(incidentActions)
          .where(
            and(
              eq(incidentActions.agencyId, agencyId),
              isNull(incidentActions.doneAt),
              lt(incidentActions.dueOn, today),
            ),
          )
      )[0].n;
      return {
        today,
        timeZone: agency.timeZone,
        incidents: openIncidents.slice(0, 20),
        openIncidents: open.n,
        openActions: actions.length,
        overdueActions: overdue,
        actions: actions.map((a) => ({ ...a, overdue: a.dueOn < today })),
      };
    },
    audit: { skip: "counts, action titles and owner names" },
  });
}
