// KR petition (민원) letters: receipt slip (접수증), answer, transfer to another agency (이송) and the
// extension notice. Basis: 「민원 처리에 관한 법률」 §9 (receipt and 접수증), §16 (이송), §21 and Decree §21
// (one extension with notice), §27 (notice of the result). Wording is ours (verify against the agency's
// style guide); the TW 陳情 kind is not offered until the TW rule pack can cite its period.
import type { LetterLocale, LetterTemplateText } from "../types";

type Set3 = Record<LetterLocale, LetterTemplateText>;

export const petitionReceipt: Set3 = {
  ko: {
    title: "민원 접수증",
    subject: "민원 접수 확인",
    paragraphs: [
      "귀하의 민원이 아래와 같이 접수되었음을 확인합니다.",
      { text: "접수번호: {{requestNumber}}", when: "requestNumber" },
      { text: "접수일: {{receivedDate}}", when: "receivedDate" },
      { text: "민원 종류: {{requestKind}}", when: "requestKind" },
      { text: "처리기한: {{dueDate}}", when: "dueDate" },
      "처리 상황은 접수번호로 민원 포털에서 확인할 수 있습니다.",
    ],
    citation: "「민원 처리에 관한 법률」 제9조 및 같은 법 시행령 제6조",
  },
  "zh-TW": {
    title: "陳情收件證明",
    subject: "陳情收件確認",
    paragraphs: [
      "台端之陳情已收件，說明如下。",
      { text: "收件編號：{{requestNumber}}", when: "requestNumber" },
      { text: "收件日期：{{receivedDate}}", when: "receivedDate" },
      { text: "陳情類別：{{requestKind}}", when: "requestKind" },
      { text: "處理期限：{{dueDate}}", when: "dueDate" },
      "處理進度可憑收件編號於民眾入口網站查詢。",
    ],
    citation: "韓國「民願處理法」第9條及同法施行令第6條",
  },
  en: {
    title: "Petition receipt",
    subject: "Your petition has been received",
    paragraphs: [
      "We confirm that your petition was received as set out below.",
      { text: "Receipt number: {{requestNumber}}", when: "requestNumber" },
      { text: "Received: {{receivedDate}}", when: "receivedDate" },
      { text: "Type: {{requestKind}}", when: "requestKind" },
      { text: "Due date: {{dueDate}}", when: "dueDate" },
      "You can follow its progress on the portal with the receipt number.",
    ],
    citation: "Civil Petitions Act Art. 9; Enforcement Decree Art. 6",
  },
};

export const petitionAnswer: Set3 = {
  ko: {
    title: "민원 처리 결과 통지",
    subject: "민원 처리 결과 알림",
    paragraphs: [
      "귀하께서 제출하신 민원에 대한 처리 결과를 아래와 같이 알려드립니다.",
      { text: "접수번호: {{requestNumber}}", when: "requestNumber" },
      { text: "민원 종류: {{requestKind}}", when: "requestKind" },
      { text: "처리 결과: {{summary}}", when: "summary" },
      "처리 결과에 이의가 있으시면 담당자에게 문의하여 주시기 바랍니다.",
    ],
    citation: "「민원 처리에 관한 법률」 제27조",
  },
  "zh-TW": {
    title: "陳情處理結果通知",
    subject: "陳情處理結果",
    paragraphs: [
      "台端所提陳情之處理結果，說明如下。",
      { text: "收件編號：{{requestNumber}}", when: "requestNumber" },
      { text: "陳情類別：{{requestKind}}", when: "requestKind" },
      { text: "處理結果：{{summary}}", when: "summary" },
      "對處理結果如有疑問，請洽承辦人。",
    ],
    citation: "韓國「民願處理法」第27條",
  },
  en: {
    title: "Result of your petition",
    subject: "Answer to your petition",
    paragraphs: [
      "We set out below how your petition was handled.",
      { text: "Receipt number: {{requestNumber}}", when: "requestNumber" },
      { text: "Type: {{requestKind}}", when: "requestKind" },
      { text: "Result: {{summary}}", when: "summary" },
      "If you have questions about the result, please contact the officer named below.",
    ],
    citation: "Civil Petitions Act Art. 27",
  },
};

