// Records schedule arithmetic [J2, J3]: when a record's retention ends and when it is due for transfer to the
// agency's archive. Pure date arithmetic on ISO dates (YYYY-MM-DD), no clock and no time zone: the caller
// passes "today" in the agency's zone.
//
// Counting start (보존기간 기산일): Korean practice counts the retention period from 1 January of the year
// after the year in which the record was closed (처리가 완결된 날이 속하는 연도의 다음 연도 1월 1일;
// 공공기록물 관리에 관한 법률 시행령 제26조). Seed 003 II prints the classes but not the rule: verify.
// A 5-year record closed on 2003-05-10 starts on 2004-01-01 and its retention ends on 2008-12-31.

/** Marks the rules below that come from practice, not from a seed: screens show "to be confirmed". */
export const SCHEDULE_VERIFY = { countingStart: true, transferHolding: true } as const;

export interface RetentionClassLike {
  code: string;
  /** null for permanent and semi-permanent classes. */
  years: number | null;
}

/** Reads `attributes.years` from a rule-pack catalogue entry (null when absent: never expires). */
export function classFromEntry(e: {
  code: string;
  attributes?: Record<string, unknown>;
}): RetentionClassLike {
  const y = e.attributes?.years;
  return { code: e.code, years: typeof y === "number" ? y : null };
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
function yearOf(isoDate: string): number {
  const m = ISO.exec(isoDate);
  if (!m) throw new RangeError(`not an ISO date: ${isoDate}`);
  return Number(m[1]);
}

/** 보존기간 기산일: 1 January of the year after the closing year. */
export function retentionStart(closedOn: string): string {
  return `${yearOf(closedOn) + 1}-01-01`;
}

/** Last day of retention (inclusive), or null for classes that never expire. */
export function retentionEnd(closedOn: string, years: number | null): string | null {
  if (years === null) return null;
  return `${yearOf(closedOn) + years}-12-31`;
}

/** True when the retention ended before `asOf` (the record is due for its expiry review). */
export function isExpired(closedOn: string, years: number | null, asOf: string): boolean {
  const end = retentionEnd(closedOn, years);
  return end !== null && end < asOf;
}

/**
 * Transfer to the archive (기록관 / 자료관). KR practice: the producing unit keeps a record for a holding period
 * counted from the retention start and then transfers it (공공기록물법 제19조: within 2 years; verify).
 * Agencies set their own holding years and the classes they keep at the unit (e.g. 1-year records that are
 * destroyed there); these are data, the default below is the practice.
 */
export interface TransferPolicy {
  holdingYears: number;
  /** Retention class codes that stay at the unit and are never due for transfer. */
  keepAtUnit: string[];
}

export const DEFAULT_TRANSFER_POLICY: TransferPolicy = { holdingYears: 2, keepAtUnit: [] };

/** The date from which a record is due for transfer (start + holding years), or null if it stays at the unit. */
export function transferDueOn(closedOn: string, classCode: string, policy: TransferPolicy): string | null {
  if (policy.keepAtUnit.includes(classCode)) return null;
  return `${yearOf(closedOn) + 1 + policy.holdingYears}-01-01`;
}

export function isTransferDue(
  closedOn: string,
  classCode: string,
  policy: TransferPolicy,
  asOf: string,
): boolean {
  const due = transferDueOn(closedOn, classCode, policy);
  return due !== null && due <= asOf;
}
