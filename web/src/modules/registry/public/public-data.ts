/** Shapes of the public register endpoints (docs/api-registry.md, "Public") and how their values print. */

export interface PublicAgencyRef {
  code: string;
  name: string;
  jurisdiction: "KR" | "TW";
}

export type PublicValue = string | number | boolean | null | undefined | PublicCode[] | string[];
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

/** Plain text of one published value: code lists as "C001 name", lists joined with "; ". */
export function publicText(v: PublicValue): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v)) {
    return (v as Array<string | PublicCode>)
      .map((x) => (typeof x === "string" ? x : [x.code, x.name].filter(Boolean).join(" ")))
      .join("; ");
  }
  return String(v);
}

/** Case-insensitive match of every word of the query against the whole row. */
export function matchesQuery(row: Record<string, PublicValue>, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = Object.values(row).map(publicText).join(" ").toLowerCase();
  return words.every((w) => hay.includes(w));
}
