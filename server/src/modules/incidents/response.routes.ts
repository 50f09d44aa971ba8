import { missingNoticeParts } from "@civicpims/core/incidents/index";
import { maskValue } from "@civicpims/core/pii/index";
import { and, asc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { incidentContacts, incidentRecipients, incidents, staff, units } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { badRequest, notFound } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { t } from "../../i18n";
import { encryptField } from "../../security/field-crypto";
import { getLetter, letterFilename } from "../letters/letters.service";
import { agencyOf, incidentView, loadIncident } from "./incidents.service";
import { addRecipients, deliveryLog, queueNotices, syncDelivery } from "./notify";
import { regulatorReportPdf } from "./report-pdf";
import * as s from "./schemas";
import { scopeQuery, scopeWorkbook } from "./scope";

const tag = "incidents";

/** Scope from the ledger, notification of subjects (F5), the regulator report, the contact roster (A13/A14). */
export function registerResponseRoutes(app: FastifyInstance, deps: AppDeps): void {
  const key = deps.secrets.fieldKey;

  const scopeOf = async (c: {
    tx: Parameters<typeof loadIncident>[0];
    agencyId: string;
    params: { id: string };
    query: { from?: string; to?: string };
  }) => {
    const row = await loadIncident(c.tx, c.agencyId, c.params.id);
    const from = c.query.from ? new Date(c.query.from) : new Date(row.detectedAt.getTime() - 90 * 86_400_000);
    const to = c.query.to ? new Date(c.query.to) : new Date();
    if (to <= from) throw badRequest("incidents.window_order");
    const rows = await scopeQuery(c.tx, c.agencyId, [...row.fileIds, ...row.systemIds], from, to);
    return { row, rows };
  };

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/incidents/:id/scope",
    access: "incidents.scope",
    tag,
    summary: "Accounts that read or exported the involved files and systems in a window, with counts",
    params: s.idParams,
    query: s.scopeQuery,
    handler: async (c) => {
      const { row, rows } = await scopeOf(c);
      return { incidentId: row.id, resources: row.fileIds.length + row.systemIds.length, accounts: rows };
    },
    audit: {
      action: "incidents.scope.read",
      resourceType: "incident",
      resourceId: (r) => r.incidentId,
      details: (r) => ({ accounts: r.accounts.length }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/incidents/:id/scope.xlsx",
    access: "incidents.scope",
    tag,
    summary: "The scope as an xlsx workbook",
    params: s.idParams,
    query: s.scopeQuery,
    handler: async (c) => {
      const { row, rows } = await scopeOf(c);
      const L = (k: string) => t(c.locale, `incidents.scope.${k}`);
      const buf = await scopeWorkbook(
        rows,
        {
          sheet: L("sheet"),
          account: L("account"),
          reads: L("reads"),
          exports: L("exports"),
          total: L("total"),
          first: L("first"),
          last: L("last"),
        },
        `${row.number} ${row.title}`,
      );
      c.audit({
        action: "incidents.scope.export",
        resourceType: "incident",
        resourceId: row.id,
        details: { accounts: rows.length },
      });
      c.reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header("content-disposition", `attachment; filename="${row.number}-scope.xlsx"`);
      return buf;
    },
    audit: { skip: "the export entry is added in the handler (same transaction)" },
  });

  defineRoute(app, deps, {
    method: "PUT",
    url: "/api/incidents/:id/notice",
    access: "incidents.notify",
    tag,
    summary: "Set the notice to the subjects (F5): facts, measures, advice, contact, compensation",
    params: s.idParams,
    body: s.noticeBody,
    handler: async ({ tx, agencyId, params, body }) => {
      const row = await loadIncident(tx, agencyId, params.id);
      if (missingNoticeParts(body).length) throw badRequest("incidents.notice_incomplete");
      await tx
        .update(incidents)
        .set({ noticeEnc: encryptField(key, JSON.stringify(body)), updatedAt: new Date() })
        .where(eq(incidents.id, row.id));
      return { id: row.id };
    },
    audit: { action: "incidents.notice.set", resourceType: "incident", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/incidents/:id/recipients",
    access: "incidents.notify",
    tag,
    summary: "Add subjects to notify (e-mail or postal address); a person already listed is not added again",
    params: s.idParams,
    body: s.recipientsBody,
    status: 201,
    handler: async ({ tx, agencyId, params, body }) => {
      const row = await loadIncident(tx, agencyId, params.id);
      return { incidentId: row.id, ...(await addRecipients(tx, deps, row, body.recipients)) };
    },
    audit: {
      action: "incidents.recipients.add",
      resourceType: "incident",
      resourceId: (r) => r.incidentId,
      details: (r) => ({ added: r.added, duplicates: r.duplicates }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/incidents/:id/notify",
    access: "incidents.notify",
    tag,
    summary: "Queue the notices not yet queued (outbox delivers them); resumable, nobody twice",
    params: s.idParams,
    // Runs its own short transactions per batch, so a cut-off run keeps what it queued.
    readOnlyNoTransaction: true,
    handler: async ({ agencyId, auth, params }) => {
      const r = await queueNotices(deps, agencyId, params.id, { actorId: auth.staffId });
      await syncDelivery(deps, params.id);
      return { incidentId: params.id, ...r };
    },
    audit: {
      action: "incidents.notify.run",
      resourceType: "incident",
      resourceId: (r) => r.incidentId,
      details: (r) => ({ queued: r.queued, printed: r.printed }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/incidents/:id/deliveries",
    access: "incidents.notify",
    tag,
    summary: "Delivery log per person (masked address, status)",
    params: s.idParams,
    handler: async ({ tx, agencyId, params }) => {
      const row = await loadIncident(tx, agencyId, params.id);
      return { incidentId: row.id, ...(await deliveryLog(tx, row.id)) };
    },
    audit: { skip: "masked addresses and statuses; the list of people itself was logged when added" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/incidents/:id/deliveries/:sub/letter.pdf",
    access: "incidents.notify",
    tag,
    summary: "The notice letter (PDF) made for a post recipient, to print and send",
    params: s.subParams,
    handler: async (c) => {
      const row = await loadIncident(c.tx, c.agencyId, c.params.id);
      const [r] = await c.tx
        .select({ letterId: incidentRecipients.letterId })
        .from(incidentRecipients)
        .where(
          and(
            eq(incidentRecipients.agencyId, c.agencyId),
            eq(incidentRecipients.incidentId, row.id),
            eq(incidentRecipients.id, c.params.sub),
          ),
        );
      if (!r?.letterId) throw notFound("incidents.letter_not_found");
      const { meta, pdf } = await getLetter(c.tx, c.agencyId, r.letterId, deps);
      c.audit({
        action: "incidents.letter.download",
        resourceType: "incident",
        resourceId: row.id,
        details: { letter: meta.number },
      });
      c.reply
        .header("content-type", "application/pdf")
        .header(
          "content-disposition",
          `attachment; filename*=UTF-8''${encodeURIComponent(letterFilename(meta))}`,
        );
      return pdf;
    },
    audit: { skip: "the download entry is added in the handler (same transaction)" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/incidents/:id/report.pdf",
    access: "incidents.notify",
    tag,
    summary: "The regulator report as a PDF with the fields of the rule pack",
    params: s.idParams,
    handler: async (c) => {
      const row = await loadIncident(c.tx, c.agencyId, c.params.id);
      const view = await incidentView(c.tx, deps, row, c.locale);
      const agency = await agencyOf(c.tx, c.agencyId);
      const pdf = await regulatorReportPdf(view, agency.nameLocal, c.locale);
      c.audit({ action: "incidents.report.download", resourceType: "incident", resourceId: row.id });
      c.reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename="${row.number}-report.pdf"`);
      return pdf;
    },
    audit: { skip: "the download entry is added in the handler (same transaction)" },
  });

  // A13/A14 roster: every staff member must know whom to call, so it is readable by all who may report.
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/incidents/contacts",
    access: "incidents.report",
    tag,
    summary:
      "Incident reporting and support contacts (A13), security audit team and cyber-security contact (A14)",
    handler: async ({ tx, agencyId }) => {
      const rows = await tx
        .select({ c: incidentContacts, staffName: staff.displayName, unitName: units.nameLocal })
        .from(incidentContacts)
        .leftJoin(staff, eq(staff.id, incidentContacts.staffId))
        .leftJoin(units, eq(units.id, incidentContacts.unitId))
        .where(and(eq(incidentContacts.agencyId, agencyId), eq(incidentContacts.active, true)))
        .orderBy(asc(incidentContacts.role));
      return rows.map(({ c, staffName, unitName }) => ({
        id: c.id,
        role: c.role,
        staffId: c.staffId,
        name: staffName ?? c.display,
        unitName,
        escalate: c.escalate,
      }));
    },
    audit: { skip: "staff names and masked outside contacts" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/incidents/contacts",
    access: "incidents.contacts.write",
    tag,
    summary: "Add a contact to the incident roster",
    body: s.contactCreate,
    status: 201,
    handler: async ({ tx, agencyId, body }) => {
      if (!body.staffId && !body.person) throw badRequest("incidents.contact_person");
      if (body.staffId) {
        const [st] = await tx
          .select({ id: staff.id })
          .from(staff)
          .where(and(eq(staff.agencyId, agencyId), eq(staff.id, body.staffId)));
        if (!st) throw notFound("incidents.owner_not_found");
      }
      if (body.unitId) {
        const [u] = await tx
          .select({ id: units.id })
          .from(units)
          .where(and(eq(units.agencyId, agencyId), eq(units.id, body.unitId)));
        if (!u) throw notFound("incidents.unit_not_found");
      }
      const person = body.staffId ? null : body.person;
      const [c] = await tx
        .insert(incidentContacts)
        .values({
          agencyId,
          role: body.role,
          unitId: body.unitId ?? null,
          staffId: body.staffId ?? null,
          personEnc: person ? encryptField(key, JSON.stringify(person)) : null,
          display: person
            ? [maskValue("PERSON_NAME", person.name), person.email ? maskValue("EMAIL", person.email) : null]
                .filter(Boolean)
                .join(" ")
            : null,
          escalate: body.escalate,
        })
        .returning({ id: incidentContacts.id, role: incidentContacts.role });
      return c;
    },
    audit: { action: "incidents.contact.add", resourceType: "incident_contact", resourceId: (r) => r.id },
  });
}
