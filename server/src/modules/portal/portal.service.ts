import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { and, asc, eq, inArray, isNull, lt, ne, or } from "drizzle-orm";
import type { Queryable, Tx } from "../../db/client";
import {
  agencies,
  caseAttachments,
  caseEvents,
  casePauses,
  cases,
  portalSubmissions,
  units,
} from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError, badRequest, notFound } from "../../http/errors";
import type { Locale } from "../../i18n";
import { blindIndex, decryptField, encryptField } from "../../security/field-crypto";
import type { LedgerInput } from "../audit/ledger.service";
import { type AgencyInfo, agencyInfo, type CaseKind, clockOf } from "../cases/case.service";
import { caseComms } from "../cases/comms";
import { agencyPublicUrl } from "../letters/agency-mail";
import "./kind-disclosure";
import "./kind-petition";
import "./kind-rights";
import { defaultReceiptText, type PortalKind, parsePayload, portalKind } from "./kinds";
import "./messages";
import { publicStage } from "./progress";
import { surveyState } from "./survey.service";

export const CODE_TTL_MINUTES = 15;
export const SUBMISSION_TTL_HOURS = 24;
export const MAX_CODE_ATTEMPTS = 5;
export const MAX_CODES_SENT = 5;
export const MAX_PORTAL_ATTACHMENTS = 5;

/** The part of a portal submission every kind shares; the form itself is the kind's payload. */
export interface PortalHead {
  agencyCode: string;
  locale?: Locale;
  consent: boolean;
}

/** What is kept (encrypted) between the form and its confirmation. */
interface StoredPayload {
  kind: CaseKind;
  locale: Locale;
  data: unknown;
}

const hmac = (deps: AppDeps, purpose: string, value: string) =>
  createHmac("sha256", deps.secrets.blindIndexKey).update(`${purpose}\u0000${value}`).digest("hex");

function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, "hex");
  const y = Buffer.from(b, "hex");
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function agencyByCode(tx: Tx, code: string): Promise<AgencyInfo | null> {
  const [a] = await tx.select({ id: agencies.id }).from(agencies).where(eq(agencies.code, code));
  return a ? agencyInfo(tx, a.id) : null;
}

/** Mail the portal can never deliver to: reserved names (RFC 2606/6761), IP literals, single labels. */
export function undeliverableEmail(address: string): boolean {
  const domain = address.slice(address.lastIndexOf("@") + 1).toLowerCase();
  if (!domain.includes(".") || domain.startsWith("[") || /^[\d.]+$/.test(domain)) return true;
  const tld = domain.split(".").pop() as string;
  return ["invalid", "localhost", "local", "test", "example"].includes(tld) || domain === "example.com";
}

const CODE_TEXT: Record<Locale, (title: string, code: string, min: number) => [string, string]> = {
  ko: (t, c, m) => [
    `[${t}] 전자우편 확인 코드`,
    `확인 코드: ${c}\n${m}분 안에 입력하십시오. 요청하지 않았다면 이 메일을 무시하십시오.`,
  ],
  "zh-TW": (t, c, m) => [
    `[${t}] 電子郵件驗證碼`,
    `驗證碼：${c}\n請於 ${m} 分鐘內輸入。若非您本人申請，請忽略此信。`,
  ],
  en: (t, c, m) => [
    `[${t[0].toUpperCase()}${t.slice(1)}] E-mail confirmation code`,
    `Your code: ${c}\nEnter it within ${m} minutes. If you did not ask for it, ignore this message.`,
  ],
};

function kindOf(kind: CaseKind): PortalKind<unknown> {
  const pk = portalKind(kind);
  if (!pk) throw notFound("portal.unknown_kind");
  return pk;
}

async function sendCode(
  tx: Tx,
  deps: AppDeps,
  agencyId: string,
  kind: CaseKind,
  to: string,
  locale: Locale,
  code: string,
) {
  const [subject, text] = CODE_TEXT[locale](kindOf(kind).title[locale], code, CODE_TTL_MINUTES);
  try {
    await caseComms().sendMail(tx, deps, {
      agencyId,
      caseId: null,
      kind: "portal_code",
      to,
      locale,
      subject,
      text,
    });
  } catch (e) {
    if (e instanceof AppError && e.code === "letters.invalid_recipient")
      throw badRequest("portal.email_undeliverable");
    throw e;
  }
}

