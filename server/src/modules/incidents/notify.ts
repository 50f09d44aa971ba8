import { missingNoticeParts, NOTICE_PARTS } from "@civicpims/core/incidents/index";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Transporter } from "nodemailer";
import type { Tx } from "../../db/client";
import { incidentRecipients, incidents, letters, mailOutbox } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { badRequest } from "../../http/errors";
import { type Locale, t } from "../../i18n";
import { blindIndex, decryptField, encryptField } from "../../security/field-crypto";
import { generateLetter, type LetterLocale } from "../letters/letters.service";
import { deliverOutbox, maskEmail, queueMail } from "../letters/mail.service";
import { agencyOf, dec, type IncidentRow } from "./incidents.service";

// F5: notification of the data subjects. Each person is one row keyed by (incident, blind index of the
// address): adding the same list twice adds nobody twice, and a run queues a mail only for rows that have
// none — in the same short transaction that records the mail id — so a run cut off half way (mail server
// down, process killed) is simply started again: nobody is mailed twice, nobody is forgotten.

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

export interface RecipientInput {
  name: string;
  email?: string | null;
  postalAddress?: string | null;
}

const maskAddress = (a: string) => `${a.slice(0, Math.min(6, Math.ceil(a.length / 3)))}***`;

export async function addRecipients(tx: Tx, deps: AppDeps, row: IncidentRow, list: RecipientInput[]) {
  const key = deps.secrets.fieldKey;
  const values = list.map((r, i) => {
    const email = r.email?.trim() || null;
    const post = r.postalAddress?.trim() || null;
    if (!email && !post) throw badRequest("incidents.recipient_address", { index: i + 1 });
    if (email && (!EMAIL.test(email) || email.length > 254))
      throw badRequest("incidents.recipient_email", { index: i + 1 });
    const channel = email ? ("email" as const) : ("post" as const);
    const address = email ?? (post as string);
    return {
      agencyId: row.agencyId,
      incidentId: row.id,
      recipientRef: blindIndex(deps.secrets.blindIndexKey, `incident_${channel}`, address.toLowerCase()),
      channel,
      addressMasked: email ? maskEmail(email) : maskAddress(address),
      personEnc: encryptField(key, JSON.stringify({ name: r.name, address })),
    };
  });
  const inserted = await tx
    .insert(incidentRecipients)
    .values(values)
    .onConflictDoNothing({ target: [incidentRecipients.incidentId, incidentRecipients.recipientRef] })
    .returning({ id: incidentRecipients.id });
  return { added: inserted.length, duplicates: values.length - inserted.length };
}

/** The notice text for one person, in the agency's language (F5 parts, in the seed's order). */
export function noticeText(locale: Locale, row: IncidentRow, notice: Record<string, string>, name: string) {
  const parts = NOTICE_PARTS.map((p) => `■ ${t(locale, `incidents.notice.${p}`)}\n${notice[p]}`);
  return [t(locale, "incidents.notice.greeting", { name }), "", ...parts, "", row.number].join("\n\n");
}

export interface RunOptions {
  transport?: Pick<Transporter, "sendMail">;
  now?: Date;
  /** Recipients queued per transaction (small, so a failure loses little work). */
  batch?: number;
  /** Who runs it: the officer named on the post letters (default: who reported the incident). */
  actorId?: string | null;
  /** Deliver right away through the outbox (with the given or configured transport). */
  deliver?: boolean;
}

/**
 * Queues the notices not yet queued; post recipients get their notice letter (PDF, downloadable from the
 * delivery log) and are marked for printing. Returns the counts.
 */
