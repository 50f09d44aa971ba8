// What each letter must carry, by country and kind, with the legal source of every field
// (/work/shared/domain/letters.md). composeLetter tags the blocks it prints with the fields they carry and
// refuses (LetterError "missing_field") when a required field is not printed: a template or a missing profile
// value can never silently drop one. `profileField` tells the administrator which agency profile field to
// fill; `dataField` which letter data the caller must give.
import type { LetterKind } from "./types";

export const LETTER_FIELD_IDS = [
  // Heading and closing of every official document.
  "agency",
  "agencyAddress",
  "agencyPhone",
  "documentNumber",
  "issuedDate",
  "recipient",
  "subject",
  "headOfAgency",
  "officerContact",
  "legalBasis",
  // KR decisions.
  "objection",
  "adminAppeal",
  "adminLitigation",
  // Access notices (both countries).
  "accessRoute",
  "fees",
  // Extension and completion (보완 / 限期補正) notices.
  "extension",
  "supplement",
  // TW 函 layout and 行政程序法 §96 items.
  "letterType",
  "speed",
  "secrecy",
  "attachments",
  "explanation",
  "originalRecipient",
  "copyRecipients",
  "appeal",
  // Notice to data subjects after an incident (F5): facts, measures, advice, contact, compensation.
  "breachNotice",
] as const;
export type LetterFieldId = (typeof LETTER_FIELD_IDS)[number];

/** Agency profile fields a letter may need (the org agency page edits them). */
export type ProfileField =
  | "address"
  | "phone"
  | "headTitle"
  | "headName"
  | "appealBody"
  | "docNumberPrefix"
  | "nameLocal";

export interface LetterFieldSource {
  /** Where the law (or the official style guide) asks for it. */
  source: string;
  /** The agency profile field that supplies it, if any. */
  profileField?: ProfileField;
  /** The letter data the caller must give, if any. */
  dataField?: string;
  /** Not confirmed against the official text (domain file silent): the agency should check the wording. */
  verify?: boolean;
}

const KR_LAYOUT =
  "official document layout: heading, body, closing (older 사무관리 rules; secondary: bizforms.co.kr, hankyung.com)";
const TW_96 = "行政程序法 §96 (https://law.moj.gov.tw/LawClass/LawSingleRela.aspx?PCODE=A0030055&FLNO=96)";
const TW_HAN = "函 layout: 文書處理手冊, 公文撰作解析 p.56 (ws.csptc.gov.tw)";

export const LETTER_FIELD_SOURCES: Record<"KR" | "TW", Partial<Record<LetterFieldId, LetterFieldSource>>> = {
  KR: {
    agency: { source: KR_LAYOUT, profileField: "nameLocal" },
    agencyAddress: { source: KR_LAYOUT, profileField: "address" },
    agencyPhone: { source: KR_LAYOUT, profileField: "phone" },
    documentNumber: { source: KR_LAYOUT },
    issuedDate: { source: `${KR_LAYOUT}; date written "2026. 12. 8."` },
    recipient: { source: KR_LAYOUT, dataField: "recipient" },
    subject: { source: KR_LAYOUT },
    headOfAgency: {
      source: `${KR_LAYOUT}: the issuing name is the head of agency`,
      profileField: "headTitle",
    },
    officerContact: {
      source: `${KR_LAYOUT}: letters to citizens name the officer in charge and the contact (1993 instruction)`,
      dataField: "contact.officer, contact.phone",
    },
    legalBasis: { source: "PIPA §35-§38 and Enforcement Decree §41-§46" },
    objection: {
      source:
        "PIPA §38⑤ (objection procedure to the agency itself); Decree §42② (access deferral/refusal), §44② (suspension refusal)",
    },
    adminAppeal: {
      source:
        "행정심판법 §27①③ (90 days from knowing, 180 days from the decision), §23① (filed with the agency or the commission), §58 (duty to inform)",
      profileField: "appealBody",
    },
    adminLitigation: {
      source: "행정소송법 §20①② (90 days from knowing, 1 year from the decision): not in the domain file",
      verify: true,
    },
    accessRoute: {
      source:
        "PIPA Decree §41④ and the notice's annexed form 9 (date, time and place of access; secondary: hellaw.co.kr)",
      dataField: "delivery",
    },
    fees: { source: "PIPA §38③ (fees and postage)" },
    extension: { source: "행정절차법 §19③ (reason and new due date, once only)", dataField: "newDueAt" },
    supplement: {
      source:
        "행정절차법 §17⑤⑥ (what to complete, a reasonable period, return of the request otherwise): not in the domain file",
      dataField: "missing, fixBy",
      verify: true,
    },
    breachNotice: {
      source:
        "PIPA §34① 1-5 (items leaked, when and how, what the person can do, the agency's measures, the help desk); compensation: REQUIREMENTS F5",
      dataField: "notice.facts, notice.measures, notice.advice, notice.contact, notice.compensation",
    },
  },
  TW: {
    letterType: { source: TW_HAN },
    agency: { source: TW_96, profileField: "nameLocal" },
    agencyAddress: { source: TW_HAN, profileField: "address" },
    officerContact: { source: `${TW_HAN}: 承辦人, 電話`, dataField: "contact.officer, contact.phone" },
    recipient: { source: `${TW_96}: the person's name and address (受文者)`, dataField: "recipient" },
    issuedDate: { source: `${TW_96}; 公文程式條例 §6 (ROC calendar)` },
    documentNumber: {
      source: "公文程式條例 §6 (發文字號; practice ○○字第1150000003號)",
      profileField: "docNumberPrefix",
    },
    speed: { source: TW_HAN },
    secrecy: { source: TW_HAN },
    attachments: { source: TW_HAN },
    subject: { source: `${TW_HAN} (主旨); ${TW_96} (gist)` },
    explanation: { source: `${TW_HAN} (說明); ${TW_96} (facts, reasons, legal basis)` },
    legalBasis: { source: TW_96 },
    originalRecipient: { source: TW_HAN },
    copyRecipients: { source: TW_HAN },
    headOfAgency: {
      source: `${TW_96} ①4: the issuing agency and its head's signature`,
      profileField: "headName",
    },
    appeal: {
      source:
        "行政程序法 §96①6; 訴願法 §14① (30 days from the day after delivery), §58① (through the deciding agency); appeal body of an office under a municipality: the municipal government (motc.gov.tw FAQ)",
      profileField: "appealBody",
    },
    accessRoute: { source: "PDPA Art 10, 13 (viewing may be accompanied by staff)", dataField: "delivery" },
    fees: { source: "PDPA Art 14 (fees may be charged: stated either way)" },
    extension: { source: "PDPA Art 13 (extension with the reason, in writing)", dataField: "newDueAt" },
    supplement: {
      source: "限期補正 (MOJ 1996 rules on requests, mojlaw FL010633)",
      dataField: "missing, fixBy",
    },
    breachNotice: {
      source:
        "個人資料保護法 §12; 施行細則 §22 (facts and measures); [004 四十四]; compensation: REQUIREMENTS F5",
      dataField: "notice.facts, notice.measures, notice.advice, notice.contact, notice.compensation",
    },
  },
};

