// Legal bases for government agencies under the PDPA:
// - Art. 15: collection or processing by a government agency (besides Art. 6 data) needs a specific purpose
//   and one of three grounds [004 十三, 002 第9點, B6].
// - Art. 16: use outside the specific purpose only on seven grounds [002 第8點, 004 十六, G3]. The seed (002)
//   quotes the pre-2015 wording (二 without 所必要, 七 書面同意); the 2015 amendment reads 「為維護國家安全或增進
//   公共利益所必要」 and 「經當事人同意」: the current wording is given and the seed wording kept in `description`.
// Art. 15 and 16 wording checked against the PDPA as amended 2023-05-31 (public mirror of the national law database).
import type { CatalogueEntry } from "../../../registry/catalogue";

export const twCollectionBases: CatalogueEntry[] = [
  {
    code: "art15-1",
    names: { "zh-TW": "執行法定職務必要範圍內", en: "Within what is necessary to perform statutory duties" },
    article: "PDPA Art. 15(1)",
    description: {
      "zh-TW": "依組織規程或本法施行細則第10條所稱執行法定職務 [004 十三(一)]",
      en: "Statutory duties under the agency's organic rules or Enforcement Rules Art. 10",
    },
  },
  {
    code: "art15-2",
    names: { "zh-TW": "經當事人同意", en: "With the data subject's consent" },
    article: "PDPA Art. 15(2)",
    description: { en: "Consent must meet PDPA Art. 7 and Enforcement Rules Art. 15 [004 十二, G4]" },
  },
  {
    code: "art15-3",
    names: {
      "zh-TW": "對當事人權益無侵害",
      en: "No infringement of the data subject's rights and interests",
    },
    article: "PDPA Art. 15(3)",
  },
  {
    code: "entrusted",
    names: { "zh-TW": "依法受委託執行職務", en: "Performing duties lawfully entrusted to the agency" },
    article: "PDPA Art. 4",
    source: "[004 十三(三)]",
  },
].map((e) => ({ ...e, source: e.source ?? "[004 十三]" }));

export const twOutOfPurposeGrounds: CatalogueEntry[] = [
  { code: "art16-1", names: { "zh-TW": "法律明文規定", en: "Expressly provided by law" } },
  {
    code: "art16-2",
    names: {
      "zh-TW": "為維護國家安全或增進公共利益所必要",
      en: "Necessary to safeguard national security or further the public interest",
    },
    description: { "zh-TW": "002 第8點: 為維護國家安全或增進公共利益" },
  },
  {
    code: "art16-3",
    names: {
      "zh-TW": "為免除當事人之生命、身體、自由或財產上之危險",
      en: "To avert danger to the data subject's life, body, freedom or property",
    },
  },
  {
    code: "art16-4",
    names: {
      "zh-TW": "為防止他人權益之重大危害",
      en: "To prevent serious harm to the rights and interests of others",
    },
  },
  {
    code: "art16-5",
    names: {
      "zh-TW":
        "公務機關或學術研究機構基於公共利益為統計或學術研究而有必要，且資料經過提供者處理後或經蒐集者依其揭露方式無從識別特定之當事人",
      en: "Necessary for statistics or academic research in the public interest by a government agency or research institution, with the data de-identified by the provider or as disclosed by the collector",
    },
  },
  {
    code: "art16-6",
    names: { "zh-TW": "有利於當事人權益", en: "Beneficial to the data subject's rights and interests" },
  },
  {
    code: "art16-7",
    names: { "zh-TW": "經當事人同意", en: "With the data subject's consent" },
    description: {
      "zh-TW": "002 第8點: 經當事人書面同意; 同意方式依本法第7條及施行細則第15條 [004 十二]",
      en: "The seed (002) requires written consent; consent must meet Art. 7 and Enforcement Rules Art. 15",
    },
  },
].map((e, i) => ({ ...e, article: `PDPA Art. 16 proviso (${i + 1})`, source: "[002 第8點; 004 十六]" }));
