import { birthDate, text } from "@civicpims/core/validation/index";
import { asc, desc, eq, max } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ledgerCheckpoints, ledgerEntries, staff } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { badRequest } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { actionOptions } from "./action-catalogue";
import { agencyTimeZone, subjectRefsFor } from "./ledger-view";

const subjectBody = z.object({
  name: text({ max: 200 }).optional(),
  birthdate: birthDate().optional(),
  identifier: text({ max: 200 }).optional(),
});

/** What the ledger screen needs besides the entries: filter choices and the checkpoint policy. */
export function registerLedgerViewRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "audit";
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/audit/ledger/facets",
    access: "audit.ledger.read",
    tag,
    summary:
      "Ledger filter choices (action phrases, the agency's staff), its time zone and checkpoint policy",
    handler: async ({ tx, agencyId, locale }) => {
      const staffRows = await tx
        .select({ id: staff.id, displayName: staff.displayName, username: staff.username })
        .from(staff)
        .where(eq(staff.agencyId, agencyId))
        .orderBy(asc(staff.displayName));
      // Checkpoints cover the one chain of the install; only seq and time are shown.
      const [last] = await tx
        .select({ seq: ledgerCheckpoints.seq, createdAt: ledgerCheckpoints.createdAt })
        .from(ledgerCheckpoints)
        .orderBy(desc(ledgerCheckpoints.seq))
        .limit(1);
      const [head] = await tx.select({ seq: max(ledgerEntries.seq) }).from(ledgerEntries);
      const every = deps.config.ledgerCheckpointEvery;
      const minutes = deps.config.ledgerCheckpointMinutes;
      const lastSeq = last ? Number(last.seq) : 0;
      return {
        actions: actionOptions(locale),
        staff: staffRows,
        timeZone: await agencyTimeZone(tx, agencyId),
        checkpoints: {
          every,
          minutes,
          last: last ? { seq: lastSeq, createdAt: last.createdAt.toISOString() } : null,
          headSeq: head?.seq === null || head?.seq === undefined ? 0 : Number(head.seq),
          // Whichever comes first: the entry that completes the next block, or the timer.
          nextAtSeq: (Math.floor(lastSeq / every) + 1) * every,
          nextBy: last ? new Date(last.createdAt.getTime() + minutes * 60_000).toISOString() : null,
        },
      };
    },
    audit: { skip: "filter choices (action names, the agency's own staff names) and checkpoint times" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/audit/ledger/subject-refs",
    access: "audit.ledger.read",
    tag,
    summary:
      "Blind indexes of a data subject from a name + birth date or an identifier (the input is neither stored nor logged)",
    body: subjectBody,
    handler: async ({ body }) => {
      const kind = body.identifier?.trim() ? "identifier" : "name_birthdate";
      const refs = subjectRefsFor(deps.secrets, body);
      if (!refs.length) throw badRequest("audit.subject_input");
      return { refs, kind };
    },
    audit: {
      action: "audit.ledger.subject_lookup",
      subjectRef: (r) => r.refs[0],
      details: (r) => ({ kind: r.kind, refs: r.refs }),
    },
  });
}
