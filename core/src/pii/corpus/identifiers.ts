// Synthetic identifiers with valid checksums (never real people), their masked forms, and
// look-alikes that must NOT be reported.
import {
  brnValid,
  frnCheckDigit,
  isValidDate,
  luhnValid,
  rrnCheckDigit,
  twIdChecksumValid,
  ubnValid,
} from "../checksums";
import { digits, int, pad, pick, type Rng } from "./rng";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

function birthDate(rng: Rng, minYear: number, maxYear: number): { y: number; m: number; d: number } {
  for (;;) {
    const y = int(rng, minYear, maxYear);
    const m = int(rng, 1, 12);
    const d = int(rng, 1, 31);
    if (isValidDate(y, m, d)) return { y, m, d };
  }
}

function yymmdd(b: { y: number; m: number; d: number }): string {
  return pad(b.y % 100, 2) + pad(b.m, 2) + pad(b.d, 2);
}

/** Korean RRN with a valid check digit ("sep" "" gives 13 bare digits). */
export function genRrn(rng: Rng, sep = "-"): string {
  const b = birthDate(rng, 1940, 2019);
  const g = b.y >= 2000 ? pick(rng, [3, 4]) : pick(rng, [1, 2]);
  const d12 = yymmdd(b) + g + digits(rng, 5);
  return d12.slice(0, 6) + sep + d12.slice(6) + rrnCheckDigit(d12);
}

/** RRN issued since October 2020: valid date, random tail that FAILS the checksum. */
export function genRrnNew(rng: Rng, sep = "-"): string {
  const b = birthDate(rng, 1950, 2019);
  const g = b.y >= 2000 ? pick(rng, [3, 4]) : pick(rng, [1, 2]);
  const d12 = yymmdd(b) + g + digits(rng, 5);
  const bad = (rrnCheckDigit(d12) + int(rng, 1, 9)) % 10;
  return d12.slice(0, 6) + sep + d12.slice(6) + bad;
}

export function genFrn(rng: Rng, sep = "-"): string {
  const b = birthDate(rng, 1950, 2015);
  const g = b.y >= 2000 ? pick(rng, [7, 8]) : pick(rng, [5, 6]);
  const d12 = yymmdd(b) + g + digits(rng, 5);
  return d12.slice(0, 6) + sep + d12.slice(6) + frnCheckDigit(d12);
}

function completeDigit(prefix: string, ok: (s: string) => boolean): string | null {
  for (let c = 0; c < 10; c++) if (ok(prefix + c)) return prefix + c;
  return null;
}

export function genBrn(rng: Rng, sep = "-"): string {
  for (;;) {
    const d = completeDigit(pad(int(rng, 101, 899), 3) + pad(int(rng, 1, 99), 2) + digits(rng, 4), brnValid);
    if (d) return d.slice(0, 3) + sep + d.slice(3, 5) + sep + d.slice(5);
  }
}

export function genPassport(rng: Rng): string {
  const l = pick(rng, ["M", "M", "M", "S", "R", "O", "D"]);
  return rng() < 0.6
    ? l + digits(rng, 8)
    : l + digits(rng, 3) + pick(rng, LETTERS.split("")) + digits(rng, 4);
}

export function genDriver(rng: Rng): string {
  const region = pick(rng, [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28]);
  return `${region}-${digits(rng, 2)}-${digits(rng, 6)}-${digits(rng, 2)}`;
}

export function genKrPhone(rng: Rng, style?: number): string {
  const s = style ?? int(rng, 0, 9);
  const mid4 = pad(int(rng, 2000, 9999), 4);
  const last = digits(rng, 4);
  switch (s) {
    case 0:
    case 1:
      return `010-${mid4}-${last}`;
    case 2:
      return `02-${pad(int(rng, 200, 999), 3)}-${last}`;
    case 3:
      return `0${pick(rng, [31, 32, 33, 41, 42, 43, 44, 51, 52, 53, 54, 55, 61, 62, 63, 64])}-${pad(int(rng, 200, 999), 3)}-${last}`;
    case 4:
      return `010${mid4}${last}`;
    case 5:
      return rng() < 0.5 ? `+82-10-${mid4}-${last}` : `+82 10 ${mid4} ${last}`;
    case 6:
      return `(02) ${mid4}-${last}`;
    case 7:
      return `010 ${mid4} ${last}`;
    case 8:
      return `010.${mid4}.${last}`;
    default:
      return `070-${mid4}-${last}`;
  }
}

export function genKrPhoneIntl(rng: Rng): string {
  return genKrPhone(rng, 5);
}