export async function queueNotices(
  deps: AppDeps,
  agencyId: string,
  incidentId: string,
  opts: RunOptions = {},
) {
  const db = deps.database.db;
  let queued = 0;
  let printed = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(incidents)
        .where(and(eq(incidents.agencyId, agencyId), eq(incidents.id, incidentId)));
      if (!row) throw badRequest("incidents.not_found");
      const notice = dec<Record<string, string>>(deps, row.noticeEnc);
      if (!notice || missingNoticeParts(notice).length) throw badRequest("incidents.notice_incomplete");
      const agency = await agencyOf(tx, agencyId);
      const locale = agency.defaultLocale as Locale;
      // SKIP LOCKED: two runs started at once share the list instead of both taking the same people.
      const due = await tx
        .select()
        .from(incidentRecipients)
        .where(
          and(
            eq(incidentRecipients.incidentId, incidentId),
            eq(incidentRecipients.status, "pending"),
            isNull(incidentRecipients.mailId),
          ),
        )
        .limit(opts.batch ?? 100)
        .for("update", { skipLocked: true });
      for (const r of due) {
        const person = JSON.parse(decryptField(deps.secrets.fieldKey, r.personEnc)) as {
          name: string;
          address: string;
        };
        if (r.channel === "post") {
          // A numbered notice letter per person (F5 parts, the letters module's layout and checklist), in
          // the same transaction that marks the row: a run cut off here leaves neither letter nor mark.
          const letter = await generateLetter(tx, deps, {
            agencyId,
            kind: "incident_notice",
            locale: locale as LetterLocale,
            data: {
              recipient: { name: person.name, address: person.address },
              requestNumber: row.number,
              notice,
            },
            createdBy: opts.actorId ?? row.createdBy ?? null,
            issuedAt: opts.now,
          });
          await tx
            .update(incidentRecipients)
            .set({ status: "printed", letterId: letter.letterId, queuedAt: opts.now ?? new Date() })
            .where(eq(incidentRecipients.id, r.id));
          printed++;
          continue;
        }
        const { mailId } = await queueMail(tx, deps, {
          agencyId,
          to: person.address,
          subject: t(locale, "incidents.notice.subject", { agency: agency.nameLocal, number: row.number }),
          text: noticeText(locale, row, notice, person.name),
          purpose: "incident_notice",
        });
        await tx
          .update(incidentRecipients)
          .set({ status: "queued", mailId, queuedAt: opts.now ?? new Date() })
          .where(eq(incidentRecipients.id, r.id));
        queued++;
      }
      return due.length;
    });
    if (n === 0) break;
  }
  return { queued, printed };
}

/** Copies the outbox state (sent / failed / retrying) into the delivery log. */
export async function syncDelivery(deps: AppDeps, incidentId: string) {
  await deps.database.db.execute(sql`
    UPDATE incident_recipients r
       SET status = CASE m.status WHEN 'sent' THEN 'sent' WHEN 'failed' THEN 'failed' ELSE 'queued' END,
           delivered_at = m.sent_at,
           last_error = m.last_error
      FROM mail_outbox m
     WHERE r.mail_id = m.id AND r.incident_id = ${incidentId} AND r.status IN ('queued', 'failed')`);
}

/** A full run: queue what is missing, deliver this agency's due mail, update the log. */
export async function runNotification(
  deps: AppDeps,
  agencyId: string,
  incidentId: string,
  opts: RunOptions = {},
) {
  const q = await queueNotices(deps, agencyId, incidentId, opts);
  let delivery: Awaited<ReturnType<typeof deliverOutbox>> | null = null;
  if (opts.deliver !== false) {
    delivery = await deliverOutbox(deps, {
      agencyId,
      ...(opts.transport ? { transport: opts.transport } : {}),
      ...(opts.now ? { now: opts.now } : {}),
      limit: 500,
    });
  }
  await syncDelivery(deps, incidentId);
  return { ...q, delivery };
}

export async function deliveryLog(tx: Tx, incidentId: string) {
  const rows = await tx
    .select({
      id: incidentRecipients.id,
      channel: incidentRecipients.channel,
      addressMasked: incidentRecipients.addressMasked,
      recipientRef: incidentRecipients.recipientRef,
      status: incidentRecipients.status,
      letterId: incidentRecipients.letterId,
      letterNumber: letters.number,
      queuedAt: incidentRecipients.queuedAt,
      deliveredAt: incidentRecipients.deliveredAt,
      lastError: incidentRecipients.lastError,
      attempts: mailOutbox.attempts,
    })
    .from(incidentRecipients)
    .leftJoin(mailOutbox, eq(mailOutbox.id, incidentRecipients.mailId))
    .leftJoin(letters, eq(letters.id, incidentRecipients.letterId))
    .where(eq(incidentRecipients.incidentId, incidentId))
    .orderBy(incidentRecipients.createdAt);
  const counts: Record<string, number> = {};
  for (const r of rows) counts[r.status] = (counts[r.status] ?? 0) + 1;
  return { counts, rows: rows.map((r) => ({ ...r, recipientRef: r.recipientRef.slice(0, 12) })) };
}
