// KR notices under PIPA (개인정보 보호법) Art. 35-38, in Korean (binding) with Chinese and English versions for
// requesters who read those. Sources: 000/001 제5조 (rights, grounds C8-C10), 001 제5조⑥ (no use while a
// correction is pending, C11), 000 제10조 (remedies, C18/H4). Appeal periods: 행정심판법 제27조제1항 and
// 행정소송법 제20조제1항 (90 days from knowing of the disposition).
// Placeholders: {{name}}; a paragraph with `when` shows only when that variable has a value (see compose.ts).

import type { LetterLocale, LetterTemplateSet, LetterTemplateText } from "../types";
import { krFoiDecision, krFoiTransfer } from "./disclosure";
import { krIncidentNotice } from "./incidents";
import { petitionAnswer, petitionExtensionNotice, petitionReceipt, petitionTransfer } from "./kr-petitions";

type Set3 = Record<LetterLocale, LetterTemplateText>;

// 이의제기 (PIPA §38⑤; Decree §42②, §44②): the statute sets no period for objecting to the agency itself;
// {{objectionDays}} comes from KR_OBJECTION in remedies.ts (verify). 행정심판: 행정심판법 §23①, §27①③.
// 행정소송: 행정소송법 §20①② (verify: not in the domain file).
const remedyKo = {
  heading: "이의제기 및 불복 방법 안내",
  paragraphs: [
    {
      text: "이의제기방법: 이 통지 내용에 이의가 있으시면 통지를 받은 날부터 {{objectionDays}}일 이내에 이의신청서(성명, 연락처, 접수번호, 이의 내용과 이유를 적은 자유 서식)를 우편, 방문 또는 전자우편으로 {{objectionTo}}에 제출하실 수 있습니다. 기관은 이를 검토하여 그 결과를 알려드립니다(「개인정보 보호법」 제38조제5항).",
      field: "objection" as const,
    },
    {
      text: "행정심판: 이 처분에 불복하시는 경우 처분이 있음을 안 날부터 90일 이내, 처분이 있은 날부터 180일 이내에 「행정심판법」에 따라 {{appealBody}}에 행정심판을 청구하실 수 있습니다. 청구서는 {{agencyName}} 또는 {{appealBody}}에 제출하거나 온라인행정심판(www.simpan.go.kr)으로 제출하실 수 있습니다(같은 법 제23조제1항, 제27조제1항·제3항).",
      field: "adminAppeal" as const,
    },
    {
      text: "행정소송: 처분이 있음을 안 날부터 90일 이내, 처분이 있은 날부터 1년 이내에 「행정소송법」에 따라 관할 행정법원에 행정소송을 제기하실 수 있습니다. 행정심판을 거친 경우에는 재결서 정본을 송달받은 날부터 90일 이내입니다(같은 법 제20조).",
      field: "adminLitigation" as const,
    },
    "개인정보 침해에 관한 신고·상담 및 분쟁조정은 아래 기관에 문의하실 수 있습니다.",
  ],
  listBodies: true,
};
const remedyZh = {
  heading: "異議及不服救濟說明",
  paragraphs: [
    {
      text: "異議方法（이의제기방법）：如對本通知內容有異議，得自收受通知之日起{{objectionDays}}日內，以郵寄、臨櫃或電子郵件方式向{{objectionTo}}提出異議書（自由格式，載明姓名、聯絡方式、收件編號、異議內容及理由），本機關將審查後通知結果（韓國個人資料保護法第38條第5項）。",
      field: "objection" as const,
    },
    {
      text: "行政審判（행정심판）：如不服本處分，得自知悉處分之日起90日內、處分之日起180日內，依韓國「行政審判法」向{{appealBody}}提起行政審判；審判請求書得向{{agencyName}}或{{appealBody}}提出，或經線上行政審判網站（www.simpan.go.kr）提出（同法第23條第1項、第27條第1項及第3項）。",
      field: "adminAppeal" as const,
    },
    {
      text: "行政訴訟（행정소송）：得自知悉處分之日起90日內、處分之日起1年內，依韓國「行政訴訟法」向管轄行政法院提起行政訴訟；經行政審判者，自裁決書正本送達之日起90日內（同法第20條）。",
      field: "adminLitigation" as const,
    },
    "有關個人資料侵害之檢舉、諮詢及爭議調解，得洽詢下列機關：",
  ],
  listBodies: true,
};
const remedyEn = {
  heading: "How to object and appeal",
  paragraphs: [
    {
      text: "How to object (이의제기방법): if you disagree with this notice, you may object to this agency within {{objectionDays}} days of receiving it, by post, in person or by e-mail to {{objectionTo}}, with a free-form statement giving your name, contact details, the request number, and what you object to and why. We will review it and tell you the result (PIPA Art. 38(5)).",
      field: "objection" as const,
    },
    {
      text: "Administrative appeal (행정심판): you may file an administrative appeal with {{appealBody}} under the Administrative Appeals Act within 90 days of learning of the disposition and within 180 days of the disposition. The appeal may be lodged with {{agencyName}} or with {{appealBody}}, or online at www.simpan.go.kr (Art. 23(1), Art. 27(1) and (3) of that Act).",
      field: "adminAppeal" as const,
    },
    {
      text: "Administrative lawsuit (행정소송): you may sue in the competent administrative court under the Administrative Litigation Act within 90 days of learning of the disposition and within one year of the disposition; after an administrative appeal, within 90 days of receiving the ruling (Art. 20 of that Act).",
      field: "adminLitigation" as const,
    },
    "For reports, counselling and dispute mediation about personal information, you may contact:",
  ],
  listBodies: true,
};

