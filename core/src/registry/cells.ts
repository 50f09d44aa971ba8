// Cell codecs for the xlsx template: how lists, items, booleans and codes are written to one cell and read
// back. Export uses the same functions as import, so a round trip is lossless.
import type { FileFields } from "./validate";

export const LIST_SEPARATOR = "; ";

export function encodeList(values: readonly string[] | null | undefined): string {
  return (values ?? []).join(LIST_SEPARATOR);
}

export function decodeList(cell: string): string[] {
  return cell
    .split(/[;\n；]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A code cell may hold "code name" from a dropdown: the code is the first token. */
export function decodeCode(cell: string, known?: ReadonlySet<string>): string {
  const v = cell.trim();
  if (!known || known.has(v)) return v;
  const first = v.split(/\s+/)[0];
  return known.has(first) ? first : v;
}

type Item = FileFields["items"][number];

/** "성명 (name); 주민등록번호 (rrn) [U] {rrn}; 병력 (health) [S] {health}" */
export function encodeItems(items: readonly Item[]): string {
  return items
    .map((i) => {
      let s = i.name;
      if (i.kind) s += ` (${i.kind})`;
      if (i.sensitive) s += " [S]";
      if (i.uniqueIdentifier) s += " [U]";
      if (i.classCode) s += ` {${i.classCode}}`;
      return s;
    })
    .join(LIST_SEPARATOR);
}

const ITEM_RE = /^(.*?)\s*(?:\(([A-Za-z0-9_]+)\))?\s*(\[S\])?\s*(\[U\])?\s*(?:\{([A-Za-z0-9._:-]+)\})?$/;

export function decodeItems(cell: string): Item[] {
  return decodeList(cell).map((part) => {
    const m = ITEM_RE.exec(part);
    if (!m?.[1])
      return { name: part, kind: null, sensitive: false, uniqueIdentifier: false, classCode: null };
    return {
      name: m[1].trim(),
      kind: m[2] ?? null,
      sensitive: !!m[3],
      uniqueIdentifier: !!m[4],
      classCode: m[5] ?? null,
    };
  });
}

const YES = new Set(["true", "yes", "y", "1", "o", "예", "네", "있음", "是", "有", "公開", "공개"]);
const NO = new Set([
  "false",
  "no",
  "n",
  "0",
  "x",
  "아니오",
  "아니요",
  "없음",
  "否",
  "無",
  "不公開",
  "비공개",
]);

export function decodeBool(cell: string): boolean | null | "invalid" {
  const v = cell.trim().toLowerCase();
  if (!v) return null;
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return "invalid";
}

export const BOOL_WORDS = {
  ko: ["예", "아니오"],
  "zh-TW": ["是", "否"],
  en: ["yes", "no"],
} as const;

export function encodeBool(v: boolean | null | undefined, lang: keyof typeof BOOL_WORDS): string {
  if (v === null || v === undefined) return "";
  return v ? BOOL_WORDS[lang][0] : BOOL_WORDS[lang][1];
}
