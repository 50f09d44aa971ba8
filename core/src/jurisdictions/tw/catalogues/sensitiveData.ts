// PDPA Art. 6 (as amended 2015): 病歷、醫療、基因、性生活、健康檢查及犯罪前科 may not be collected, processed
// or used except on the Art. 6(1) grounds (wording checked against the Act as amended 2023-05-31). The register flags files holding them [B3 field 13, B8].
import type { CatalogueEntry } from "../../../registry/catalogue";

const ART = "個人資料保護法第6條第1項 (PDPA Art. 6(1))";

export const twSensitiveDataClasses: CatalogueEntry[] = [
  { code: "medical_record", names: { "zh-TW": "病歷", en: "Medical records" } },
  { code: "medical_care", names: { "zh-TW": "醫療", en: "Medical treatment" } },
  { code: "genetic", names: { "zh-TW": "基因", en: "Genetic data" } },
  { code: "sex_life", names: { "zh-TW": "性生活", en: "Sex life" } },
  { code: "health_check", names: { "zh-TW": "健康檢查", en: "Health examinations" } },
  { code: "criminal_record", names: { "zh-TW": "犯罪前科", en: "Criminal records" } },
].map((e) => ({ ...e, article: ART, sensitive: true, source: "[004 二(一), 十]" }));
