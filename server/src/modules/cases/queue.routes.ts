import type { CaseKindName, CaseState } from "@civicpims/core/cases/index";
import { nextStep } from "@civicpims/core/cases/index";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { caseNotes, cases } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { conflict, forbidden } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { encryptField } from "../../security/field-crypto";
import { assertEligible } from "./assignees";
import { addEvent, caseView, loadCase } from "./case.service";
import * as s from "./cases.schemas";
import { assignmentOf, mayAssign, workQueue } from "./queue";

/** The work queue and reassignment (issue 11 item 1). */
export function registerQueueRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "cases";

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/cases/queue",
    access: "cases.read",
    tag,
    summary: "My work: my cases, my units' unassigned cases, cases waiting on my decision; with next steps",
    readOnlyNoTransaction: true,
    handler: ({ tx, auth }) => workQueue(tx, auth),
    audit: { skip: "receipt numbers, states, dates and staff names only, no personal data" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/cases/:id/assignment",
    access: "cases.read",
    tag,
    summary: "The assignee, the next step with who can take it, and the staff the case may go to",
    params: s.idParams,
    handler: async ({ tx, agencyId, auth, params }) =>
      assignmentOf(tx, auth, await loadCase(tx, agencyId, params.id)),
    audit: { skip: "staff names only, no personal data" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/cases/:id/assign",
    access: "cases.process",
    tag,
    summary: "Reassign or hand over a case (to someone who can take the next step with forNextStep)",
    params: s.idParams,
    body: s.assignBody,
    handler: async ({ tx, agencyId, auth, params, body, deps }) => {
      const c = await loadCase(tx, agencyId, params.id, true);
      if (body.version !== undefined && body.version !== c.version) throw conflict("cases.stale");
      if (!mayAssign(auth, c)) throw forbidden("cases.assign_forbidden");
      const n = nextStep(c.kind as CaseKindName, c.state as CaseState, []);
      if (!n) throw conflict("cases.assign_finished");
      const to = await assertEligible(
        tx,
        agencyId,
        body.assigneeId,
        c.unitId,
        body.forNextStep ? n.permission : undefined,
      );
      if (to.id === c.assigneeId) throw conflict("cases.assign_same");
      const actor = { id: auth.staffId, label: auth.username };
      let noteId: string | null = null;
      if (body.note) {
        const [note] = await tx
          .insert(caseNotes)
          .values({
            agencyId,
            caseId: c.id,
            authorId: actor.id,
            authorLabel: actor.label,
            bodyEnc: encryptField(deps.secrets.fieldKey, body.note),
          })
          .returning({ id: caseNotes.id });
        noteId = note.id;
      }
      const [row] = await tx
        .update(cases)
        .set({ assigneeId: to.id, version: c.version + 1, updatedAt: new Date() })
        .where(eq(cases.id, c.id))
        .returning();
      const details = {
        from: c.assigneeId,
        to: to.id,
        toName: to.name,
        forStep: body.forNextStep ? n.action : null,
        noteId,
      };
      await addEvent(tx, row, { type: "assignment", actor, details });
      return {
        ...caseView(row),
        subjectRef: row.subjectRef,
        assignee: { id: to.id, name: to.name },
        handover: details,
      };
    },
    audit: {
      action: "cases.case.reassign",
      resourceType: "case",
      resourceId: (r) => r.id,
      subjectRef: (r) => r.subjectRef,
      details: (r) => ({
        number: r.number,
        from: r.handover.from,
        to: r.handover.to,
        forStep: r.handover.forStep,
      }),
    },
  });
}