export function genBankAccount(rng: Rng): string {
  switch (int(rng, 0, 3)) {
    case 0:
      return `${int(rng, 100, 399)}-${digits(rng, 3)}-${digits(rng, 6)}`;
    case 1:
      return `${int(rng, 1001, 1999)}-${digits(rng, 3)}-${digits(rng, 6)}`;
    case 2:
      return `${int(rng, 301, 399)}-${digits(rng, 4)}-${digits(rng, 4)}-${digits(rng, 2)}`;
    default:
      return `${int(rng, 100001, 999999)}-${digits(rng, 2)}-${digits(rng, 6)}`;
  }
}

function twCheck(prefix9: string): string {
  for (let c = 0; c < 10; c++) if (twIdChecksumValid(prefix9 + c)) return prefix9 + c;
  throw new Error("unreachable: one check digit always fits");
}

export function genTwId(rng: Rng): string {
  return twCheck(pick(rng, LETTERS.split("")) + pick(rng, ["1", "2"]) + digits(rng, 7));
}

export function genTwArc(rng: Rng): string {
  const second = rng() < 0.7 ? pick(rng, ["8", "9"]) : pick(rng, ["A", "B", "C", "D"]);
  return twCheck(pick(rng, LETTERS.split("")) + second + digits(rng, 7));
}

export function genUbn(rng: Rng): string {
  for (;;) {
    const d = completeDigit(digits(rng, 7), ubnValid);
    if (d) return d;
  }
}

export function genTwPhone(rng: Rng, style?: number): string {
  switch (style ?? int(rng, 0, 8)) {
    case 0:
    case 1:
      return `09${digits(rng, 2)}-${digits(rng, 3)}-${digits(rng, 3)}`;
    case 2:
      return `(02)${pad(int(rng, 2000, 8999), 4)}-${digits(rng, 4)}`;
    case 3:
      return `0${pick(rng, [4, 7])}-${pad(int(rng, 200, 899), 3)}-${digits(rng, 4)}`;
    case 4:
      return `09${digits(rng, 8)}`;
    case 5:
      return rng() < 0.5
        ? `+886-9${digits(rng, 2)}-${digits(rng, 3)}-${digits(rng, 3)}`
        : `+886 2 ${pad(int(rng, 2000, 8999), 4)} ${digits(rng, 4)}`;
    case 6:
      return `(07)${pad(int(rng, 200, 899), 3)}-${digits(rng, 4)}`;
    case 7:
      return `09${digits(rng, 2)} ${digits(rng, 3)} ${digits(rng, 3)}`;
    default:
      return `02-${pad(int(rng, 2000, 8999), 4)}-${digits(rng, 4)}`;
  }
}

export function genTwPhoneIntl(rng: Rng): string {
  return genTwPhone(rng, 5);
}

const LOCALS = [
  "hong",
  "gildong",
  "minji.kim",
  "sy.park",
  "chen.wei",
  "lin88",
  "j.smith",
  "wang.xm",
  "lee_sh",
  "a.tsai",
];
const DOMAINS = [
  "example.com",
  "example.org",
  "mail.example.kr",
  "korea.example",
  "example.gov.tw",
  "test.example.net",
];

export function genEmail(rng: Rng): string {
  const e = `${pick(rng, LOCALS)}${rng() < 0.5 ? int(rng, 1, 999) : ""}@${pick(rng, DOMAINS)}`;
  return rng() < 0.1 ? e.toUpperCase() : e;
}

function luhnComplete(prefix: string): string {
  for (let c = 0; c < 10; c++) if (luhnValid(prefix + c)) return prefix + c;
  throw new Error("unreachable");
}

export function genCard(rng: Rng): string {
  const kind = int(rng, 0, 4);
  if (kind === 4) {
    const d = luhnComplete(pick(rng, ["34", "37"]) + digits(rng, 12));
    return `${d.slice(0, 4)}-${d.slice(4, 10)}-${d.slice(10)}`;
  }
  const d = luhnComplete(
    pick(rng, ["4", "51", "52", "55", "35"]).padEnd(2, String(int(rng, 0, 9))) + digits(rng, 13),
  );
  const sep = kind === 3 ? "" : kind === 2 ? " " : "-";
  if (kind === 1 && rng() < 0.5) return d; // bare 16 digits
  return [d.slice(0, 4), d.slice(4, 8), d.slice(8, 12), d.slice(12)].join(sep);
}

