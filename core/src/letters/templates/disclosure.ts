// Disclosure decision and transfer notices (J1, J4). KR: 정보공개 결정통지서 (공공기관의 정보공개에 관한 법률
// §13, 시행규칙 별지 제5호서식; 이의신청 §18, 행정심판 §19, 행정소송 §20). TW: 函 under 政府資訊公開法 §12,
// §17, §18 with the 訴願 教示 (行政程序法 §96). Every cited ground prints its article (compose.ts lists them
// under `groundsHeading`); the redaction boxes of a partial disclosure carry the same short citation.
import type { LetterLocale, LetterTemplateText } from "../types";

type Set3 = Record<LetterLocale, LetterTemplateText>;

const krRemedy: Record<LetterLocale, NonNullable<LetterTemplateText["remedy"]>> = {
  ko: {
    heading: "불복 방법 안내",
    paragraphs: [
      {
        text: "이의신청: 이 결정에 불복하시는 경우 통지를 받은 날부터 30일 이내에 {{objectionTo}}에 문서로 이의신청을 하실 수 있습니다(「공공기관의 정보공개에 관한 법률」 제18조제1항).",
        field: "objection",
      },
      {
        text: "행정심판: 처분이 있음을 안 날부터 90일 이내에 {{appealBody}}에 행정심판을 청구하실 수 있습니다(같은 법 제19조, 「행정심판법」 제27조제1항).",
        field: "adminAppeal",
      },
      {
        text: "행정소송: 처분이 있음을 안 날부터 90일 이내에 관할 행정법원에 행정소송을 제기하실 수 있습니다(같은 법 제20조, 「행정소송법」 제20조제1항).",
        field: "adminLitigation",
      },
    ],
  },
  "zh-TW": {
    heading: "不服救濟說明",
    paragraphs: [
      {
        text: "異議申請（이의신청）：如不服本決定，得自收受通知之日起30日內，以書面向{{objectionTo}}提出異議申請（韓國「公共機關資訊公開法」第18條第1項）。",
        field: "objection",
      },
      {
        text: "行政審判（행정심판）：得自知悉處分之日起90日內，向{{appealBody}}提起行政審判（同法第19條、「行政審判法」第27條第1項）。",
        field: "adminAppeal",
      },
      {
        text: "行政訴訟（행정소송）：得自知悉處分之日起90日內，向管轄行政法院提起行政訴訟（同法第20條、「行政訴訟法」第20條第1項）。",
        field: "adminLitigation",
      },
    ],
  },
  en: {
    heading: "How to object and appeal",
    paragraphs: [
      {
        text: "Objection (이의신청): if you disagree with this decision, you may object in writing to {{objectionTo}} within 30 days of receiving this notice (Official Information Disclosure Act Art. 18(1)).",
        field: "objection",
      },
      {
        text: "Administrative appeal (행정심판): within 90 days of learning of the disposition, with {{appealBody}} (Art. 19 of that Act; Administrative Appeals Act Art. 27(1)).",
        field: "adminAppeal",
      },
      {
        text: "Administrative lawsuit (행정소송): within 90 days of learning of the disposition, in the competent administrative court (Art. 20 of that Act; Administrative Litigation Act Art. 20(1)).",
        field: "adminLitigation",
      },
    ],
  },
};

