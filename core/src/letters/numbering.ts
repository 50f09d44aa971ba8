// Document numbers. TW agencies number every document 「<字>字第<ROC year><serial>號」 (公文程式條例 §6; practice
// e.g. 個資籌法字第1140000864號: three digits of the ROC year, then a 7-digit serial). KR letters keep the
// "<agency>-<year>-<serial>" register number.

/** ROC (Minguo) year of a Gregorian year: 2026 -> 115. */
export function rocYear(gregorianYear: number): number {
  return gregorianYear - 1911;
}

/** 「青區秘字第1150000003號」 from the prefix word (without 字), the Gregorian year and the serial. */
export function formatTwDocNumber(prefix: string, gregorianYear: number, seq: number): string {
  const roc = String(rocYear(gregorianYear)).padStart(3, "0");
  return `${prefix.replace(/字$/, "")}字第${roc}${String(seq).padStart(7, "0")}號`;
}

/** "한빛시-2026-0001": the agency's local name without spaces, the year, a 4-digit serial. */
export function formatKrDocNumber(agencyName: string, year: number, seq: number): string {
  return `${agencyName.replace(/\s+/g, "")}-${year}-${String(seq).padStart(4, "0")}`;
}
