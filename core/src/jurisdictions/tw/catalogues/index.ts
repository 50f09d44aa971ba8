// Aggregate of the TW rule-pack catalogues. The lead assembles the TW pack from these named exports; each
// definition says which languages its entries must carry and which requirements it serves.
import { twCompensationLossTypes } from "../../../civil/loss-types";
import { type CatalogueDefinition, defineCatalogue } from "../../../registry/catalogue";
import { twDataCategories, twDataCategoryGroups } from "./dataCategories";
import { twDesignatedDuties002, twDesignatedDuties004 } from "./designatedDuties";
import { twDisclosureGrounds } from "./disclosureGrounds";
import { twEntrustmentChecklist } from "./entrustment";
import { twFeeSchedule } from "./fees";
import { twIncidentResponseItems } from "./incidentResponse";
import { twCollectionBases, twOutOfPurposeGrounds } from "./legalBases";
import { twRefusalGrounds } from "./refusalGrounds";
import { twRequestKinds } from "./requestKinds";
import { twRecordsRetentionClasses } from "./retention";
import { twRiskFactors } from "./riskFactors";
import { twSensitiveDataClasses } from "./sensitiveData";
import { twSpecificPurposes } from "./specificPurposes";

export { twDataCategories, twDataCategoryGroups } from "./dataCategories";
export { twDesignatedDuties002, twDesignatedDuties004 } from "./designatedDuties";
export { twDisclosureGrounds } from "./disclosureGrounds";
export { twEntrustmentChecklist } from "./entrustment";
export { twFeeSchedule } from "./fees";
export { twIncidentResponseItems } from "./incidentResponse";
export { twCollectionBases, twOutOfPurposeGrounds } from "./legalBases";
export { twRefusalGrounds } from "./refusalGrounds";
export { twRequestKinds } from "./requestKinds";
export { twRecordsRetentionClasses } from "./retention";
export { type RiskLevel, scoreRisk, twRiskFactors, twRiskScale } from "./riskFactors";
export { twSensitiveDataClasses } from "./sensitiveData";
export { TW_SPECIFIC_PURPOSE_GAPS, twSpecificPurposes } from "./specificPurposes";

const zhEn = ["zh-TW", "en"] as const;

const def = (
  id: string,
  zh: string,
  en: string,
  requirements: readonly string[],
  entries: CatalogueDefinition["entries"],
): CatalogueDefinition =>
  defineCatalogue({
    id,
    jurisdiction: "TW",
    title: { "zh-TW": zh, en },
    requiredLocales: zhEn,
    requirements,
    entries,
  });

export const twCatalogues = {
  specificPurposes: {
    ...def("specificPurposes", "特定目的", "Specific purposes", ["B3", "B5"], twSpecificPurposes),
    officialCodePattern: "^\\d{3}$",
  },
  dataCategoryGroups: def(
    "dataCategoryGroups",
    "個人資料類別分類",
    "Personal data category classes",
    ["B3"],
    twDataCategoryGroups,
  ),
  dataCategories: {
    ...def("dataCategories", "個人資料類別", "Personal data categories", ["B3"], twDataCategories),
    // A secondary source counts 85 entries in the official list; the transcription has 73. The missing ones
    // are added by agencies as local `official` entries (C + three digits) until the pack is completed.
    officialCount: { count: 85, verify: true },
    officialCodePattern: "^C\\d{3}$",
  },
  sensitiveData: def(
    "sensitiveData",
    "特種個人資料",
    "Sensitive personal data (Art. 6)",
    ["B3", "B8"],
    twSensitiveDataClasses,
  ),
  collectionBases: def(
    "collectionBases",
    "蒐集處理之法律依據",
    "Legal bases for collection and processing",
    ["B6", "A16"],
    twCollectionBases,
  ),
  outOfPurposeGrounds: def(
    "outOfPurposeGrounds",
    "特定目的外利用事由",
    "Grounds for use outside the specific purpose",
    ["G3"],
    twOutOfPurposeGrounds,
  ),
  requestKinds: def("requestKinds", "當事人請求類型", "Rights request kinds", ["C1", "C7"], twRequestKinds),
  refusalGrounds: def("refusalGrounds", "駁回事由", "Grounds to reject a request", ["C6"], twRefusalGrounds),
  disclosureGrounds: def(
    "disclosureGrounds",
    "限制公開或不予提供之事由",
    "Grounds to restrict disclosure of government information",
    ["J1", "J4"],
    twDisclosureGrounds,
  ),
  feeSchedule: def("feeSchedule", "閱覽抄錄複製收費項目", "Inspection and copy fees", ["C13"], twFeeSchedule),
  // 檔案法 保存年限 (every periodic class verify: see retention.ts).
  recordsRetentionClasses: def(
    "recordsRetentionClasses",
    "檔案保存年限",
    "Records retention classes",
    ["J2", "K5"],
    twRecordsRetentionClasses,
  ),
  riskFactors: def("riskFactors", "風險評估項目", "Risk assessment factors", ["E10"], twRiskFactors),
  entrustmentChecklist: def(
    "entrustmentChecklist",
    "委外監督檢核項目",
    "Outsourcing supervision checklist",
    ["G8", "G9"],
    twEntrustmentChecklist,
  ),
  designatedDuties002: def(
    "designatedDuties002",
    "指定專人辦理事項（桃源區公所）",
    "Designated staff duties (002)",
    ["A7"],
    twDesignatedDuties002,
  ),
  designatedDuties004: def(
    "designatedDuties004",
    "指定專人辦理事項（政風處）",
    "Designated staff duties (004)",
    ["A7"],
    twDesignatedDuties004,
  ),
  // No TW seed describes such a scheme: every entry `verify` (see civil/loss-types.ts).
  compensationLossTypes: def(
    "compensationLossTypes",
    "行政作業疏失補償損失類型",
    "Administrative-error compensation loss types",
    ["I4", "K9"],
    twCompensationLossTypes,
  ),
  // F4: the 13 measures of [004 四十三], started within 4 hours of learning of an incident.
  incidentResponse: def(
    "incidentResponse",
    "個資事件應變措施",
    "Incident response measures",
    ["F4"],
    twIncidentResponseItems,
  ),
} satisfies Record<string, CatalogueDefinition>;

export type TwCatalogueId = keyof typeof twCatalogues;
