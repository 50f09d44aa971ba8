import {
  LETTER_KINDS,
  LETTER_LOCALES,
  letterKindsFor,
  sampleLetterData,
} from "@civicpims/core/letters/index";
import { cleanJson } from "@civicpims/core/validation/index";
import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { agencies, cases, mailAttachments, mailOutbox } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { notFound } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { decryptField } from "../../security/field-crypto";
import "./messages";
import { agencyMailProfile, senderOf } from "./agency-mail";
import {
  generateLetter,
  getLetter,
  installLetterSecrets,
  letterFilename,
  listLetters,
  previewLetter,
} from "./letters.service";
import { deliverOutbox, MAX_ATTEMPTS, requeueMail } from "./mail.service";
import { pdfPagesAsPng } from "./page-images";

const idParams = z.object({ id: z.uuid() });
const kindSchema = z.enum(LETTER_KINDS);
const localeSchema = z.enum(LETTER_LOCALES);

/** inline opens the browser's viewer (print); attachment saves. The number may be Korean or Chinese. */
function pdfHeaders(reply: FastifyReply, filename: string, inline: boolean): void {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/"/g, "");
  // The app-wide CSP (object-src 'none') would stop the browser's PDF viewer from showing an inline letter;
  // a PDF is no HTML document, so it goes out without one (nosniff stays).
  reply.removeHeader("content-security-policy");
  reply
    .header("content-type", "application/pdf")
    .header("cache-control", "no-store")
    .header(
      "content-disposition",
      `${inline ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    );
}

/** Letters of cases (list, download, print), template previews, and the mail outbox (issue 6 item 4). */
export function registerLetterRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "letters";
  installLetterSecrets(deps.secrets);

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/letters/kinds",
    access: "letters.preview",
    tag,
    summary: "Letter kinds available for the agency's rule pack, and the languages",
    handler: async ({ tx, agencyId }) => {
      const [a] = await tx
        .select({ jurisdiction: agencies.jurisdiction, defaultLocale: agencies.defaultLocale })
        .from(agencies)
        .where(eq(agencies.id, agencyId));
      if (!a) throw notFound();
      return {
        jurisdiction: a.jurisdiction,
        defaultLocale: a.defaultLocale,
        kinds: letterKindsFor(a.jurisdiction),
        locales: LETTER_LOCALES,
      };
    },
    audit: { skip: "template catalogue, no personal data" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/letters/preview",
    access: "letters.preview",
    tag,
    summary: "A template rendered with sample data (no number is taken, nothing is stored)",
    query: z.object({
      kind: kindSchema,
      locale: localeSchema,
      format: z.enum(["pdf", "png"]).default("pdf"),
    }),
    handler: async ({ tx, agencyId, query, reply }) => {
      const [a] = await tx
        .select({ jurisdiction: agencies.jurisdiction })
        .from(agencies)
        .where(eq(agencies.id, agencyId));
      if (!a) throw notFound();
      const { pdf } = await previewLetter(tx, agencyId, {
        kind: query.kind,
        locale: query.locale,
        data: sampleLetterData(a.jurisdiction, query.kind),
      });
      if (query.format === "png") {
        // Page images for the preview screen: no PDF viewer needed, and the strict CSP stays as it is.
        reply.header("content-type", "application/json").header("cache-control", "no-store");
        return { pages: pdfPagesAsPng(pdf).map((b) => `data:image/png;base64,${b.toString("base64")}`) };
      }
      pdfHeaders(reply, `preview-${query.kind}-${query.locale}.pdf`, true);
      return pdf;
    },
    audit: { skip: "sample data only, no real person" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/letters",
    access: "letters.generate",
    tag,
    summary: "Generate a numbered letter and store it (with a case when caseId is given)",
    status: 201,
    body: z.object({
      caseId: z.uuid().nullish(),
      kind: kindSchema,
      locale: localeSchema,
      data: cleanJson(z.record(z.string(), z.unknown())),
    }),
    handler: async ({ tx, deps, agencyId, auth, body }) => {
      if (body.caseId) {
        // A case of another agency (or none) must not receive a letter: it behaves as unknown (404).
        const [c] = await tx
          .select({ id: cases.id })
          .from(cases)
          .where(and(eq(cases.id, body.caseId), eq(cases.agencyId, agencyId)));
        if (!c) throw notFound();
      }
      const r = await generateLetter(tx, deps, {
        agencyId,
        caseId: body.caseId ?? null,
        kind: body.kind,
        locale: body.locale,
        data: body.data,
        createdBy: auth.staffId,
      });
      return {
        id: r.letterId,
        number: r.number,
        sha256: r.sha256,
        size: r.pdf.length,
        kind: body.kind,
        caseId: body.caseId ?? null,
      };
    },
    audit: {
      action: "letters.letter.generate",
      resourceType: "letter",
      resourceId: (r) => r.id,
      details: (r) => ({ number: r.number, kind: r.kind, caseId: r.caseId, sha256: r.sha256 }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/letters/case/:caseId",
    access: "letters.read",
    tag,
    summary: "Letters stored with a case (metadata; newest first)",
    params: z.object({ caseId: z.uuid() }),
    handler: async ({ tx, agencyId, params }) => ({
      caseId: params.caseId,
      items: await listLetters(tx, agencyId, params.caseId),
    }),
    audit: {
      action: "letters.letter.list",
      resourceType: "case",
      resourceId: (r) => r.caseId,
      details: (r) => ({ count: r.items.length }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/letters/:id",
    access: "letters.read",
    tag,
    summary: "One letter's metadata (number, kind, hash)",
    params: idParams,
    handler: async ({ tx, deps, agencyId, params }) => (await getLetter(tx, agencyId, params.id, deps)).meta,
    audit: { skip: "metadata only (number, kind, hash); the PDF download is ledgered" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/letters/:id/pdf",
    access: "letters.read",
    tag,
    summary: "The stored PDF: download, or inline for printing (?print=1)",
    params: idParams,
    query: z.object({ print: z.enum(["0", "1", "true", "false"]).optional() }),
    // Not a raw route: the bytes leave only after the transaction holding the ledger entry committed.
    handler: async ({ tx, deps, agencyId, params, query, reply, audit }) => {
      const { meta, pdf } = await getLetter(tx, agencyId, params.id, deps);
      const print = query.print === "1" || query.print === "true";
      audit({
        action: "letters.letter.download",
        resourceType: "letter",
        resourceId: meta.id,
        details: { number: meta.number, caseId: meta.caseId, mode: print ? "print" : "download" },
      });
      pdfHeaders(reply, letterFilename(meta), print);
      return pdf;
    },
    audit: { skip: "the download entry is added in the handler (same transaction) with the letter's number" },
  });

  // ---- outbox --------------------------------------------------------------------------------------

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/letters/outbox",
    access: "letters.outbox.read",
    tag,
    summary: "Queued, sent and failed e-mail (without SMTP: what would have been sent)",
    query: z.object({
      status: z.enum(["pending", "sent", "failed"]).optional(),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }),
    handler: async ({ tx, deps, agencyId, query }) => {
      const where = and(
        eq(mailOutbox.agencyId, agencyId),
        query.status ? eq(mailOutbox.status, query.status) : undefined,
      );
      const [{ total }] = await tx.select({ total: count() }).from(mailOutbox).where(where);
      const rows = await tx
        .select()
        .from(mailOutbox)
        .where(where)
        .orderBy(desc(mailOutbox.createdAt))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const atts = rows.length
        ? await tx
            .select({
              mailId: mailAttachments.mailId,
              filename: mailAttachments.filename,
              size: mailAttachments.size,
            })
            .from(mailAttachments)
            .where(
              and(
                eq(mailAttachments.agencyId, agencyId),
                inArray(
                  mailAttachments.mailId,
                  rows.map((m) => m.id),
                ),
              ),
            )
        : [];
      const key = deps.secrets.fieldKey;
      return {
        smtpConfigured: !!deps.config.smtpUrl,
        maxAttempts: MAX_ATTEMPTS,
        total,
        page: query.page,
        pageSize: query.pageSize,
        items: rows.map((m) => ({
          id: m.id,
          caseId: m.caseId,
          purpose: m.purpose,
          to: m.toMasked,
          subject: decryptField(key, m.subjectEnc),
          status: m.status,
          attempts: m.attempts,
          nextAttemptAt: m.nextAttemptAt,
          lastError: m.lastError,
          sentAt: m.sentAt,
          createdAt: m.createdAt,
          attachments: atts
            .filter((a) => a.mailId === m.id)
            .map(({ filename, size }) => ({ filename, size })),
        })),
      };
    },
    audit: {
      action: "letters.outbox.list",
      resourceType: "mail_outbox",
      details: (r) => ({ total: r.total, page: r.page }),
    },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/letters/outbox/:id",
    access: "letters.outbox.read",
    tag,
    summary: "One e-mail in full (address, subject, text) as it is or would be sent",
    params: idParams,
    handler: async ({ tx, deps, agencyId, params }) => {
      const [m] = await tx
        .select()
        .from(mailOutbox)
        .where(and(eq(mailOutbox.agencyId, agencyId), eq(mailOutbox.id, params.id)));
      if (!m) throw notFound("letters.mail_not_found");
      const atts = await tx
        .select({ id: mailAttachments.id, filename: mailAttachments.filename, size: mailAttachments.size })
        .from(mailAttachments)
        .where(eq(mailAttachments.mailId, m.id));
      const key = deps.secrets.fieldKey;
      const sender = senderOf(await agencyMailProfile(tx, agencyId), deps.config);
      return {
        id: m.id,
        caseId: m.caseId,
        purpose: m.purpose,
        from: typeof sender.from === "string" ? sender.from : `${sender.from.name} <${sender.from.address}>`,
        replyTo: sender.replyTo ?? null,
        to: decryptField(key, m.toEnc),
        subject: decryptField(key, m.subjectEnc),
        text: decryptField(key, m.textEnc),
        html: m.htmlEnc ? decryptField(key, m.htmlEnc) : null,
        status: m.status,
        attempts: m.attempts,
        nextAttemptAt: m.nextAttemptAt,
        lastError: m.lastError,
        sentAt: m.sentAt,
        messageId: m.messageId,
        createdAt: m.createdAt,
        attachments: atts,
      };
    },
    audit: {
      action: "letters.outbox.read",
      resourceType: "mail_outbox",
      resourceId: (r) => r.id,
      details: (r) => ({ purpose: r.purpose, caseId: r.caseId }),
    },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/letters/outbox/:id/resend",
    access: "letters.outbox.resend",
    tag,
    summary: "Queue an e-mail again for an immediate attempt",
    params: idParams,
    handler: async ({ tx, agencyId, params }) => {
      if (!(await requeueMail(tx, agencyId, params.id))) throw notFound("letters.mail_not_found");
      return { id: params.id, status: "pending" as const };
    },
    audit: { action: "letters.outbox.resend", resourceType: "mail_outbox", resourceId: (r) => r.id },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/letters/outbox/deliver",
    access: "letters.outbox.resend",
    tag,
    summary: "Run the sender now (it also runs on a timer when SMTP is configured)",
    // The sender opens its own short transactions and talks SMTP outside them.
    readOnlyNoTransaction: true,
    handler: async ({ deps, agencyId }) => {
      const r = await deliverOutbox(deps, { log: app.log, agencyId });
      return { ...r, smtpConfigured: !!deps.config.smtpUrl };
    },
    audit: { action: "letters.outbox.deliver", resourceType: "mail_outbox", details: (r) => ({ ...r }) },
  });
}
