// Pure rules of data-subject rights requests (module C): which kinds a pack offers and their item actions,
// who may ask (C4), which grounds a refusal may cite (C6, C8-C10), fees (C13) and identifier masking (C5).
import { catalogueOf, type Jurisdiction } from "../jurisdictions/index";
import type { CatalogueEntry } from "../registry/catalogue";

export const REQUESTER_TYPES = ["self", "proxy", "legal_representative"] as const;
export type RequesterType = (typeof REQUESTER_TYPES)[number];

export const REPRESENTATION_BASES = ["poa", "child_under_14", "minor", "guardianship", "assistance"] as const;
export type RepresentationBasis = (typeof REPRESENTATION_BASES)[number];

export const CHANNELS = ["online", "visit", "mail", "fax", "email"] as const;
export type Channel = (typeof CHANNELS)[number];

export const DELIVERY_METHODS = ["download", "email", "post", "in_person"] as const;
export type DeliveryMethod = (typeof DELIVERY_METHODS)[number];

export const IDENTITY_METHODS = [
  "id_card_in_person",
  "mobile_phone",
  "ipin",
  "digital_certificate",
  "document_copy",
  "explanation",
  "other",
] as const;

export const ITEM_DECISIONS = ["granted", "partly", "refused", "deferred"] as const;
export type ItemDecision = (typeof ITEM_DECISIONS)[number];

/** Item actions a request kind may contain (pack kind code -> actions). */
const ACTIONS: Record<Jurisdiction, Record<string, readonly string[]>> = {
  KR: {
    access: ["access", "copy"],
    correction_deletion: ["correction", "deletion"],
    suspension: ["suspension"],
  },
  TW: {
    query: ["query"],
    inspection: ["inspection"],
    copy: ["copy"],
    transcription: ["transcription"],
    correction: ["correction", "supplement"],
    stop_processing: ["stop_collection", "stop_processing", "stop_use"],
    deletion: ["deletion"],
  },
};

/** Actions whose grant changes the data and must be passed on to earlier recipients (C14, C17). */
export const CHANGING_ACTIONS = new Set([
  "correction",
  "supplement",
  "deletion",
  "suspension",
  "stop_collection",
  "stop_processing",
  "stop_use",
]);

/**
 * KR has no catalogued ground for refusing a correction: PIPA §36(2) has the agency investigate and
 * correct; a refusal is the finding that the data is not wrong. Kept here as data, marked (verify).
 */
const KR_CORRECTION_GROUNDS: CatalogueEntry[] = [
  {
    code: "art36-2-accurate",
    names: {
      ko: "조사 결과 정정을 요구한 개인정보가 사실과 다르지 않은 경우",
      en: "After investigation the personal data is not inaccurate",
    },
    article: "개인정보 보호법 제36조제2항",
    verify: true,
  },
];

export interface RequestKindInfo {
  code: string;
  names: CatalogueEntry["names"];
  article?: string;
  deadlineKind: string;
  actions: readonly string[];
}

export function requestKinds(j: Jurisdiction): RequestKindInfo[] {
  const cat = catalogueOf(j, "requestKinds");
  return (cat?.entries ?? []).map((e) => ({
    code: e.code,
    names: e.names,
    article: e.article,
    deadlineKind: e.deadlineKind as string,
    actions: ACTIONS[j][e.code] ?? [e.code],
  }));
}

export function requestKind(j: Jurisdiction, code: string): RequestKindInfo | undefined {
  return requestKinds(j).find((k) => k.code === code);
}

export interface GroundInfo {
  code: string;
  names: CatalogueEntry["names"];
  article?: string;
  catalogue: string;
  verify?: boolean;
}

const fromCat = (j: Jurisdiction, id: string, filter?: (e: CatalogueEntry) => boolean): GroundInfo[] =>
  (catalogueOf(j, id)?.entries ?? [])
    .filter((e) => !e.deletedOn && (!filter || filter(e)))
    .map((e) => ({ code: e.code, names: e.names, article: e.article, catalogue: id, verify: e.verify }));

