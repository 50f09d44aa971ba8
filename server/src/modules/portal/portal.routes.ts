import { DELIVERY_METHODS, feeSchedule, REQUESTER_TYPES, requestKinds } from "@civicpims/core/cases/index";
import { cleanJson, secret, text } from "@civicpims/core/validation/index";
import { asc, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Queryable } from "../../db/client";
import { agencies, CASE_KINDS, caseAttachments, type cases } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, notFound } from "../../http/errors";
import { defineRoute, type RouteContext } from "../../http/route";
import { type DeferredError, deferError, installDeferredErrors } from "../auth/deferred-error";
import {
  ATTACHMENT_KINDS,
  attachmentLimit,
  readMultipartFile,
  scanAttachment,
  storeAttachment,
  validateAttachment,
} from "../cases/attachments";
import { caseComms } from "../cases/comms";
import { portalDelivery } from "./delivery-providers";
import { registerPetitionPortalRoutes } from "./kind-petition";
import { rightsPortalFields } from "./kind-rights";
import {
  agencyByCode,
  confirmSubmission,
  findByAccess,
  MAX_PORTAL_ATTACHMENTS,
  publicProgress,
  resendCode,
  startSubmission,
  submissionFor,
} from "./portal.service";
import { registerProgressRoutes } from "./progress.routes";
import { bump, LIMITS, throttled, throttleKey } from "./throttle";

// biome-ignore lint/suspicious/noExplicitAny: route contexts differ only in body/query/params types
type Ctx = RouteContext<any, any, any>;

const head = {
  agencyCode: text({ min: 1, max: 64 }),
  locale: z.enum(["ko", "zh-TW", "en"]).optional(),
  consent: z.boolean(),
};
/** The rights-request form (the route every existing client uses). */
const submissionBody = z.object({ ...head, ...rightsPortalFields }).strict();
/** Any registered kind: the kind checks `data` against its own country form (field errors under /data). */
const kindSubmissionBody = z
  .object({ ...head, data: cleanJson(z.record(text({ max: 100 }), z.unknown())) })
  .strict();
// Plain text, checked in the handler: an unknown kind is a 404 (portal.unknown_kind), not a schema error.
const kindParams = z.object({ caseKind: text({ min: 1, max: 40, trim: false }) });
const isCaseKind = (k: string): k is (typeof CASE_KINDS)[number] =>
  (CASE_KINDS as readonly string[]).includes(k);

export const accessBody = z
  .object({
    agencyCode: text({ min: 1, max: 64 }),
    receiptNumber: text({ min: 1, max: 40 }),
    accessCode: text({ min: 1, max: 40 }),
  })
  .strict();

const idParams = z.object({ id: z.uuid() });
const letterParams = z.object({ letterId: z.uuid() });
const tokenBody = z.object({ submissionToken: secret({ min: 10, max: 100 }) }).strict();
const confirmBody = z
  .object({ submissionToken: secret({ min: 10, max: 100 }), code: text({ min: 1, max: 12 }) })
  .strict();

const BASES = { KR: ["poa", "child_under_14"], TW: ["poa", "minor", "guardianship", "assistance"] } as const;

type L = { ko: string; "zh-TW": string; en: string };
const f = (name: string, required: boolean, ko: string, zh: string, en: string, when?: string) => ({
  name,
  required,
  ...(when ? { when } : {}),
  label: { ko, "zh-TW": zh, en } satisfies L,
});

/**
 * The fields of the official forms (KR 별지 제1호 요구서 and 제2호 위임장; TW application and 委任書), in the
 * order the forms list them. `when` names the requester type the field applies to.
 */