export function genIp(rng: Rng): string {
  if (rng() < 0.05) return "fe80::" + int(rng, 1, 0xffff).toString(16);
  if (rng() < 0.8) return `${int(rng, 1, 223)}.${int(rng, 0, 255)}.${int(rng, 0, 255)}.${int(rng, 1, 254)}`;
  const h = () => int(rng, 0, 0xffff).toString(16);
  return rng() < 0.5
    ? `2001:db8:${h()}:${h()}::${h()}`
    : `2001:db8:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}`;
}

// ---------- masked forms (must not be reported) ----------

export function maskedRrn(rng: Rng): string {
  return genRrn(rng).slice(0, 8) + "******";
}
export function maskedPhone(rng: Rng): string {
  return `010-****-${digits(rng, 4)}`;
}
export function maskedTwId(rng: Rng): string {
  const id = genTwId(rng);
  return id.slice(0, 3) + "****" + id.slice(7);
}
export function maskedCard(rng: Rng): string {
  return `****-****-****-${digits(rng, 4)}`;
}
export function maskedEmail(rng: Rng): string {
  return `${pick(rng, ["h", "m", "c"])}***@${pick(rng, DOMAINS)}`;
}
export function maskedTwPhone(rng: Rng): string {
  return `09${digits(rng, 2)}-***-${digits(rng, 3)}`;
}

// ---------- look-alikes ----------

/** RRN shape with an impossible date (month 13-19 or day 32-39). */
export function badRrn(rng: Rng): string {
  const yy = digits(rng, 2);
  const md =
    rng() < 0.5
      ? `1${int(rng, 3, 9)}${pad(int(rng, 1, 28), 2)}`
      : `${pad(int(rng, 1, 12), 2)}3${int(rng, 2, 9)}`;
  return `${yy}${md}-${pick(rng, ["1", "2", "3", "4"])}${digits(rng, 6)}`;
}

export function badTwId(rng: Rng): string {
  const id = genTwId(rng);
  return id.slice(0, 9) + ((Number(id[9]) + int(rng, 1, 9)) % 10);
}

export function badBrn(rng: Rng): string {
  for (;;) {
    const d = pad(int(rng, 101, 899), 3) + pad(int(rng, 1, 99), 2) + digits(rng, 5);
    if (!brnValid(d)) return `${d.slice(0, 3)}-${d.slice(3, 5)}-${d.slice(5)}`;
  }
}

export function badUbn(rng: Rng): string {
  for (;;) {
    const d = digits(rng, 8);
    if (!ubnValid(d)) return d;
  }
}

export function badCard(rng: Rng): string {
  for (;;) {
    const d = "4" + digits(rng, 15);
    if (!luhnValid(d)) return [d.slice(0, 4), d.slice(4, 8), d.slice(8, 12), d.slice(12)].join("-");
  }
}

/** Product / model code shaped like a passport number (no context). */
export function passportLike(rng: Rng): string {
  return pick(rng, ["M", "S", "D"]) + `20${pad(int(rng, 10, 25), 2)}${digits(rng, 4)}`;
}

/** Driver-licence-shaped management number (no context). */
export function driverLike(rng: Rng): string {
  return `${int(rng, 11, 26)}-${digits(rng, 2)}-${digits(rng, 6)}-${digits(rng, 2)}`;
}

/** Bank-account-shaped reference (no context). */
export function accountLike(rng: Rng): string {
  return `${int(rng, 100, 899)}-${digits(rng, 3)}-${digits(rng, 6)}`;
}

export function eightDigits(rng: Rng): string {
  return String(int(rng, 10000000, 99999999));
}

/** Serial numbers in 4-4-4-4 groups that start like a year (not a card issuer prefix). */
export function serialLike(rng: Rng): string {
  return `${int(rng, 2019, 2025)}-${digits(rng, 4)}-${digits(rng, 4)}-${digits(rng, 4)}`;
}

/** Ten-digit reference numbers starting 01 (look like an old bare mobile number). */
export function tenDigitRef(rng: Rng): string {
  return `01${int(rng, 1, 9)}${digits(rng, 7)}`;
}

/** Waybill number in the 4-3-6 grouping some banks also use for accounts (no bank context). */
export function waybillLike(rng: Rng): string {
  return `${int(rng, 1001, 1999)}-${digits(rng, 3)}-${digits(rng, 6)}`;
}

/** 13-digit shop order number starting with the year ("2024060959772"). */
export function orderNo13(rng: Rng): string {
  return `20${int(rng, 20, 25)}${pad(int(rng, 1, 12), 2)}${digits(rng, 7)}`;
}

/** 12-digit management number. */
export function mgmtNo12(rng: Rng): string {
  return `${int(rng, 100000, 999999)}${digits(rng, 6)}`;
}
