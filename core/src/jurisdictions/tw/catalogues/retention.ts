// Records retention classes (保存年限) under 檔案法 §12 and 機關檔案保存年限及銷毀辦法: 永久保存 and 定期保存
// with a number of years [J2, K5]. No TW seed lists the classes: the set of years below follows the usual
// 機關檔案保存年限區分表 steps and is marked verify until an agency confirms its own table. Codes match the
// KR classes with the same length so statistics and the records module need no per-country branch.
import type { CatalogueEntry } from "../../../registry/catalogue";

const ART = "檔案法 第12條；機關檔案保存年限及銷毀辦法";

const periodic = (years: number): CatalogueEntry => ({
  code: `${years}y`,
  group: "periodic",
  names: { "zh-TW": `定期保存 ${years}年`, ko: `${years}년`, en: `${years} years (fixed term)` },
  attributes: { years },
  verify: true as const,
});

export const twRecordsRetentionClasses: CatalogueEntry[] = [
  {
    code: "permanent",
    group: "permanent",
    names: { "zh-TW": "永久保存", ko: "영구", en: "Permanent" },
    attributes: { years: null },
  },
  ...[30, 20, 10, 5, 3, 1].map(periodic),
].map((e, i) => ({ ...e, article: ART, order: i + 1 }));
