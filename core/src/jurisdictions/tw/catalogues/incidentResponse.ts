// The 13 response measures of [004 四十三] (F4): the unit starts them "儘速/於4小時內" after learning of a
// personal-data incident. Order and wording follow the seed; the codes are stable keys of the checklist rows.
import type { CatalogueEntry } from "../../../registry/catalogue";

const item = (order: number, code: string, zh: string, ko: string, en: string): CatalogueEntry => ({
  code,
  order,
  names: { "zh-TW": zh, ko, en },
  source: `[004 四十三(${["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三"][order - 1]})]`,
});

export const twIncidentResponseItems: CatalogueEntry[] = [
  item(1, "cut_path", "中斷入侵或洩漏途徑", "침입·유출 경로 차단", "Cut the intrusion or leak path"),
  item(2, "save_data", "緊急儲存尚未被破壞資料", "손상되지 않은 자료 긴급 저장", "Save data not yet damaged"),
  item(3, "fallback", "啟動備援程序或替代方案", "백업 절차 또는 대체 방안 가동", "Start backup or fallback"),
  item(4, "root_cause", "事件原因初步分析", "사고 원인 1차 분석", "First root-cause analysis"),
  item(
    5,
    "assess_scope",
    "評估受侵害個人資料類別及數量",
    "침해된 개인정보 유형 및 규모 평가",
    "Assess the categories and volume of data affected",
  ),
  item(
    6,
    "check_monitoring",
    "檢視防護及監測設施功能",
    "보호·감시 설비 기능 점검",
    "Check protection and monitoring",
  ),
  item(7, "log_events", "記錄事件經過", "사고 경과 기록", "Log the course of events"),
  item(
    8,
    "keep_evidence",
    "行政內部調查完成前保存相關證據",
    "내부 조사 완료 전까지 증거 보존",
    "Keep evidence until the internal investigation ends",
  ),
  item(9, "fix", "解決或修復方案", "해결 또는 복구 방안", "Fix or repair"),
  item(
    10,
    "notify_units",
    "通知保有相同資料組室或其他單位",
    "같은 자료를 보유한 부서·기관에 통지",
    "Notify units holding the same data",
  ),
  item(11, "experts", "洽商專業人員協助或進駐處理", "전문가 지원 요청", "Call in experts"),
  item(
    12,
    "refer_police",
    "涉及刑事責任者,移請檢警鑑識或調查",
    "형사책임 관련 시 수사기관에 의뢰",
    "Refer criminal matters to police or prosecutors",
  ),
  item(13, "press_notice", "發布新聞稿、網站公告", "보도자료·홈페이지 공지", "Press release or web notice"),
];
