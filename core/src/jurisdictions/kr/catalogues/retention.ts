// Records retention classes (보존기간) [J2, K5]. The seed (003 II, 2003) uses 영구, 준영구, 20년, 10년, 5년,
// 3년, 1년. The current Enforcement Decree of the Public Records Management Act (Art. 26) uses 30년 instead of
// 20년: 30년 is included and marked verify, 20년 kept for records classified under the old schedule.
// `attributes.years` is null for permanent classes.
import type { CatalogueEntry } from "../../../registry/catalogue";

const ART = "공공기록물 관리에 관한 법률 시행령 제26조";

const BASE: CatalogueEntry[] = [
  { code: "permanent", names: { ko: "영구", "zh-TW": "永久", en: "Permanent" }, attributes: { years: null } },
  {
    code: "semi_permanent",
    names: { ko: "준영구", "zh-TW": "準永久", en: "Semi-permanent" },
    attributes: { years: null },
  },
  {
    code: "30y",
    names: { ko: "30년", "zh-TW": "30年", en: "30 years" },
    attributes: { years: 30 },
    verify: true as const,
    description: { en: "Current schedule class; not in the 2003 seed" },
  },
  {
    code: "20y",
    names: { ko: "20년", "zh-TW": "20年", en: "20 years" },
    attributes: { years: 20, legacy: true },
    description: { en: "Class in the seed (003); replaced by 30 years in the current schedule" },
  },
  { code: "10y", names: { ko: "10년", "zh-TW": "10年", en: "10 years" }, attributes: { years: 10 } },
  { code: "5y", names: { ko: "5년", "zh-TW": "5年", en: "5 years" }, attributes: { years: 5 } },
  { code: "3y", names: { ko: "3년", "zh-TW": "3年", en: "3 years" }, attributes: { years: 3 } },
  { code: "1y", names: { ko: "1년", "zh-TW": "1年", en: "1 year" }, attributes: { years: 1 } },
];

export const krRecordsRetentionClasses: CatalogueEntry[] = BASE.map((e, i) => ({
  ...e,
  article: ART,
  source: "[003 II 보존문서현황]",
  order: i + 1,
}));
