// Notice to a data subject after a personal-data incident (F5), sent by post to those without e-mail.
// Basis: KR 「개인정보 보호법」 §34① (what leaked, when and how, what the person can do, what the agency does
// and the help desk); TW 個人資料保護法 §12 and 施行細則 §22 (facts and measures), with the parts of
// [004 四十四]. The five parts the incident holds (facts, measures, advice, contact, compensation) are each
// a required part of the notice ("breachNotice"): a letter with one of them empty is refused.
import type { LetterLocale, LetterTemplateText } from "../types";

type Set3 = Record<LetterLocale, LetterTemplateText>;

const parts = (labels: [string, string, string, string, string]) =>
  (["noticeFacts", "noticeMeasures", "noticeAdvice", "noticeContact", "noticeCompensation"] as const).map(
    (v, i) => ({ text: `${labels[i]}{{${v}}}`, field: "breachNotice" as const }),
  );

export const krIncidentNotice: Set3 = {
  ko: {
    title: "개인정보 유출 통지",
    subject: "개인정보 유출 사실 및 대응조치 안내",
    paragraphs: [
      "우리 기관이 처리하는 귀하의 개인정보가 유출된 사실을 알게 되어 아래와 같이 알려드립니다.",
      { text: "사고 번호: {{requestNumber}}", when: "requestNumber" },
      ...parts([
        "유출 사실: ",
        "기관의 대응조치: ",
        "피해를 줄이기 위해 귀하가 할 수 있는 방법: ",
        "피해 신고·상담 창구: ",
        "피해 구제 및 비용 보상: ",
      ]),
    ],
    citation: "「개인정보 보호법」 제34조제1항",
  },
  "zh-TW": {
    title: "個人資料外洩通知",
    subject: "個人資料外洩事實及因應措施通知",
    paragraphs: [
      "本機關處理之台端個人資料發生外洩，說明如下。",
      { text: "事故編號：{{requestNumber}}", when: "requestNumber" },
      ...parts(["事實：", "本機關因應措施：", "台端可採取之措施：", "諮詢專線：", "損害補償："]),
    ],
    citation: "韓國「個人資訊保護法」第34條第1項",
  },
  en: {
    title: "Notice of a personal data breach",
    subject: "What happened to your personal data and what we did",
    paragraphs: [
      "We have learned that personal data about you held by this agency was leaked, as set out below.",
      { text: "Incident number: {{requestNumber}}", when: "requestNumber" },
      ...parts([
        "What happened: ",
        "What the agency did: ",
        "What you can do: ",
        "Whom to contact: ",
        "Compensation: ",
      ]),
    ],
    citation: "Personal Information Protection Act Art. 34(1)",
  },
};

export const twIncidentNotice: Set3 = {
  "zh-TW": {
    title: "個人資料侵害事故通知",
    subject: "本機關發生個人資料侵害事故，涉及台端之個人資料，謹將事實及因應措施通知如說明，請查照。",
    numbering: "cjk",
    paragraphs: [
      { text: "事故編號：{{requestNumber}}。", when: "requestNumber" },
      ...parts(["侵害事實：", "本機關已採取之因應措施：", "台端可採取之措施：", "諮詢專線：", "損害補償："]),
    ],
    citation: "個人資料保護法第12條；個人資料保護法施行細則第22條",
  },
  ko: {
    title: "개인정보 침해사고 통지",
    subject: "개인정보 침해사고 사실 및 대응조치 안내",
    paragraphs: [
      { text: "사고 번호: {{requestNumber}}", when: "requestNumber" },
      ...parts([
        "침해 사실: ",
        "기관의 대응조치: ",
        "귀하가 할 수 있는 조치: ",
        "상담 창구: ",
        "손해 보상: ",
      ]),
    ],
    citation: "대만 「개인자료보호법」 제12조, 같은 법 시행세칙 제22조",
  },
  en: {
    title: "Notice of a personal data incident",
    subject: "A personal data incident concerning you: the facts and what we did",
    paragraphs: [
      { text: "Incident number: {{requestNumber}}", when: "requestNumber" },
      ...parts([
        "What happened: ",
        "What the agency did: ",
        "What you can do: ",
        "Whom to contact: ",
        "Compensation: ",
      ]),
    ],
    citation: "Personal Data Protection Act Art. 12; Enforcement Rules Art. 22",
  },
};
