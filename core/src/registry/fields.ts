// Fields of a personal-data file: the union of the KR registration fields (B2) and the TW 20-field inventory
// sheet (B3). One table drives the forms' help text, the xlsx template columns and the import parser.
import type { RegistryListId } from "./lists";

export type FieldType =
  | "id"
  | "version"
  | "text"
  | "longtext"
  | "date"
  | "int"
  | "bool"
  | "enum"
  | "enumList"
  | "codes"
  | "code"
  | "list"
  | "unit"
  | "systems"
  | "items";

export interface L3 {
  ko: string;
  "zh-TW": string;
  en: string;
}

export interface FieldDef {
  /** Key in the API body (unit fields are the unit code in xlsx, the unit id in the API). */
  key: string;
  type: FieldType;
  label: L3;
  help: L3;
  required?: boolean;
  list?: RegistryListId;
  values?: readonly string[];
  max?: number;
  /** Requirement / seed references the field serves. */
  refs: string;
}

export const PROCESSING_METHODS = ["electronic", "paper", "both"] as const;
export const FILE_TYPES = ["paper", "electronic", "portable_media", "system_db"] as const;
export const FILE_STATUSES = ["active", "retired"] as const;

const f = (
  key: string,
  type: FieldType,
  ko: string,
  zh: string,
  en: string,
  help: [string, string, string],
  refs: string,
  extra: Partial<FieldDef> = {},
): FieldDef => ({
  key,
  type,
  label: { ko, "zh-TW": zh, en },
  help: { ko: help[0], "zh-TW": help[1], en: help[2] },
  refs,
  ...extra,
});

