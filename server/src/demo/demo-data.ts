/**
 * The fictional agencies of the demo: a Korean city and a Taiwanese district office. Every name,
 * number and address here is invented.
 */
export interface DemoUnit {
  code: string;
  nameLocal: string;
  nameEn: string;
  parent?: string;
  headName?: string;
  phone?: string;
  /** Issue 11: username of the staff member new cases of the unit go to. */
  defaultHandler?: string;
}
export interface DemoStaff {
  username: string;
  displayName: string;
  unit: string;
  position: string;
  roles: Array<{ role: string; unit?: string }>;
}
export interface DemoAgency {
  code: string;
  nameLocal: string;
  nameEn: string;
  jurisdiction: "KR" | "TW";
  timeZone: string;
  defaultLocale: "ko" | "zh-TW";
  homepage: string;
  phone: string;
  email: string;
  address: string;
  fax: string;
  headTitle: string;
  headName?: string;
  appealBody: string;
  docNumberPrefix?: string;
  units: DemoUnit[];
  staff: DemoStaff[];
  committees: Array<{
    kind: "execution_group" | "security_audit_team" | "officers";
    nameLocal: string;
    nameEn: string;
    mandate: string;
    members: Array<{ username: string; position: "convener" | "secretary" | "member" }>;
  }>;
}

