// TW incident rules: the 4-hour internal report [004 四十五] (F3) and the 13 response measures started
// within 4 hours [004 四十三] (F4); routing by processing type [002 第19點] (F2). The seeds give the hours.
import type { ClockRule, IncidentRouting, ReportField } from "../../incidents/types";

export const twIncidentClocks: ClockRule[] = [
  {
    code: "tw_internal_report",
    jurisdiction: "TW",
    hours: 4,
    names: {
      ko: "연락창구 내부 보고 (4시간)",
      "zh-TW": "向聯絡窗口通報（4小時）",
      en: "Report to the contact window (4 hours)",
    },
    citation: "臺北市政府政風處個人資料保護管理要點 四十五",
    source: "[004 四十五]",
    applies: () => ({ applies: true, reasons: [{ code: "always" }] }),
  },
  {
    code: "tw_response_start",
    jurisdiction: "TW",
    hours: 4,
    names: {
      ko: "13개 대응조치 착수 (4시간)",
      "zh-TW": "啟動13項應變措施（4小時）",
      en: "Start the 13 response measures (4 hours)",
    },
    citation: "臺北市政府政風處個人資料保護管理要點 四十三",
    source: "[004 四十三]",
    // "started within 4 hours": starting any of the 13 measures is what the clause asks for.
    metWhen: "checklist_started",
    applies: () => ({ applies: true, reasons: [{ code: "always" }] }),
  },
];

/** F3: the internal report holds at least these; the regulator/notice fields of 施行細則 §22 follow. */
export const twRegulatorReportFields: ReportField[] = [
  {
    code: "reporter",
    names: { ko: "보고자", "zh-TW": "通報人身分", en: "Reporter" },
    source: "[004 四十五]",
  },
  {
    code: "method",
    names: { ko: "유출·침해 방식", "zh-TW": "資料外洩或侵害方式", en: "How the data was leaked or harmed" },
    source: "[004 四十五]",
  },
  { code: "time", names: { ko: "시간", "zh-TW": "時間", en: "Time" }, source: "[004 四十五]" },
  { code: "place", names: { ko: "장소", "zh-TW": "地點", en: "Place" }, source: "[004 四十五]" },
  {
    code: "categories_volume",
    names: {
      ko: "추정 유출 개인정보 유형 및 수량",
      "zh-TW": "初估外洩或侵害個人資料類別及數量",
      en: "Estimated categories and volume of data",
    },
    source: "[004 四十五]",
  },
  {
    code: "containment",
    names: { ko: "피해 확산 방지 조치", "zh-TW": "避免損害擴大處置", en: "Containment steps" },
    source: "[004 四十五]",
  },
  {
    code: "facts_measures",
    names: { ko: "침해 사실 및 대응조치", "zh-TW": "侵害事實及因應措施說明", en: "Facts and measures taken" },
    source: "[004 四十四]; 個人資料保護法施行細則 第22條",
  },
];

/** F2 [002 第19點]: non-automated → emergency measures and a fast report to the group; automated → 秘書室. */
export const twIncidentRouting: Record<"automated" | "manual", IncidentRouting> = {
  manual: {
    code: "tw_group_report",
    names: {
      ko: "긴급 대응조치 후 개인정보보호 집행소조에 신속 보고",
      "zh-TW": "進行緊急因應措施，並迅速通報至個人資料保護執行小組",
      en: "Take emergency measures and report at once to the protection group",
    },
    source: "[002 第19點]",
  },
  automated: {
    code: "tw_secretariat_cert",
    names: {
      ko: "비서실에 보고, 정보보안 연락담당자가 행정원 국가정보보안회보 긴급대응센터에 온라인 신고",
      "zh-TW":
        "依國家資通安全通報應變作業綱要通報秘書室，由資安聯絡人員上網通報行政院國家資通安全會報緊急應變中心",
      en: "Report to the secretariat; the cyber-security contact files online with the national CERT",
    },
    source: "[002 第19點]",
  },
};
