// Risk-assessment factors of [004 三十八, E10]: seven required items, assessed periodically from the inventory.
// The seed gives no scale; the scale below is a suggestion of this project (1 = low risk .. 5 = high risk per
// factor, equal weights, level from the mean) that an agency may replace. Nothing here is a legal threshold.
import type { CatalogueEntry } from "../../../registry/catalogue";

export const twRiskFactors: CatalogueEntry[] = [
  {
    code: "identifiability",
    names: { "zh-TW": "個人資料可識別程度", en: "How identifiable the data is" },
    description: { en: "1: de-identified or masked .. 5: directly identifies (name with ID number)" },
  },
  {
    code: "file_type_volume",
    names: { "zh-TW": "個人資料檔案型態及數量", en: "File type and volume" },
    description: { en: "1: few records on paper .. 5: large database or portable media" },
  },
  {
    code: "sensitivity",
    names: { "zh-TW": "個人資料類別敏感性及風險性", en: "Sensitivity and risk of the data categories" },
    description: { en: "1: contact data only .. 5: Art. 6 data or financial identifiers" },
  },
  {
    code: "processing_environment",
    names: {
      "zh-TW": "蒐集、處理、利用過程及環境",
      en: "Collection, processing and use process and environment",
    },
    description: { en: "1: closed internal process .. 5: internet-facing, outsourced or cross-border" },
  },
  {
    code: "access_storage",
    names: { "zh-TW": "個人資料存取頻率及存放位置", en: "Access frequency and storage location" },
    description: { en: "1: rare access, locked storage .. 5: frequent access by many, shared locations" },
  },
  {
    code: "legality",
    names: {
      "zh-TW": "蒐集、處理、利用及保有之適法性",
      en: "Legality of collection, processing, use and holding",
    },
    description: { en: "1: clear statutory basis and notice .. 5: basis or notice missing" },
  },
  {
    code: "awareness",
    names: { "zh-TW": "個人資料保護意識及相關知能", en: "Staff data-protection awareness and skills" },
    description: { en: "1: trained this year .. 5: no training on record" },
  },
].map((e, i) => ({
  ...e,
  article: `[004 三十八(${["一", "二", "三", "四", "五", "六", "七"][i]})]`,
  order: i + 1,
  attributes: { weight: 1, min: 1, max: 5 },
}));

export type RiskLevel = "low" | "medium" | "high";

/** Suggested scale: per-factor score 1..5; mean < 2.5 low, < 3.5 medium, else high. */
export const twRiskScale = {
  min: 1,
  max: 5,
  levels: [
    { level: "low" as const, below: 2.5, names: { "zh-TW": "低", en: "Low" } },
    { level: "medium" as const, below: 3.5, names: { "zh-TW": "中", en: "Medium" } },
    { level: "high" as const, below: Number.POSITIVE_INFINITY, names: { "zh-TW": "高", en: "High" } },
  ],
  suggested: true,
} as const;

/**
 * Weighted mean of factor scores and its level. Every factor of `factors` must be scored within the scale;
 * a missing or out-of-range score throws, so a half-filled assessment is never reported as low risk.
 */
export function scoreRisk(
  scores: Readonly<Record<string, number>>,
  factors: readonly CatalogueEntry[] = twRiskFactors,
): { mean: number; level: RiskLevel } {
  let total = 0;
  let weights = 0;
  for (const f of factors) {
    const s = scores[f.code];
    if (typeof s !== "number" || !Number.isFinite(s) || s < twRiskScale.min || s > twRiskScale.max) {
      throw new RangeError(`risk factor ${f.code}: score must be ${twRiskScale.min}..${twRiskScale.max}`);
    }
    const w = typeof f.attributes?.weight === "number" ? f.attributes.weight : 1;
    total += s * w;
    weights += w;
  }
  const mean = total / weights;
  const level = twRiskScale.levels.find((l) => mean < l.below)?.level ?? "high";
  return { mean, level };
}