export const DEMO_AGENCIES: DemoAgency[] = [
  {
    code: "hanbit-city",
    nameLocal: "한빛시",
    nameEn: "Hanbit City (demo)",
    jurisdiction: "KR",
    timeZone: "Asia/Seoul",
    defaultLocale: "ko",
    homepage: "https://hanbit.example.kr",
    phone: "061-000-1000",
    email: "privacy@hanbit.example.kr",
    address: "한빛시 시청로 1 (가상 주소)",
    fax: "061-000-1001",
    headTitle: "한빛시장",
    // A city in a province: appeals against the mayor go to the province's commission (fictional).
    appealBody: "한빛도행정심판위원회",
    units: [
      {
        code: "planning",
        nameLocal: "기획예산과",
        nameEn: "Planning and Budget Division",
        headName: "기획예산과장",
        phone: "061-000-2000",
      },
      {
        code: "admin-support",
        nameLocal: "행정지원과",
        nameEn: "Administrative Support Division",
        headName: "행정지원과장",
        phone: "061-000-2100",
      },
      {
        code: "info-comm",
        nameLocal: "정보통신팀",
        nameEn: "IT and Communications Team",
        parent: "admin-support",
        phone: "061-000-2150",
      },
      {
        code: "civil-service",
        defaultHandler: "handler.park",
        nameLocal: "민원봉사과",
        nameEn: "Civil Service Division",
        headName: "민원봉사과장",
        phone: "061-000-2200",
      },
      {
        code: "welfare",
        nameLocal: "복지정책과",
        nameEn: "Welfare Policy Division",
        headName: "복지정책과장",
        phone: "061-000-2300",
      },
      {
        code: "records",
        nameLocal: "기록관",
        nameEn: "Records Centre",
        parent: "admin-support",
        phone: "061-000-2160",
      },
    ],
    staff: [
      {
        username: "admin",
        displayName: "시스템관리자",
        unit: "info-comm",
        position: "주무관",
        roles: [{ role: "system_admin" }],
      },
      {
        username: "po.kim",
        displayName: "김보호",
        unit: "planning",
        position: "기획청년국장",
        roles: [{ role: "privacy_officer" }],
      },
      {
        username: "pm.lee",
        displayName: "이관리",
        unit: "welfare",
        position: "복지정책과장",
        // Also decides the rights requests received at the civil-service desk (issue 11 work queue).
        roles: [
          { role: "privacy_manager", unit: "welfare" },
          { role: "privacy_manager", unit: "civil-service" },
        ],
      },
      {
        username: "handler.park",
        displayName: "박담당",
        unit: "civil-service",
        position: "주무관",
        roles: [{ role: "handler", unit: "civil-service" }, { role: "petition_clerk" }],
      },
      {
        username: "auditor.choi",
        displayName: "최감사",
        unit: "planning",
        position: "감사담당",
        roles: [{ role: "auditor" }],
      },
      {
        username: "records.jung",
        displayName: "정기록",
        unit: "records",
        position: "기록연구사",
        roles: [{ role: "records_manager" }],
      },
    ],
    committees: [
      {
        kind: "officers",
        nameLocal: "개인정보 보호책임자 및 분야별 책임관",
        nameEn: "Privacy officer and per-department officers",
        mandate: "개인정보 처리에 관한 업무 총괄, 불만처리 및 피해구제 (개인정보 보호법 제31조)",
        members: [
          { username: "po.kim", position: "convener" },
          { username: "pm.lee", position: "member" },
        ],
      },
    ],
  },
  {
    code: "qingshan-district",
    nameLocal: "青山區公所",
    nameEn: "Qingshan District Office (demo)",
    jurisdiction: "TW",
    timeZone: "Asia/Taipei",
    defaultLocale: "zh-TW",
    homepage: "https://qingshan.example.tw",
    phone: "(07)000-1000",
    email: "privacy@qingshan.example.tw",
    address: "青山區公所路1號（虛構地址）",
    fax: "(07)000-1001",
    headTitle: "區長",
    headName: "林青山",
    // A district office of a special municipality: 訴願 goes to the city government (訴願法 §4; fictional).
    appealBody: "青山市政府",
    docNumberPrefix: "青區秘",
    units: [
      { code: "secretariat", nameLocal: "秘書室", nameEn: "Secretariat", headName: "秘書室主任" },
      {
        code: "civil-affairs",
        nameLocal: "民政課",
        nameEn: "Civil Affairs Section",
        headName: "民政課課長",
        defaultHandler: "handler.wang",
      },
      { code: "social", nameLocal: "社會課", nameEn: "Social Affairs Section", headName: "社會課課長" },
      { code: "economic", nameLocal: "經建課", nameEn: "Economic Development Section" },
      { code: "personnel", nameLocal: "人事室", nameEn: "Personnel Office" },
      { code: "accounting", nameLocal: "會計室", nameEn: "Accounting Office" },
      { code: "ethics", nameLocal: "政風室", nameEn: "Civil Service Ethics Office" },
    ],
    staff: [
      {
        username: "admin",
        displayName: "系統管理者",
        unit: "secretariat",
        position: "資訊人員",
        roles: [{ role: "system_admin" }],
      },
      {
        username: "po.chen",
        displayName: "陳個資",
        unit: "secretariat",
        position: "主任秘書",
        roles: [{ role: "privacy_officer" }],
      },
      {
        username: "pm.lin",
        displayName: "林管理",
        unit: "social",
        position: "課長",
        roles: [
          { role: "privacy_manager", unit: "social" },
          { role: "privacy_manager", unit: "civil-affairs" },
        ],
      },
      {
        username: "handler.wang",
        displayName: "王承辦",
        unit: "civil-affairs",
        position: "課員",
        roles: [{ role: "handler", unit: "civil-affairs" }, { role: "petition_clerk" }],
      },
      {
        username: "auditor.huang",
        displayName: "黃稽核",
        unit: "ethics",
        position: "政風人員",
        roles: [{ role: "auditor" }],
      },
    ],
    committees: [
      {
        kind: "execution_group",
        nameLocal: "個人資料保護執行小組",
        nameEn: "Personal data protection execution group",
        mandate: "個資保護政策、風險評估、教育訓練計畫、合法性審查 (要點四、五)",
        members: [
          { username: "po.chen", position: "convener" },
          { username: "admin", position: "secretary" },
          { username: "pm.lin", position: "member" },
          { username: "handler.wang", position: "member" },
          { username: "auditor.huang", position: "member" },
        ],
      },
      {
        kind: "security_audit_team",
        nameLocal: "資安稽核小組",
        nameEn: "Security audit team",
        mandate: "定期稽核個人資料檔案系統 (第18點)",
        members: [{ username: "auditor.huang", position: "convener" }],
      },
    ],
  },
];
