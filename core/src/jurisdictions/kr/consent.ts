import type { ConsentNotice } from "../consent";

/**
 * PIPA §15(2): before consent the data subject is told (1) the purpose of collection and use, (2) the
 * items collected, (3) the retention and use period, (4) the right to refuse consent and, where refusal
 * has a disadvantage, what it is. The retention period is the records schedule's default for request
 * files (공공기록물 관리에 관한 법률 시행령 기록관리기준표) and is marked for the agency to confirm.
 */
export const krRequestConsent: ConsentNotice = {
  citation: {
    ko: "개인정보 보호법 제15조제2항",
    "zh-TW": "韓國個人資料保護法第15條第2項",
    en: "PIPA Art. 15(2)",
  },
  items: [
    {
      key: "purpose",
      label: { ko: "수집·이용 목적", "zh-TW": "蒐集及利用之目的", en: "Purpose of collection and use" },
      text: {
        ko: "개인정보 열람·정정·삭제·처리정지 요구의 접수와 처리, 본인 또는 대리인 확인, 결과 통지",
        "zh-TW": "受理及處理個人資料閱覽、更正、刪除、停止處理之請求，確認本人或代理人身分，並通知處理結果",
        en: "To receive and handle your request for access, correction, deletion or suspension, to confirm who you are (or your proxy), and to tell you the result",
      },
    },
    {
      key: "items",
      label: { ko: "수집하는 개인정보의 항목", "zh-TW": "蒐集之個人資料項目", en: "Items collected" },
      text: {
        ko: "필수: 성명, 전자우편, 요구 내용 / 선택: 생년월일, 전화번호, 주소 / 대리인인 경우: 정보주체의 성명·생년월일·연락처와 위임장 등 첨부서류",
        "zh-TW":
          "必填：姓名、電子郵件、請求內容／選填：出生日期、電話、地址／代理人申請時：當事人之姓名、出生日期、聯絡方式及委任書等附件",
        en: "Required: name, e-mail, what you ask / Optional: date of birth, phone, address / For a proxy: the data subject's name, date of birth, contact details and the power of attorney and other attachments",
      },
    },
    {
      key: "retention",
      label: { ko: "보유 및 이용 기간", "zh-TW": "保有及利用期間", en: "Retention and use period" },
      text: {
        ko: "요구 처리가 끝난 날부터 3년(기록관리기준표에 따름). 기간이 지나면 지체 없이 파기합니다.",
        "zh-TW": "自請求處理完畢之日起3年（依紀錄管理基準表），期滿後即予銷毀。",
        en: "3 years from the day the request is closed (records schedule), then destroyed without delay.",
      },
      verify: true,
    },
    {
      key: "refusal",
      label: {
        ko: "동의를 거부할 권리 및 거부에 따른 불이익",
        "zh-TW": "拒絕同意之權利及拒絕之不利影響",
        en: "Your right to refuse and what happens if you do",
      },
      text: {
        ko: "동의를 거부할 권리가 있습니다. 거부하면 온라인으로 요구를 접수할 수 없으며, 기관을 방문하거나 우편으로 요구할 수 있습니다.",
        "zh-TW": "您有權拒絕同意。拒絕時將無法於線上受理請求，您仍可親自或以郵寄方式向機關提出。",
        en: "You may refuse. If you do, the request cannot be filed online; you can still make it in person or by post.",
      },
    },
  ],
  agree: {
    ko: "위 내용을 확인했으며 개인정보 수집·이용에 동의합니다.",
    "zh-TW": "我已閱讀上述事項，並同意蒐集及利用我的個人資料。",
    en: "I have read the above and agree to the collection and use of my personal data.",
  },
};