/** Grounds that may be cited to refuse or limit an item of this kind and action. */
export function groundsFor(j: Jurisdiction, kind: string, action?: string): GroundInfo[] {
  if (j === "KR") {
    if (kind === "access") return fromCat(j, "accessLimitGrounds");
    if (kind === "suspension") return fromCat(j, "suspensionRefusalGrounds");
    if (kind === "correction_deletion") {
      const del = fromCat(j, "deletionRefusalGrounds");
      const corr = KR_CORRECTION_GROUNDS.map((e) => ({
        code: e.code,
        names: e.names,
        article: e.article,
        catalogue: "cases.krCorrectionGrounds",
        verify: e.verify,
      }));
      if (action === "deletion") return del;
      if (action === "correction") return corr;
      return [...corr, ...del];
    }
    return [];
  }
  return fromCat(j, "refusalGrounds", (e) => {
    const applies = String(e.attributes?.appliesTo ?? "*");
    return applies === "*" || applies.split(",").includes(kind);
  });
}

export type RightsRuleError =
  | "unknown_kind"
  | "unknown_action"
  | "subject_required"
  | "representation_required"
  | "representative_not_allowed"
  | "minor_needs_representative"
  | "ground_required"
  | "unknown_ground"
  | "reason_required"
  | "items_undecided"
  | "fee_amount_required"
  | "unknown_fee";

export class RightsRuleViolation extends Error {
  constructor(
    public readonly code: RightsRuleError,
    public readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = "RightsRuleViolation";
  }
}

/** Full years of age on a local date (YYYY-MM-DD strings). */
export function ageOn(birthDate: string, onDate: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = onDate.split("-").map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age -= 1;
  return age;
}

/** TW Civil Code Art 12 (as amended 2023): majority at 18. Under 7: no capacity (Art 13). */
const TW_MAJORITY = 18;
const TW_NO_CAPACITY = 7;
const KR_CHILD = 14;

export interface RequesterInput {
  requesterType: RequesterType;
  basis?: RepresentationBasis | null;
  hasSubject: boolean;
  /** The data subject's birth date (the requester's own for self requests), YYYY-MM-DD. */
  subjectBirthDate?: string | null;
  /** Local date of receipt, YYYY-MM-DD. */
  onDate: string;
}

/** Who may ask (C4): throws RightsRuleViolation when the combination is not lawful. */
export function checkRequester(j: Jurisdiction, r: RequesterInput): void {
  const age = r.subjectBirthDate ? ageOn(r.subjectBirthDate, r.onDate) : null;
  if (r.requesterType === "self") {
    // TW Civil Code Art 13: under 7 no capacity, the legal representative acts.
    if (j === "TW" && age !== null && age < TW_NO_CAPACITY)
      throw new RightsRuleViolation("minor_needs_representative", { age });
    return;
  }
  if (!r.hasSubject) throw new RightsRuleViolation("subject_required");
  if (!r.basis) throw new RightsRuleViolation("representation_required");
  if (r.requesterType === "proxy") {
    if (r.basis !== "poa") throw new RightsRuleViolation("representation_required", { expected: "poa" });
    return;
  }
  // Legal representative.
  if (r.basis === "poa") throw new RightsRuleViolation("representation_required");
  if (j === "KR" && r.basis === "child_under_14") {
    if (age === null)
      throw new RightsRuleViolation("representation_required", { missing: "subjectBirthDate" });
    if (age >= KR_CHILD)
      throw new RightsRuleViolation("representative_not_allowed", { age, limit: KR_CHILD });
  }
  if (j === "TW" && r.basis === "minor") {
    if (age === null)
      throw new RightsRuleViolation("representation_required", { missing: "subjectBirthDate" });
    if (age >= TW_MAJORITY)
      throw new RightsRuleViolation("representative_not_allowed", { age, limit: TW_MAJORITY });
  }
  if (j === "KR" && r.basis === "minor") throw new RightsRuleViolation("representative_not_allowed");
  if (j === "TW" && r.basis === "child_under_14") throw new RightsRuleViolation("representative_not_allowed");
}

export interface ItemDecisionInput {
  itemId: string;
  action: string;
  decision: ItemDecision;
  groundCode?: string | null;
  note?: string | null;
}

export interface ResolvedDecision extends ItemDecisionInput {
  ground: GroundInfo | null;
}

/**
 * Checks a decision on a request's items: every item decided, every refusal or partial grant citing a
 * ground from the pack list for its kind and action, a deferral stating its reason.
 */
