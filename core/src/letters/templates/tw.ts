// TW notices under the PDPA (個人資料保護法) Art. 10, 11 and 13, in Traditional Chinese (binding) with Korean and
// English versions. Sources: 004 二十九 (identity check, 限期補正, written rejection grounds; C5, C6), 004 三十
// (fees, accompanied inspection; C12, C13), 002 第14點 (deadlines; C7). The remedy paragraph is the 教示 that
// 行政程序法 第96條 requires on a written disposition: 訴願 within 30 days from the day after service
// (訴願法 第14條第1項), filed through the original agency (訴願法 第58條第1項).
// Placeholders: {{name}}; a paragraph with `when` shows only when that variable has a value (see compose.ts).

import type { LetterLocale, LetterTemplateSet, LetterTemplateText } from "../types";
import { twFoiDecision, twFoiTransfer } from "./disclosure";
import { twIncidentNotice } from "./incidents";

type Set3 = Record<LetterLocale, LetterTemplateText>;

const remedyZh = {
  heading: "救濟方法",
  paragraphs: [
    {
      text: "台端如不服本處分，得自本處分書送達之次日起30日內，依訴願法第14條第1項及第58條第1項規定，繕具訴願書經由{{agencyName}}向訴願管轄機關{{appealBody}}提起訴願。",
      field: "appeal" as const,
    },
  ],
};
const remedyKo = {
  heading: "불복 방법 안내",
  paragraphs: [
    {
      text: "이 처분에 불복하는 경우 이 처분서가 송달된 다음 날부터 30일 이내에 대만 「소원법」(訴願法) 제14조제1항 및 제58조제1항에 따라 소원서를 작성하여 {{agencyName}}을 거쳐 소원 관할기관인 {{appealBody}}에 소원(訴願)을 제기할 수 있습니다.",
      field: "appeal" as const,
    },
  ],
};
const remedyEn = {
  heading: "How to appeal",
  paragraphs: [
    {
      text: "If you disagree with this disposition, you may file an administrative appeal (訴願) within 30 days from the day after this notice is served, by submitting a written appeal through {{agencyName}} to the appeal authority, {{appealBody}} (Administrative Appeal Act Art. 14(1) and Art. 58(1)).",
      field: "appeal" as const,
    },
  ],
};