const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, "0");

/**
 * Step 1: validate the whole form now (so confirmation cannot fail later), keep it encrypted, e-mail a code.
 * No case exists until the code comes back. `parsed` says the route schema already checked the payload.
 */
export async function startSubmission(
  tx: Tx,
  deps: AppDeps,
  kind: CaseKind,
  head: PortalHead,
  payload: unknown,
  parsed = false,
) {
  if (!head.consent) throw badRequest("portal.consent_required");
  const pk = kindOf(kind);
  const agency = await agencyByCode(tx, head.agencyCode);
  if (!agency) throw notFound("portal.unknown_agency");
  const locale = head.locale ?? agency.defaultLocale;
  const data = parsed ? payload : parsePayload(pk, agency.jurisdiction, payload, locale, "/data");
  const email = pk.email(data);
  if (!email) throw badRequest("portal.email_required");
  if (undeliverableEmail(email)) throw badRequest("portal.email_undeliverable");
  await pk.validate(tx, agency, data);
  const token = randomBytes(24).toString("base64url");
  const code = newCode();
  const now = Date.now();
  const stored: StoredPayload = { kind, locale, data };
  const [row] = await tx
    .insert(portalSubmissions)
    .values({
      agencyId: agency.id,
      kind,
      tokenHash: hmac(deps, "portal-token", token),
      codeHash: "pending",
      codeExpiresAt: new Date(now + CODE_TTL_MINUTES * 60_000),
      payloadEnc: encryptField(deps.secrets.fieldKey, JSON.stringify(stored)),
      emailIndex: blindIndex(deps.secrets.blindIndexKey, "email", email.toLowerCase()),
      expiresAt: new Date(now + SUBMISSION_TTL_HOURS * 3_600_000),
    })
    .returning({ id: portalSubmissions.id, expiresAt: portalSubmissions.expiresAt });
  await tx
    .update(portalSubmissions)
    .set({ codeHash: hmac(deps, "portal-code", `${row.id}:${code}`) })
    .where(eq(portalSubmissions.id, row.id));
  await sendCode(tx, deps, agency.id, kind, email, locale, code);
  return {
    submissionId: row.id,
    submissionToken: token,
    expiresAt: row.expiresAt.toISOString(),
    agencyId: agency.id,
    subjectRef: pk.subjectRef?.(deps, data) ?? null,
  };
}

/**
 * Data minimisation: forms never confirmed (expired or voided) are deleted with their attachments a day after
 * they lapse; confirmed ones keep only the link to their case (the payload is dropped).
 */
export async function purgeStaleSubmissions(deps: AppDeps, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - SUBMISSION_TTL_HOURS * 3_600_000);
  return deps.database.db.transaction(async (tx) => {
    const stale = await tx
      .select({ id: portalSubmissions.id })
      .from(portalSubmissions)
      .where(
        and(
          or(
            eq(portalSubmissions.status, "void"),
            and(eq(portalSubmissions.status, "pending"), lt(portalSubmissions.expiresAt, now)),
          ),
          lt(portalSubmissions.createdAt, cutoff),
        ),
      );
    const ids = stale.map((x) => x.id);
    if (ids.length) {
      await tx
        .delete(caseAttachments)
        .where(and(inArray(caseAttachments.submissionId, ids), isNull(caseAttachments.caseId)));
      await tx.delete(portalSubmissions).where(inArray(portalSubmissions.id, ids));
    }
    await tx
      .update(portalSubmissions)
      .set({ payloadEnc: "-" })
      .where(and(eq(portalSubmissions.status, "confirmed"), ne(portalSubmissions.payloadEnc, "-")));
    return ids.length;
  });
}

/** The pending submission for a token; a wrong token behaves like an unknown submission. */
export async function submissionFor(tx: Queryable, deps: AppDeps, id: string, token: string, lock = true) {
  const q = tx.select().from(portalSubmissions).where(eq(portalSubmissions.id, id));
  const [s] = lock ? await q.for("update") : await q;
  if (!s || !sameHash(s.tokenHash, hmac(deps, "portal-token", token)))
    throw notFound("portal.submission_not_found");
  if (s.status !== "pending" || s.expiresAt.getTime() < Date.now())
    throw new AppError(409, "portal.submission_closed");
  return s;
}