const accessDecision: Set3 = {
  ko: {
    title: "개인정보 열람 결정 통지서",
    subject: "개인정보 열람 요구에 대한 결정 통지",
    paragraphs: [
      "귀하의 개인정보 열람 요구에 대하여 「개인정보 보호법」 제35조에 따라 아래와 같이 결정하였음을 알려드립니다.",
      { text: "열람 방법: {{deliveryMethod}}", when: "deliveryMethod" },
      {
        text: "열람 일시·장소: {{appointmentAt}}, {{location}}",
        when: "routeInPerson",
        field: "accessRoute",
      },
      {
        text: "내려받는 곳: {{downloadRoute}} (접수번호와 확인코드로 열람 자료를 내려받으실 수 있습니다)",
        when: "routeDownload",
        field: "accessRoute",
      },
      { text: "보내는 곳: 전자우편 {{recipientEmail}}", when: "routeEmail", field: "accessRoute" },
      { text: "보내는 곳: 우편 {{recipientAddress}}", when: "routePost", field: "accessRoute" },
      { text: "수수료: {{feeTotal}}, 우송료: {{postage}}", field: "fees" },
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "결정 내용",
    groundsHeading: "열람 제한 사유 (「개인정보 보호법」 제35조제4항)",
    after: [
      {
        text: "방문 열람 시 본인 또는 정당한 대리인임을 확인할 수 있는 신분증을 지참하여 주시기 바랍니다.",
        when: "appointmentAt",
      },
    ],
    citation: "「개인정보 보호법」 제35조, 같은 법 시행령 제41조",
    remedy: remedyKo,
  },
  "zh-TW": {
    title: "個人資料閱覽決定通知書",
    subject: "關於個人資料閱覽請求之決定通知",
    paragraphs: [
      "台端請求閱覽個人資料一案，依韓國「個人資料保護法」（개인정보 보호법）第35條規定，決定如下。",
      { text: "閱覽方式：{{deliveryMethod}}", when: "deliveryMethod" },
      {
        text: "閱覽時間及地點：{{appointmentAt}}，{{location}}",
        when: "routeInPerson",
        field: "accessRoute",
      },
      {
        text: "下載網址：{{downloadRoute}}（以收件編號及查詢碼下載）",
        when: "routeDownload",
        field: "accessRoute",
      },
      { text: "寄送方式：電子郵件 {{recipientEmail}}", when: "routeEmail", field: "accessRoute" },
      { text: "寄送方式：郵寄 {{recipientAddress}}", when: "routePost", field: "accessRoute" },
      { text: "手續費：{{feeTotal}}；郵寄費用：{{postage}}", field: "fees" },
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "決定內容",
    groundsHeading: "限制閱覽之事由（個人資料保護法第35條第4項）",
    after: [{ text: "臨櫃閱覽時，請攜帶足以證明為本人或合法代理人之身分證明文件。", when: "appointmentAt" }],
    citation: "韓國「個人資料保護法」第35條、同法施行令第41條",
    remedy: remedyZh,
  },
  en: {
    title: "Notice of decision on access to personal information",
    subject: "Decision on your request for access to personal information",
    paragraphs: [
      "We have decided on your request for access to your personal information under Article 35 of the Personal Information Protection Act as set out below.",
      { text: "How you will receive access: {{deliveryMethod}}", when: "deliveryMethod" },
      {
        text: "Date, time and place of inspection: {{appointmentAt}}, {{location}}",
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
      { text: "Fee: {{feeTotal}}; postage: {{postage}}", field: "fees" },
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "Decision",
    groundsHeading: "Grounds for limiting access (PIPA Art. 35(4))",
    after: [
      {
        text: "Please bring an identity document showing that you are the data subject or a lawful representative.",
        when: "appointmentAt",
      },
    ],
    citation: "Personal Information Protection Act Art. 35; Enforcement Decree Art. 41",
    remedy: remedyEn,
  },
};

const accessDeferralRefusal: Set3 = {
  ko: {
    title: "개인정보 열람 연기·거절 통지서",
    subject: "개인정보 열람 요구에 대한 연기·거절 통지",
    paragraphs: [
      "귀하의 개인정보 열람 요구에 대하여 「개인정보 보호법」 제35조제4항에 따라 아래와 같이 열람을 연기하거나 거절(일부 거절을 포함합니다)하였음을 알려드립니다.",
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "연기·거절 내용",
    groundsHeading: "연기·거절 사유 (「개인정보 보호법」 제35조제4항)",
    after: ["열람을 연기한 경우 그 사유가 소멸하면 지체 없이 열람하게 하여 드립니다."],
    citation: "「개인정보 보호법」 제35조제4항, 같은 법 시행령 제42조",
    remedy: remedyKo,
  },
  "zh-TW": {
    title: "個人資料閱覽延後、拒絕通知書",
    subject: "關於個人資料閱覽請求之延後或拒絕通知",
    paragraphs: [
      "台端請求閱覽個人資料一案，依韓國「個人資料保護法」第35條第4項規定，延後或拒絕（含部分拒絕）閱覽，說明如下。",
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "延後、拒絕內容",
    groundsHeading: "延後、拒絕之事由（個人資料保護法第35條第4項）",
    after: ["延後閱覽者，於該事由消滅後，將儘速提供閱覽。"],
    citation: "韓國「個人資料保護法」第35條第4項、同法施行令第42條",
    remedy: remedyZh,
  },
  en: {
    title: "Notice of deferral or refusal of access to personal information",
    subject: "Deferral or refusal of your request for access to personal information",
    paragraphs: [
      "Under Article 35(4) of the Personal Information Protection Act, access to your personal information has been deferred or refused (in whole or in part) as set out below.",
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "Deferred or refused items",
    groundsHeading: "Grounds (PIPA Art. 35(4))",
    after: [
      "Where access was deferred, you will be given access without delay once the reason no longer applies.",
    ],
    citation: "Personal Information Protection Act Art. 35(4); Enforcement Decree Art. 42",
    remedy: remedyEn,
  },
};

const correctionResult: Set3 = {
  ko: {
    title: "개인정보 정정·삭제 결과 통지서",
    subject: "개인정보 정정·삭제 요구에 대한 결과 통지",
    paragraphs: [
      "귀하의 개인정보 정정·삭제 요구에 대하여 「개인정보 보호법」 제36조에 따라 조사한 결과를 아래와 같이 알려드립니다.",
      "요구를 받은 때부터 정정·삭제를 완료할 때까지 해당 개인정보를 이용하거나 제공하지 않았습니다.",
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "처리 결과",
    groundsHeading: "삭제 거절 사유 (「개인정보 보호법」 제36조제1항 단서)",
    citation: "「개인정보 보호법」 제36조, 같은 법 시행령 제43조",
    remedy: remedyKo,
  },
  "zh-TW": {
    title: "個人資料更正、刪除結果通知書",
    subject: "關於個人資料更正、刪除請求之處理結果通知",
    paragraphs: [
      "台端請求更正或刪除個人資料一案，依韓國「個人資料保護法」第36條規定調查後，結果如下。",
      "自受理請求至完成更正或刪除前，本機關未利用或提供該個人資料。",
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "處理結果",
    groundsHeading: "拒絕刪除之事由（個人資料保護法第36條第1項但書）",
    citation: "韓國「個人資料保護法」第36條、同法施行令第43條",
    remedy: remedyZh,
  },
  en: {
    title: "Notice of the result of a correction or deletion request",
    subject: "Result of your request to correct or delete personal information",
    paragraphs: [
      "We examined your request to correct or delete personal information under Article 36 of the Personal Information Protection Act. The result is set out below.",
      "From receipt of your request until the correction or deletion was completed, the personal information concerned was neither used nor provided to anyone.",
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "Result",
    groundsHeading: "Grounds for refusing deletion (PIPA Art. 36(1) proviso)",
    citation: "Personal Information Protection Act Art. 36; Enforcement Decree Art. 43",
    remedy: remedyEn,
  },
};

const suspensionResult: Set3 = {
  ko: {
    title: "개인정보 처리정지 요구에 대한 결과 통지서",
    subject: "개인정보 처리정지 요구에 대한 결과 통지",
    paragraphs: [
      "귀하의 개인정보 처리정지 요구에 대하여 「개인정보 보호법」 제37조에 따라 아래와 같이 처리하였음을 알려드립니다.",
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "처리 결과",
    groundsHeading: "처리정지 거절 사유 (「개인정보 보호법」 제37조제2항)",
    citation: "「개인정보 보호법」 제37조, 같은 법 시행령 제44조",
    remedy: remedyKo,
  },
  "zh-TW": {
    title: "個人資料停止處理請求結果通知書",
    subject: "關於停止處理個人資料請求之結果通知",
    paragraphs: [
      "台端請求停止處理個人資料一案，依韓國「個人資料保護法」第37條規定，處理結果如下。",
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "處理結果",
    groundsHeading: "拒絕停止處理之事由（個人資料保護法第37條第2項）",
    citation: "韓國「個人資料保護法」第37條、同法施行令第44條",
    remedy: remedyZh,
  },
  en: {
    title: "Notice of the result of a request to suspend processing",
    subject: "Result of your request to suspend the processing of personal information",
    paragraphs: [
      "We have dealt with your request to suspend the processing of your personal information under Article 37 of the Personal Information Protection Act as set out below.",
      { text: "{{summary}}", when: "summary" },
    ],
    itemsHeading: "Result",
    groundsHeading: "Grounds for refusing suspension (PIPA Art. 37(2))",
    citation: "Personal Information Protection Act Art. 37; Enforcement Decree Art. 44",
    remedy: remedyEn,
  },
};

const extensionNotice: Set3 = {
  ko: {
    title: "처리기간 연장 통지서",
    subject: "요구 처리기간 연장 통지",
    paragraphs: [
      "귀하의 요구는 아래의 사유로 처리기간 내에 처리하기 어려워 처리기간을 연장하게 되었음을 알려드립니다.",
      { text: "연장 사유: {{extensionReason}}", field: "extension" },
      { text: "당초 처리기한: {{dueDate}}", when: "dueDate" },
      { text: "연장된 처리기한: {{newDueDate}}", field: "extension" },
      "연장된 기한까지 처리 결과를 알려드리겠습니다.",
    ],
    citation: "「개인정보 보호법」 제38조 및 같은 법 시행령",
    remedy: remedyKo,
  },
  "zh-TW": {
    title: "處理期限延長通知書",
    subject: "關於延長請求處理期限之通知",
    paragraphs: [
      "台端之請求因下列事由，未能於處理期限內完成，爰延長處理期限，特此通知。",
      { text: "延長事由：{{extensionReason}}", field: "extension" },
      { text: "原處理期限：{{dueDate}}", when: "dueDate" },
      { text: "延長後處理期限：{{newDueDate}}", field: "extension" },
      "本機關將於延長後期限內通知處理結果。",
    ],
    citation: "韓國「個人資料保護法」第38條及同法施行令",
    remedy: remedyZh,
  },
  en: {
    title: "Notice of extension of the handling period",
    subject: "Extension of the period for handling your request",
    paragraphs: [
      "Your request cannot be completed within the handling period for the reason below, so the period has been extended.",
      { text: "Reason: {{extensionReason}}", field: "extension" },
      { text: "Original due date: {{dueDate}}", when: "dueDate" },
      { text: "New due date: {{newDueDate}}", field: "extension" },
      "We will tell you the result by the new due date.",
    ],
    citation: "Personal Information Protection Act Art. 38 and its Enforcement Decree",
    remedy: remedyEn,
  },
};

const receiptNotice: Set3 = {
  ko: {
    title: "접수 확인 통지서",
    subject: "요구 접수 확인",
    paragraphs: [
      "귀하의 요구가 아래와 같이 접수되었음을 알려드립니다.",
      { text: "요구 내용: {{requestContent}}", when: "requestContent" },
      { text: "처리기한: {{dueDate}}", when: "dueDate" },
      "요구를 한 자가 본인이거나 정당한 대리인인지 확인한 후 처리합니다.",
    ],
    citation: "「개인정보 보호법」 제38조, 같은 법 시행령 제46조",
  },
  "zh-TW": {
    title: "收件通知書",
    subject: "請求收件確認",
    paragraphs: [
      "台端之請求已收件，說明如下。",
      { text: "請求內容：{{requestContent}}", when: "requestContent" },
      { text: "處理期限：{{dueDate}}", when: "dueDate" },
      "本機關將確認請求人為本人或合法代理人後辦理。",
    ],
    citation: "韓國「個人資料保護法」第38條、同法施行令第46條",
  },
  en: {
    title: "Acknowledgement of receipt",
    subject: "Your request has been received",
    paragraphs: [
      "Your request has been received as set out below.",
      { text: "Request: {{requestContent}}", when: "requestContent" },
      { text: "Due date: {{dueDate}}", when: "dueDate" },
      "We will confirm that the requester is the data subject or a lawful representative before acting on it.",
    ],
    citation: "Personal Information Protection Act Art. 38; Enforcement Decree Art. 46",
  },
};

// 보완 요청 (PIPA request incomplete): what is missing, by when, and what happens otherwise. Basis: 행정절차법
// §17⑤⑥ (reasonable period to complete; the request may be returned with reasons) — verify: the domain file
// lists no source for the KR 보완 letter. The case clock pauses while the requester completes (the case engine).
const supplementNotice: Set3 = {
  ko: {
    title: "보완 요청서",
    subject: "개인정보 열람 등 요구에 대한 보완 요청",
    paragraphs: [
      "귀하의 요구를 처리하기 위하여 아래 사항의 보완이 필요하여 기한을 정하여 보완을 요청드립니다.",
      { text: "보완할 사항: {{missing}}", field: "supplement" },
      { text: "보완 기한: {{fixByDate}}까지", field: "supplement" },
      {
        text: "보완 방법: 보완 서류를 우편, 방문 또는 전자우편으로 {{objectionTo}}에 제출하시거나 온라인으로 제출하실 수 있습니다.",
      },
      {
        text: "보완에 걸리는 기간은 처리기간에 포함되지 않습니다. 기한까지 보완하지 않으시면 요구를 처리할 수 없어 그 사유를 밝혀 요구서를 되돌려 보내 드릴 수 있습니다(「행정절차법」 제17조제6항).",
        field: "supplement",
      },
    ],
    citation: "「행정절차법」 제17조제5항·제6항, 「개인정보 보호법」 제38조, 같은 법 시행령 제46조",
  },
  "zh-TW": {
    title: "補正通知書",
    subject: "關於個人資料閱覽等請求之補正通知",
    paragraphs: [
      "為處理台端之請求，下列事項須予補正，請於期限內補正。",
      { text: "應補正事項：{{missing}}", field: "supplement" },
      { text: "補正期限：{{fixByDate}}前", field: "supplement" },
      { text: "補正方式：以郵寄、臨櫃或電子郵件向{{objectionTo}}提出，或於線上提出。" },
      {
        text: "補正期間不計入處理期限。逾期未補正者，本機關將無法處理，並得敘明理由退還請求書（韓國行政程序法第17條第6項）。",
        field: "supplement",
      },
    ],
    citation: "韓國「行政程序法」第17條第5項及第6項、「個人資料保護法」第38條、同法施行令第46條",
  },
  en: {
    title: "Request to complete your application",
    subject: "Please complete your personal information request",
    paragraphs: [
      "To deal with your request we need the following to be completed by the deadline below.",
      { text: "What is missing: {{missing}}", field: "supplement" },
      { text: "Deadline: {{fixByDate}}", field: "supplement" },
      { text: "How: send it by post, in person or by e-mail to {{objectionTo}}, or online." },
      {
        text: "The time you take does not count towards the handling period. If nothing is supplied by the deadline we cannot deal with the request and may return it to you with the reasons (Administrative Procedures Act Art. 17(6)).",
        field: "supplement",
      },
    ],
    citation:
      "Administrative Procedures Act Art. 17(5) and (6); Personal Information Protection Act Art. 38; Enforcement Decree Art. 46",
  },
};

export const krLetterTemplates: LetterTemplateSet = {
  jurisdiction: "KR",
  version: "kr-2026.2",
  kinds: {
    pipa_access_decision: accessDecision,
    pipa_access_deferral_refusal: accessDeferralRefusal,
    pipa_correction_result: correctionResult,
    pipa_suspension_result: suspensionResult,
    extension_notice: extensionNotice,
    pipa_supplement_notice: supplementNotice,
    receipt_notice: receiptNotice,
    petition_receipt: petitionReceipt,
    petition_answer: petitionAnswer,
    petition_transfer: petitionTransfer,
    petition_extension_notice: petitionExtensionNotice,
    foi_decision: krFoiDecision,
    foi_transfer: krFoiTransfer,
    incident_notice: krIncidentNotice,
  },
};
