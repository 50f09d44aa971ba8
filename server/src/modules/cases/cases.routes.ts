import { parseInstant } from "@civicpims/core/calendar/index";
import { and, asc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Tx } from "../../db/client";
import {
  caseAttachments,
  caseEvents,
  caseNotes,
  casePauses,
  caseReminderSettings,
  cases,
  staff,
  units,
} from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { badRequest, conflict, notFound } from "../../http/errors";
import { defineRoute, type RouteContext } from "../../http/route";
import { decryptField, encryptField } from "../../security/field-crypto";
import { assertEligible } from "./assignees";
import {
  attachmentBytes,
  attachmentLimit,
  attachmentView,
  readMultipartFile,
  scanAttachment,
  storeAttachment,
  validateAttachment,
} from "./attachments";
import {
  type Actor,
  addEvent,
  agencyInfo,
  type CaseRow,
  caseKindHooks,
  caseView,
  clockOf,
  loadCase,
  type TransitionInput,
  transition,
} from "./case.service";
import * as repo from "./cases.repo";
import * as s from "./cases.schemas";
import { listCaseMessages } from "./comms";
import { registerQueueRoutes } from "./queue.routes";
import { DEFAULT_REMINDER_OFFSETS, reminderOffsets, runReminders } from "./reminders";

// biome-ignore lint/suspicious/noExplicitAny: route contexts differ only in body/query/params types
type Ctx = RouteContext<any, any, any>;

export const actorOf = (ctx: Ctx): Actor =>
  ctx.auth ? { id: ctx.auth.staffId, label: ctx.auth.username } : { id: null, label: "requester" };

/** A transition through the API, with the letter the step produces (extension notice). */
async function runTransition(ctx: Ctx, caseId: string, input: TransitionInput, expectedVersion?: number) {
  const agency = await agencyInfo(ctx.tx, ctx.agencyId);
  const row = await transition(ctx.tx, agency, caseId, input, {
    actor: actorOf(ctx),
    audit: ctx.audit,
    expectedVersion,
  });
  let letter = null;
  if (input.type === "extend") {
    const notice = caseKindHooks(row.kind).extensionNotice;
    if (notice) letter = await notice(ctx.tx, ctx.deps, agency, row, input.reason, actorOf(ctx));
  }
  return { ...caseView(row), letter };
}

async function assertUnit(tx: Tx, agencyId: string, unitId: string) {
  const [u] = await tx
    .select({ id: units.id })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.agencyId, agencyId)));
  if (!u) throw badRequest("cases.bad_unit");
}

async function assertStaff(tx: Tx, agencyId: string, staffId: string) {
  const [m] = await tx
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.id, staffId), eq(staff.agencyId, agencyId), eq(staff.status, "active")));
  if (!m) throw badRequest("cases.bad_assignee");
}

/** Case detail: the row, its clock explained, its pauses. */
export async function caseDetail(tx: Tx, agencyId: string, c: CaseRow) {
  const agency = await agencyInfo(tx, agencyId);
  const clock = await clockOf(tx, agency, c);
  const pauses = await tx
    .select()
    .from(casePauses)
    .where(eq(casePauses.caseId, c.id))
    .orderBy(asc(casePauses.startedAt));
  return {
    ...caseView(c),
    timeZone: agency.timeZone,
    dueExplanation: clock.explanation,
    /** Structured reasons (DueReason) and the counting unit: the web renders them per language. */
    dueReasons: clock.reasons,
    dueUnit: clock.unit,
    dueVerify: clock.verify,
    currentDueAt: new Date(clock.dueMs).toISOString(),
    pauses: pauses.map((p) => ({
      id: p.id,
      startedAt: p.startedAt.toISOString(),
      endedAt: p.endedAt?.toISOString() ?? null,
      reason: p.reason,
      requesterDeadline: p.requesterDeadline?.toISOString() ?? null,
    })),
  };
}

