import { isOfficialCode } from "../../../components/codes";

/** Shapes of the public register endpoints (docs/api-registry.md, "Public") and how their values print. */

export interface PublicAgencyRef {
  code: string;
  name: string;
  jurisdiction: "KR" | "TW";
}

/** A published value: text, a list, a coded entry, or a small record such as { text, codes } or { name, phone }. */
export type PublicValue = string | number | boolean | null | undefined | PublicObject | PublicValue[];
export interface PublicObject {
  [key: string]: PublicValue;
}
export interface PublicCode {
  code: string;
  name: string;
}

export type PublicFile = Record<string, PublicValue>;

export interface PublicFiles {
  agency: PublicAgencyRef;
  files: PublicFile[];
}

export interface PublicEntrustment {
  seq: number | string;
  tasks: string;
  vendor: string;
}

export interface PublicEntrustments {
  agency: PublicAgencyRef;
  entrustments: PublicEntrustment[];
}

/** Columns of the published list, per jurisdiction, in the order the law lists them. */
export const PUBLIC_FILE_COLUMNS: Record<"KR" | "TW", string[]> = {
  // 개인정보 보호법 제32조: 명칭, 운영근거, 운영목적, 처리항목, 처리방법, 보유기간, 열람 요구 부서.
  KR: ["name", "legalBasis", "purpose", "items", "processingMethod", "retentionPeriod", "accessRequestUnit"],
  // 個人資料保護法第17條: 檔案名稱、保有依據及特定目的、個人資料類別 (+ 保存期限、利用對象、管理單位).
  TW: [
    "name",
    "legalBasis",
    "purposes",
    "categories",
    "subjectCategories",
    "retentionPeriod",
    "recipients",
    "area",
    "managingUnit",
  ],
};

/**
 * Plain text of one published value, whatever its shape: lists joined with "; ", coded entries as
 * "C001 name" (a pack-internal code is left out), a legal basis { codes, text } as its codes then its text, a unit { name, phone } as
 * "name (phone)".
 */
export function publicText(v: PublicValue): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) return v.map(publicText).filter(Boolean).join("; ");
  if (typeof v !== "object") return String(v);
  if ("code" in v) {
    // Official codes are part of the published name (TW 個人資料類別 C001, 特定目的 001); a rule
    // pack's own keys ("art15-1-1", "entrusted") are not words of the law and are left out.
    const code = publicText(v.code);
    const name = publicText(v.name);
    return isOfficialCode(code) ? [code, name].filter(Boolean).join(" ") : name || code;
  }
  if ("codes" in v || "text" in v)
    return [publicText(v.codes), publicText(v.text)].filter(Boolean).join("; ");
  if ("name" in v) {
    const contact = [v.phone, v.email]
      .map((x) => publicText(x))
      .filter(Boolean)
      .join(", ");
    return contact ? `${publicText(v.name)} (${contact})` : publicText(v.name);
  }
  return Object.values(v).map(publicText).filter(Boolean).join("; ");
}

/** The parts a value is listed as in a table cell (one bullet each). */
export function publicParts(v: PublicValue): string[] {
  if (Array.isArray(v)) return v.map(publicText).filter(Boolean);
  if (v && typeof v === "object" && ("codes" in v || "text" in v))
    return [...publicParts(v.codes ?? null), publicText(v.text)].filter(Boolean);
  const text = publicText(v);
  return text ? [text] : [];
}

/** Case-insensitive match of every word of the query against the whole row. */
export function matchesQuery(row: Record<string, PublicValue>, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = Object.values(row).map(publicText).join(" ").toLowerCase();
  return words.every((w) => hay.includes(w));
}