export const FILE_FIELDS: readonly FieldDef[] = [
  f(
    "id",
    "id",
    "ID",
    "ID",
    "ID",
    ["비워 두면 새 파일로 등록합니다.", "空白表示新增檔案。", "Leave empty to add a new file."],
    "item 9",
  ),
  f(
    "version",
    "version",
    "버전",
    "版本",
    "Version",
    [
      "내보낸 때의 버전: 그 뒤 바뀐 파일은 가져오기에서 거부됩니다.",
      "匯出時之版本：其後已被修改之檔案，匯入時將被拒絕。",
      "Version when exported: files changed since then are refused on import.",
    ],
    "item 8",
  ),
  f(
    "name",
    "text",
    "개인정보파일 명칭",
    "個人資料檔案名稱",
    "File name",
    ["등록·공개되는 파일 이름", "盤點表之檔案名稱", "Name under which the file is registered and published"],
    "B2 B3",
    { required: true, max: 200 },
  ),
  f(
    "businessProcess",
    "longtext",
    "주요 업무·처리 절차",
    "主要業務/職掌/流程",
    "Main business, duties, process",
    [
      "파일이 쓰이는 업무와 절차",
      "檔案所屬之業務、職掌或作業流程",
      "The business, duty or workflow the file serves",
    ],
    "B3 B4",
    { max: 2000 },
  ),
  f(
    "unitId",
    "unit",
    "관리 부서",
    "業務（權責）單位",
    "Managing unit",
    ["파일을 관리하는 부서 코드", "資料管理單位代碼", "Code of the unit that owns the file"],
    "A2 B3",
    { required: true },
  ),
  f(
    "custodianUnitId",
    "unit",
    "보유 부서",
    "保管單位",
    "Custodian unit",
    ["자료를 보관하는 부서 코드", "資料保有單位代碼", "Code of the unit that holds the data"],
    "A2 B3",
  ),
  f(
    "accessRequestUnitId",
    "unit",
    "열람청구 접수·처리 부서",
    "查詢或請求受理單位",
    "Access-request unit",
    ["열람청구를 받는 부서 코드", "受理當事人請求之單位代碼", "Unit that receives access requests"],
    "B2 A6",
  ),
  f(
    "managingStaffName",
    "text",
    "담당자",
    "承辦人",
    "Managing staff",
    ["담당자 성명 또는 직위", "承辦人姓名或職稱", "Name or position of the responsible staff"],
    "B3",
    { max: 100 },
  ),
  f(
    "managingStaffContact",
    "text",
    "담당자 연락처",
    "承辦人聯絡方式",
    "Staff contact",
    ["업무용 전화번호", "公務電話", "Office phone"],
    "B3",
    { max: 100 },
  ),
  f(
    "legalBasisCodes",
    "codes",
    "처리 근거(코드)",
    "保有依據（代碼）",
    "Legal basis (codes)",
    [
      "규칙팩의 근거 코드, 여러 개는 ; 로 구분",
      "規則包之依據代碼，以 ; 分隔",
      "Rule-pack basis codes separated by ;",
    ],
    "B2 B6",
    { list: "legalBases" },
  ),
  f(
    "legalBasisText",
    "longtext",
    "운영 근거(법령)",
    "法令或契約依據",
    "Legal basis (text)",
    ["법령 조항 등", "法令條文或契約", "Statute article or contract"],
    "B2 B3 B6",
    { max: 2000 },
  ),
  f(
    "purposeCodes",
    "codes",
    "특정목적(코드)",
    "特定目的（代碼）",
    "Specific purposes (codes)",
    ["특정목적 코드", "特定目的代碼，以 ; 分隔", "Specific purpose codes separated by ;"],
    "B3 B5",
    { list: "purposes" },
  ),
  f(
    "purposeText",
    "longtext",
    "운영 목적",
    "蒐集目的說明",
    "Purpose",
    ["파일의 운영 목적", "目的說明", "Purpose of the file"],
    "B2 B5",
    { max: 2000 },
  ),
  f(
    "categoryCodes",
    "codes",
    "개인정보 유형(코드)",
    "個人資料類別（代碼）",
    "Data categories (codes)",
    ["개인정보 유형 코드", "個人資料類別代碼，以 ; 分隔", "Data category codes separated by ;"],
    "B3",
    { list: "dataCategories" },
  ),
  f(
    "subjectCategories",
    "list",
    "정보주체 구분",
    "當事人類別",
    "Data subjects",
    ["예: 민원인; 주민", "例如：申請人；民眾", "e.g. petitioners; residents"],
    "B2 B3",
  ),
  f(
    "items",
    "items",
    "처리 항목",
    "個人資料項目",
    "Items processed",
    [
      "항목(종류) [S]=민감 [U]=고유식별 {분류코드}, ; 로 구분",
      "項目(種類) [S]=特種 [U]=唯一識別 {分類代碼}，以 ; 分隔",
      "item (kind) [S]=sensitive [U]=unique identifier {class code}, separated by ;",
    ],
    "B2 B3 B8",
  ),
  f(
    "sources",
    "list",
    "수집 출처",
    "資料來源",
    "Sources",
    ["정보주체, 타 기관 등", "當事人、其他機關等", "Data subject, other agency..."],
    "B3",
  ),
  f(
    "collectionMethods",
    "list",
    "수집 방법",
    "蒐集方式",
    "Collection methods",
    ["서면, 홈페이지 등", "書面、網站等", "Paper form, website..."],
    "B3",
  ),
  f(
    "processingMethod",
    "enum",
    "처리 방법",
    "處理方式",
    "Processing method",
    ["electronic / paper / both", "electronic / paper / both", "electronic / paper / both"],
    "B2 B3",
    { required: true, values: PROCESSING_METHODS },
  ),
  f(
    "fileTypes",
    "enumList",
    "파일 형태",
    "檔案型態",
    "File types",
    [
      "paper; electronic; portable_media; system_db",
      "paper; electronic; portable_media; system_db",
      "paper; electronic; portable_media; system_db",
    ],
    "B3",
    { values: FILE_TYPES },
  ),
  f(
    "custodyMethod",
    "text",
    "보관 방법",
    "保管方式",
    "Custody method",
    ["잠금 캐비닛, 서버 등", "上鎖櫃、伺服器等", "Locked cabinet, server..."],
    "B3",
    { max: 500 },
  ),
  f(
    "systemIds",
    "systems",
    "보관 시스템",
    "存放系統",
    "Systems",
    ["정보시스템 이름, ; 로 구분", "資訊系統名稱，以 ; 分隔", "Information system names separated by ;"],
    "item 3",
  ),
  f(
    "retentionPeriod",
    "text",
    "보유기간",
    "保存期限",
    "Retention period",
    ["예: 5년, 영구", "例如：5年", "e.g. 5 years"],
    "B2 B3 D1",
    { max: 100 },
  ),
  f(
    "retentionYears",
    "int",
    "보유연수",
    "保存年數",
    "Retention years",
    ["영구는 비워 둠", "永久保存請留空", "Empty for permanent"],
    "D1",
  ),
  f(
    "retentionBasis",
    "text",
    "보유기간 근거",
    "保存期限依據",
    "Retention basis",
    ["법령 또는 기록관리 기준표", "法令或檔案保存年限區分表", "Statute or records schedule"],
    "B3 D1",
    { max: 500 },
  ),
  f(
    "recordsClassCode",
    "code",
    "기록물 보존기간 분류",
    "檔案保存年限類別",
    "Records schedule class",
    ["기록관리 보존기간 코드", "保存年限類別代碼", "Records schedule class code"],
    "J2 D1",
    { list: "retentionClasses" },
  ),
  f(
    "destructionMethodCode",
    "code",
    "파기 방법(코드)",
    "銷毀方式（代碼）",
    "Destruction method (code)",
    ["파기방법 코드", "銷毀方式代碼", "Destruction method code"],
    "B3 D5",
    { list: "destructionMethods" },
  ),
  f(
    "destructionMethod",
    "text",
    "파기 방법",
    "銷毀方式",
    "Destruction method",
    ["파쇄, 영구삭제 등", "碎紙、永久刪除等", "Shredding, secure deletion..."],
    "B3 D5",
    { max: 500 },
  ),
  f(
    "subjectCount",
    "int",
    "정보주체 수",
    "資料數量",
    "Number of subjects",
    ["대략의 건수", "約略筆數", "Approximate number of records"],
    "B3",
  ),
  f(
    "routineRecipients",
    "list",
    "제3자 제공받는 자",
    "對外提供對象",
    "Routine recipients",
    ["정기 제공 기관, ; 로 구분", "例行提供之對象，以 ; 分隔", "Routine recipients separated by ;"],
    "B2 B7",
  ),
  f(
    "internalUsers",
    "list",
    "내부 처리 부서",
    "內部處理單位",
    "Internal processing units",
    ["내부에서 처리하는 부서", "內部處理、利用之單位", "Internal units that process it"],
    "B3",
  ),
  f(
    "externalProcessors",
    "text",
    "외부 처리자",
    "外部處理者",
    "External processors",
    ["외부 기관·업체", "外部處理機關或廠商", "Outside bodies that process it"],
    "B3",
    { max: 1000 },
  ),
  f("entrusted", "bool", "위탁 여부", "是否委外", "Entrusted", ["예/아니오", "是/否", "yes/no"], "B2 B3 B7"),
  f(
    "entrusteeAccess",
    "text",
    "수탁자 접근 범위",
    "受託者接觸情形",
    "Entrustee access",
    ["수탁자가 접근하는 범위", "受託廠商可接觸之範圍", "What the entrustee can reach"],
    "B3",
    { max: 1000 },
  ),
  f(
    "securityMeasures",
    "list",
    "안전성 확보조치",
    "安全維護措施",
    "Security measures",
    ["암호화; 접근통제 등", "加密；存取控制等", "encryption; access control..."],
    "E1-E6",
  ),
  f(
    "noticeRequired",
    "bool",
    "고지 의무 적용",
    "是否應履行告知義務",
    "Notice duty applies",
    ["예/아니오", "是/否", "yes/no"],
    "B3",
  ),
  f(
    "isPublic",
    "bool",
    "공개 여부",
    "是否公開",
    "Public",
    [
      "예/아니오 (아니오면 비공개 사유 필수)",
      "是/否（否者須填不公開理由）",
      "yes/no (no requires an exemption reason)",
    ],
    "B3 B9",
  ),
  f(
    "exemptionReason",
    "longtext",
    "비공개 사유",
    "不公開之法令依據",
    "Exemption reason",
    ["공개 제외의 법적 근거", "限制或不公開之法令依據", "Legal reason for not publishing"],
    "B9",
    { max: 1000 },
  ),
  f(
    "registeredOn",
    "date",
    "등록일",
    "建立日期",
    "Registered on",
    ["YYYY-MM-DD", "YYYY-MM-DD", "YYYY-MM-DD"],
    "B1 B9",
  ),
  f(
    "publishedOn",
    "date",
    "공개일",
    "公開日期",
    "Published on",
    ["YYYY-MM-DD", "YYYY-MM-DD", "YYYY-MM-DD"],
    "B1 B9",
  ),
  f(
    "lastReviewedOn",
    "date",
    "최근 점검일",
    "最近盤點日期",
    "Last reviewed on",
    ["YYYY-MM-DD", "YYYY-MM-DD", "YYYY-MM-DD"],
    "B4",
  ),
  f(
    "nextReviewOn",
    "date",
    "다음 점검 예정일",
    "下次盤點日期",
    "Next review on",
    ["YYYY-MM-DD", "YYYY-MM-DD", "YYYY-MM-DD"],
    "B4 E10",
  ),
  f(
    "status",
    "enum",
    "상태",
    "狀態",
    "Status",
    ["active / retired", "active / retired", "active / retired"],
    "B1",
    { values: FILE_STATUSES },
  ),
  f("notes", "longtext", "비고", "備註", "Notes", ["", "", ""], "", { max: 2000 }),
];

export const FILE_FIELD_BY_KEY: ReadonlyMap<string, FieldDef> = new Map(FILE_FIELDS.map((d) => [d.key, d]));

export function fieldLabel(key: string, locale: keyof L3): string {
  return FILE_FIELD_BY_KEY.get(key)?.label[locale] ?? key;
}
