import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import type { Tx } from "../../db/client";
import { mailAttachments, mailOutbox } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { badRequest } from "../../http/errors";
import { decryptField, encryptField } from "../../security/field-crypto";
import { agencyMailProfile, senderOf } from "./agency-mail";
import { decryptBytes, encryptBytes } from "./blob-crypto";

// The outbox: mail is written in the caller's transaction (it exists only if that commits) and a sender job
// delivers it later through SMTP. Without SMTP (embedded/dev mode) nothing is sent: the outbox screen shows
// what would have gone out. Addresses, subjects, bodies and attachments are encrypted at rest.

export interface QueueMailInput {
  agencyId: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: { filename: string; content: Buffer; contentType?: string }[];
  caseId?: string | null;
  /** Why the mail exists ("letter", "portal_code", "reminder"...). */
  purpose: string;
  createdBy?: string | null;
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;
const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** "h***@example.com": the first character and the domain. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 1) return "***";
  return `${address[0]}***${address.slice(at)}`;
}

/** Error texts from SMTP servers often quote the address: mask any address before storing or logging. */
export function scrubAddresses(text: string): string {
  return text.replace(/[^\s<>()[\]"',;:]+@[^\s<>()[\]"',;:]+/g, (m) => maskEmail(m)).slice(0, 500);
}

export async function queueMail(tx: Tx, deps: AppDeps, input: QueueMailInput): Promise<{ mailId: string }> {
  const to = input.to.trim();
  if (!EMAIL.test(to) || to.length > 254) throw badRequest("letters.invalid_recipient");
  const purpose = input.purpose.trim();
  if (!purpose || purpose.length > 64) throw badRequest("letters.invalid_purpose");
  for (const a of input.attachments ?? []) {
    if (a.content.length > MAX_ATTACHMENT_BYTES) throw badRequest("letters.attachment_too_large");
  }
  const key = deps.secrets.fieldKey;
  const [row] = await tx
    .insert(mailOutbox)
    .values({
      agencyId: input.agencyId,
      caseId: input.caseId ?? null,
      purpose,
      toEnc: encryptField(key, to),
      toMasked: maskEmail(to),
      subjectEnc: encryptField(key, input.subject),
      textEnc: encryptField(key, input.text),
      htmlEnc: input.html ? encryptField(key, input.html) : null,
      createdBy: input.createdBy ?? null,
    })
    .returning({ id: mailOutbox.id });
  if (input.attachments?.length) {
    await tx.insert(mailAttachments).values(
      input.attachments.map((a) => ({
        agencyId: input.agencyId,
        mailId: row.id,
        filename: a.filename,
        contentType: a.contentType ?? (a.filename.toLowerCase().endsWith(".pdf") ? "application/pdf" : null),
        size: a.content.length,
        contentEnc: encryptBytes(key, a.content),
      })),
    );
  }
  return { mailId: row.id };
}

/** Minutes to wait after the n-th failed attempt; after the last one the mail is marked failed. */
export const RETRY_MINUTES = [1, 5, 30, 120, 360];
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;
/** A claimed mail is not picked again by another instance for this long (a crashed sender gives it back). */
const LEASE_MINUTES = 10;

export interface DeliverOptions {
  /** A transport for tests (nodemailer jsonTransport/streamTransport or a stub); default from config.smtpUrl. */
  transport?: Pick<Transporter, "sendMail">;
  now?: Date;
  limit?: number;
  /** Only this agency's mail (the "send now" button); the timer job sends every agency's. */
  agencyId?: string;
  log?: { info(obj: object, msg?: string): void; warn(obj: object, msg?: string): void };
}

export interface DeliverResult {
  sent: number;
  retrying: number;
  failed: number;
  /** Set when there is no transport: nothing was attempted. */
  skipped?: "no_smtp";
}

const transports = new WeakMap<object, Transporter>();
function configuredTransport(deps: AppDeps): Transporter | null {
  if (!deps.config.smtpUrl) return null;
  let t = transports.get(deps.config);
  if (!t) {
    t = nodemailer.createTransport(deps.config.smtpUrl);
    transports.set(deps.config, t);
  }
  return t;
}

/**
 * Sends the due mail. Each batch is claimed in a short transaction (FOR UPDATE SKIP LOCKED, then a lease),
 * so several server instances never send the same mail twice; SMTP talks happen outside any transaction.
 */
export async function deliverOutbox(deps: AppDeps, opts: DeliverOptions = {}): Promise<DeliverResult> {
  const transport = opts.transport ?? configuredTransport(deps);
  const result: DeliverResult = { sent: 0, retrying: 0, failed: 0 };
  if (!transport) return { ...result, skipped: "no_smtp" };
  const now = opts.now ?? new Date();
  const db = deps.database.db;
  const claimed = await db.transaction(async (tx) => {
    const due = await tx
      .select({ id: mailOutbox.id })
      .from(mailOutbox)
      .where(
        and(
          eq(mailOutbox.status, "pending"),
          lte(mailOutbox.nextAttemptAt, now),
          opts.agencyId ? eq(mailOutbox.agencyId, opts.agencyId) : undefined,
        ),
      )
      .orderBy(asc(mailOutbox.nextAttemptAt))
      .limit(opts.limit ?? 50)
      .for("update", { skipLocked: true });
    if (!due.length) return [];
    const ids = due.map((d) => d.id);
    return tx
      .update(mailOutbox)
      .set({
        attempts: sql`${mailOutbox.attempts} + 1`,
        nextAttemptAt: new Date(now.getTime() + LEASE_MINUTES * 60_000),
      })
      .where(inArray(mailOutbox.id, ids))
      .returning();
  });
  const key = deps.secrets.fieldKey;
  // Each mail goes out as its agency (sender name, reply address): read each agency's profile once per run.
  const senders = new Map<string, ReturnType<typeof senderOf>>();
  for (const m of claimed) {
    try {
      let sender = senders.get(m.agencyId);
      if (!sender) {
        sender = senderOf(await agencyMailProfile(db, m.agencyId), deps.config);
        senders.set(m.agencyId, sender);
      }
      const atts = await db.select().from(mailAttachments).where(eq(mailAttachments.mailId, m.id));
      const info = await transport.sendMail({
        ...sender,
        to: decryptField(key, m.toEnc),
        subject: decryptField(key, m.subjectEnc),
        text: decryptField(key, m.textEnc),
        ...(m.htmlEnc ? { html: decryptField(key, m.htmlEnc) } : {}),
        attachments: atts.map((a) => ({
          filename: a.filename,
          content: decryptBytes(key, a.contentEnc),
          ...(a.contentType ? { contentType: a.contentType } : {}),
        })),
      });
      await db
        .update(mailOutbox)
        .set({
          status: "sent",
          sentAt: new Date(),
          lastError: null,
          messageId: String(info.messageId ?? "") || null,
        })
        .where(eq(mailOutbox.id, m.id));
      result.sent += 1;
      opts.log?.info({ mailId: m.id, attempt: m.attempts }, "mail sent");
    } catch (err) {
      const message = scrubAddresses(err instanceof Error ? err.message : String(err));
      const giveUp = m.attempts >= MAX_ATTEMPTS;
      const wait = RETRY_MINUTES[Math.min(m.attempts, RETRY_MINUTES.length) - 1] ?? RETRY_MINUTES[0];
      await db
        .update(mailOutbox)
        .set({
          status: giveUp ? "failed" : "pending",
          lastError: message,
          nextAttemptAt: new Date(now.getTime() + wait * 60_000),
        })
        .where(eq(mailOutbox.id, m.id));
      if (giveUp) result.failed += 1;
      else result.retrying += 1;
      // Only the id, the attempt and a code: never the address or the content.
      const code = (err as { code?: string; responseCode?: number })?.code ?? "error";
      opts.log?.warn({ mailId: m.id, attempt: m.attempts, giveUp, errorCode: code }, "mail delivery failed");
    }
  }
  return result;
}

/** Puts a mail (failed, stuck, or sent and asked for again) back in the queue for an immediate attempt. */
export async function requeueMail(tx: Tx, agencyId: string, mailId: string): Promise<boolean> {
  const rows = await tx
    .update(mailOutbox)
    .set({ status: "pending", nextAttemptAt: new Date(), attempts: 0, lastError: null })
    .where(and(eq(mailOutbox.agencyId, agencyId), eq(mailOutbox.id, mailId)))
    .returning({ id: mailOutbox.id });
  return rows.length > 0;
}
