// Aggregate of the KR rule-pack catalogues. The lead assembles the KR pack from these named exports; each
// definition says which languages its entries must carry and which requirements it serves.

import { krCompensationLossTypes } from "../../../civil/loss-types";
import { type CatalogueDefinition, defineCatalogue } from "../../../registry/catalogue";
import { krDestructionMethods } from "./destruction";
import { krDisclosureGrounds } from "./disclosureGrounds";
import { krEntrustmentClauses } from "./entrustment";
import { krCollectionBases, krOutOfPurposeGrounds, krProvisionBases } from "./legalBases";
import { krAccessLimitGrounds, krDeletionRefusalGrounds, krSuspensionRefusalGrounds } from "./refusalGrounds";
import { krRemedyBodies } from "./remedies";
import { krRequestKinds } from "./requestKinds";
import { krRecordsRetentionClasses } from "./retention";
import { krRiskFactors } from "./riskFactors";
import { krSensitiveDataClasses, krUniqueIdentifiers } from "./sensitiveData";

export { krDestructionMethods } from "./destruction";
export { krDisclosureGrounds } from "./disclosureGrounds";
export { krEntrustmentClauses } from "./entrustment";
export { krCollectionBases, krOutOfPurposeGrounds, krProvisionBases } from "./legalBases";
export { krAccessLimitGrounds, krDeletionRefusalGrounds, krSuspensionRefusalGrounds } from "./refusalGrounds";
export { krRemedyBodies } from "./remedies";
export { krRequestKinds } from "./requestKinds";
export { krRecordsRetentionClasses } from "./retention";
export { krRiskFactors } from "./riskFactors";
export { krSensitiveDataClasses, krUniqueIdentifiers } from "./sensitiveData";

const koEn = ["ko", "en"] as const;

const def = (
  id: string,
  ko: string,
  en: string,
  requirements: readonly string[],
  entries: CatalogueDefinition["entries"],
): CatalogueDefinition =>
  defineCatalogue({
    id,
    jurisdiction: "KR",
    title: { ko, en },
    requiredLocales: koEn,
    requirements,
    entries,
  });

export const krCatalogues = {
  collectionBases: def(
    "collectionBases",
    "수집·이용 근거",
    "Legal bases for collection and use",
    ["B6"],
    krCollectionBases,
  ),
  provisionBases: def(
    "provisionBases",
    "제3자 제공 근거",
    "Legal bases for provision",
    ["B7", "G2"],
    krProvisionBases,
  ),
  outOfPurposeGrounds: def(
    "outOfPurposeGrounds",
    "목적 외 이용·제공 사유",
    "Grounds for use or provision beyond the purpose",
    ["G1"],
    krOutOfPurposeGrounds,
  ),
  sensitiveData: def(
    "sensitiveData",
    "민감정보",
    "Sensitive information",
    ["B2", "B8"],
    krSensitiveDataClasses,
  ),
  uniqueIdentifiers: def(
    "uniqueIdentifiers",
    "고유식별정보",
    "Unique identifiers",
    ["B2", "E4"],
    krUniqueIdentifiers,
  ),
  requestKinds: def(
    "requestKinds",
    "정보주체 요구 유형",
    "Rights request kinds",
    ["C1", "C7"],
    krRequestKinds,
  ),
  accessLimitGrounds: def(
    "accessLimitGrounds",
    "열람 제한·거절 사유",
    "Grounds to limit access",
    ["C8"],
    krAccessLimitGrounds,
  ),
  deletionRefusalGrounds: def(
    "deletionRefusalGrounds",
    "삭제 거절 사유",
    "Grounds to refuse deletion",
    ["C9"],
    krDeletionRefusalGrounds,
  ),
  suspensionRefusalGrounds: def(
    "suspensionRefusalGrounds",
    "처리정지 거절 사유",
    "Grounds to refuse suspension",
    ["C10"],
    krSuspensionRefusalGrounds,
  ),
  entrustmentClauses: def(
    "entrustmentClauses",
    "위탁계약 명시 사항",
    "Entrustment contract clauses",
    ["G7"],
    krEntrustmentClauses,
  ),
  destructionMethods: def(
    "destructionMethods",
    "파기방법",
    "Destruction methods",
    ["D5"],
    krDestructionMethods,
  ),
  recordsRetentionClasses: def(
    "recordsRetentionClasses",
    "기록물 보존기간",
    "Records retention classes",
    ["J2", "D1"],
    krRecordsRetentionClasses,
  ),
  disclosureGrounds: def(
    "disclosureGrounds",
    "비공개 대상 정보",
    "Grounds for non-disclosure of information",
    ["J1"],
    krDisclosureGrounds,
  ),
  remedyBodies: def("remedyBodies", "권익침해 구제방법", "Remedy bodies", ["H4", "C18"], krRemedyBodies),
  // Not an official list (every entry `verify`): see riskFactors.ts for what the seeds support.
  riskFactors: def("riskFactors", "위험도 자체점검 항목", "Risk self-check factors", ["E10"], krRiskFactors),
  // 행정사무착오 보상제: the seed names economic and time loss; the rest are `verify` (see loss-types.ts).
  compensationLossTypes: def(
    "compensationLossTypes",
    "행정사무착오 보상 손해유형",
    "Administrative-error compensation loss types",
    ["I4", "K9"],
    krCompensationLossTypes,
  ),
} satisfies Record<string, CatalogueDefinition>;

export type KrCatalogueId = keyof typeof krCatalogues;