export const krFoiDecision: Set3 = {
  ko: {
    title: "정보 공개 결정 통지서",
    subject: "정보공개 청구에 대한 결정 통지",
    paragraphs: [
      "귀하의 정보공개 청구({{requestNumber}}, {{receivedDate}} 접수)에 대하여 「공공기관의 정보공개에 관한 법률」 제13조에 따라 아래와 같이 결정하였음을 알려드립니다.",
      { text: "청구 내용: {{requestContent}}", when: "requestContent" },
      { text: "결정: {{summary}}", when: "summary" },
      { text: "공개 방법 및 수령 방법: {{deliveryMethod}}", when: "deliveryMethod" },
      { text: "수수료: {{feeTotal}}, 우송료: {{postage}}", field: "fees" },
    ],
    groundsHeading: "비공개 사유 (「공공기관의 정보공개에 관한 법률」 제9조제1항)",
    citation: "「공공기관의 정보공개에 관한 법률」 제13조, 제9조제1항",
    remedy: krRemedy.ko,
  },
  "zh-TW": {
    title: "資訊公開決定通知書",
    subject: "關於資訊公開請求之決定通知",
    paragraphs: [
      "台端之資訊公開請求（{{requestNumber}}，{{receivedDate}}收件），依韓國「公共機關資訊公開法」第13條規定，決定如下。",
      { text: "請求內容：{{requestContent}}", when: "requestContent" },
      { text: "決定：{{summary}}", when: "summary" },
      { text: "公開及領取方式：{{deliveryMethod}}", when: "deliveryMethod" },
      { text: "手續費：{{feeTotal}}；郵寄費用：{{postage}}", field: "fees" },
    ],
    groundsHeading: "不公開事由（公共機關資訊公開法第9條第1項）",
    citation: "韓國「公共機關資訊公開法」第13條、第9條第1項",
    remedy: krRemedy["zh-TW"],
  },
  en: {
    title: "Notice of decision on an information disclosure request",
    subject: "Decision on your information disclosure request",
    paragraphs: [
      "Your information disclosure request ({{requestNumber}}, received {{receivedDate}}) has been decided as follows under Article 13 of the Official Information Disclosure Act.",
      { text: "Request: {{requestContent}}", when: "requestContent" },
      { text: "Decision: {{summary}}", when: "summary" },
      { text: "Form and delivery: {{deliveryMethod}}", when: "deliveryMethod" },
      { text: "Fee: {{feeTotal}}; postage: {{postage}}", field: "fees" },
    ],
    groundsHeading: "Grounds for non-disclosure (Official Information Disclosure Act Art. 9(1))",
    citation: "Official Information Disclosure Act Art. 13 and Art. 9(1)",
    remedy: krRemedy.en,
  },
};

export const krFoiTransfer: Set3 = {
  ko: {
    title: "정보공개 청구 이송 통지서",
    subject: "정보공개 청구의 이송 통지",
    paragraphs: [
      "귀하의 정보공개 청구({{requestNumber}}, {{receivedDate}} 접수)는 우리 기관이 보유·관리하지 않는 정보에 관한 것으로, 「공공기관의 정보공개에 관한 법률」 제11조제4항에 따라 이를 보유·관리하는 {{transferTo}}(으)로 이송하였음을 알려드립니다.",
      { text: "{{summary}}", when: "summary" },
    ],
    citation: "「공공기관의 정보공개에 관한 법률」 제11조제4항",
  },
  "zh-TW": {
    title: "資訊公開請求移送通知書",
    subject: "關於資訊公開請求之移送通知",
    paragraphs: [
      "台端之資訊公開請求（{{requestNumber}}，{{receivedDate}}收件）所涉資訊非本機關保有，依韓國「公共機關資訊公開法」第11條第4項規定，已移送保有該資訊之{{transferTo}}。",
      { text: "{{summary}}", when: "summary" },
    ],
    citation: "韓國「公共機關資訊公開法」第11條第4項",
  },
  en: {
    title: "Notice of transfer of an information disclosure request",
    subject: "Transfer of your information disclosure request",
    paragraphs: [
      "Your information disclosure request ({{requestNumber}}, received {{receivedDate}}) concerns information this agency does not hold; under Article 11(4) of the Official Information Disclosure Act it has been transferred to {{transferTo}}, which holds it.",
      { text: "{{summary}}", when: "summary" },
    ],
    citation: "Official Information Disclosure Act Art. 11(4)",
  },
};

const twAppeal: Record<LetterLocale, NonNullable<LetterTemplateText["remedy"]>> = {
  "zh-TW": {
    heading: "救濟方法",
    paragraphs: [
      {
        text: "台端如不服本處分，得自本處分書送達之次日起30日內，依訴願法第14條第1項及第58條第1項規定，繕具訴願書經由{{agencyName}}向訴願管轄機關{{appealBody}}提起訴願。",
        field: "appeal",
      },
    ],
  },
  ko: {
    heading: "불복 방법 안내",
    paragraphs: [
      {
        text: "이 처분에 불복하는 경우 처분서가 송달된 다음 날부터 30일 이내에 대만 「소원법」 제14조제1항 및 제58조제1항에 따라 {{agencyName}}을 거쳐 {{appealBody}}에 소원(訴願)을 제기할 수 있습니다.",
        field: "appeal",
      },
    ],
  },
  en: {
    heading: "How to appeal",
    paragraphs: [
      {
        text: "If you disagree with this disposition, you may file an administrative appeal (訴願) within 30 days from the day after this notice is served, through {{agencyName}} to {{appealBody}} (Administrative Appeal Act Art. 14(1) and Art. 58(1)).",
        field: "appeal",
      },
    ],
  },
};

