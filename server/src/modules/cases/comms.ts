import { and, desc, eq } from "drizzle-orm";
import type { Tx } from "../../db/client";
import { caseMessages } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import type { Locale } from "../../i18n";
import { blindIndex, encryptField } from "../../security/field-crypto";
import type { LetterKind } from "../letters/letters.service";
import * as letters from "../letters/letters.service";
import { queueMail } from "../letters/mail.service";

/**
 * The seam between the case engine and the letters module (server/src/modules/letters): on a decision,
 * an extension, a completion notice or a notification the case engine asks for "a letter of kind X" and
 * for e-mails; it never renders PDFs or talks SMTP itself. `setCaseComms` installs the letters module's
 * implementation (tests install fakes); by default letters come from server/src/modules/letters and mail goes to
 * its outbox. case_messages keeps the case's own log of what was sent (the timeline shows it).
 */
export type { LetterKind };

export interface LetterRequest {
  agencyId: string;
  caseId: string;
  kind: LetterKind;
  locale: Locale;
  data: Record<string, unknown>;
  /** The officer in charge (case assignee, else the acting staff member): the letter's contact block. */
  officerId?: string | null;
}

export interface LetterInfo {
  id: string;
  kind: string;
  number: string;
  createdAt: string;
}

export interface OutboundMail {
  agencyId: string;
  caseId?: string | null;
  /** What the message is (portal_code, reminder, decision_notice, ...), for the log and the outbox screen. */
  kind: string;
  to: string;
  subject: string;
  text: string;
  locale: Locale;
  /** Letters to attach (ids from generateLetter). */
  letterIds?: string[];
}

export interface CaseComms {
  generateLetter(tx: Tx, deps: AppDeps, req: LetterRequest): Promise<LetterInfo | null>;
  listLetters(tx: Tx, deps: AppDeps, agencyId: string, caseId: string): Promise<LetterInfo[]>;
  letterPdf(
    tx: Tx,
    deps: AppDeps,
    agencyId: string,
    caseId: string,
    letterId: string,
  ): Promise<{ filename: string; pdf: Buffer } | null>;
  /** Queues an e-mail in the caller's transaction (it leaves only if the transaction commits). */
  sendMail(tx: Tx, deps: AppDeps, mail: OutboundMail): Promise<{ id: string }>;
}

type MailListener = (mail: OutboundMail) => void;
const listeners = new Set<MailListener>();

/** Tests and the dev outbox observe queued mail (e.g. to read a portal code). Returns an unsubscribe. */
export function onMailQueued(l: MailListener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Records the message in case_messages (encrypted), the outbox until the letters module delivers. */
export async function logMessage(
  tx: Tx,
  deps: AppDeps,
  mail: OutboundMail,
  status: "queued" | "sent" = "queued",
) {
  const [row] = await tx
    .insert(caseMessages)
    .values({
      agencyId: mail.agencyId,
      caseId: mail.caseId ?? null,
      kind: mail.kind,
      toEnc: encryptField(deps.secrets.fieldKey, mail.to),
      toIndex: blindIndex(deps.secrets.blindIndexKey, "email", mail.to.toLowerCase()),
      subject: mail.subject,
      bodyEnc: encryptField(deps.secrets.fieldKey, mail.text),
      status,
    })
    .returning({ id: caseMessages.id });
  for (const l of listeners) l(mail);
  return row;
}

const toInfo = (m: { id: string; kind: string; number: string; createdAt: Date }): LetterInfo => ({
  id: m.id,
  kind: m.kind,
  number: m.number,
  createdAt: m.createdAt.toISOString(),
});

/** The letters module (PDF letters, numbered, stored encrypted; SMTP outbox). */
const builtIn: CaseComms = {
  async generateLetter(tx, deps, req) {
    const g = await letters.generateLetter(tx, deps, {
      agencyId: req.agencyId,
      caseId: req.caseId,
      kind: req.kind,
      locale: req.locale,
      data: req.data,
      officerId: req.officerId ?? null,
    });
    return { id: g.letterId, kind: req.kind, number: g.number, createdAt: new Date().toISOString() };
  },
  async listLetters(tx, _deps, agencyId, caseId) {
    return (await letters.listLetters(tx, agencyId, caseId)).map(toInfo);
  },
  async letterPdf(tx, deps, agencyId, caseId, letterId) {
    try {
      const l = await letters.getLetter(tx, agencyId, letterId, deps);
      if (l.meta.caseId !== caseId) return null;
      return { filename: letters.letterFilename(l.meta), pdf: l.pdf };
    } catch {
      return null;
    }
  },
  async sendMail(tx, deps, mail) {
    const attachments = [];
    for (const id of mail.letterIds ?? []) {
      const l = await letters.getLetter(tx, mail.agencyId, id, deps);
      attachments.push({
        filename: letters.letterFilename(l.meta),
        content: l.pdf,
        contentType: "application/pdf",
      });
    }
    await queueMail(tx, deps, {
      agencyId: mail.agencyId,
      caseId: mail.caseId ?? null,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      purpose: mail.kind,
      attachments,
    });
    return logMessage(tx, deps, mail);
  },
};

let current: CaseComms = builtIn;

export function setCaseComms(impl: Partial<CaseComms>): void {
  current = { ...builtIn, ...impl };
}

export function caseComms(): CaseComms {
  return current;
}

/** Messages logged for a case, newest first (no bodies: staff see what was sent, not the codes). */
export async function listCaseMessages(tx: Tx, agencyId: string, caseId: string) {
  return tx
    .select({
      id: caseMessages.id,
      kind: caseMessages.kind,
      subject: caseMessages.subject,
      status: caseMessages.status,
      createdAt: caseMessages.createdAt,
    })
    .from(caseMessages)
    .where(and(eq(caseMessages.agencyId, agencyId), eq(caseMessages.caseId, caseId)))
    .orderBy(desc(caseMessages.createdAt));
}