const FORM_FIELDS = [
  f("requester.name", true, "성명", "姓名", "Name"),
  f("requester.birthDate", false, "생년월일", "出生年月日", "Date of birth"),
  f("requester.address", false, "주소", "地址", "Address"),
  f("requester.phone", false, "전화번호", "電話", "Telephone"),
  f("requester.email", true, "전자우편", "電子郵件", "E-mail"),
  f("subject.name", true, "정보주체 성명", "當事人姓名", "Data subject's name", "proxy,legal_representative"),
  f(
    "subject.birthDate",
    false,
    "정보주체 생년월일",
    "當事人出生年月日",
    "Data subject's date of birth",
    "proxy,legal_representative",
  ),
  f(
    "subject.address",
    false,
    "정보주체 주소",
    "當事人地址",
    "Data subject's address",
    "proxy,legal_representative",
  ),
  f(
    "representation.basis",
    true,
    "대리 근거",
    "代理依據",
    "Basis of representation",
    "proxy,legal_representative",
  ),
  f(
    "representation.relationship",
    false,
    "정보주체와의 관계",
    "與當事人之關係",
    "Relationship to the data subject",
    "proxy,legal_representative",
  ),
  f("kind", true, "요구 유형", "請求類型", "Kind of request"),
  f("content", true, "요구 내용", "請求內容", "What you ask for"),
  f("targetDescription", false, "대상 개인정보파일", "請求之個人資料檔案", "Personal data file concerned"),
  f("delivery.method", false, "통지 방법", "通知方式", "How to receive the answer"),
  f("attachment:power_of_attorney", true, "위임장(별지 제2호)", "委任書", "Power of attorney", "proxy"),
  f("attachment:identity_document", false, "신분증 사본", "身分證明文件", "Identity document"),
];

/**
 * Looks a request up by receipt number and access code with rate limits per client address and per
 * receipt number *from that address*. A receipt-wide limit would let anyone who knows a receipt
 * number keep its citizen out; access codes carry 60 bits, so the per-address limits already make
 * guessing hopeless without it. Every failure looks the same: 404 portal.not_found (or 429 when throttled), whether the
 * agency or the number exists or not.
 */
export async function authorise(
  ctx: Ctx,
): Promise<{ error: DeferredError } | { c: typeof cases.$inferSelect }> {
  const { agencyCode, receiptNumber, accessCode } = ctx.body as z.infer<typeof accessBody>;
  const ipKey = throttleKey("lookup-ip", ctx.req.ip);
  const rcKey = throttleKey(
    "lookup-receipt-ip",
    `${ctx.req.ip}\u0000${agencyCode.toLowerCase()}\u0000${receiptNumber.trim().toUpperCase()}`,
  );
  const wait = await throttled(ctx.tx, [
    [ipKey, LIMITS.lookupIp],
    [rcKey, LIMITS.lookupReceipt],
  ]);
  if (wait !== null)
    return { error: deferError(429, "portal.rate_limited", { headers: { "retry-after": String(wait) } }) };
  const c = await findByAccess(ctx.tx, ctx.deps, agencyCode, receiptNumber, accessCode);
  if (!c) {
    await bump(ctx.tx, ipKey);
    await bump(ctx.tx, rcKey);
    ctx.audit({ action: "portal.access.failed", result: "denied", details: {} });
    return { error: deferError(404, "portal.not_found") };
  }
  return { c };
}

