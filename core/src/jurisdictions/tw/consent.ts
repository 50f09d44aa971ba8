import type { ConsentNotice } from "../consent";

/**
 * PDPA Art. 8(1): when collecting personal data from the data subject the agency tells (1) its name,
 * (2) the purpose of collection, (3) the categories of data, (4) the period, area, recipients and method
 * of use, (5) the rights under Art. 3 and how to exercise them, (6) the effect on the subject's rights
 * and interests of not providing the data (qingshan 002 第7點; 004 十一). The specific purpose and the
 * retention period follow the agency's 檔案保存年限 and are marked for the agency to confirm.
 */
export const twRequestConsent: ConsentNotice = {
  citation: {
    ko: "대만 개인정보보호법 제8조제1항",
    "zh-TW": "個人資料保護法第8條第1項",
    en: "PDPA Art. 8(1)",
  },
  items: [
    {
      key: "agency",
      label: { ko: "기관 명칭", "zh-TW": "機關名稱", en: "Agency" },
      text: { ko: "{agency}", "zh-TW": "{agency}", en: "{agency}" },
    },
    {
      key: "purpose",
      label: { ko: "수집 목적", "zh-TW": "蒐集之目的", en: "Purpose of collection" },
      text: {
        ko: "당사자 권리 행사 청구(조회·열람·사본·정정·처리정지·삭제)의 접수와 처리, 본인 확인, 결과 통지",
        "zh-TW":
          "受理及處理當事人行使權利之申請（查詢、閱覽、製給複製本、更正、停止處理、刪除），確認身分及通知結果",
        en: "To receive and handle your request to exercise your rights (query, inspection, copy, correction, stopping processing, deletion), confirm who you are and tell you the result",
      },
    },
    {
      key: "categories",
      label: { ko: "개인정보의 유형", "zh-TW": "個人資料之類別", en: "Categories of personal data" },
      text: {
        ko: "식별류(C001 성명·연락처, C003 정부 발급 식별정보가 기재된 증명서 사본), 요구 내용",
        "zh-TW": "識別類（C001 姓名、聯絡方式；C003 政府資料中之辨識者，如身分證明文件影本）及請求內容",
        en: "Identification (C001 name and contact details; C003 government identifiers, such as a copy of an identity document) and what you ask",
      },
    },
    {
      key: "use",
      label: {
        ko: "이용 기간·지역·대상·방식",
        "zh-TW": "個人資料利用之期間、地區、對象及方式",
        en: "Period, area, recipients and method of use",
      },
      text: {
        ko: "기간: 청구 처리 완료 후 3년 / 지역: 대만 / 대상: {agency} 및 법령에 따라 이송받는 기관 / 방식: 전자 및 서면 처리",
        "zh-TW":
          "期間：申請案辦結後3年／地區：臺灣／對象：{agency}及依法移送之機關／方式：以電子及書面方式處理",
        en: "Period: 3 years after the request is closed / Area: Taiwan / Recipients: {agency} and any agency the request is lawfully transferred to / Method: electronic and paper processing",
      },
      verify: true,
    },
    {
      key: "rights",
      label: {
        ko: "제3조에 따른 권리와 행사 방법",
        "zh-TW": "依個人資料保護法第3條規定得行使之權利及方式",
        en: "Your rights under Art. 3 and how to exercise them",
      },
      text: {
        ko: "조회·열람, 사본 발급, 보충·정정, 수집·처리·이용의 정지, 삭제를 이 포털이나 기관 창구·우편으로 청구할 수 있습니다.",
        "zh-TW":
          "得向本機關請求查詢或閱覽、製給複製本、補充或更正、停止蒐集處理或利用、刪除；可經本入口網站、臨櫃或郵寄提出。",
        en: "You can ask for query or inspection, a copy, supplement or correction, stopping collection, processing or use, and deletion, through this portal, at the counter or by post.",
      },
    },
    {
      key: "effect",
      label: {
        ko: "제공하지 않을 경우 권익에 미치는 영향",
        "zh-TW": "不提供將對其權益之影響",
        en: "Effect of not providing the data",
      },
      text: {
        ko: "필수 항목을 제공하지 않으면 본인 확인과 청구 처리를 할 수 없어 청구를 접수할 수 없습니다.",
        "zh-TW": "如未提供必填資料，將無法確認身分及處理申請，本機關將無法受理。",
        en: "Without the required items we cannot confirm who you are or handle the request, so it cannot be filed.",
      },
    },
  ],
  agree: {
    ko: "위 고지 내용을 확인했으며 개인정보 수집·처리·이용에 동의합니다.",
    "zh-TW": "我已閱讀上述告知事項，並同意蒐集、處理及利用我的個人資料。",
    en: "I have read the above notice and agree to the collection, processing and use of my personal data.",
  },
};
