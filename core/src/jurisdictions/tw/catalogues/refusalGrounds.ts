// Grounds to reject or limit a TW rights request [004 二十九, C6]: the PDPA Art. 10 provisos (query, inspection,
// copies), the Art. 11(2) and 11(3) provisos (stopping processing/use, deletion), and the two procedural grounds
// of 004 二十九 (not remedied in time; contrary to law). `attributes.appliesTo` lists the request-kind codes of
// twRequestKinds that the ground can answer. Statutory wording checked against the PDPA as amended 2023-05-31
// (public mirror of the national law database).
import type { CatalogueEntry } from "../../../registry/catalogue";

const ACCESS = "query,inspection,copy,transcription";
const DISPUTE = "stop_processing";
const ERASURE = "deletion,stop_processing";

export const twRefusalGrounds: CatalogueEntry[] = [
  {
    code: "art10-1",
    group: "art10",
    names: {
      "zh-TW": "妨害國家安全、外交及軍事機密、整體經濟利益或其他國家重大利益",
      en: "Would harm national security, diplomatic or military secrets, overall economic interests or other major national interests",
    },
    article: "PDPA Art. 10 proviso (1)",
    attributes: { appliesTo: ACCESS },
  },
  {
    code: "art10-2",
    group: "art10",
    names: {
      "zh-TW": "妨害公務機關執行法定職務",
      en: "Would obstruct a government agency in performing its statutory duties",
    },
    article: "PDPA Art. 10 proviso (2)",
    attributes: { appliesTo: ACCESS },
  },
  {
    code: "art10-3",
    group: "art10",
    names: {
      "zh-TW": "妨害該蒐集機關或第三人之重大利益",
      en: "Would harm major interests of the collecting agency or a third party",
    },
    article: "PDPA Art. 10 proviso (3)",
    attributes: { appliesTo: ACCESS },
  },
  {
    code: "art11-2-duty",
    group: "art11-2",
    names: {
      "zh-TW": "正確性有爭議，但因執行職務或業務所必須，並經註明其爭議",
      en: "Accuracy disputed, but processing is necessary for official duties or business and the dispute is noted",
    },
    article: "PDPA Art. 11(2) proviso",
    attributes: { appliesTo: DISPUTE },
  },
  {
    code: "art11-2-consent",
    group: "art11-2",
    names: {
      "zh-TW": "正確性有爭議，但經當事人書面同意，並經註明其爭議",
      en: "Accuracy disputed, but the data subject consented in writing and the dispute is noted",
    },
    article: "PDPA Art. 11(2) proviso",
    attributes: { appliesTo: DISPUTE },
  },
  {
    code: "art11-3-duty",
    group: "art11-3",
    names: {
      "zh-TW": "特定目的消失或期限屆滿，但因執行職務或業務所必須",
      en: "Purpose ended or period expired, but keeping the data is necessary for official duties or business",
    },
    article: "PDPA Art. 11(3) proviso; Enforcement Rules Art. 21",
    description: {
      "zh-TW":
        "施行細則第21條：有法令規定或契約約定之保存期限；有理由足認刪除將侵害當事人值得保護之利益；其他不能刪除之正當事由",
      en: "Enforcement Rules Art. 21: a retention period set by law or contract; deletion would harm the subject's protectable interests; other legitimate reasons",
    },
    attributes: { appliesTo: ERASURE },
  },
  {
    code: "art11-3-consent",
    group: "art11-3",
    names: {
      "zh-TW": "特定目的消失或期限屆滿，但經當事人書面同意",
      en: "Purpose ended or period expired, but the data subject consented in writing",
    },
    article: "PDPA Art. 11(3) proviso",
    attributes: { appliesTo: ERASURE },
  },
  {
    code: "incomplete",
    group: "procedural",
    names: {
      "zh-TW": "申請文件內容有遺漏、欠缺、虛偽不實或釋明不完整，經通知限期補正，逾期仍未補正或無法補正",
      en: "The application is incomplete, false or insufficiently explained and was not (or cannot be) remedied by the notified deadline",
    },
    article: "[004 二十九(一)]",
    attributes: { appliesTo: "*" },
  },
  {
    code: "contrary_to_law",
    group: "procedural",
    names: { "zh-TW": "與法令規定不符", en: "The request does not conform to the law" },
    article: "[004 二十九(四)]",
    attributes: { appliesTo: "*" },
  },
].map((e) => ({ ...e, source: "[004 二十九]" }));
