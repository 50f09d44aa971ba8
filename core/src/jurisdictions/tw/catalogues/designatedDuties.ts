// Duties of designated personal-data staff (指定專人) [A7]. 002 第4點 lists six, split between the staff each
// 課室 head names (item 1) and the 秘書室 (items 2–6); 004 八 gives each unit's staff ten duties.
// `attributes.responsible` names who carries the duty in the seed.
import type { CatalogueEntry } from "../../../registry/catalogue";

export const twDesignatedDuties002: CatalogueEntry[] = [
  ["file_security", "個資法第十八條所定個人資料檔案安全維護", "File security under PDPA Art. 18", "unit"],
  ["coordination", "個人資料保護事項之協調聯繫", "Coordination of data-protection matters", "secretariat"],
  [
    "incident_reporting",
    "個人資料損害之預防及危機處理應變之通報",
    "Damage prevention and crisis-response reporting",
    "secretariat",
  ],
  [
    "awareness_training",
    "單位內職員工個人資料保護意識之提升及訓練",
    "Staff awareness and training",
    "secretariat",
  ],
  [
    "roster",
    "本所個人資料專人名冊之製作及更新",
    "Roster of designated staff: create and update",
    "secretariat",
  ],
  [
    "planning",
    "個人資料保護管理之規劃及執行",
    "Planning and carrying out data-protection management",
    "secretariat",
  ],
].map(([code, zh, en, responsible], i) => ({
  code,
  names: { "zh-TW": zh, en },
  article: `[002 第4點(${i + 1})]`,
  order: i + 1,
  attributes: { responsible },
}));

export const twDesignatedDuties004: CatalogueEntry[] = [
  [
    "rights_requests",
    "辦理當事人依本法第十條及第十一條第一項至第四項所定請求事項之考核",
    "Handling data-subject requests under Art. 10 and 11(1)-(4)",
  ],
  ["notices", "辦理本法第十一條第五項及第十二條所定通知事項之考核", "Notices under Art. 11(5) and Art. 12"],
  ["public_listing", "本法第十七條所定公開或供公眾查閱", "Public listing under Art. 17"],
  ["file_security", "本法第十八條所定個人資料檔案安全維護", "File security under Art. 18"],
  ["training_plan", "依第五點第四款所為擬議之執行", "Carrying out the training plan (point 5(4))"],
  ["legal_advice", "個人資料保護法令之諮詢", "Advice on data-protection law"],
  ["coordination", "個人資料保護事項之協調聯繫", "Coordination of data-protection matters"],
  [
    "incident_reporting",
    "單位內個人資料損害預防及危機處理應變之通報",
    "Damage prevention and crisis-response reporting in the unit",
  ],
  [
    "self_inspection",
    "個人資料保護之自行查核及本處個人資料保護政策之執行",
    "Self-inspection and carrying out the data-protection policy",
  ],
  ["planning", "其他單位內個人資料保護管理之規劃及執行", "Other planning and management in the unit"],
].map(([code, zh, en], i) => ({
  code,
  names: { "zh-TW": zh, en },
  article: `[004 八(${["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"][i]})]`,
  order: i + 1,
  attributes: { responsible: "unit" },
}));
