// Petition (민원) types of a Korean district office, from seed 003 sections I-1 and I-2, with the legal
// period of each. The seed names the groups and the counts; it gives a period only for online certificates
// (4 hours, I2 [003 I-1-사]). Every other period comes from the Civil Petitions Act Enforcement Decree or is
// a default the agency must confirm against its 민원처리기준표: those carry `verify: true`. Agencies edit
// their own copy (petition_types table); this is the seed of the demo agency and of new KR agencies.

/** The four groups of seed 003: 유기한 민원, 생활민원, quick certificates, instant counter items. */
export const PETITION_GROUPS = ["statutory", "life_report", "certificate", "instant"] as const;
export type PetitionGroup = (typeof PETITION_GROUPS)[number];

/** A period in days (counted under Civil Petitions Act §19) or in working hours. */
export type PetitionPeriod = { days: number; hours?: undefined } | { hours: number; days?: undefined };

export interface PetitionTypeDef {
  code: string;
  group: PetitionGroup;
  names: { ko: string; "zh-TW": string; en: string };
  period: PetitionPeriod;
  citation: string;
  /** The seed or the domain files do not confirm the period: the agency must check it. */
  verify?: boolean;
  /** Where the type is named in the seed. */
  seedRef: string;
}

const DECREE = "「민원 처리에 관한 법률」 시행령";
const STANDARD = "민원처리기준표 (행정안전부 고시) — 기관 확인 필요";

export const KR_PETITION_TYPES: readonly PetitionTypeDef[] = [
  // 유기한 민원: the 7 columns of "나. 유기한 민원처리실적" [003 I-2-나].
  {
    code: "permit",
    group: "statutory",
    names: { ko: "인허가", "zh-TW": "許可", en: "Permit" },
    period: { days: 20 },
    citation: `「민원 처리에 관한 법률」 제17조; ${STANDARD}`,
    verify: true,
    seedRef: "003 I-2-나 인허가",
  },
  {
    code: "license",
    group: "statutory",
    names: { ko: "면허", "zh-TW": "執照", en: "Licence" },
    period: { days: 10 },
    citation: `「민원 처리에 관한 법률」 제17조; ${STANDARD}`,
    verify: true,
    seedRef: "003 I-2-나 면허",
  },
  {
    code: "approval",
    group: "statutory",
    names: { ko: "승인", "zh-TW": "核准", en: "Approval" },
    period: { days: 10 },
    citation: `「민원 처리에 관한 법률」 제17조; ${STANDARD}`,
    verify: true,
    seedRef: "003 I-2-나 승인",
  },
  {
    code: "registration",
    group: "statutory",
    names: { ko: "신고·등록", "zh-TW": "申報登記", en: "Report / registration" },
    period: { days: 3 },
    citation: `「민원 처리에 관한 법률」 제17조; ${STANDARD}`,
    verify: true,
    seedRef: "003 I-2-나 신고등록",
  },
  {
    code: "grievance",
    group: "statutory",
    names: { ko: "진정·이의", "zh-TW": "陳情異議", en: "Grievance / objection" },
    period: { days: 7 },
    citation: `${DECREE} (고충민원 7일)`,
    verify: true,
    seedRef: "003 I-2-나 진정이의",
  },
  {
    code: "proposal",
    group: "statutory",
    names: { ko: "건의·기타", "zh-TW": "建議及其他", en: "Proposal / other" },
    period: { days: 14 },
    citation: `${DECREE} (건의민원 14일)`,
    verify: true,
    seedRef: "003 I-2-나 건의기타",
  },
  {
    code: "inspection",
    group: "statutory",
    names: { ko: "검사", "zh-TW": "檢查", en: "Inspection" },
    period: { days: 7 },
    citation: `「민원 처리에 관한 법률」 제17조; ${STANDARD}`,
    verify: true,
    seedRef: "003 I-2-나 검사",
  },
  // 생활민원: the 6 columns of "<생활민원 접수처리 실적>" [003 I-2-다]; the seed says only "신속히".
  ...(
    [
      ["life_construction", "건설민원", "建設", "Construction"],
      ["life_cleaning", "청소민원", "清潔", "Street cleaning"],
      ["life_environment", "환경민원", "環境", "Environment"],
      ["life_building", "건축민원", "建築", "Building"],
      ["life_traffic", "교통민원", "交通", "Traffic"],
      ["life_other", "기타 생활민원", "其他生活陳情", "Other everyday-life report"],
    ] as const
  ).map(
    ([code, ko, zh, en]): PetitionTypeDef => ({
      code,
      group: "life_report",
      names: { ko, "zh-TW": zh, en },
      period: { days: 7 },
      citation: `${DECREE} (고충민원 7일) — 씨앗 자료는 "신속히 처리"만 규정`,
      verify: true,
      seedRef: `003 I-2-다 ${ko}`,
    }),
  ),
  // Quick certificates: online (G4C) certificates within 4 hours — the one period the seed states.
  {
    code: "online_certificate",
    group: "certificate",
    names: { ko: "인터넷 증명민원", "zh-TW": "網路證明申請", en: "Online certificate" },
    period: { hours: 4 },
    citation: "전자민원(G4C): 증명민원은 4시간 이내 종결 [003 I-1-사]",
    seedRef: "003 I-1-사",
  },
  {
    code: "fax_certificate",
    group: "certificate",
    names: { ko: "FAX민원 (교부·증명)", "zh-TW": "傳真申請證明", en: "Certificate by fax" },
    period: { hours: 3 },
    citation: `${DECREE} (즉시 = 3근무시간) — 씨앗 자료 기간 없음`,
    verify: true,
    seedRef: "003 I-1-마",
  },
  // Instant counter items (창구 즉결): "<2003년 민원 종류별 처리실적>" [003 I-2-가].
  ...(
    [
      ["family_register_copy", "호적 등·초본", "戶籍謄本", "Family-register copy"],
      ["identity_check_report", "신원조회 회보", "身分查核回覆", "Identity-check report"],
      ["family_register_filing", "호적 제신고", "戶籍申報", "Family-register filing"],
    ] as const
  ).map(
    ([code, ko, zh, en]): PetitionTypeDef => ({
      code,
      group: "instant",
      names: { ko, "zh-TW": zh, en },
      period: { hours: 3 },
      citation: `${DECREE} (즉시 처리 = 3근무시간) — 씨앗 자료: 창구 즉결`,
      verify: true,
      seedRef: `003 I-2-가 ${ko}`,
    }),
  ),
];

