import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { AppDeps } from "../../http/deps";
import { defineRoute } from "../../http/route";
import { caseAttachmentDownload, caseAttachmentList, caseNotesOf, caseTimeline } from "../cases/cases.routes";
import { assignmentOf } from "../cases/queue";
import { loadPetition } from "./petitions.service";

const idParams = z.object({ id: z.uuid() });
const attachmentParams = z.object({ id: z.uuid(), attachmentId: z.uuid() });

/**
 * The shared case panels (timeline, notes, attachments, assignment) for a petition, under petitions.read.
 * The petition desk (petition_clerk) takes petitions in and follows them up but holds no cases.read: that
 * would open every case kind to it, rights requests with their identity documents included. These routes
 * answer for petitions only (loadPetition: another kind is a 404) with the same data and ledger actions
 * as /api/cases/:id/*.
 */
export function registerPetitionCaseReadRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "petitions";
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/petitions/:id/timeline",
    access: "petitions.read",
    tag,
    summary: "Every event of the petition (as /api/cases/:id/timeline)",
    params: idParams,
    handler: async ({ tx, agencyId, params }) =>
      caseTimeline(tx, agencyId, (await loadPetition(tx, agencyId, params.id)).c),
    audit: {
      action: "cases.timeline.read",
      resourceType: "case",
      resourceId: (r) => r.caseId,
      subjectRef: (r) => r.subjectRef,
    },
  });
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/petitions/:id/notes",
    access: "petitions.read",
    tag,
    summary: "Internal notes of the petition (as /api/cases/:id/notes)",
    params: idParams,
    handler: async ({ tx, agencyId, params, deps }) =>
      caseNotesOf(tx, deps, agencyId, (await loadPetition(tx, agencyId, params.id)).c),
    audit: {
      action: "cases.notes.read",
      resourceType: "case",
      resourceId: (r) => r.caseId,
      subjectRef: (r) => r.subjectRef,
    },
  });
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/petitions/:id/attachments",
    access: "petitions.read",
    tag,
    summary: "Attachments of the petition (metadata, PII finding counts)",
    params: idParams,
    handler: async ({ tx, agencyId, params }) =>
      caseAttachmentList(tx, agencyId, (await loadPetition(tx, agencyId, params.id)).c),
    audit: { skip: "file names and sizes only" },
  });
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/petitions/:id/attachments/:attachmentId",
    access: "petitions.read",
    tag,
    summary: "Download an attachment of the petition",
    params: attachmentParams,
    handler: async (ctx) =>
      caseAttachmentDownload(
        ctx,
        (await loadPetition(ctx.tx, ctx.agencyId, ctx.params.id)).c,
        ctx.params.attachmentId,
      ),
    audit: { skip: "written in the handler (cases.attachment.read)" },
  });
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/petitions/:id/assignment",
    access: "petitions.read",
    tag,
    summary: "Assignee and next step of the petition (as /api/cases/:id/assignment)",
    params: idParams,
    handler: async ({ tx, agencyId, auth, params }) =>
      assignmentOf(tx, auth, (await loadPetition(tx, agencyId, params.id)).c),
    audit: { skip: "staff names only, no personal data" },
  });
}
