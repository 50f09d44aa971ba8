import { pseudonymDigest } from "./hash";
import { piiLabel } from "./labels";
import { normalizeForScan } from "./normalize";
import { DEFAULT_THRESHOLD } from "./recognizer";
import { scanText } from "./scan";
import type { Locale, PiiSpan, PiiType, RedactionPolicy } from "./types";

function isAlnumAt(norm: string, i: number): boolean {
  const c = norm.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 0x2e7f;
}

/** Replaces alphanumerics (and CJK letters) of value with "*" from the keep-th one on, except the last keepEnd. */
function maskAlnum(value: string, keep: number, keepEnd = 0): string {
  const norm = normalizeForScan(value);
  let total = 0;
  for (let i = 0; i < norm.length; i++) if (isAlnumAt(norm, i)) total++;
  let seen = 0;
  let out = "";
  for (let i = 0; i < value.length; i++) {
    if (isAlnumAt(norm, i)) {
      seen++;
      out += seen > keep && seen <= total - keepEnd ? "*" : value[i];
    } else out += value[i];
  }
  return out;
}

function maskPhone(value: string): string {
  const norm = normalizeForScan(value);
  const groups: Array<[number, number]> = [];
  for (let i = 0; i < norm.length; ) {
    if (norm.charCodeAt(i) >= 48 && norm.charCodeAt(i) <= 57) {
      let j = i;
      while (j < norm.length && norm.charCodeAt(j) >= 48 && norm.charCodeAt(j) <= 57) j++;
      groups.push([i, j]);
      i = j;
    } else i++;
  }
  if (groups.length >= 3) {
    // Hide the middle block: 010-****-1234, +82-10-****-5678.
    const [s, e] = groups[groups.length - 2];
    return value.slice(0, s) + "*".repeat(e - s) + value.slice(e);
  }
  return maskAlnum(value, 3, 4);
}

function maskEmail(value: string): string {
  const at = value.indexOf("@") >= 0 ? value.indexOf("@") : value.indexOf("＠");
  if (at <= 0) return maskAlnum(value, 1);
  const keep = at <= 2 ? 1 : 2;
  return value.slice(0, keep) + "*".repeat(at - keep) + value.slice(at);
}

function maskIp(value: string): string {
  if (value.includes(":")) {
    const parts = value.split(":");
    return parts.map((p, i) => (i < 2 || p === "" ? p : "*".repeat(p.length))).join(":");
  }
  const p = value.split(".");
  if (p.length !== 4) return maskAlnum(value, 2);
  return `${p[0]}.${p[1]}.***.${"*".repeat(p[3].length)}`;
}

function maskName(value: string): string {
  const v = value.trim();
  if (/^[A-Za-z]/.test(v)) return v.replace(/\B[A-Za-z]/g, "*");
  const chars = Array.from(v);
  if (chars.length <= 2) return chars[0] + "*".repeat(chars.length - 1);
  return chars[0] + "*".repeat(chars.length - 2) + chars[chars.length - 1];
}

/**
 * Masks a value the way Korean agencies do (960121-1******, 010-****-1234, 홍*동, A12****789):
 * for screens and logs. The output never contains the full value.
 */
export function maskValue(type: PiiType, value: string): string {
  switch (type) {
    case "KR_RRN":
    case "KR_FRN":
      return maskAlnum(value, 7);
    case "KR_PHONE":
    case "TW_PHONE":
      return maskPhone(value);
    case "TW_ID":
    case "TW_ARC":
      return maskAlnum(value, 3, 3);
    case "EMAIL":
      return maskEmail(value);
    case "CREDIT_CARD":
      return maskAlnum(value, 0, 4);
    case "IP_ADDRESS":
      return maskIp(value);
    case "PERSON_NAME":
      return maskName(value);
    case "DATE_OF_BIRTH":
      return maskAlnum(value, 4);
    default: {
      let n = 0;
      const norm = normalizeForScan(value);
      for (let i = 0; i < norm.length; i++) if (isAlnumAt(norm, i)) n++;
      return maskAlnum(value, Math.min(3, Math.floor(n / 3)));
    }
  }
}

export interface RedactOptions {
  /** Required for "pseudonym": without a secret key a hash of an RRN can be reversed by enumeration. */
  pseudonymKey?: Uint8Array | string;
  locale?: Locale;
}

/** Merges overlapping spans so no part of any span survives. */
function mergeSpans(spans: PiiSpan[], length: number): PiiSpan[] {
  const sorted = spans
    .filter((s) => s.end > s.start)
    .map((s) => ({ ...s, start: Math.max(0, s.start), end: Math.min(length, s.end) }))
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: PiiSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/**
 * Applies a redaction policy (one for all types, or per type; types missing from a per-type map
 * are masked, never left in clear) to the given spans.
 */
export function redactText(
  text: string,
  spans: PiiSpan[],
  policy: RedactionPolicy | Partial<Record<PiiType, RedactionPolicy>>,
  opts: RedactOptions = {},
): string {
  const locale = opts.locale ?? "ko";
  let out = "";
  let pos = 0;
  for (const s of mergeSpans(spans, text.length)) {
    const value = text.slice(s.start, s.end);
    const p: RedactionPolicy = typeof policy === "string" ? policy : (policy[s.type] ?? "mask");
    out += text.slice(pos, s.start);
    if (p === "mask") out += maskValue(s.type, value);
    else if (p === "label") out += `[${piiLabel(s.type, locale)}]`;
    else if (p === "pseudonym") {
      if (opts.pseudonymKey === undefined || opts.pseudonymKey.length === 0) {
        throw new Error("pseudonym redaction needs pseudonymKey");
      }
      out += `[${piiLabel(s.type, locale)}-${pseudonymDigest(s.type, value, opts.pseudonymKey)}]`;
    }
    pos = s.end;
  }
  return out + text.slice(pos);
}

/**
 * Scan + mask for free text (the logger's serializer). Fails closed: if the scan could not
 * finish, every digit is masked as well.
 */
export function redactFreeText(text: string): string {
  const r = scanText(text, { threshold: DEFAULT_THRESHOLD });
  const masked = redactText(text, r.spans, "mask");
  return r.status === "ok" ? masked : masked.replace(/[0-9\uFF10-\uFF19]/g, "*");
}