const accessDecision: Set3 = {
  "zh-TW": {
    title: "個人資料查詢閱覽請求決定通知書",
    subject: "台端請求答覆查詢、提供閱覽或製給複製本一案，決定如說明，請查照。",
    numbering: "cjk",
    paragraphs: [
      "依個人資料保護法第10條及第13條第1項規定辦理。",
      "本機關就台端請求之各項個人資料決定如下表。",
      { text: "提供方式：{{deliveryMethod}}。", when: "deliveryMethod" },
      {
        text: "閱覽時間：{{appointmentAt}}；地點：{{location}}。閱覽時由承辦單位派員陪同，並於提供前確認未同時揭露他人個人資料。",
        when: "routeInPerson",
        field: "accessRoute",
      },
      {
        text: "請至{{downloadRoute}}以收件編號及查詢碼下載相關資料。",
        when: "routeDownload",
        field: "accessRoute",
      },
      { text: "相關資料以電子郵件寄送至{{recipientEmail}}。", when: "routeEmail", field: "accessRoute" },
      { text: "相關資料以郵寄方式寄送至{{recipientAddress}}。", when: "routePost", field: "accessRoute" },
      { text: "陪同人員：{{companion}}。", when: "companion" },
      { text: "依檔案閱覽抄錄複製收費標準應繳費用：{{feeTotal}}；郵寄費用：{{postage}}。", field: "fees" },
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "決定內容",
    groundsHeading: "限制或駁回之事由",
    citation: "個人資料保護法第10條、第13條第1項、第14條",
    remedy: remedyZh,
  },
  ko: {
    title: "개인정보 조회·열람 청구 결정 통지서",
    subject: "개인정보 조회 답변·열람·사본 제공 청구에 대한 결정 통지",
    paragraphs: [
      "귀하의 청구에 대하여 대만 「개인정보보호법」(個人資料保護法) 제10조 및 제13조제1항에 따라 아래와 같이 결정하였음을 알려드립니다.",
      { text: "제공 방법: {{deliveryMethod}}", when: "deliveryMethod" },
      {
        text: "열람 일시: {{appointmentAt}}, 장소: {{location}}. 열람 시 담당 부서 직원이 동행하며, 제공 전에 다른 사람의 개인정보가 함께 공개되지 않는지 확인합니다.",
        when: "routeInPerson",
        field: "accessRoute",
      },
      {
        text: "내려받는 곳: {{downloadRoute}} (접수번호와 확인코드로 내려받기)",
        when: "routeDownload",
        field: "accessRoute",
      },
      { text: "보내는 곳: 전자우편 {{recipientEmail}}", when: "routeEmail", field: "accessRoute" },
      { text: "보내는 곳: 우편 {{recipientAddress}}", when: "routePost", field: "accessRoute" },
      { text: "동행 직원: {{companion}}", when: "companion" },
      { text: "수수료: {{feeTotal}}, 우송료: {{postage}}", field: "fees" },
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "결정 내용",
    groundsHeading: "제한 또는 거절 사유",
    citation: "대만 「개인정보보호법」 제10조, 제13조제1항, 제14조",
    remedy: remedyKo,
  },
  en: {
    title: "Notice of decision on a request to query or inspect personal data",
    subject: "Decision on your request to answer a query, allow inspection or provide copies",
    paragraphs: [
      "We have decided on your request under Articles 10 and 13(1) of the Personal Data Protection Act as set out below.",
      { text: "Delivery: {{deliveryMethod}}", when: "deliveryMethod" },
      {
        text: "Inspection: {{appointmentAt}} at {{location}}. A member of the holding unit will accompany you, and we check before inspection that no other person's data is shown.",
        when: "routeInPerson",
        field: "accessRoute",
      },
      {
        text: "Download: {{downloadRoute}} (with your request number and access code)",
        when: "routeDownload",
        field: "accessRoute",
      },
      { text: "Sent by e-mail to {{recipientEmail}}", when: "routeEmail", field: "accessRoute" },
      { text: "Sent by post to {{recipientAddress}}", when: "routePost", field: "accessRoute" },
      { text: "Accompanying staff: {{companion}}", when: "companion" },
      {
        text: "Fee under the inspection and copy fee standards: {{feeTotal}}; postage: {{postage}}",
        field: "fees",
      },
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "Decision",
    groundsHeading: "Grounds for limiting or rejecting",
    citation: "Personal Data Protection Act Art. 10, Art. 13(1), Art. 14",
    remedy: remedyEn,
  },
};

const correctionResult: Set3 = {
  "zh-TW": {
    title: "個人資料更正補充停止利用或刪除處理結果通知書",
    subject: "台端請求補充、更正、停止蒐集處理利用或刪除個人資料一案，處理結果如說明，請查照。",
    numbering: "cjk",
    paragraphs: [
      "依個人資料保護法第11條及第13條第2項規定辦理。",
      "本機關就台端請求之各項個人資料處理結果如下表。",
      "個人資料經補充、更正、停止蒐集處理利用或刪除後，本機關並通知曾提供利用之對象。",
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "處理結果",
    groundsHeading: "未依請求辦理之事由",
    citation: "個人資料保護法第11條、第13條第2項",
    remedy: remedyZh,
  },
  ko: {
    title: "개인정보 정정·보완·이용정지·삭제 처리 결과 통지서",
    subject: "개인정보 보완·정정·수집/처리/이용 정지·삭제 청구에 대한 처리 결과 통지",
    paragraphs: [
      "귀하의 청구에 대하여 대만 「개인정보보호법」 제11조 및 제13조제2항에 따라 아래와 같이 처리하였음을 알려드립니다.",
      "보완·정정·정지 또는 삭제 후에는 해당 개인정보를 제공받아 이용한 기관에도 그 사실을 통지합니다.",
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "처리 결과",
    groundsHeading: "청구대로 처리하지 않은 사유",
    citation: "대만 「개인정보보호법」 제11조, 제13조제2항",
    remedy: remedyKo,
  },
  en: {
    title: "Notice of the result of a correction, stop or deletion request",
    subject: "Result of your request to supplement, correct, stop processing or delete personal data",
    paragraphs: [
      "We have dealt with your request under Articles 11 and 13(2) of the Personal Data Protection Act as set out below.",
      "After a supplement, correction, stop or deletion we also notify those to whom the data was provided.",
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "Result",
    groundsHeading: "Grounds for not acting as requested",
    citation: "Personal Data Protection Act Art. 11, Art. 13(2)",
    remedy: remedyEn,
  },
};

const refusal: Set3 = {
  "zh-TW": {
    title: "個人資料請求駁回通知書",
    subject: "台端請求行使個人資料權利一案，經審查不符規定，予以駁回，請查照。",
    numbering: "cjk",
    paragraphs: [
      "依個人資料保護法第10條但書、第11條第2項但書及第3項但書、第13條規定辦理。",
      "台端之請求經審查有下列情形，依規定以書面駁回。",
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "駁回項目",
    groundsHeading: "駁回事由",
    citation: "個人資料保護法第10條、第11條、第13條",
    remedy: remedyZh,
  },
  ko: {
    title: "개인정보 청구 각하(거절) 통지서",
    subject: "개인정보 권리 행사 청구에 대한 거절 통지",
    paragraphs: [
      "귀하의 청구는 심사 결과 아래 사유에 해당하여 대만 「개인정보보호법」 제10조 단서, 제11조제2항 단서·제3항 단서 및 제13조에 따라 서면으로 거절합니다.",
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "거절 항목",
    groundsHeading: "거절 사유",
    citation: "대만 「개인정보보호법」 제10조, 제11조, 제13조",
    remedy: remedyKo,
  },
  en: {
    title: "Notice of rejection of a personal data request",
    subject: "Rejection of your request to exercise your personal data rights",
    paragraphs: [
      "Your request has been examined and is rejected in writing for the grounds below, under the provisos of Article 10 and Article 11(2) and (3) and Article 13 of the Personal Data Protection Act.",
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "Rejected items",
    groundsHeading: "Grounds for rejection",
    citation: "Personal Data Protection Act Art. 10, Art. 11, Art. 13",
    remedy: remedyEn,
  },
};

const extensionNotice: Set3 = {
  "zh-TW": {
    title: "處理期限延長通知書",
    subject: "台端請求行使個人資料權利一案，延長處理期限，請查照。",
    numbering: "cjk",
    paragraphs: [
      "依個人資料保護法第13條規定辦理。",
      { text: "延長事由：{{extensionReason}}。", field: "extension" },
      { text: "原處理期限：{{dueDate}}。", when: "dueDate" },
      { text: "延長後處理期限：{{newDueDate}}。", field: "extension" },
      "本機關將於延長後期限內以書面通知處理結果。",
    ],
    citation: "個人資料保護法第13條",
  },
  ko: {
    title: "처리기간 연장 통지서",
    subject: "개인정보 권리 행사 청구의 처리기간 연장 통지",
    paragraphs: [
      "귀하의 청구는 아래 사유로 처리기간 내에 처리하기 어려워 대만 「개인정보보호법」 제13조에 따라 처리기간을 연장합니다.",
      { text: "연장 사유: {{extensionReason}}", field: "extension" },
      { text: "당초 처리기한: {{dueDate}}", when: "dueDate" },
      { text: "연장된 처리기한: {{newDueDate}}", field: "extension" },
      "연장된 기한까지 처리 결과를 서면으로 알려드리겠습니다.",
    ],
    citation: "대만 「개인정보보호법」 제13조",
  },
  en: {
    title: "Notice of extension of the handling period",
    subject: "Extension of the period for handling your request",
    paragraphs: [
      "Under Article 13 of the Personal Data Protection Act the period for handling your request is extended for the reason below.",
      { text: "Reason: {{extensionReason}}", field: "extension" },
      { text: "Original due date: {{dueDate}}", when: "dueDate" },
      { text: "New due date: {{newDueDate}}", field: "extension" },
      "We will tell you the result in writing by the new due date.",
    ],
    citation: "Personal Data Protection Act Art. 13",
  },
};

const supplementNotice: Set3 = {
  "zh-TW": {
    title: "限期補正通知書",
    subject: "台端請求行使個人資料權利一案，證明文件有遺漏或欠缺，請於期限內補正。",
    numbering: "cjk",
    paragraphs: [
      "台端所提請求之證明文件內容有遺漏、欠缺或釋明不完整，請依說明限期補正。",
      { text: "應補正事項：{{missing}}。", field: "supplement" },
      { text: "補正期限：{{fixByDate}}。", field: "supplement" },
      "補正期間不計入處理期限。逾期未補正或無法補正者，將以書面或電子文件駁回申請。",
    ],
    citation: "個人資料保護法第13條；本機關個人資料保護管理要點",
  },
  ko: {
    title: "보정 요구서",
    subject: "개인정보 권리 행사 청구 서류의 기한 내 보정 요구",
    paragraphs: [
      "귀하께서 제출하신 청구의 증빙서류에 누락·흠결이 있거나 소명이 충분하지 않아 아래와 같이 기한을 정하여 보정을 요구합니다.",
      { text: "보정할 사항: {{missing}}", field: "supplement" },
      { text: "보정 기한: {{fixByDate}}", field: "supplement" },
      "보정 기간은 처리기간에 산입하지 않습니다. 기한까지 보정하지 않거나 보정할 수 없는 경우 서면 또는 전자문서로 청구를 거절합니다.",
    ],
    citation: "대만 「개인정보보호법」 제13조 및 기관 개인정보보호 관리요점",
  },
  en: {
    title: "Notice to supplement your application",
    subject: "Please supplement the documents of your request by the deadline",
    paragraphs: [
      "The supporting documents of your request are incomplete or insufficiently explained. Please supplement them by the deadline below.",
      { text: "What to supply: {{missing}}", field: "supplement" },
      { text: "Deadline: {{fixByDate}}", field: "supplement" },
      "The time until you supplement does not count towards the handling period. If nothing is supplied by the deadline, or it cannot be supplied, the request will be rejected in writing or electronically.",
    ],
    citation: "Personal Data Protection Act Art. 13; the agency's personal data protection directions",
  },
};

const receiptNotice: Set3 = {
  "zh-TW": {
    title: "收件通知書",
    subject: "台端請求行使個人資料權利一案，業已收件，請查照。",
    numbering: "cjk",
    paragraphs: [
      "台端之請求已收件，收件資料如上。",
      { text: "請求內容：{{requestContent}}。", when: "requestContent" },
      { text: "處理期限：{{dueDate}}。", when: "dueDate" },
      "本機關將依規定確認當事人身分後辦理，必要時得請台端檢附相關證明文件或為適當之釋明。",
    ],
    citation: "個人資料保護法第13條",
  },
  ko: {
    title: "접수 확인 통지서",
    subject: "청구 접수 확인",
    paragraphs: [
      "귀하의 청구가 위와 같이 접수되었음을 알려드립니다.",
      { text: "청구 내용: {{requestContent}}", when: "requestContent" },
      { text: "처리기한: {{dueDate}}", when: "dueDate" },
      "본인 확인 절차를 거쳐 처리하며, 필요한 경우 관련 증빙서류나 소명을 요청할 수 있습니다.",
    ],
    citation: "대만 「개인정보보호법」 제13조",
  },
  en: {
    title: "Acknowledgement of receipt",
    subject: "Your request has been received",
    paragraphs: [
      "Your request has been received as shown above.",
      { text: "Request: {{requestContent}}", when: "requestContent" },
      { text: "Due date: {{dueDate}}", when: "dueDate" },
      "We will confirm your identity before acting and may ask for supporting documents or an explanation.",
    ],
    citation: "Personal Data Protection Act Art. 13",
  },
};

export const twLetterTemplates: LetterTemplateSet = {
  jurisdiction: "TW",
  version: "tw-2026.2",
  kinds: {
    tw_access_decision: accessDecision,
    tw_correction_result: correctionResult,
    tw_refusal: refusal,
    tw_extension_notice: extensionNotice,
    // The generic case engine asks for "extension_notice" whatever the country.
    extension_notice: extensionNotice,
    tw_supplement_notice: supplementNotice,
    receipt_notice: receiptNotice,
    tw_foi_decision: twFoiDecision,
    tw_foi_transfer: twFoiTransfer,
    incident_notice: twIncidentNotice,
  },
};
