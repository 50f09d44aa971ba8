import { computeClocks, dueEscalations } from "@civicpims/core/incidents/index";
import { and, eq, inArray, isNotNull, isNull, ne } from "drizzle-orm";
import type { Tx } from "../../db/client";
import {
  agencies,
  incidentClockMarks,
  incidentContacts,
  incidentEscalations,
  incidents,
  roleAssignments,
  staff,
} from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { type Locale, t } from "../../i18n";
import { decryptField } from "../../security/field-crypto";
import { appendLedger } from "../audit/ledger.service";
import { queueMail } from "../letters/mail.service";
import { factsOf } from "./incidents.service";

// The escalation job (periodic, on the durable scheduler): for each open incident, each clock that applies
// and is not yet met, mail the A13/A14 contacts (and the privacy officers) at half time, three quarters and
// when overdue. incident_escalations has one row per incident x clock x stage: inserted with ON CONFLICT DO
// NOTHING in the same transaction as the mail, so each escalation goes out once even with several instances.

export async function runEscalations(deps: AppDeps, now = new Date()): Promise<number> {
  let sent = 0;
  await deps.database.db.transaction(async (tx) => {
    const open = await tx
      .select({
        i: incidents,
        jurisdiction: agencies.jurisdiction,
        tz: agencies.timeZone,
        locale: agencies.defaultLocale,
      })
      .from(incidents)
      .innerJoin(agencies, eq(agencies.id, incidents.agencyId))
      .where(ne(incidents.status, "closed"));
    const ledger: Parameters<typeof appendLedger>[1] = [];
    for (const { i, jurisdiction, tz, locale } of open) {
      const marks = new Set(
        (
          await tx
            .select({ code: incidentClockMarks.code })
            .from(incidentClockMarks)
            .where(eq(incidentClockMarks.incidentId, i.id))
        ).map((m) => m.code),
      );
      const clocks = computeClocks(jurisdiction, i.detectedAt.getTime(), factsOf(i)).filter(
        (c) => c.applies && !marks.has(c.code),
      );
      if (!clocks.length) continue;
      let addresses: string[] | null = null;
      for (const c of clocks) {
        const stages = dueEscalations(c, now.getTime());
        // Only the latest stage reached is mailed; earlier ones missed (server down) are recorded as passed.
        for (const [idx, stage] of stages.entries()) {
          addresses ??= await escalationAddresses(deps, tx, i.agencyId);
          const latest = idx === stages.length - 1;
          const ins = await tx
            .insert(incidentEscalations)
            .values({
              agencyId: i.agencyId,
              incidentId: i.id,
              clockCode: c.code,
              stage,
              recipients: latest ? addresses.length : 0,
              sentAt: now,
            })
            .onConflictDoNothing()
            .returning({ id: incidentEscalations.id });
          if (!ins.length || !latest) continue;
          const loc = locale as Locale;
          const due = new Intl.DateTimeFormat(loc, {
            timeZone: tz,
            dateStyle: "long",
            timeStyle: "short",
          }).format(c.dueMs);
          const subject = t(loc, `incidents.escalation.subject_${stage}`, {
            number: i.number,
            clock: t(loc, `incidents.clock.${c.code}`),
          });
          for (const to of addresses)
            await queueMail(tx, deps, {
              agencyId: i.agencyId,
              to,
              subject,
              text: t(loc, "incidents.escalation.body", {
                number: i.number,
                clock: t(loc, `incidents.clock.${c.code}`),
                rule: c.citation,
                due,
              }),
              purpose: "incident_escalation",
            });
          ledger.push({
            action: "incidents.escalation.sent",
            agencyId: i.agencyId,
            actorLabel: "system:incidents",
            resourceType: "incident",
            resourceId: i.id,
            details: { clock: c.code, stage, recipients: addresses.length },
          });
          sent++;
        }
      }
    }
    if (ledger.length) await appendLedger(tx, ledger, deps.ledger);
  });
  return sent;
}

/** Active escalation contacts' e-mails (staff or outside), plus every privacy officer of the agency. */
async function escalationAddresses(deps: AppDeps, tx: Tx, agencyId: string) {
  const contacts = await tx
    .select({ c: incidentContacts, email: staff.email })
    .from(incidentContacts)
    .leftJoin(staff, eq(staff.id, incidentContacts.staffId))
    .where(
      and(
        eq(incidentContacts.agencyId, agencyId),
        eq(incidentContacts.active, true),
        eq(incidentContacts.escalate, true),
      ),
    );
  const out = new Set<string>();
  for (const { c, email } of contacts) {
    if (email) out.add(email);
    else if (c.personEnc) {
      const p = JSON.parse(decryptField(deps.secrets.fieldKey, c.personEnc)) as { email?: string | null };
      if (p.email) out.add(p.email);
    }
  }
  const officers = await tx
    .select({ email: staff.email })
    .from(roleAssignments)
    .innerJoin(staff, eq(staff.id, roleAssignments.staffId))
    .where(
      and(
        eq(roleAssignments.agencyId, agencyId),
        inArray(roleAssignments.role, ["privacy_officer"]),
        isNull(roleAssignments.revokedAt),
        isNotNull(staff.email),
        eq(staff.status, "active"),
      ),
    );
  for (const o of officers) if (o.email) out.add(o.email);
  return [...out].sort();
}
