// Time-zone arithmetic with Intl only (no tz database download). Local civil dates are handled as
// integer day numbers (days since 1970-01-01), which keeps the counting loops allocation-free.

export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws RangeError for an unknown IANA zone. */
export function assertTimeZone(timeZone: string): void {
  formatterFor(timeZone);
}

function intlOffsetMs(epochMs: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  let y = 0;
  let mo = 0;
  let d = 0;
  let h = 0;
  let mi = 0;
  let s = 0;
  for (const p of parts) {
    switch (p.type) {
      case "year":
        y = Number(p.value);
        break;
      case "month":
        mo = Number(p.value);
        break;
      case "day":
        d = Number(p.value);
        break;
      case "hour":
        h = Number(p.value);
        break;
      case "minute":
        mi = Number(p.value);
        break;
      case "second":
        s = Number(p.value);
        break;
    }
  }
  const asUtc = Date.UTC(y, mo - 1, d, h, mi, s);
  return asUtc - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

// Intl calls cost microseconds; most agency zones (Seoul, Taipei) have one offset per year. We sample
// each UTC year once and reuse the offset when every sample agrees; zones with DST fall back to Intl.
const yearOffsetCache = new Map<string, Map<number, number | null>>();
function fixedOffsetForYear(year: number, timeZone: string): number | null {
  let byYear = yearOffsetCache.get(timeZone);
  if (!byYear) {
    byYear = new Map();
    yearOffsetCache.set(timeZone, byYear);
  }
  const hit = byYear.get(year);
  if (hit !== undefined) return hit;
  let fixed: number | null = intlOffsetMs(Date.UTC(year, 0, 1), timeZone);
  for (let m = 1; m <= 12 && fixed !== null; m++) {
    const probe = m === 12 ? Date.UTC(year, 11, 31, 23, 59) : Date.UTC(year, m, 1);
    if (intlOffsetMs(probe, timeZone) !== fixed) fixed = null;
  }
  byYear.set(year, fixed);
  return fixed;
}

// Last fixed-offset year seen per zone, checked before any Date allocation (hot path).
const lastRange = new Map<string, { from: number; to: number; offset: number }>();

/** UTC offset (ms) of `timeZone` at the instant `epochMs`. */
export function offsetAt(epochMs: number, timeZone: string): number {
  const r = lastRange.get(timeZone);
  if (r && epochMs >= r.from && epochMs < r.to) return r.offset;
  const year = new Date(epochMs).getUTCFullYear();
  const fixed = fixedOffsetForYear(year, timeZone);
  if (fixed === null) return intlOffsetMs(epochMs, timeZone);
  lastRange.set(timeZone, { from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1), offset: fixed });
  return fixed;
}

/** Civil date of a day number (Howard Hinnant's days-to-civil; no Date allocation). */
export function civilFromDays(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export interface LocalTime {
  /** Local civil date as days since 1970-01-01. */
  day: number;
  /** Milliseconds since local midnight. */
  msOfDay: number;
}

export function toLocal(epochMs: number, timeZone: string): LocalTime {
  const local = epochMs + offsetAt(epochMs, timeZone);
  const day = Math.floor(local / DAY_MS);
  return { day, msOfDay: local - day * DAY_MS };
}

/** The instant at local `day` + `msOfDay` in `timeZone` (for a DST gap, the later interpretation). */
export function fromLocal(day: number, msOfDay: number, timeZone: string): number {
  const wall = day * DAY_MS + msOfDay;
  let guess = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(guess, timeZone);
  if (second !== guess) guess = wall - offsetAt(second, timeZone);
  return guess;
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

const pad2 = (n: number) => (n < 10 ? "0" + n : String(n));

export function dayToKey(day: number): string {
  const { y, m, d } = civilFromDays(day);
  return (y < 1000 ? String(y).padStart(4, "0") : String(y)) + "-" + pad2(m) + "-" + pad2(d);
}

const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
export function keyToDay(key: string): number {
  const m = DATE_KEY.exec(key);
  if (!m) throw new RangeError(`not a date (YYYY-MM-DD): ${key}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (dayToKey(ms / DAY_MS) !== key) throw new RangeError(`not a calendar date: ${key}`);
  return ms / DAY_MS;
}

export function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** ISO 8601 with the zone's offset, second precision: 2026-04-02T23:59:59+09:00. */
export function formatZoned(epochMs: number, timeZone: string): string {
  const off = offsetAt(epochMs, timeZone);
  const localSec = Math.floor((epochMs + off) / 1000);
  const day = Math.floor(localSec / 86_400);
  const sod = localSec - day * 86_400;
  const sign = off < 0 ? "-" : "+";
  const abs = Math.abs(off) / MINUTE_MS;
  return (
    dayToKey(day) +
    "T" +
    pad2(Math.floor(sod / 3600)) +
    ":" +
    pad2(Math.floor((sod % 3600) / 60)) +
    ":" +
    pad2(sod % 60) +
    sign +
    pad2(Math.floor(abs / 60)) +
    ":" +
    pad2(Math.round(abs % 60))
  );
}

const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const LOCAL_DATETIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

/**
 * Parses an instant. Strings with an offset or Z are absolute; "YYYY-MM-DD" and
 * "YYYY-MM-DDTHH:mm[:ss]" without an offset are wall-clock times in `timeZone` (the agency's zone),
 * which is what staff type.
 */
export function parseInstant(input: Date | string | number, timeZone: string): number {
  if (input instanceof Date) {
    const t = input.getTime();
    if (Number.isNaN(t)) throw new RangeError("invalid Date");
    return t;
  }
  if (typeof input === "number") {
    if (!Number.isFinite(input)) throw new RangeError("invalid epoch milliseconds");
    return input;
  }
  const s = input.trim();
  if (HAS_ZONE.test(s) && s.includes("T")) {
    const t = Date.parse(s);
    if (Number.isNaN(t)) throw new RangeError(`invalid ISO date-time: ${input}`);
    return t;
  }
  const m = LOCAL_DATETIME.exec(s);
  if (!m) throw new RangeError(`invalid ISO date-time: ${input}`);
  const day = keyToDay(m[1]);
  const h = Number(m[2] ?? 0);
  const mi = Number(m[3] ?? 0);
  const sec = Number(m[4] ?? 0);
  const ms = Number((m[5] ?? "0").padEnd(3, "0"));
  if (h > 23 || mi > 59 || sec > 59) throw new RangeError(`invalid time of day: ${input}`);
  return fromLocal(day, ((h * 60 + mi) * 60 + sec) * 1000 + ms, timeZone);
}

/** "HH:MM" -> minutes after midnight. */
export function parseClock(s: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  if (!m || Number(m[1]) > 24 || Number(m[2]) > 59 || (Number(m[1]) === 24 && m[2] !== "00"))
    throw new RangeError(`invalid clock time (HH:MM): ${s}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

export function formatClock(minutes: number): string {
  return pad2(Math.floor(minutes / 60)) + ":" + pad2(Math.round(minutes % 60));
}