const KR_BASE: LetterFieldId[] = [
  "agency",
  "agencyAddress",
  "agencyPhone",
  "documentNumber",
  "issuedDate",
  "recipient",
  "subject",
  "legalBasis",
  "headOfAgency",
  "officerContact",
];
const KR_REMEDY: LetterFieldId[] = ["objection", "adminAppeal", "adminLitigation"];
const TW_BASE: LetterFieldId[] = [
  "letterType",
  "agency",
  "agencyAddress",
  "officerContact",
  "recipient",
  "issuedDate",
  "documentNumber",
  "speed",
  "secrecy",
  "attachments",
  "subject",
  "explanation",
  "legalBasis",
  "originalRecipient",
  "copyRecipients",
  "headOfAgency",
];

/** The fields each kind must print, per country (a kind a country has no template for is absent). */
export const REQUIRED_LETTER_FIELDS: Record<"KR" | "TW", Partial<Record<LetterKind, LetterFieldId[]>>> = {
  KR: {
    pipa_access_decision: [...KR_BASE, "accessRoute", "fees", ...KR_REMEDY],
    pipa_access_deferral_refusal: [...KR_BASE, ...KR_REMEDY],
    pipa_correction_result: [...KR_BASE, ...KR_REMEDY],
    pipa_suspension_result: [...KR_BASE, ...KR_REMEDY],
    extension_notice: [...KR_BASE, "extension"],
    pipa_supplement_notice: [...KR_BASE, "supplement"],
    receipt_notice: [...KR_BASE],
    // Petitions (민원): 「민원 처리에 관한 법률」 §9, §16, §21, §27.
    petition_receipt: [...KR_BASE],
    petition_answer: [...KR_BASE],
    petition_transfer: [...KR_BASE],
    petition_extension_notice: [...KR_BASE, "extension"],
    // 정보공개법 §13 (결정통지: 공개 일시·장소·방법, 수수료), §13④ (비공개 사유와 불복 방법).
    foi_decision: [...KR_BASE, "fees", ...KR_REMEDY],
    foi_transfer: [...KR_BASE],
    // Personal-data incident notice (F5) by post.
    incident_notice: [...KR_BASE, "breachNotice"],
  },
  TW: {
    tw_access_decision: [...TW_BASE, "accessRoute", "fees", "appeal"],
    tw_correction_result: [...TW_BASE, "appeal"],
    tw_refusal: [...TW_BASE, "appeal"],
    tw_extension_notice: [...TW_BASE, "extension"],
    extension_notice: [...TW_BASE, "extension"],
    tw_supplement_notice: [...TW_BASE, "supplement"],
    receipt_notice: [...TW_BASE],
    // 政府資訊公開法 §12-§13, §18 (限制公開之理由); 行政程序法 §96①6 (教示).
    tw_foi_decision: [...TW_BASE, "fees", "appeal"],
    tw_foi_transfer: [...TW_BASE],
    incident_notice: [...TW_BASE, "breachNotice"],
  },
};

export function requiredFields(jurisdiction: "KR" | "TW", kind: LetterKind): LetterFieldId[] {
  return REQUIRED_LETTER_FIELDS[jurisdiction][kind] ?? [];
}

/** A required field that was not printed, with what the administrator or caller must supply. */
export interface MissingLetterField {
  field: LetterFieldId;
  source: string;
  profileField?: ProfileField;
  dataField?: string;
}

export function missingFields(
  jurisdiction: "KR" | "TW",
  kind: LetterKind,
  printed: ReadonlySet<LetterFieldId>,
): MissingLetterField[] {
  return requiredFields(jurisdiction, kind)
    .filter((f) => !printed.has(f))
    .map((f) => {
      const s = LETTER_FIELD_SOURCES[jurisdiction][f];
      return {
        field: f,
        source: s?.source ?? "",
        ...(s?.profileField ? { profileField: s.profileField } : {}),
        ...(s?.dataField ? { dataField: s.dataField } : {}),
      };
    });
}
