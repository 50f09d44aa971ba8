// KR entrustment (위탁) contract clauses as a checklist [G7]: Mokpo lists three (000 제4조②, PIPA Art. 26(1)),
// Gunsan six (001 제4조②). The union is kept; `attributes.seeds` says which seed lists each clause.
// The last item is a publication duty rather than a clause (000 제4조③; 001 제4조②, second ②).
import type { CatalogueEntry } from "../../../registry/catalogue";

const BASE: CatalogueEntry[] = [
  {
    code: "purpose_limit",
    names: {
      ko: "위탁업무 수행 목적 외 개인정보 처리 금지에 관한 사항",
      en: "No processing of personal data beyond the entrusted work",
    },
    article: "개인정보 보호법 제26조제1항제1호",
    attributes: { seeds: "000,001" },
  },
  {
    code: "safeguards",
    names: { ko: "개인정보의 기술적·관리적 보호조치에 관한 사항", en: "Technical and managerial safeguards" },
    article: "개인정보 보호법 제26조제1항제2호",
    attributes: { seeds: "000,001" },
  },
  {
    code: "purpose_scope",
    names: { ko: "위탁업무의 목적 및 범위", en: "Purpose and scope of the entrusted work" },
    article: "개인정보 보호법 제26조제1항제3호, 시행령 제28조제1항",
    attributes: { seeds: "001" },
  },
  {
    code: "subcontracting",
    names: { ko: "재위탁 제한에 관한 사항", en: "Limits on sub-entrustment" },
    article: "개인정보 보호법 시행령 제28조제1항",
    attributes: { seeds: "001" },
  },
  {
    code: "inspection_training",
    names: {
      ko: "개인정보의 관리현황 점검 및 수탁자 교육에 관한 사항",
      en: "Inspection of how the data is managed, and training of the entrustee",
    },
    article: "개인정보 보호법 시행령 제28조제1항",
    attributes: { seeds: "001" },
  },
  {
    code: "liability",
    names: {
      ko: "수탁자 의무 위반시 손해배상 등 책임에 관한 사항",
      en: "Liability, including damages, if the entrustee breaches its duties",
    },
    article: "개인정보 보호법 시행령 제28조제1항",
    attributes: { seeds: "001" },
  },
  {
    code: "decree_items",
    names: {
      ko: "그 밖에 개인정보의 안전한 관리를 위하여 대통령령으로 정한 사항",
      en: "Other matters set by presidential decree for the safe management of personal data",
    },
    article: "개인정보 보호법 제26조제1항제3호",
    attributes: { seeds: "000" },
  },
  {
    code: "publish_changes",
    names: {
      ko: "위탁업무의 내용이나 수탁자가 변경될 경우 지체 없이 처리방침을 통하여 공개",
      en: "Publish any change of entrusted work or entrustee in the privacy policy without delay",
    },
    article: "개인정보 보호법 제26조제2항",
    attributes: { seeds: "000,001", kind: "duty" },
  },
];

export const krEntrustmentClauses: CatalogueEntry[] = BASE.map((e) => ({
  ...e,
  source: "[000 제4조②③; 001 제4조②]",
}));