export function submissionPayload(deps: AppDeps, s: typeof portalSubmissions.$inferSelect): StoredPayload {
  return JSON.parse(decryptField(deps.secrets.fieldKey, s.payloadEnc)) as StoredPayload;
}

export async function resendCode(tx: Tx, deps: AppDeps, id: string, token: string) {
  const s = await submissionFor(tx, deps, id, token);
  if (s.codesSent >= MAX_CODES_SENT) throw new AppError(429, "portal.resend_limit");
  const code = newCode();
  await tx
    .update(portalSubmissions)
    .set({
      codeHash: hmac(deps, "portal-code", `${s.id}:${code}`),
      codeExpiresAt: new Date(Date.now() + CODE_TTL_MINUTES * 60_000),
      codeAttempts: 0,
      codesSent: s.codesSent + 1,
    })
    .where(eq(portalSubmissions.id, s.id));
  const p = submissionPayload(deps, s);
  await sendCode(tx, deps, s.agencyId, p.kind, kindOf(p.kind).email(p.data) as string, p.locale, code);
  return { sent: true as const, agencyId: s.agencyId };
}

/** Access codes: 12 characters from an alphabet without look-alikes, shown as XXXX-XXXX-XXXX. */
const ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export function newAccessCode(): string {
  const b = randomBytes(12);
  const s = Array.from(b, (x) => ALPHABET[x % 32]).join("");
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}
const normaliseCode = (c: string) => c.toUpperCase().replace(/[^0-9A-Z]/g, "");
export const accessCodeHash = (deps: AppDeps, caseId: string, code: string) =>
  hmac(deps, "access-code", `${caseId}:${normaliseCode(code)}`);

export type ConfirmResult =
  | {
      ok: true;
      receiptNumber: string;
      accessCode: string;
      agencyCode: string;
      dueAt: string;
      caseId: string;
      agencyId: string;
      subjectRef: string | null;
    }
  | {
      ok: false;
      code: "portal.code_invalid" | "portal.code_expired" | "portal.code_exhausted";
      agencyId: string;
    };

/** Step 2: the code proves the e-mail address; the request becomes a case (channel online). */
export async function confirmSubmission(
  tx: Tx,
  deps: AppDeps,
  id: string,
  token: string,
  code: string,
  audit: (e: LedgerInput) => void,
): Promise<ConfirmResult> {
  const s = await submissionFor(tx, deps, id, token);
  if (s.codeExpiresAt.getTime() < Date.now())
    return { ok: false, code: "portal.code_expired", agencyId: s.agencyId };
  if (!sameHash(s.codeHash, hmac(deps, "portal-code", `${s.id}:${code.trim()}`))) {
    const attempts = s.codeAttempts + 1;
    await tx
      .update(portalSubmissions)
      .set({ codeAttempts: attempts, ...(attempts >= MAX_CODE_ATTEMPTS ? { status: "void" as const } : {}) })
      .where(eq(portalSubmissions.id, s.id));
    return {
      ok: false,
      code: attempts >= MAX_CODE_ATTEMPTS ? "portal.code_exhausted" : "portal.code_invalid",
      agencyId: s.agencyId,
    };
  }
  const agency = await agencyInfo(tx, s.agencyId);
  const { kind, locale, data } = submissionPayload(deps, s);
  const pk = kindOf(kind);
  const now = new Date();
  const c = await pk.create(
    {
      tx,
      deps,
      agency,
      actor: { id: null, label: "requester" },
      audit: (e) => audit({ agencyId: agency.id, ...e }),
    },
    data,
    { channel: "online", receivedAt: now, locale, emailVerifiedAt: now },
  );
  const accessCode = newAccessCode();
  await tx
    .update(cases)
    .set({ accessCodeHash: accessCodeHash(deps, c.id, accessCode) })
    .where(and(eq(cases.id, c.id), eq(cases.agencyId, agency.id)));
  await tx
    .update(caseAttachments)
    .set({ caseId: c.id })
    .where(and(eq(caseAttachments.submissionId, s.id), eq(caseAttachments.agencyId, s.agencyId)));
  await tx
    .update(portalSubmissions)
    .set({ status: "confirmed", caseId: c.id })
    .where(eq(portalSubmissions.id, s.id));
  const [subject, text] = (pk.receiptText ?? defaultReceiptText(pk.title))[locale](
    c.number,
    agency.nameLocal,
    await agencyPublicUrl(tx, deps.config, agency.id),
  );
  await caseComms().sendMail(tx, deps, {
    agencyId: agency.id,
    caseId: c.id,
    kind: "portal_receipt",
    to: pk.email(data) as string,
    locale,
    subject,
    text,
  });
  return {
    ok: true,
    receiptNumber: c.number,
    accessCode,
    agencyCode: agency.code,
    dueAt: c.dueAt.toISOString(),
    caseId: c.id,
    agencyId: agency.id,
    subjectRef: c.subjectRef,
  };
}