/** Generic case routes (issue 6 item 2). Kind-specific steps (decision, notification) live in their modules. */
export function registerCasesRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "cases";
  registerQueueRoutes(app, deps);

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/cases",
    access: "cases.read",
    tag,
    summary: "Case list: filter by kind, state, unit, assignee, due date; page of 50",
    query: s.listQuery,
    readOnlyNoTransaction: true,
    handler: ({ tx, agencyId, query }) => repo.listCases(tx, agencyId, { ...query, states: query.state }),
    audit: { skip: "the list shows receipt numbers, states and dates only, no personal data" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/cases/overdue",
    access: "cases.read",
    tag,
    summary: "Overdue dashboard: overdue and soon-due cases, counts per unit",
    query: s.overdueQuery,
    readOnlyNoTransaction: true,
    handler: ({ tx, agencyId, query }) => repo.overdueDashboard(tx, agencyId, query),
    audit: { skip: "numbers, states and dates only, no personal data" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/cases/settings/reminders",
    access: "cases.read",
    tag,
    summary: "Reminder points (hours before the due date)",
    handler: async ({ tx, agencyId }) => ({ offsetsHours: await reminderOffsets(tx, agencyId) }),
    audit: { skip: "configuration" },
  });

  defineRoute(app, deps, {
    method: "PUT",
    url: "/api/cases/settings/reminders",
    access: "cases.settings",
    tag,
    summary: "Set the reminder points",
    body: s.remindersBody,
    handler: async ({ tx, agencyId, body }) => {
      const offsets = [...new Set(body.offsetsHours)].sort((a, b) => b - a);
      await tx
        .insert(caseReminderSettings)
        .values({ agencyId, offsetsHours: offsets })
        .onConflictDoUpdate({
          target: caseReminderSettings.agencyId,
          set: { offsetsHours: offsets, updatedAt: new Date() },
        });
      return { offsetsHours: offsets };
    },
    audit: { action: "cases.settings.reminders", details: (r) => r },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/cases/reminders/run",
    access: "cases.settings",
    tag,
    summary: "Run the reminder job now for this agency (it also runs on a timer)",
    body: s.emptyBody,
    readOnlyNoTransaction: true,
    handler: ({ deps, agencyId }) => runReminders(deps, new Date(), agencyId),
    audit: { action: "cases.reminders.run", details: (r) => r },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/cases/:id",
    access: "cases.read",
    tag,
    summary: "Case detail with the due date explained",
    params: s.idParams,
    handler: async ({ tx, agencyId, params }) => {
      const c = await loadCase(tx, agencyId, params.id);
      return { ...(await caseDetail(tx, agencyId, c)), subjectRef: c.subjectRef };
    },
    audit: {
      action: "cases.case.read",
      resourceType: "case",
      resourceId: (r) => r.id,
      subjectRef: (r) => r.subjectRef,
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/cases/:id/timeline",
    access: "cases.read",
    tag,
    summary: "Every event of the case",
    params: s.idParams,
    handler: async ({ tx, agencyId, params }) =>
      caseTimeline(tx, agencyId, await loadCase(tx, agencyId, params.id)),
    audit: {
      action: "cases.timeline.read",
      resourceType: "case",
      resourceId: (r) => r.caseId,
      subjectRef: (r) => r.subjectRef,
    },
  });

  defineRoute(app, deps, {
    method: "PATCH",
    url: "/api/cases/:id/assignment",
    access: "cases.assign",
    tag,
    summary: "Assign the case to a unit and/or a staff member",
    params: s.idParams,
    body: s.assignmentBody,
    handler: async (ctx) => {
      const { tx, agencyId, params, body } = ctx;
      const c = await loadCase(tx, agencyId, params.id, true);
      if (body.version !== undefined && body.version !== c.version) throw conflict("cases.stale");
      if (body.unitId) await assertUnit(tx, agencyId, body.unitId);
      if (body.assigneeId) {
        await assertStaff(tx, agencyId, body.assigneeId);
        // Issue 11: the same unit and role rule as a reassignment, for the unit the case ends up in.
        await assertEligible(
          tx,
          agencyId,
          body.assigneeId,
          body.unitId !== undefined ? body.unitId : c.unitId,
        );
      }
      const patch: Partial<CaseRow> = { version: c.version + 1, updatedAt: new Date() };
      if (body.unitId !== undefined) patch.unitId = body.unitId;
      if (body.assigneeId !== undefined) patch.assigneeId = body.assigneeId;
      const [row] = await tx.update(cases).set(patch).where(eq(cases.id, c.id)).returning();
      await addEvent(tx, row, {
        type: "assignment",
        actor: actorOf(ctx),
        details: { unitId: row.unitId, assigneeId: row.assigneeId },
      });
      return caseView(row);
    },
    audit: {
      action: "cases.case.assign",
      resourceType: "case",
      resourceId: (r) => r.id,
      details: (r) => ({ unitId: r.unitId, assigneeId: r.assigneeId }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/cases/:id/notes",
    access: "cases.read",
    tag,
    summary: "Internal notes",
    params: s.idParams,
    handler: async ({ tx, agencyId, params, deps }) =>
      caseNotesOf(tx, deps, agencyId, await loadCase(tx, agencyId, params.id)),
    audit: {
      action: "cases.notes.read",
      resourceType: "case",
      resourceId: (r) => r.caseId,
      subjectRef: (r) => r.subjectRef,
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/cases/:id/notes",
    access: "cases.process",
    tag,
    summary: "Add an internal note",
    params: s.idParams,
    body: s.noteBody,
    status: 201,
    handler: async (ctx) => {
      const { tx, agencyId, params, body, deps } = ctx;
      const c = await loadCase(tx, agencyId, params.id);
      const actor = actorOf(ctx);
      const [n] = await tx
        .insert(caseNotes)
        .values({
          agencyId,
          caseId: c.id,
          authorId: actor.id,
          authorLabel: actor.label,
          bodyEnc: encryptField(deps.secrets.fieldKey, body.body),
        })
        .returning();
      await addEvent(tx, c, { type: "note", actor, details: { noteId: n.id } });
      return {
        id: n.id,
        caseId: c.id,
        subjectRef: c.subjectRef,
        body: body.body,
        authorLabel: actor.label,
        createdAt: n.createdAt.toISOString(),
      };
    },
    audit: {
      action: "cases.note.create",
      resourceType: "case",
      resourceId: (r) => r.caseId,
      subjectRef: (r) => r.subjectRef,
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/cases/:id/attachments",
    access: "cases.read",
    tag,
    summary: "Attachments (metadata, PII finding counts)",
    params: s.idParams,
    handler: async ({ tx, agencyId, params }) =>
      caseAttachmentList(tx, agencyId, await loadCase(tx, agencyId, params.id)),
    audit: { skip: "file names and sizes only" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/cases/:id/attachments",
    access: "cases.process",
    tag,
    summary: "Attach a file (multipart: file, kind); pdf/png/jpg/docx/xlsx/txt, 10 MB",
    params: s.idParams,
    status: 201,
    // Reading and scanning the file (a worker job) happen before the transaction opens (issue 10 §4);
    // the case is looked up first so an unknown case is still answered 404 before any file check.
    prepare: async ({ db, agencyId, params, deps, req }) => {
      await loadCase(db, agencyId, params.id);
      const limit = attachmentLimit(deps);
      const f = await readMultipartFile(req, limit);
      const file = validateAttachment(f.filename, f.data, limit);
      return { file, kind: f.kind, scanned: await scanAttachment(file) };
    },
    handler: async (ctx) => {
      const { tx, agencyId, params, deps, prepared } = ctx;
      const c = await loadCase(tx, agencyId, params.id);
      const a = await storeAttachment(
        tx,
        { agencyId, caseId: c.id },
        prepared.file,
        prepared.kind,
        actorOf(ctx),
        deps.secrets.fieldKey,
        prepared.scanned,
      );
      await addEvent(tx, c, {
        type: "attachment",
        actor: actorOf(ctx),
        details: { attachmentId: a.id, kind: a.kind, size: a.size, piiFindings: a.piiFindings },
      });
      return { ...a, subjectRef: c.subjectRef };
    },
    audit: {
      action: "cases.attachment.create",
      resourceType: "case_attachment",
      resourceId: (r) => r.id,
      subjectRef: (r) => r.subjectRef,
      details: (r) => ({ caseId: r.caseId, kind: r.kind, size: r.size, piiFindings: r.piiFindings }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/cases/:id/attachments/:attachmentId",
    access: "cases.read",
    tag,
    summary: "Download an attachment",
    params: s.attachmentParams,
    handler: async (ctx) =>
      caseAttachmentDownload(
        ctx,
        await loadCase(ctx.tx, ctx.agencyId, ctx.params.id),
        ctx.params.attachmentId,
      ),
    audit: { skip: "written in the handler (cases.attachment.read)" },
  });

  const step = (
    url: string,
    access: "cases.process" | "cases.decide",
    summary: string,
    // biome-ignore lint/suspicious/noExplicitAny: each step has its own body schema
    body: any,
    // biome-ignore lint/suspicious/noExplicitAny: the body validated by that schema
    toInput: (b: any, ctx: Ctx) => Promise<TransitionInput> | TransitionInput,
  ) =>
    defineRoute(app, deps, {
      method: "POST",
      url,
      access,
      tag,
      summary,
      params: s.idParams,
      body,
      handler: async (ctx) =>
        runTransition(ctx, ctx.params.id, await toInput(ctx.body, ctx), ctx.body?.version),
      audit: { skip: "the transition writes its own ledger entry (cases.transition.*)" },
    });

  step(
    "/api/cases/:id/pause",
    "cases.process",
    "Wait for the requester (clock paused)",
    s.pauseBody,
    async (b, ctx) => {
      const agency = await agencyInfo(ctx.tx, ctx.agencyId);
      return {
        type: "pause",
        reason: b.reason,
        requesterDeadline: b.requesterDeadline
          ? new Date(parseInstant(`${b.requesterDeadline}T23:59:59`, agency.timeZone))
          : null,
      };
    },
  );
  step("/api/cases/:id/resume", "cases.process", "Resume the clock", s.resumeBody, () => ({
    type: "resume",
  }));
  step(
    "/api/cases/:id/extend",
    "cases.decide",
    "Extend the deadline once, with reason and notice",
    s.extendBody,
    (b) => ({
      type: "extend",
      reason: b.reason,
      days: b.days,
    }),
  );
  step("/api/cases/:id/withdraw", "cases.process", "The requester withdrew", s.reasonBody, (b) => ({
    type: "withdraw",
    reason: b.reason,
  }));
  step(
    "/api/cases/:id/transfer",
    "cases.decide",
    "Transfer to another body",
    s.transferBody,
    async (b, ctx) => {
      // A petition's 이송 must send its transfer letter: only the kind's own action does (issue 12 item 1).
      const c = await loadCase(ctx.tx, ctx.agencyId, ctx.params.id);
      if (caseKindHooks(c.kind).ownTransfer) throw conflict("cases.transfer_own_action");
      return { type: "transfer", reason: b.reason, to: b.to };
    },
  );
  step("/api/cases/:id/close", "cases.process", "Close a notified case", s.closeBody, () => ({
    type: "close",
  }));
}

export { DEFAULT_REMINDER_OFFSETS };

/** Every event of a case (shared by GET /api/cases/:id/timeline and the kinds' own read routes). */
export async function caseTimeline(tx: Tx, agencyId: string, c: CaseRow) {
  const rows = await tx
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.agencyId, agencyId)))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
  const messages = await listCaseMessages(tx, agencyId, c.id);
  return {
    caseId: c.id,
    subjectRef: c.subjectRef,
    events: rows.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      type: e.type,
      event: e.event,
      fromState: e.fromState,
      toState: e.toState,
      actorLabel: e.actorLabel,
      public: e.public,
      details: e.details,
    })),
    messages: messages.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
  };
}

/** Internal notes of a case, decrypted (the caller's route writes the read to the ledger). */
export async function caseNotesOf(tx: Tx, deps: AppDeps, agencyId: string, c: CaseRow) {
  const rows = await tx
    .select()
    .from(caseNotes)
    .where(and(eq(caseNotes.caseId, c.id), eq(caseNotes.agencyId, agencyId)))
    .orderBy(asc(caseNotes.createdAt));
  return {
    caseId: c.id,
    subjectRef: c.subjectRef,
    notes: rows.map((n) => ({
      id: n.id,
      body: decryptField(deps.secrets.fieldKey, n.bodyEnc),
      authorId: n.authorId,
      authorLabel: n.authorLabel,
      createdAt: n.createdAt.toISOString(),
    })),
  };
}

export async function caseAttachmentList(tx: Tx, agencyId: string, c: CaseRow) {
  const rows = await tx
    .select()
    .from(caseAttachments)
    .where(and(eq(caseAttachments.caseId, c.id), eq(caseAttachments.agencyId, agencyId)))
    .orderBy(asc(caseAttachments.createdAt));
  return { caseId: c.id, attachments: rows.map(attachmentView) };
}

/** Sends one attachment of a case after writing the read to the ledger. */
export async function caseAttachmentDownload(ctx: Ctx, c: CaseRow, attachmentId: string) {
  const { tx, agencyId, reply, deps } = ctx;
  const [a] = await tx
    .select()
    .from(caseAttachments)
    .where(
      and(
        eq(caseAttachments.id, attachmentId),
        eq(caseAttachments.caseId, c.id),
        eq(caseAttachments.agencyId, agencyId),
      ),
    );
  if (!a) throw notFound();
  ctx.audit({
    action: "cases.attachment.read",
    resourceType: "case_attachment",
    resourceId: a.id,
    subjectRef: c.subjectRef,
  });
  // Returned (not sent here) so the bytes leave only after the ledger entry has committed.
  reply
    .header("content-type", a.mimeType)
    .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(a.filename)}`)
    .header("x-content-type-options", "nosniff");
  return attachmentBytes(deps.secrets.fieldKey, a);
}
