// Reporting periods of the civil-affairs chapter (seed 003 prints every table per quarter "1/4 … 4/4" and per
// year, and compares a year with the one before). A period is read in the agency's time zone: a petition
// received at 23:30 on 31 March in Seoul (14:30 UTC) is a Q1 petition, and one received at 00:30 on 1 April
// in Seoul (31 March 15:30 UTC) is a Q2 petition: the boundary is local midnight, never UTC midnight.
import { civilFromDays, fromLocal, keyToDay, toLocal } from "../calendar/zoned";

export type Quarter = 1 | 2 | 3 | 4;
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/** A year, or one quarter of it. */
export interface StatPeriod {
  year: number;
  quarter?: Quarter;
}

/** Half-open interval of instants [from, to) in epoch ms. */
export interface InstantRange {
  from: number;
  to: number;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Epoch ms of local midnight on year-month-01 in the time zone (month may be 13 = January next year). */
function monthStart(year: number, month: number, timeZone: string): number {
  const y = year + Math.floor((month - 1) / 12);
  const m = ((month - 1) % 12) + 1;
  return fromLocal(keyToDay(`${String(y).padStart(4, "0")}-${pad2(m)}-01`), 0, timeZone);
}

export function assertPeriod(p: StatPeriod): void {
  if (!Number.isInteger(p.year) || p.year < 1900 || p.year > 2999)
    throw new RangeError(`bad year: ${p.year}`);
  if (p.quarter !== undefined && !QUARTERS.includes(p.quarter))
    throw new RangeError(`bad quarter: ${p.quarter}`);
}

/** Instants of a quarter in the agency's time zone. */
export function quarterRange(year: number, quarter: Quarter, timeZone: string): InstantRange {
  const first = (quarter - 1) * 3 + 1;
  return { from: monthStart(year, first, timeZone), to: monthStart(year, first + 3, timeZone) };
}

/** Instants of a calendar year in the agency's time zone. */
export function yearRange(year: number, timeZone: string): InstantRange {
  return { from: monthStart(year, 1, timeZone), to: monthStart(year, 13, timeZone) };
}

export function periodRange(p: StatPeriod, timeZone: string): InstantRange {
  assertPeriod(p);
  return p.quarter ? quarterRange(p.year, p.quarter, timeZone) : yearRange(p.year, timeZone);
}

/** The same period one year earlier (year on year: seed 003 I-1-바 compares 2003 with 2002). */
export function previousYear(p: StatPeriod): StatPeriod {
  return p.quarter ? { year: p.year - 1, quarter: p.quarter } : { year: p.year - 1 };
}

/** Year and quarter an instant belongs to, in the agency's time zone. */
export function quarterOf(epochMs: number, timeZone: string): { year: number; quarter: Quarter } {
  const { y, m } = civilFromDays(toLocal(epochMs, timeZone).day);
  return { year: y, quarter: (Math.floor((m - 1) / 3) + 1) as Quarter };
}

/** Stable code of a period ("2025", "2025-Q3"), used as a row id. */
export function periodCode(p: StatPeriod): string {
  return p.quarter ? `${p.year}-Q${p.quarter}` : String(p.year);
}
