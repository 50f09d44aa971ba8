// What statistics need to know about a petition type (cases.sub_kind of kind "petition"): its group and its
// category in the seed-003 tables. The petitions module owns the agency's catalogue; statistics take it as a
// lookup so that neither imports the other. SEED_003_PETITION_TYPES is the demo default.
import type { StatLocale } from "./tables";

/** 유기한 민원 (statutory period), 생활민원 (everyday-life reports), 증명 발급 (certificates), 즉결 (instant). */
export const PETITION_GROUPS = ["statutory", "life", "certificate", "instant"] as const;
export type PetitionGroup = (typeof PETITION_GROUPS)[number];

/** 유기한 민원 by its 7 types (seed 003 I-2-나): 인허가, 면허, 승인, 신고등록, 진정이의, 건의기타, 검사. */
export const STATUTORY_CATEGORIES = [
  "permit",
  "licence",
  "approval",
  "report_registration",
  "complaint_objection",
  "proposal_other",
  "inspection",
] as const;
/** 생활민원 by its 6 types (seed 003 I-2-다): 건설, 청소, 환경, 건축, 교통, 기타. */
export const LIFE_CATEGORIES = [
  "construction",
  "cleaning",
  "environment",
  "building",
  "traffic",
  "other",
] as const;

export interface PetitionTypeInfo {
  /** cases.sub_kind */
  code: string;
  group: PetitionGroup;
  /** One of STATUTORY_CATEGORIES for statutory types, LIFE_CATEGORIES for life reports; free otherwise. */
  category: string;
  label: Record<StatLocale, string>;
  /** Types the agency assigns a petition guardian to (seed 003 I-2-라 lists them even at zero). */
  guardianTarget?: boolean;
}

const t = (ko: string, zh: string, en: string): Record<StatLocale, string> => ({ ko, "zh-TW": zh, en });

/** Demo catalogue from seed 003 (codes are the demo's; an agency's own catalogue replaces it). */
export const SEED_003_PETITION_TYPES: readonly PetitionTypeInfo[] = [
  {
    code: "permit.factory",
    group: "statutory",
    category: "permit",
    label: t("공장설립", "工廠設立", "Factory establishment"),
    guardianTarget: true,
  },
  {
    code: "permit.construction_business",
    group: "statutory",
    category: "permit",
    label: t("건설업", "營造業", "Construction business"),
    guardianTarget: true,
  },
  {
    code: "permit.land_transaction",
    group: "statutory",
    category: "permit",
    label: t("토지거래 허가", "土地交易許可", "Land transaction permit"),
    guardianTarget: true,
  },
  {
    code: "permit.building",
    group: "statutory",
    category: "permit",
    label: t("기타 건축 등 허가", "其他建築等許可", "Other building permits"),
    guardianTarget: true,
  },
  { code: "licence", group: "statutory", category: "licence", label: t("면허", "執照", "Licence") },
  { code: "approval", group: "statutory", category: "approval", label: t("승인", "核准", "Approval") },
  {
    code: "report_registration",
    group: "statutory",
    category: "report_registration",
    label: t("신고·등록", "申報登記", "Report or registration"),
  },
  {
    code: "complaint_objection",
    group: "statutory",
    category: "complaint_objection",
    label: t("진정·이의", "陳情異議", "Complaint or objection"),
  },
  {
    code: "proposal_other",
    group: "statutory",
    category: "proposal_other",
    label: t("건의·기타", "建議其他", "Proposal or other"),
  },
  { code: "inspection", group: "statutory", category: "inspection", label: t("검사", "檢查", "Inspection") },
  {
    code: "life.construction",
    group: "life",
    category: "construction",
    label: t("건설민원", "營建", "Construction"),
  },
  { code: "life.cleaning", group: "life", category: "cleaning", label: t("청소민원", "清潔", "Cleaning") },
  {
    code: "life.environment",
    group: "life",
    category: "environment",
    label: t("환경민원", "環境", "Environment"),
  },
  { code: "life.building", group: "life", category: "building", label: t("건축민원", "建築", "Building") },
  { code: "life.traffic", group: "life", category: "traffic", label: t("교통민원", "交通", "Traffic") },
  { code: "life.other", group: "life", category: "other", label: t("기타", "其他", "Other") },
  {
    code: "cert.resident",
    group: "certificate",
    category: "certificate",
    label: t("주민등록 등·초본", "戶籍謄本", "Resident register copy"),
  },
  {
    code: "cert.family",
    group: "certificate",
    category: "certificate",
    label: t("호적 등·초본", "戶籍資料", "Family register copy"),
  },
  {
    code: "instant.counter",
    group: "instant",
    category: "instant",
    label: t("즉결 민원", "即辦案件", "Instant counter item"),
  },
];

export type PetitionTypeLookup = ReadonlyMap<string, PetitionTypeInfo>;

export function lookupOf(types: readonly PetitionTypeInfo[]): PetitionTypeLookup {
  return new Map(types.map((x) => [x.code, x]));
}

/** Codes of a group (for the SQL filter `sub_kind = ANY(...)`). */
export function codesOf(lookup: PetitionTypeLookup, group: PetitionGroup): string[] {
  return [...lookup.values()].filter((x) => x.group === group).map((x) => x.code);
}

/** Every label text of the lookup: the only free texts a published table may hold. */
export function catalogueTexts(lookup: PetitionTypeLookup): Set<string> {
  const s = new Set<string>();
  for (const x of lookup.values()) for (const v of Object.values(x.label)) s.add(v);
  return s;
}