/** The channels of seed 003 I-1-라~사 and I-2-다 (the `cases.channel` column holds these). */
export const PETITION_CHANNELS = [
  "counter",
  "post",
  "fax",
  "kiosk",
  "online",
  "phone",
  "email",
  "patrol",
] as const;
export type PetitionChannel = (typeof PETITION_CHANNELS)[number];

/**
 * Rights requests were built first with "visit" and "mail"; they mean the same as a petition's "counter"
 * and "post". Statistics across kinds count them together through this map (the stored value stays).
 */
export function canonicalChannel(channel: string): string {
  if (channel === "visit") return "counter";
  if (channel === "mail") return "post";
  return channel;
}

export class PetitionTypeError extends Error {
  constructor(
    readonly code: "period_missing" | "period_invalid" | "unknown_type",
    readonly details: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = "PetitionTypeError";
  }
}

/** A stored type's period columns -> the period; refuses a type whose period is missing or bad. */
export function periodOf(t: {
  code: string;
  periodDays: number | null;
  periodHours: number | null;
}): PetitionPeriod {
  const d = t.periodDays;
  const h = t.periodHours;
  if (d == null && h == null) throw new PetitionTypeError("period_missing", { type: t.code });
  if (d != null && h != null) throw new PetitionTypeError("period_invalid", { type: t.code });
  if (d != null) {
    if (!Number.isInteger(d) || d < 1 || d > 365)
      throw new PetitionTypeError("period_invalid", { type: t.code });
    return { days: d };
  }
  if (!Number.isInteger(h) || (h as number) < 1 || (h as number) > 40)
    throw new PetitionTypeError("period_invalid", { type: t.code });
  return { hours: h as number };
}

/**
 * The calendar kind a petition runs on: `minwon` (Civil Petitions Act §19 counting, one extension up to
 * the original period) with the type's own period passed to the clock.
 */
export function clockOf(period: PetitionPeriod): { deadlineKind: "minwon"; period: PetitionPeriod } {
  return { deadlineKind: "minwon", period };
}

/**
 * Similar-text thresholds for pg_trgm similarity() on the masked text. The system only lists candidates;
 * the handler decides whether a petition repeats or duplicates another.
 */
export const SIMILARITY = {
  /** Shown as "similar" from here (pg_trgm's own default threshold). */
  show: 0.3,
  /** Shown as "very similar — check for a duplicate" from here. */
  strong: 0.6,
  /** At most this many candidates are listed. */
  limit: 10,
} as const;

export function similarityBand(score: number): "strong" | "similar" | null {
  if (score >= SIMILARITY.strong) return "strong";
  if (score >= SIMILARITY.show) return "similar";
  return null;
}

/** What a handler may mark between two petitions (never set by the system). */
export const PETITION_LINK_KINDS = ["repeat", "similar", "duplicate"] as const;
export type PetitionLinkKind = (typeof PETITION_LINK_KINDS)[number];

/**
 * Whether a type is filed on the portal unless the agency says otherwise: statutory petitions and
 * everyday-life reports are; counter items (instant) and certificates are issued at the counter or by the
 * national certificate service (정부24), not filed as petitions here.
 */
export const onlineByDefault = (group: PetitionGroup): boolean =>
  group === "statutory" || group === "life_report";

/** The seed-003 table column (statistics K3) of the demo catalogue's codes. */
const DEMO_CATEGORY: Record<string, string> = {
  permit: "permit",
  license: "licence",
  approval: "approval",
  registration: "report_registration",
  grievance: "complaint_objection",
  proposal: "proposal_other",
  inspection: "inspection",
};

/** Category of a catalogue type for the statistics tables (null where the table has no columns by type). */
export function defaultCategory(code: string, group: PetitionGroup): string | null {
  if (group === "statutory") return DEMO_CATEGORY[code] ?? null;
  if (group === "life_report") return code.startsWith("life_") ? code.slice(5) : null;
  return null;
}
