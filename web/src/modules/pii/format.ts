import type { TFunction } from "i18next";
import type { FindingLocation } from "./types";

/** "line 3", "sheet 민원 · row 2 · column 3", "page 1" — where a finding sits, in the UI language. */
export function whereText(t: TFunction, loc: FindingLocation): string {
  const parts: string[] = [];
  if (loc.sheet) parts.push(t("pii.review.where.sheet", { sheet: loc.sheet }));
  if (loc.page) parts.push(t("pii.review.where.page", { page: loc.page }));
  if (loc.section) parts.push(t("pii.review.where.section", { section: loc.section }));
  if (loc.paragraph !== undefined)
    parts.push(t("pii.review.where.paragraph", { paragraph: loc.paragraph + 1 }));
  if (loc.row) parts.push(t("pii.review.where.row", { row: loc.row }));
  else if (loc.line) parts.push(t("pii.review.where.line", { line: loc.line }));
  if (loc.column) parts.push(t("pii.review.where.column", { column: loc.column }));
  if (loc.part) parts.push(t("pii.review.where.part", { part: loc.part }));
  return parts.join(" · ");
}

export const typeLabel = (t: TFunction, type: string) => t(`pii.types.${type}`, { defaultValue: type });
export const kindLabel = (t: TFunction, kind: string) => t(`pii.kinds.${kind}`, { defaultValue: kind });

export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1048576).toFixed(1)} MB`;
}