export const petitionTransfer: Set3 = {
  ko: {
    title: "민원 이송 통지",
    subject: "민원 이송 알림",
    paragraphs: [
      "귀하의 민원은 우리 기관의 소관이 아니어서 아래 기관으로 이송하였음을 알려드립니다.",
      { text: "접수번호: {{requestNumber}}", when: "requestNumber" },
      { text: "이송 기관: {{transferredTo}}", when: "transferredTo" },
      { text: "이송 사유: {{summary}}", when: "summary" },
      "이후 처리 상황은 이송받은 기관에 문의하여 주시기 바랍니다.",
    ],
    citation: "「민원 처리에 관한 법률」 제16조 및 같은 법 시행령 제17조",
  },
  "zh-TW": {
    title: "陳情移送通知",
    subject: "陳情移送",
    paragraphs: [
      "台端之陳情非屬本機關權責，已移送下列機關辦理。",
      { text: "收件編號：{{requestNumber}}", when: "requestNumber" },
      { text: "受移送機關：{{transferredTo}}", when: "transferredTo" },
      { text: "移送理由：{{summary}}", when: "summary" },
      "後續處理情形請洽受移送機關。",
    ],
    citation: "韓國「民願處理法」第16條及同法施行令第17條",
  },
  en: {
    title: "Notice of transfer of your petition",
    subject: "Your petition was transferred",
    paragraphs: [
      "Your petition is not within our competence and was transferred to the agency below.",
      { text: "Receipt number: {{requestNumber}}", when: "requestNumber" },
      { text: "Transferred to: {{transferredTo}}", when: "transferredTo" },
      { text: "Reason: {{summary}}", when: "summary" },
      "Please contact that agency about further progress.",
    ],
    citation: "Civil Petitions Act Art. 16; Enforcement Decree Art. 17",
  },
};

export const petitionExtensionNotice: Set3 = {
  ko: {
    title: "민원 처리기간 연장 통지",
    subject: "민원 처리기간 연장 알림",
    paragraphs: [
      "귀하의 민원은 아래 사유로 처리기간 내에 처리하기 어려워 처리기간을 한 차례 연장하였음을 알려드립니다.",
      { text: "접수번호: {{requestNumber}}", when: "requestNumber" },
      { text: "연장 사유: {{extensionReason}}", field: "extension" },
      { text: "당초 처리기한: {{dueDate}}", when: "dueDate" },
      { text: "연장된 처리기한: {{newDueDate}}", field: "extension" },
    ],
    citation: "「민원 처리에 관한 법률」 제21조 및 같은 법 시행령 제21조",
  },
  "zh-TW": {
    title: "陳情處理期限延長通知",
    subject: "陳情處理期限延長",
    paragraphs: [
      "台端之陳情因下列事由未能於期限內辦結，爰延長處理期限一次。",
      { text: "收件編號：{{requestNumber}}", when: "requestNumber" },
      { text: "延長事由：{{extensionReason}}", field: "extension" },
      { text: "原處理期限：{{dueDate}}", when: "dueDate" },
      { text: "延長後處理期限：{{newDueDate}}", field: "extension" },
    ],
    citation: "韓國「民願處理法」第21條及同法施行令第21條",
  },
  en: {
    title: "Extension of the period for your petition",
    subject: "The handling period was extended",
    paragraphs: [
      "Your petition cannot be completed within the period for the reason below; the period has been extended once.",
      { text: "Receipt number: {{requestNumber}}", when: "requestNumber" },
      { text: "Reason: {{extensionReason}}", field: "extension" },
      { text: "Original due date: {{dueDate}}", when: "dueDate" },
      { text: "New due date: {{newDueDate}}", field: "extension" },
    ],
    citation: "Civil Petitions Act Art. 21; Enforcement Decree Art. 21",
  },
};
