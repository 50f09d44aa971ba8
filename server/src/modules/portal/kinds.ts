import type { Jurisdiction } from "@civicpims/core/jurisdictions/index";
import type { z } from "zod";
import type { Tx } from "../../db/client";
import type { AppDeps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { issueDetails } from "../../http/validation-errors";
import type { Locale } from "../../i18n";
import type { LedgerInput } from "../audit/ledger.service";
import type { Actor, AgencyInfo, CaseKind, CaseRow } from "../cases/case.service";

/** What a kind's `create` gets: the same context the staff intake of every kind uses. */
export interface PortalCreateCtx {
  tx: Tx;
  deps: AppDeps;
  agency: AgencyInfo;
  actor: Actor;
  audit: (e: LedgerInput) => void;
}

export interface PortalCreateOptions {
  channel: "online";
  receivedAt: Date;
  locale: Locale;
  emailVerifiedAt?: Date | null;
}

type Texts = Record<Locale, string>;
export type ReceiptText = Record<Locale, (number: string, agency: string, url: string) => [string, string]>;

/** One field of a kind's citizen form, for the portal's generic form shell. */
export interface PortalField {
  name: string;
  required: boolean;
  type: "text" | "longText" | "email" | "date" | "choice" | "number";
  options?: Array<{ value: string; label: Texts }>;
  /** A choice of several (a list in the payload) rather than one. */
  multiple?: boolean;
  label: Texts;
}

/**
 * A case kind the public portal takes (issue 12 item 1). Every kind goes through the same two steps
 * (form -> e-mailed code -> case), the same consent, rate limits and attachment rules, and gets an
 * access code on its case row; only the form, the checks and the creation differ.
 */
export interface PortalKind<P = unknown> {
  /** The citizen form of the agency's country (without agencyCode, consent and locale). */
  schema(jurisdiction: Jurisdiction): z.ZodType<P>;
  /** Checks needing the database or the rule pack, run before any code is mailed. */
  validate(tx: Tx, agency: AgencyInfo, payload: P): Promise<void>;
  create(ctx: PortalCreateCtx, payload: P, opts: PortalCreateOptions): Promise<CaseRow>;
  /** The address the confirmation code and the receipt go to. */
  email(payload: P): string | undefined;
  /** Blind index of the person the case is about, for the ledger entry of the submission. */
  subjectRef?(deps: AppDeps, payload: P): string | null;
  /** What the citizen files, in the subject line of the code and receipt mails. */
  title: Texts;
  receiptText?: ReceiptText;
  /** The form's fields for the generic form shell (a kind with its own page may leave it out). */
  fields?(jurisdiction: Jurisdiction): PortalField[];
}

const registry = new Map<CaseKind, PortalKind<unknown>>();

export function registerPortalKind<P>(kind: CaseKind, def: PortalKind<P>): void {
  registry.set(kind, def as PortalKind<unknown>);
}

export function portalKind(kind: CaseKind): PortalKind<unknown> | undefined {
  return registry.get(kind);
}

export function portalKinds(): CaseKind[] {
  return [...registry.keys()];
}

/**
 * Validates a payload against the kind's country form with the same field-level 400 a route schema
 * gives (paths under /data, where the generic route carries the form).
 */
export function parsePayload(
  pk: PortalKind<unknown>,
  jurisdiction: Jurisdiction,
  payload: unknown,
  locale: Locale,
  prefix = "",
): unknown {
  const r = pk.schema(jurisdiction).safeParse(payload);
  if (r.success) return r.data;
  throw new AppError(400, "validation", issueDetails(r.error.issues, locale, prefix));
}

export const defaultReceiptText = (title: Texts): ReceiptText => ({
  ko: (n, a, u) => [
    `[접수 완료] ${n}`,
    `${a}에 ${title.ko}이(가) 접수되었습니다. 접수번호: ${n}\n진행 상황: ${u}/portal (접수번호와 화면에 표시된 확인코드 필요)`,
  ],
  "zh-TW": (n, a, u) => [
    `[已收件] ${n}`,
    `${a}已收到您的${title["zh-TW"]}。收件編號：${n}\n查詢進度：${u}/portal（需收件編號及畫面上顯示的查詢碼）`,
  ],
  en: (n, a, u) => [
    `[Received] ${n}`,
    `${a} received your ${title.en}. Receipt number: ${n}\nProgress: ${u}/portal (receipt number and the access code shown on screen)`,
  ],
});