/**
 * Finds a case of any kind by agency, receipt number and access code. Unknown agency, unknown number and wrong
 * code all return null after the same work (one HMAC), so the answer never tells which it was.
 */
export async function findByAccess(
  tx: Tx,
  deps: AppDeps,
  agencyCode: string,
  receiptNumber: string,
  accessCode: string,
) {
  const [row] = await tx
    .select({ c: cases })
    .from(cases)
    .innerJoin(agencies, eq(agencies.id, cases.agencyId))
    .where(and(eq(agencies.code, agencyCode), eq(cases.number, receiptNumber.trim().toUpperCase())));
  const candidate = accessCodeHash(deps, row?.c.id ?? "00000000-0000-0000-0000-000000000000", accessCode);
  if (!row?.c.accessCodeHash || !sameHash(row.c.accessCodeHash, candidate)) return null;
  return row.c;
}

/** What the requester sees: state, dates, public steps, letters. */
export async function publicProgress(tx: Tx, deps: AppDeps, c: typeof cases.$inferSelect) {
  const events = await tx
    .select({
      at: caseEvents.at,
      event: caseEvents.event,
      type: caseEvents.type,
      details: caseEvents.details,
    })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.public, true)))
    .orderBy(asc(caseEvents.at));
  const [open] = await tx
    .select({ deadline: casePauses.requesterDeadline, reason: casePauses.reason })
    .from(casePauses)
    .where(and(eq(casePauses.caseId, c.id), eq(casePauses.agencyId, c.agencyId), isNull(casePauses.endedAt)));
  const letters = await caseComms().listLetters(tx, deps, c.agencyId, c.id);
  const agency = await agencyInfo(tx, c.agencyId);
  // The unit only decides how the date is written; a clock that cannot be computed falls back to days.
  const unit = await clockOf(tx, agency, c).then(
    (k) => k.unit,
    () => "days" as const,
  );
  const waiting = c.state === "waiting_requester";
  // The responsible unit by name only (I3): never the handler.
  const [unitRow] = c.unitId
    ? await tx
        .select({ name: units.nameLocal, nameEn: units.nameEn })
        .from(units)
        .where(and(eq(units.id, c.unitId), eq(units.agencyId, c.agencyId)))
    : [];
  return {
    receiptNumber: c.number,
    caseKind: c.kind,
    kind: c.subKind,
    stage: publicStage(c.state),
    unit: unitRow ? { name: unitRow.name, nameEn: unitRow.nameEn } : null,
    survey: await surveyState(tx, c),
    state: c.state,
    outcome: c.outcome,
    receivedAt: c.receivedAt.toISOString(),
    dueAt: c.dueAt.toISOString(),
    /** The status page says "by 18 Dec" for day-counted periods and adds the time only for hours. */
    dueUnit: unit,
    timeZone: agency.timeZone,
    paused: waiting,
    requesterDeadline: waiting ? (open?.deadline?.toISOString() ?? null) : null,
    /** What the agency asked the requester for (written to them, e.g. the supplement request). */
    requestedItem: waiting ? (open?.reason ?? null) : null,
    extended: c.extensionCount > 0,
    extensionReason: c.extensionCount > 0 ? c.extensionReason : null,
    originalDueAt: c.extensionCount > 0 ? c.originalDueAt.toISOString() : null,
    transferredTo: c.state === "transferred" ? c.transferredTo : null,
    steps: events.map((e) => ({
      at: e.at.toISOString(),
      event: e.event ?? e.type,
      ...(e.type === "letter" ? { letter: e.details?.number } : {}),
    })),
    letters,
  };
}
