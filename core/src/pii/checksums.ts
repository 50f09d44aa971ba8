// Checksum and plausibility validators. Facts: shared/domain/pii.md.

const RRN_WEIGHTS = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];

function weightedSum(digits: string, weights: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) s += (digits.charCodeAt(i) - 48) * weights[i];
  return s;
}

/** Check digit for a Korean RRN (G 1-4, 9, 0) over the first 12 digits. */
export function rrnCheckDigit(d12: string): number {
  return (11 - (weightedSum(d12, RRN_WEIGHTS) % 11)) % 10;
}

/** Check digit for a Korean foreign registration number (G 5-8). */
export function frnCheckDigit(d12: string): number {
  return (13 - (weightedSum(d12, RRN_WEIGHTS) % 11)) % 10;
}

/** Century of birth from the RRN gender/century digit, or null when the digit is not a valid one. */
export function rrnCentury(g: number): number | null {
  if (g === 1 || g === 2 || g === 5 || g === 6) return 1900;
  if (g === 3 || g === 4 || g === 7 || g === 8) return 2000;
  if (g === 9 || g === 0) return 1800;
  return null;
}

export function isValidDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const dim = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= dim;
}

/** 13 digits YYMMDDGNNNNNN: is the birth-date part a real date for the century digit? */
export function rrnDateValid(d13: string, nowYear = new Date().getUTCFullYear()): boolean {
  const century = rrnCentury(d13.charCodeAt(6) - 48);
  if (century === null) return false;
  const year = century + Number(d13.slice(0, 2));
  if (year > nowYear) return false;
  return isValidDate(year, Number(d13.slice(2, 4)), Number(d13.slice(4, 6)));
}

export function isForeignGender(g: number): boolean {
  return g >= 5 && g <= 8;
}

/** Korean business registration number (10 digits). */
export function brnValid(d10: string): boolean {
  const w = [1, 3, 7, 1, 3, 7, 1, 3, 5];
  let s = weightedSum(d10, w);
  s += Math.floor(((d10.charCodeAt(8) - 48) * 5) / 10);
  return (10 - (s % 10)) % 10 === d10.charCodeAt(9) - 48;
}

const TW_LETTER: Record<string, number> = {
  A: 10,
  B: 11,
  C: 12,
  D: 13,
  E: 14,
  F: 15,
  G: 16,
  H: 17,
  I: 34,
  J: 18,
  K: 19,
  L: 20,
  M: 21,
  N: 22,
  O: 35,
  P: 23,
  Q: 24,
  R: 25,
  S: 26,
  T: 27,
  U: 28,
  V: 29,
  W: 32,
  X: 30,
  Y: 31,
  Z: 33,
};

export function twLetterValue(letter: string): number | undefined {
  return TW_LETTER[letter];
}

/** Taiwan ID / new-format ARC: letter + 9 digits, weights 1,9,8,7,6,5,4,3,2,1,1, sum mod 10 = 0. */
export function twIdChecksumValid(id: string): boolean {
  if (id.length !== 10) return false; // checked first: any string is a valid argument
  const lv = TW_LETTER[id[0].toUpperCase()];
  if (lv === undefined) return false;
  let second: number;
  const c1 = id.charCodeAt(1);
  if (c1 >= 48 && c1 <= 57) second = c1 - 48;
  else {
    // Old ARC format: second letter's value mod 10 stands in for the digit.
    const v2 = TW_LETTER[id[1]];
    if (v2 === undefined) return false;
    second = v2 % 10;
  }
  const w = [8, 7, 6, 5, 4, 3, 2, 1];
  let s = Math.floor(lv / 10) + (lv % 10) * 9 + second * 8;
  for (let i = 0; i < 7; i++) s += (id.charCodeAt(2 + i) - 48) * w[i + 1];
  s += id.charCodeAt(9) - 48;
  return s % 10 === 0;
}

/** Taiwan unified business number (8 digits). */
export function ubnValid(d8: string): boolean {
  const w = [1, 2, 1, 2, 1, 2, 4, 1];
  let s = 0;
  for (let i = 0; i < 8; i++) {
    const p = (d8.charCodeAt(i) - 48) * w[i];
    s += Math.floor(p / 10) + (p % 10);
  }
  if (s % 5 === 0) return true;
  return d8[6] === "7" && (s + 1) % 5 === 0;
}

export function luhnValid(digits: string): boolean {
  let s = 0;
  let dbl = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    s += d;
    dbl = !dbl;
  }
  return s % 10 === 0;
}

/** Parses IPv6 text (optionally with an embedded IPv4 tail). */
export function isIPv6(s: string): boolean {
  if (s.length < 2 || s.length > 45) return false;
  const dbl = s.indexOf("::");
  if (dbl !== -1 && s.indexOf("::", dbl + 1) !== -1) return false;
  const parts = dbl === -1 ? [s] : [s.slice(0, dbl), s.slice(dbl + 2)];
  let groups = 0;
  for (let p = 0; p < parts.length; p++) {
    if (parts[p] === "") continue;
    const gs = parts[p].split(":");
    for (let i = 0; i < gs.length; i++) {
      const g = gs[i];
      const isLast = p === parts.length - 1 && i === gs.length - 1;
      if (isLast && g.includes(".")) {
        if (!isIPv4(g)) return false;
        groups += 2;
        continue;
      }
      if (!/^[0-9A-Fa-f]{1,4}$/.test(g)) return false;
      groups++;
    }
  }
  return dbl === -1 ? groups === 8 : groups <= 7;
}

export function isIPv4(s: string): boolean {
  const p = s.split(".");
  if (p.length !== 4) return false;
  for (const x of p) {
    if (!/^\d{1,3}$/.test(x) || (x.length > 1 && x[0] === "0") || Number(x) > 255) return false;
  }
  return true;
}
