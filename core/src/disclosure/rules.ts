// Decision rules of a disclosure request as pure functions (J1, J4): which outcome needs which grounds, the
// third-party hearing that must be over before deciding, fees and the remedy periods after the decision.
import { computeDeadline } from "../calendar/index";
import type { CalendarOverrides } from "../calendar/types";
import { catalogueOf } from "../jurisdictions/index";
import { REMEDY_PERIODS } from "../letters/remedy-periods";
import type { CatalogueEntry } from "../registry/catalogue";

export const DISCLOSURE_OUTCOMES = [
  "full",
  "partial",
  "non_disclosure",
  "not_held",
  "transferred",
  "withdrawn",
] as const;
export type DisclosureOutcome = (typeof DISCLOSURE_OUTCOMES)[number];
/** Outcomes reached by a decision (transfer and withdrawal have their own steps). */
export const DECISION_OUTCOMES = ["full", "partial", "non_disclosure", "not_held"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** The generic case row's outcome for each disclosure outcome (statistics read the case row). */
export const CASE_OUTCOME_OF: Record<DisclosureOutcome, string> = {
  full: "granted",
  partial: "partly",
  non_disclosure: "refused",
  not_held: "not_held",
  transferred: "transferred",
  withdrawn: "withdrawn",
};

export type DisclosureRuleCode =
  | "ground_required"
  | "grounds_not_allowed"
  | "unknown_ground"
  | "note_required"
  | "third_party_pending"
  | "unknown_fee"
  | "fee_amount_required";

export class DisclosureRuleViolation extends Error {
  constructor(
    public readonly code: DisclosureRuleCode,
    public readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = "DisclosureRuleViolation";
  }
}

/** The non-disclosure grounds of the rule pack (KR 정보공개법 §9①, TW 政府資訊公開法 §18①). */
export function disclosureGrounds(j: "KR" | "TW"): readonly CatalogueEntry[] {
  return catalogueOf(j, "disclosureGrounds")?.entries ?? [];
}

export interface DecisionInput {
  outcome: DecisionOutcome;
  groundCodes: string[];
  note?: string | null;
}

/**
 * Checks a decision against the law: partial disclosure and non-disclosure cite at least one ground of the
 * pack (KR §13④, TW §18①); full disclosure cites none; "not held" needs a note saying what was searched
 * (KR §11⑤ 부존재 통지). Returns the cited grounds with their articles.
 */
export function checkDecision(j: "KR" | "TW", d: DecisionInput): CatalogueEntry[] {
  const codes = [...new Set(d.groundCodes)];
  if ((d.outcome === "partial" || d.outcome === "non_disclosure") && codes.length === 0)
    throw new DisclosureRuleViolation("ground_required", { outcome: d.outcome });
  if ((d.outcome === "full" || d.outcome === "not_held") && codes.length > 0)
    throw new DisclosureRuleViolation("grounds_not_allowed", { outcome: d.outcome });
  if (d.outcome === "not_held" && !d.note?.trim())
    throw new DisclosureRuleViolation("note_required", { outcome: d.outcome });
  const all = disclosureGrounds(j);
  return codes.map((code) => {
    const g = all.find((e) => e.code === code);
    if (!g) throw new DisclosureRuleViolation("unknown_ground", { code });
    return g;
  });
}

/** A transfer (민원이첩 §11④ / TW 移送) names the competent agency. */
export function checkTransfer(targetAgency: string | null | undefined): void {
  if (!targetAgency?.trim()) throw new DisclosureRuleViolation("note_required", { field: "targetAgency" });
}

export interface ThirdPartyState {
  id: string;
  notifiedAt: number;
  responseDueAt: number;
  opinion: "agree" | "object" | "none" | null;
}

/**
 * KR §11③ and §21①, TW §12②: a third party whose information is asked for is notified and heard. A decision
 * waits until every notified third party gave an opinion (or said nothing: "none") or their period ran out.
 */
export function pendingThirdParties(parties: ThirdPartyState[], now: number): ThirdPartyState[] {
  return parties.filter((p) => p.opinion === null && now <= p.responseDueAt);
}
export function assertNoPendingThirdParty(parties: ThirdPartyState[], now: number): void {
  const pending = pendingThirdParties(parties, now);
  if (pending.length)
    throw new DisclosureRuleViolation("third_party_pending", {
      ids: pending.map((p) => p.id),
      until: new Date(Math.max(...pending.map((p) => p.responseDueAt))).toISOString(),
    });
}

/**
 * The third party's period to answer, in days from the notice (verify): KR §21① lets the third party ask for
 * non-disclosure within 3 days of the notice; TW §12② asks for their opinion within 10 days.
 */
export const THIRD_PARTY_PERIOD = {
  KR: { days: 3, source: "공공기관의 정보공개에 관한 법률 §11③, §21①", verify: true },
  TW: { days: 10, source: "政府資訊公開法 §12②", verify: true },
} as const;

// ---- periods counted in calendar days (Civil Act / APA Art 48) --------------------------------------------

/** Kinds of the packs that count in days under the general rules, borrowed to count other day periods. */
const DAY_KIND = { KR: "pipa_access", TW: "tw_pdpa_access" } as const;

/**
 * End of a period of `days` days from `from`: KR Civil Act §157/§161 (first day excluded, a Saturday or holiday
 * end moves on), TW 行政程序法 §48. The agency's closures count; its per-kind counting overrides do not.
 */
export function dayPeriodEnd(
  j: "KR" | "TW",
  from: number,
  days: number,
  timeZone: string,
  overrides?: CalendarOverrides,
): number {
  const o = overrides ? { ...overrides, rules: undefined } : undefined;
  return computeDeadline({ jurisdiction: j, kind: DAY_KIND[j], received: from, days, timeZone, overrides: o })
    .dueMs;
}

export interface RemedyDue {
  code: "objection" | "admin_appeal" | "admin_litigation" | "appeal";
  days: number;
  dueMs: number;
  source: string;
  verify?: boolean;
}

/**
 * Remedy due dates once the requester has the decision (J1): KR 이의신청 30 days (§18①), 행정심판 90 days
 * (행정심판법 §27①), 행정소송 90 days (행정소송법 §20①); TW 訴願 30 days (訴願法 §14①).
 */
export function remedyDues(
  j: "KR" | "TW",
  notifiedAt: number,
  timeZone: string,
  overrides?: CalendarOverrides,
): RemedyDue[] {
  const end = (days: number) => dayPeriodEnd(j, notifiedAt, days, timeZone, overrides);
  if (j === "KR") {
    const k = REMEDY_PERIODS.KR;
    return [
      { code: "objection", ...k.disclosureObjection, dueMs: end(k.disclosureObjection.days) },
      { code: "admin_appeal", ...k.adminAppealFromKnowing, dueMs: end(k.adminAppealFromKnowing.days) },
      { code: "admin_litigation", ...k.litigationFromKnowing, dueMs: end(k.litigationFromKnowing.days) },
    ];
  }
  const t = REMEDY_PERIODS.TW.appeal;
  return [{ code: "appeal", ...t, dueMs: end(t.days) }];
}

// ---- fees -------------------------------------------------------------------------------------------------

export interface DisclosureFeeEntry {
  code: string;
  names: { ko?: string; "zh-TW"?: string; en: string };
  /** Amount per unit in the country's currency. */
  unitAmount: number;
  unit: string;
  source: string;
  verify: true;
}

/**
 * Fee tables (verify: check against the current official text). KR 정보공개법 시행규칙 별표 (수수료);
 * TW 行政院及所屬各機關提供政府資訊收費標準 (each agency may publish its own 收費標準).
 */
export const DISCLOSURE_FEES: Record<
  "KR" | "TW",
  { currency: "KRW" | "TWD"; entries: DisclosureFeeEntry[] }
> = {
  KR: {
    currency: "KRW",
    entries: [
      {
        code: "view_document",
        names: { ko: "문서 열람 (1건 10매 기준)", en: "Viewing documents (per item, 10 pages)" },
        unitAmount: 200,
        unit: "item",
        source: "정보공개법 시행규칙 별표",
        verify: true,
      },
      {
        code: "copy_a4",
        names: { ko: "종이 사본 (A4, 1매)", en: "Paper copy (A4, per page)" },
        unitAmount: 250,
        unit: "page",
        source: "정보공개법 시행규칙 별표: 1장 250원, 2장부터 1장 50원",
        verify: true,
      },
      {
        code: "copy_a4_more",
        names: { ko: "종이 사본 추가 (A4, 1매)", en: "Further paper copies (A4, per page)" },
        unitAmount: 50,
        unit: "page",
        source: "정보공개법 시행규칙 별표",
        verify: true,
      },
      {
        code: "electronic_file",
        names: { ko: "전자파일 (1건)", en: "Electronic file (per item)" },
        unitAmount: 0,
        unit: "item",
        source: "정보공개법 시행규칙 별표: 전자파일 송부 무료",
        verify: true,
      },
      {
        code: "postage",
        names: { ko: "우편요금 (실비)", en: "Postage (at cost)" },
        unitAmount: 0,
        unit: "item",
        source: "정보공개법 §17①",
        verify: true,
      },
    ],
  },
  TW: {
    currency: "TWD",
    entries: [
      {
        code: "view_hour",
        names: { "zh-TW": "閱覽、抄錄（每小時）", en: "Viewing or transcribing (per hour)" },
        unitAmount: 20,
        unit: "hour",
        source: "政府資訊收費標準 (verify)",
        verify: true,
      },
      {
        code: "copy_a4_bw",
        names: { "zh-TW": "複製 A4 黑白（每張）", en: "Copy A4 black and white (per page)" },
        unitAmount: 2,
        unit: "page",
        source: "政府資訊收費標準 (verify)",
        verify: true,
      },
      {
        code: "copy_a4_colour",
        names: { "zh-TW": "複製 A4 彩色（每張）", en: "Copy A4 colour (per page)" },
        unitAmount: 10,
        unit: "page",
        source: "政府資訊收費標準 (verify)",
        verify: true,
      },
      {
        code: "electronic_file",
        names: { "zh-TW": "電子檔案（每件）", en: "Electronic file (per item)" },
        unitAmount: 0,
        unit: "item",
        source: "政府資訊收費標準 (verify)",
        verify: true,
      },
    ],
  },
};

export interface FeeLineInput {
  code: string;
  quantity: number;
  /** For at-cost lines (postage). */
  unitAmount?: number;
}

export function computeDisclosureFees(j: "KR" | "TW", lines: FeeLineInput[], waived: boolean) {
  const { currency, entries } = DISCLOSURE_FEES[j];
  const out = lines.map((l) => {
    const e = entries.find((x) => x.code === l.code);
    if (!e) throw new DisclosureRuleViolation("unknown_fee", { code: l.code });
    const unitAmount = l.unitAmount ?? e.unitAmount;
    if (unitAmount < 0) throw new DisclosureRuleViolation("fee_amount_required", { code: l.code });
    return { code: e.code, quantity: l.quantity, unitAmount, amount: Math.round(unitAmount * l.quantity) };
  });
  const total = out.reduce((s, l) => s + l.amount, 0);
  return { currency, lines: out, total, due: waived ? 0 : total };
}