/** The citizen portal API: public, no account (issue 6 item 5; C2, C3, C5). */
export function registerPortalRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "portal";
  installDeferredErrors(app);
  registerProgressRoutes(app, deps);
  registerPetitionPortalRoutes(app, deps);

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/portal/agencies",
    access: "public",
    tag,
    summary: "Agencies that take requests",
    handler: async ({ tx }) =>
      (
        await tx
          .select({
            code: agencies.code,
            name: agencies.nameLocal,
            nameEn: agencies.nameEn,
            jurisdiction: agencies.jurisdiction,
          })
          .from(agencies)
          .orderBy(asc(agencies.code))
      ).map((a) => a),
    audit: { skip: "public agency list" },
  });

  defineRoute(app, deps, {
    method: "GET",
    url: "/api/portal/agencies/:code/form",
    access: "public",
    tag,
    summary: "The request form of an agency: kinds, who may ask, delivery, attachments, limits",
    params: z.object({ code: text({ min: 1, max: 64, trim: false }) }),
    handler: async ({ tx, params, deps }) => {
      const a = await agencyByCode(tx, params.code);
      if (!a) throw notFound("portal.unknown_agency");
      return {
        agencyCode: a.code,
        agencyName: a.nameLocal,
        jurisdiction: a.jurisdiction,
        defaultLocale: a.defaultLocale,
        kinds: requestKinds(a.jurisdiction),
        requesterTypes: REQUESTER_TYPES,
        representationBases: BASES[a.jurisdiction],
        deliveryMethods: DELIVERY_METHODS,
        fees: feeSchedule(a.jurisdiction),
        attachmentKinds: ATTACHMENT_KINDS,
        form:
          a.jurisdiction === "KR"
            ? { request: "별지 제1호", powerOfAttorney: "별지 제2호" }
            : { request: "個人資料當事人權利行使申請書", powerOfAttorney: "委任書" },
        fields: FORM_FIELDS,
        limits: {
          attachmentBytes: attachmentLimit(deps),
          attachments: MAX_PORTAL_ATTACHMENTS,
          allowedTypes: ["pdf", "png", "jpg", "docx", "xlsx", "txt"],
        },
      };
    },
    audit: { skip: "public form definition" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/portal/submissions",
    access: "public",
    tag,
    summary: "Fill in the request; a confirmation code is e-mailed",
    body: submissionBody,
    status: 201,
    handler: async (ctx) => {
      const key = throttleKey("submit-ip", ctx.req.ip);
      const wait = await throttled(ctx.tx, [[key, LIMITS.submitIp]]);
      if (wait !== null) {
        ctx.reply.header("retry-after", String(wait));
        throw new AppError(429, "portal.rate_limited");
      }
      const { agencyCode, locale, consent, ...payload } = ctx.body;
      const r = await startSubmission(
        ctx.tx,
        ctx.deps,
        "rights_request",
        { agencyCode, locale, consent },
        payload,
        true,
      );
      await bump(ctx.tx, key);
      // Public route: no session, so the entry names the agency itself (its auditors must find it).
      ctx.audit({
        action: "portal.submission.create",
        agencyId: r.agencyId,
        resourceType: "portal_submission",
        resourceId: r.submissionId,
        subjectRef: r.subjectRef,
      });
      return r;
    },
    audit: { skip: "written in the handler with the agency (portal.submission.create)" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/portal/kinds/:caseKind/submissions",
    access: "public",
    tag,
    summary: "Fill in the form of any portal kind (petition, disclosure request, ...); a code is e-mailed",
    params: kindParams,
    body: kindSubmissionBody,
    status: 201,
    handler: async (ctx) => {
      const key = throttleKey("submit-ip", ctx.req.ip);
      const wait = await throttled(ctx.tx, [[key, LIMITS.submitIp]]);
      if (wait !== null) {
        ctx.reply.header("retry-after", String(wait));
        throw new AppError(429, "portal.rate_limited");
      }
      const { data, ...h } = ctx.body;
      const kind = ctx.params.caseKind;
      if (!isCaseKind(kind)) throw notFound("portal.unknown_kind");
      const r = await startSubmission(ctx.tx, ctx.deps, kind, h, data);
      await bump(ctx.tx, key);
      ctx.audit({
        action: "portal.submission.create",
        agencyId: r.agencyId,
        resourceType: "portal_submission",
        resourceId: r.submissionId,
        subjectRef: r.subjectRef,
        details: { kind: ctx.params.caseKind },
      });
      return r;
    },
    audit: { skip: "written in the handler with the agency (portal.submission.create)" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/portal/submissions/:id/attachments",
    access: "public",
    tag,
    summary: "Attach a document (multipart file + kind; header x-submission-token)",
    params: idParams,
    status: 201,
    // Reading and scanning the file (a worker job) happen before the transaction opens (issue 10 §4),
    // after the token and attachment-count checks (unlocked reads), so refusals keep their order and an
    // anonymous caller without a valid token makes no worker scan; both checks run again in the handler.
    prepare: async ({ db, deps, params, req }) => {
      await openSubmission(db, deps, params.id, String(req.headers["x-submission-token"] ?? ""), false);
      const limit = attachmentLimit(deps);
      const f = await readMultipartFile(req, limit);
      const file = validateAttachment(f.filename, f.data, limit);
      return { file, kind: f.kind, scanned: await scanAttachment(file) };
    },
    handler: async ({ tx, deps, params, req, audit, prepared }) => {
      const token = String(req.headers["x-submission-token"] ?? "");
      const s = await openSubmission(tx, deps, params.id, token, true);
      const a = await storeAttachment(
        tx,
        { agencyId: s.agencyId, submissionId: s.id },
        prepared.file,
        prepared.kind,
        { id: null, label: "requester" },
        deps.secrets.fieldKey,
        prepared.scanned,
      );
      audit({
        action: "portal.attachment.create",
        agencyId: s.agencyId,
        resourceType: "portal_submission",
        resourceId: s.id,
        details: { attachmentId: a.id, kind: a.kind, size: a.size },
      });
      return {
        id: a.id,
        filename: a.filename,
        size: a.size,
        kind: a.kind,
        agencyId: s.agencyId,
        submissionId: s.id,
      };
    },
    audit: { skip: "written in the handler with the agency (portal.attachment.create)" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/portal/submissions/:id/resend",
    access: "public",
    tag,
    summary: "Send a new confirmation code",
    params: idParams,
    body: tokenBody,
    handler: async ({ tx, deps, params, body, audit }) => {
      const r = await resendCode(tx, deps, params.id, body.submissionToken);
      audit({ action: "portal.code.resend", agencyId: r.agencyId, resourceType: "portal_submission" });
      return r;
    },
    audit: { skip: "written in the handler with the agency (portal.code.resend)" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/portal/submissions/:id/confirm",
    access: "public",
    tag,
    summary:
      "Confirm the e-mail code: the request is filed; returns the receipt number and the access code (once)",
    params: idParams,
    body: confirmBody,
    status: 201,
    handler: async (ctx) => {
      const key = throttleKey("confirm-ip", ctx.req.ip);
      const wait = await throttled(ctx.tx, [[key, LIMITS.confirmIp]]);
      if (wait !== null)
        return deferError(429, "portal.rate_limited", { headers: { "retry-after": String(wait) } });
      await bump(ctx.tx, key);
      const r = await confirmSubmission(
        ctx.tx,
        ctx.deps,
        ctx.params.id,
        ctx.body.submissionToken,
        ctx.body.code,
        ctx.audit,
      );
      if (!r.ok) {
        ctx.audit({
          action: "portal.code.failed",
          agencyId: r.agencyId,
          result: "denied",
          resourceType: "portal_submission",
          resourceId: ctx.params.id,
          details: { code: r.code },
        });
        // Returned, not thrown: the attempt counter must commit.
        return deferError(400, r.code);
      }
      ctx.audit({
        action: "portal.request.submit",
        agencyId: r.agencyId,
        resourceType: "case",
        resourceId: r.caseId,
        subjectRef: r.subjectRef,
        details: { number: r.receiptNumber },
      });
      return {
        receiptNumber: r.receiptNumber,
        accessCode: r.accessCode,
        agencyCode: r.agencyCode,
        dueAt: r.dueAt,
      };
    },
    audit: { skip: "written in the handler (portal.request.submit / portal.code.failed)" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/portal/status",
    access: "public",
    tag,
    summary: "Progress of a request (receipt number + access code)",
    body: accessBody,
    handler: async (ctx) => {
      const a = await authorise(ctx);
      if ("error" in a) return a.error;
      ctx.audit({
        action: "portal.status.read",
        agencyId: a.c.agencyId,
        resourceType: "case",
        resourceId: a.c.id,
        subjectRef: a.c.subjectRef,
      });
      // Issue 11 item 4: the released files, or the viewing time and place, and the fee.
      return {
        ...(await publicProgress(ctx.tx, ctx.deps, a.c)),
        delivery: await portalDelivery(a.c.kind).overview(ctx.tx, a.c),
      };
    },
    audit: { skip: "written in the handler (portal.status.read / portal.access.failed)" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/portal/letters/:letterId",
    access: "public",
    tag,
    summary: "Download a letter of the request (receipt number + access code)",
    params: letterParams,
    body: accessBody,
    handler: async (ctx) => {
      const a = await authorise(ctx);
      if ("error" in a) return a.error;
      const l = await caseComms().letterPdf(ctx.tx, ctx.deps, a.c.agencyId, a.c.id, ctx.params.letterId);
      if (!l) return deferError(404, "portal.not_found");
      ctx.audit({
        action: "portal.letter.download",
        agencyId: a.c.agencyId,
        resourceType: "letter",
        resourceId: ctx.params.letterId,
        subjectRef: a.c.subjectRef,
      });
      // Returned, not sent: the PDF leaves only after its ledger entry has committed.
      ctx.reply
        .header("content-type", "application/pdf")
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(l.filename)}`);
      return l.pdf;
    },
    audit: { skip: "written in the handler (portal.letter.download / portal.access.failed)" },
  });
}

/** A pending submission (valid token) that may still take an attachment. */
async function openSubmission(q: Queryable, deps: AppDeps, id: string, token: string, lock: boolean) {
  const s = await submissionFor(q, deps, id, token, lock);
  const existing = await q
    .select({ id: caseAttachments.id })
    .from(caseAttachments)
    .where(eq(caseAttachments.submissionId, s.id));
  if (existing.length >= MAX_PORTAL_ATTACHMENTS) throw new AppError(400, "portal.too_many_attachments");
  return s;
}