export function resolveDecision(
  j: Jurisdiction,
  kind: string,
  itemIds: string[],
  decisions: ItemDecisionInput[],
): ResolvedDecision[] {
  const byId = new Map(decisions.map((d) => [d.itemId, d]));
  const missing = itemIds.filter((id) => !byId.has(id));
  if (missing.length || itemIds.length === 0) throw new RightsRuleViolation("items_undecided", { missing });
  const out: ResolvedDecision[] = [];
  for (const id of itemIds) {
    const d = byId.get(id) as ItemDecisionInput;
    let ground: GroundInfo | null = null;
    if (d.decision === "refused" || d.decision === "partly") {
      if (!d.groundCode) throw new RightsRuleViolation("ground_required", { itemId: id });
      ground = groundsFor(j, kind, d.action).find((g) => g.code === d.groundCode) ?? null;
      if (!ground) throw new RightsRuleViolation("unknown_ground", { itemId: id, groundCode: d.groundCode });
    } else if (d.groundCode) {
      ground = groundsFor(j, kind, d.action).find((g) => g.code === d.groundCode) ?? null;
      if (!ground) throw new RightsRuleViolation("unknown_ground", { itemId: id, groundCode: d.groundCode });
    }
    if (d.decision === "deferred" && !d.note?.trim() && !ground)
      throw new RightsRuleViolation("reason_required", { itemId: id });
    out.push({ ...d, ground });
  }
  return out;
}

/** Overall outcome of a request from its item decisions. */
export function overallOutcome(decisions: readonly ItemDecision[]): ItemDecision {
  if (decisions.every((d) => d === "granted")) return "granted";
  if (decisions.every((d) => d === "refused")) return "refused";
  if (decisions.every((d) => d === "deferred")) return "deferred";
  return "partly";
}

export interface FeeLineInput {
  code: string;
  quantity: number;
  /** Needed where the schedule leaves the amount to the agency (null amounts, KR actual costs). */
  unitAmount?: number | null;
}

export interface FeeLine {
  code: string;
  names: CatalogueEntry["names"];
  article?: string;
  quantity: number;
  unitAmount: number;
  amount: number;
}

/** KR: the seeds name no fee (C13); PIPA Decree §47 allows actual copy costs and postage, entered per case. */
const KR_FEES: CatalogueEntry[] = [
  {
    code: "copy_fee",
    names: { ko: "사본 수수료", en: "Copy fee" },
    article: "개인정보 보호법 제38조제3항, 시행령 제47조",
    attributes: { unit: "per_item", amountKrw: null },
  },
  {
    code: "postage",
    names: { ko: "우송료", en: "Postage" },
    article: "개인정보 보호법 시행령 제47조",
    attributes: { unit: "at_cost", amountKrw: null },
  },
];

export function feeSchedule(j: Jurisdiction): {
  currency: "KRW" | "TWD";
  entries: readonly CatalogueEntry[];
} {
  if (j === "KR") return { currency: "KRW", entries: KR_FEES };
  return { currency: "TWD", entries: catalogueOf(j, "feeSchedule")?.entries ?? [] };
}

/** Fee lines with amounts; a waiver keeps the lines (for the record) and sets the total due to 0. */
export function computeFees(
  j: Jurisdiction,
  lines: FeeLineInput[],
  waived: boolean,
): { currency: string; lines: FeeLine[]; total: number; due: number } {
  const { currency, entries } = feeSchedule(j);
  const out: FeeLine[] = lines.map((l) => {
    const e = entries.find((x) => x.code === l.code);
    if (!e) throw new RightsRuleViolation("unknown_fee", { code: l.code });
    const fixed = e.attributes?.amountTwd ?? e.attributes?.amountKrw;
    const unitAmount = l.unitAmount ?? (typeof fixed === "number" ? fixed : null);
    if (unitAmount === null || unitAmount === undefined || unitAmount < 0)
      throw new RightsRuleViolation("fee_amount_required", { code: l.code });
    return {
      code: e.code,
      names: e.names,
      article: e.article,
      quantity: l.quantity,
      unitAmount,
      amount: Math.round(unitAmount * l.quantity),
    };
  });
  const total = out.reduce((s, l) => s + l.amount, 0);
  return { currency, lines: out, total, due: waived ? 0 : total };
}

/**
 * Masked form of an identifier for the identity record (the full value is never stored): a KR resident
 * registration number keeps birth date and the sex digit (900101-1******); anything else keeps the first
 * three and last two characters.
 */
export function maskIdentifier(value: string): string {
  const v = value.normalize("NFKC").replace(/[\s\-‐－]/g, "");
  if (/^\d{13}$/.test(v)) return `${v.slice(0, 6)}-${v[6]}******`;
  if (v.length <= 4) return "*".repeat(v.length);
  if (v.length <= 6) return `${v[0]}${"*".repeat(v.length - 1)}`;
  return `${v.slice(0, 3)}${"*".repeat(v.length - 5)}${v.slice(-2)}`;
}