export const twFoiDecision: Set3 = {
  "zh-TW": {
    title: "政府資訊申請決定通知",
    subject: "台端申請提供政府資訊一案，決定如說明，請查照。",
    numbering: "cjk",
    paragraphs: [
      "依政府資訊公開法第12條、第13條及第18條規定辦理，並復台端{{receivedDate}}申請（{{requestNumber}}）。",
      { text: "申請內容：{{requestContent}}", when: "requestContent" },
      { text: "決定：{{summary}}", when: "summary" },
      { text: "提供方式：{{deliveryMethod}}", when: "deliveryMethod" },
      { text: "費用：{{feeTotal}}；郵寄費用：{{postage}}", field: "fees" },
    ],
    groundsHeading: "限制公開之理由（政府資訊公開法第18條第1項）",
    citation: "政府資訊公開法第12條、第13條、第18條",
    remedy: twAppeal["zh-TW"],
  },
  ko: {
    title: "정부정보 신청 결정 통지",
    subject: "정부정보 제공 신청에 대한 결정 통지",
    paragraphs: [
      "귀하의 {{receivedDate}} 신청({{requestNumber}})에 대하여 대만 「정부정보공개법」 제12조, 제13조 및 제18조에 따라 아래와 같이 결정합니다.",
      { text: "신청 내용: {{requestContent}}", when: "requestContent" },
      { text: "결정: {{summary}}", when: "summary" },
      { text: "제공 방법: {{deliveryMethod}}", when: "deliveryMethod" },
      { text: "비용: {{feeTotal}}", field: "fees" },
    ],
    groundsHeading: "공개 제한 사유 (「정부정보공개법」 제18조제1항)",
    citation: "대만 「정부정보공개법」 제12조, 제13조, 제18조",
    remedy: twAppeal.ko,
  },
  en: {
    title: "Decision on a government information request",
    subject: "Decision on your request for government information",
    paragraphs: [
      "Your request of {{receivedDate}} ({{requestNumber}}) has been decided as follows under Articles 12, 13 and 18 of the Freedom of Government Information Law.",
      { text: "Request: {{requestContent}}", when: "requestContent" },
      { text: "Decision: {{summary}}", when: "summary" },
      { text: "Form of access: {{deliveryMethod}}", when: "deliveryMethod" },
      { text: "Fee: {{feeTotal}}", field: "fees" },
    ],
    groundsHeading: "Grounds for restriction (Freedom of Government Information Law Art. 18(1))",
    citation: "Freedom of Government Information Law Art. 12, 13 and 18",
    remedy: twAppeal.en,
  },
};

export const twFoiTransfer: Set3 = {
  "zh-TW": {
    title: "政府資訊申請移送通知",
    subject: "台端申請提供政府資訊一案，已移送{{transferTo}}辦理，請查照。",
    numbering: "cjk",
    paragraphs: [
      "復台端{{receivedDate}}申請（{{requestNumber}}）。",
      "所申請之資訊非屬本機關職權範圍，依政府資訊公開法第17條規定移送{{transferTo}}處理。",
      { text: "{{summary}}", when: "summary" },
    ],
    citation: "政府資訊公開法第17條",
  },
  ko: {
    title: "정부정보 신청 이송 통지",
    subject: "정부정보 제공 신청의 이송 통지",
    paragraphs: [
      "귀하의 {{receivedDate}} 신청({{requestNumber}})은 우리 기관의 소관이 아니어서 대만 「정부정보공개법」 제17조에 따라 {{transferTo}}(으)로 이송하였습니다.",
      { text: "{{summary}}", when: "summary" },
    ],
    citation: "대만 「정부정보공개법」 제17조",
  },
  en: {
    title: "Transfer of a government information request",
    subject: "Transfer of your request for government information",
    paragraphs: [
      "Your request of {{receivedDate}} ({{requestNumber}}) is outside this agency's remit; under Article 17 of the Freedom of Government Information Law it has been transferred to {{transferTo}}.",
      { text: "{{summary}}", when: "summary" },
    ],
    citation: "Freedom of Government Information Law Art. 17",
  },
};
