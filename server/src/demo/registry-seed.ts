import { scoreRisk } from "@civicpims/core/jurisdictions/tw/catalogues/riskFactors";
import type { FileFieldsInput } from "@civicpims/core/registry/validate";
import { fileFieldsSchema } from "@civicpims/core/registry/validate";
import { and, count, eq } from "drizzle-orm";
import type { Tx } from "../db/client";
import {
  registryCorrectiveActions,
  registryDevices,
  registryEntrustmentFiles,
  registryEntrustments,
  registryFiles,
  registryOutOfPurposeLog,
  registryProvisions,
  registryRiskAssessments,
  registrySupervisions,
  registrySystems,
  registryVendorStaff,
  units,
} from "../db/schema";
import type { AppDeps } from "../http/deps";
import { appendLedger, type LedgerInput } from "../modules/audit/ledger.service";
import { addDays, agencyInfo, agencyLists, todayIn } from "../modules/registry/context";
import { createFile } from "../modules/registry/files.service";
import type { RegCtx } from "../modules/registry/registry-context";

// Demo register for the two demo agencies (issue 5): fictional files, systems, provisions, entrustments
// (one contract ending soon, one with an overdue corrective action), CCTV devices and risk assessments.
// Every file goes through the same validation as the API, so the demo data is always valid.

type FileSpec = Omit<FileFieldsInput, "unitId" | "custodianUnitId" | "accessRequestUnitId" | "systemIds"> & {
  unit: string;
  systems?: string[];
};

interface AgencySpec {
  systems: Array<{ name: string; operator: string; location: string; entrusted?: boolean }>;
  files: FileSpec[];
  provisions: Array<{
    file: string;
    recipient: string;
    ground: string;
    purpose: string;
    items: string[];
    kind: "routine" | "one_off";
    outOfPurpose?: boolean;
    frequency?: string;
    method?: string;
    approved?: boolean;
  }>;
  entrustments: Array<{
    vendor: string;
    tasks: string;
    files: string[];
    startDays: number;
    endDays: number;
    met: string[];
    overdueAction?: string;
    staff?: string[];
  }>;
  devices: Array<{
    name: string;
    location: string;
    purpose: string;
    count: number;
    recordingHours: string;
    retentionDays: number;
    managers: Array<{ name: string; unit: string; phone: string }>;
  }>;
}

const KR: AgencySpec = {
  systems: [
    { name: "새올행정시스템", operator: "정보통신팀", location: "본청 전산실" },
    { name: "민원24 연계서버", operator: "정보통신팀", location: "본청 전산실" },
    {
      name: "사회보장정보시스템(행복e음)",
      operator: "한국사회보장정보원",
      location: "외부 센터",
      entrusted: true,
    },
    { name: "홈페이지 회원관리", operator: "(주)가상웹서비스", location: "클라우드", entrusted: true },
  ],
  files: [
    {
      name: "민원사무 처리부",
      unit: "civil-service",
      businessProcess: "민원 접수, 처리, 결과 통보",
      legalBasisCodes: ["art15-1-3"],
      legalBasisText: "민원 처리에 관한 법률 제8조, 제12조",
      purposeText: "민원인 신원 확인, 사실조사 연락·통지, 처리결과 통보",
      subjectCategories: ["민원인"],
      items: [
        { name: "성명" },
        { name: "생년월일" },
        { name: "주소" },
        { name: "전화번호" },
        { name: "전자우편" },
      ],
      sources: ["정보주체"],
      collectionMethods: ["방문", "온라인 신청"],
      processingMethod: "both",
      fileTypes: ["paper", "system_db"],
      systems: ["새올행정시스템", "민원24 연계서버"],
      retentionPeriod: "10년",
      retentionYears: 10,
      retentionBasis: "공공기록물 관리에 관한 법률 시행령 제26조",
      recordsClassCode: "10y",
      destructionMethodCode: "overwrite",
      subjectCount: 48000,
      routineRecipients: [],
      internalUsers: ["민원봉사과"],
      securityMeasures: ["접근통제", "접속기록 보관"],
      isPublic: true,
      registeredOn: "2019-03-04",
      publishedOn: "2019-03-11",
      lastReviewedOn: "2025-11-20",
      nextReviewOn: "2026-11-20",
    },
    {
      name: "홈페이지 회원 관리",
      unit: "info-comm",
      legalBasisCodes: ["art15-1-1"],
      legalBasisText: "정보주체의 동의",
      purposeText: "본인확인, 만 14세 미만 법정대리인 동의 확인, 부정이용 방지, 고지사항 전달",
      subjectCategories: ["홈페이지 회원"],
      items: [
        { name: "성명" },
        { name: "아이디", kind: "other" },
        { name: "휴대전화번호" },
        { name: "전자우편" },
      ],
      sources: ["정보주체"],
      collectionMethods: ["홈페이지"],
      processingMethod: "electronic",
      fileTypes: ["system_db"],
      systems: ["홈페이지 회원관리"],
      retentionPeriod: "회원 탈퇴 시까지",
      retentionBasis: "회원 동의",
      destructionMethodCode: "irreversible_technical",
      subjectCount: 21000,
      entrusted: true,
      entrusteeAccess: "회원 DB 운영",
      securityMeasures: ["비밀번호 일방향 암호화", "전송구간 암호화"],
      isPublic: true,
      registeredOn: "2018-06-01",
      publishedOn: "2018-06-08",
      lastReviewedOn: "2025-06-01",
      nextReviewOn: "2026-06-01",
    },
    {
      name: "기초생활보장 수급자 관리",
      unit: "welfare",
      legalBasisCodes: ["art15-1-2", "art15-1-3"],
      legalBasisText: "국민기초생활 보장법 제21조, 제22조",
      purposeText: "수급자 선정, 급여 지급, 사후관리",
      subjectCategories: ["수급자", "부양의무자"],
      items: [
        { name: "성명" },
        { name: "주민등록번호", uniqueIdentifier: true, classCode: "rrn" },
        { name: "주소" },
        { name: "전화번호" },
        { name: "계좌번호" },
        { name: "건강 상태", sensitive: true, classCode: "health" },
      ],
      sources: ["정보주체", "관계 기관"],
      collectionMethods: ["서면 신청", "행정정보 공동이용"],
      processingMethod: "both",
      fileTypes: ["paper", "system_db"],
      systems: ["사회보장정보시스템(행복e음)"],
      retentionPeriod: "5년",
      retentionYears: 5,
      retentionBasis: "국민기초생활 보장법 시행규칙",
      recordsClassCode: "5y",
      destructionMethodCode: "shred_paper",
      subjectCount: 6200,
      routineRecipients: ["보건복지부"],
      entrusted: true,
      securityMeasures: ["고유식별정보 암호화", "접근권한 최소화"],
      isPublic: true,
      registeredOn: "2017-01-02",
      publishedOn: "2017-01-09",
      lastReviewedOn: "2025-01-10",
      nextReviewOn: addYearsIso(-0.05),
    },
    {
      name: "정보공개 청구 처리부",
      unit: "admin-support",
      legalBasisCodes: ["art15-1-2"],
      legalBasisText: "공공기관의 정보공개에 관한 법률 제10조",
      purposeText: "정보공개 청구 접수 및 결정 통지",
      subjectCategories: ["청구인"],
      items: [{ name: "성명" }, { name: "주소" }, { name: "전화번호" }, { name: "전자우편" }],
      sources: ["정보주체"],
      collectionMethods: ["정보공개포털", "서면"],
      processingMethod: "electronic",
      fileTypes: ["system_db"],
      systems: ["새올행정시스템"],
      retentionPeriod: "10년",
      retentionYears: 10,
      recordsClassCode: "10y",
      subjectCount: 3100,
      isPublic: true,
      registeredOn: "2019-05-02",
      publishedOn: "2019-05-09",
      nextReviewOn: "2026-09-30",
    },
    {
      name: "개인정보 열람 등 청구 처리부",
      unit: "admin-support",
      legalBasisCodes: ["art15-1-2"],
      legalBasisText: "개인정보 보호법 제35조~제37조",
      purposeText: "열람·정정·삭제·처리정지 요구 처리",
      subjectCategories: ["청구인"],
      items: [{ name: "성명" }, { name: "생년월일" }, { name: "전화번호" }, { name: "주소" }],
      sources: ["정보주체"],
      collectionMethods: ["서면", "개인정보 포털"],
      processingMethod: "both",
      fileTypes: ["paper", "electronic"],
      retentionPeriod: "3년",
      retentionYears: 3,
      recordsClassCode: "3y",
      subjectCount: 120,
      isPublic: true,
      registeredOn: "2020-02-03",
      publishedOn: "2020-02-10",
      nextReviewOn: "2026-12-31",
    },
    {
      name: "직원 인사기록",
      unit: "admin-support",
      legalBasisCodes: ["art15-1-2"],
      legalBasisText: "지방공무원법 제10조의3, 지방공무원 인사기록·통계 및 인사사무 처리 규정",
      purposeText: "인사 관리",
      subjectCategories: ["소속 공무원"],
      items: [
        { name: "성명" },
        { name: "주민등록번호", uniqueIdentifier: true, classCode: "rrn" },
        { name: "주소" },
        { name: "학력", kind: "other" },
        { name: "병역사항", kind: "other" },
      ],
      sources: ["정보주체"],
      collectionMethods: ["서면"],
      processingMethod: "both",
      fileTypes: ["paper", "system_db"],
      systems: ["새올행정시스템"],
      retentionPeriod: "준영구",
      recordsClassCode: "semi_permanent",
      subjectCount: 1400,
      isPublic: false,
      exemptionReason:
        "개인정보 보호법 제32조제2항제4호(공공기관의 내부적 업무처리만을 위하여 사용되는 파일)",
      registeredOn: "2016-03-02",
      nextReviewOn: "2026-08-31",
    },
    {
      name: "청사 출입자 관리",
      unit: "admin-support",
      legalBasisCodes: ["art15-1-1"],
      purposeText: "청사 보안 및 출입 관리",
      subjectCategories: ["방문객"],
      items: [{ name: "성명" }, { name: "전화번호" }, { name: "방문 목적", kind: "other" }],
      sources: ["정보주체"],
      collectionMethods: ["방문 기록지"],
      processingMethod: "paper",
      fileTypes: ["paper"],
      retentionPeriod: "1년",
      retentionYears: 1,
      recordsClassCode: "1y",
      destructionMethodCode: "shred_paper",
      subjectCount: 9000,
      isPublic: true,
      registeredOn: "2021-07-01",
      publishedOn: "2021-07-05",
      nextReviewOn: "2026-07-01",
    },
    {
      name: "각종 위원회 위원 관리",
      unit: "planning",
      legalBasisCodes: ["art15-1-1", "art15-1-2"],
      legalBasisText: "한빛시 각종 위원회 설치 및 운영 조례",
      purposeText: "위원 위촉, 수당 지급",
      subjectCategories: ["위원"],
      items: [
        { name: "성명" },
        { name: "주민등록번호", uniqueIdentifier: true, classCode: "rrn" },
        { name: "계좌번호" },
        { name: "전화번호" },
      ],
      sources: ["정보주체"],
      collectionMethods: ["서면"],
      processingMethod: "both",
      fileTypes: ["paper", "electronic"],
      retentionPeriod: "5년",
      retentionYears: 5,
      recordsClassCode: "5y",
      subjectCount: 350,
      routineRecipients: ["관할 세무서"],
      isPublic: true,
      registeredOn: "2018-02-01",
      publishedOn: "2018-02-05",
      nextReviewOn: "2026-10-31",
    },
    {
      name: "기록물 열람 신청 관리",
      unit: "records",
      legalBasisCodes: ["art15-1-2"],
      legalBasisText: "공공기록물 관리에 관한 법률 시행령",
      purposeText: "기록물 열람 신청 처리",
      subjectCategories: ["열람 신청인"],
      items: [{ name: "성명" }, { name: "연락처" }],
      sources: ["정보주체"],
      collectionMethods: ["서면"],
      processingMethod: "paper",
      fileTypes: ["paper"],
      retentionPeriod: "3년",
      retentionYears: 3,
      recordsClassCode: "3y",
      subjectCount: 80,
      isPublic: true,
      registeredOn: "2020-09-01",
      publishedOn: "2020-09-07",
      nextReviewOn: "2027-03-31",
    },
    {
      name: "영상정보처리기기 녹화자료",
      unit: "info-comm",
      legalBasisCodes: ["art15-1-2"],
      legalBasisText: "개인정보 보호법 제25조",
      purposeText: "시설 안전 및 화재 예방",
      subjectCategories: ["청사 방문객", "직원"],
      items: [{ name: "영상", kind: "photo" }],
      sources: ["영상정보처리기기"],
      collectionMethods: ["자동 녹화"],
      processingMethod: "electronic",
      fileTypes: ["system_db"],
      retentionPeriod: "30일",
      retentionBasis: "영상정보처리기기 운영·관리 방침",
      destructionMethodCode: "overwrite",
      isPublic: true,
      registeredOn: "2019-01-02",
      publishedOn: "2019-01-07",
      nextReviewOn: "2026-05-31",
    },
  ],
  provisions: [
    {
      file: "기초생활보장 수급자 관리",
      recipient: "보건복지부",
      ground: "art17-1-2",
      purpose: "급여 지급 현황 보고",
      items: ["성명", "급여액"],
      kind: "routine",
      frequency: "월 1회",
      method: "행복e음 연계",
    },
    {
      file: "각종 위원회 위원 관리",
      recipient: "관할 세무서",
      ground: "art17-1-2",
      purpose: "기타소득 지급명세서 제출",
      items: ["성명", "주민등록번호", "지급액"],
      kind: "routine",
      frequency: "연 1회",
      method: "홈택스",
    },
    {
      file: "민원사무 처리부",
      recipient: "가상경찰서",
      ground: "art18-2-7",
      purpose: "범죄 수사를 위한 자료 요청 회신",
      items: ["성명", "전화번호"],
      kind: "one_off",
      outOfPurpose: true,
      approved: true,
    },
    {
      file: "청사 출입자 관리",
      recipient: "가상경찰서",
      ground: "art18-2-7",
      purpose: "분실물 신고 관련 확인",
      items: ["성명"],
      kind: "one_off",
      outOfPurpose: true,
    },
  ],
  entrustments: [
    {
      vendor: "한국지역정보개발원",
      tasks: "지방행정 공통기반 시스템 운영 및 재해복구",
      files: ["민원사무 처리부", "정보공개 청구 처리부"],
      startDays: -700,
      endDays: 40,
      met: [
        "purpose_limit",
        "safeguards",
        "purpose_scope",
        "subcontracting",
        "inspection_training",
        "liability",
      ],
    },
    {
      vendor: "(주)가상웹서비스",
      tasks: "홈페이지 유지보수 및 회원 DB 운영",
      files: ["홈페이지 회원 관리"],
      startDays: -200,
      endDays: 165,
      met: ["purpose_limit", "safeguards", "purpose_scope"],
      overdueAction: "퇴사자 계정 즉시 잠금 절차 수립",
      staff: ["이가상", "박예시"],
    },
    {
      vendor: "가상문서파쇄(주)",
      tasks: "보존기간 경과 문서 파쇄",
      files: ["청사 출입자 관리"],
      startDays: -30,
      endDays: 335,
      met: ["purpose_limit", "safeguards"],
    },
  ],
  devices: [
    {
      name: "본관 민원실 CCTV",
      location: "본관 1층 민원실",
      purpose: "시설안전 및 화재예방",
      count: 4,
      recordingHours: "24시간",
      retentionDays: 30,
      managers: [{ name: "정보통신팀장", unit: "정보통신팀", phone: "061-000-2100" }],
    },
    {
      name: "주차장 CCTV",
      location: "청사 지상·지하 주차장",
      purpose: "차량 도난 및 시설물 훼손 방지",
      count: 8,
      recordingHours: "24시간",
      retentionDays: 30,
      managers: [{ name: "행정지원과 청사관리 담당", unit: "행정지원과", phone: "061-000-2200" }],
    },
  ],
};

const TW: AgencySpec = {
  systems: [
    { name: "戶役政資訊系統", operator: "內政部", location: "內政部機房" },
    { name: "社會福利資訊系統", operator: "社會課", location: "區公所機房" },
    { name: "公文管理系統", operator: "秘書室", location: "區公所機房" },
    { name: "人事服務網", operator: "人事行政總處", location: "外部", entrusted: true },
  ],
  files: [
    {
      name: "陳情案件管理",
      unit: "secretariat",
      businessProcess: "人民陳情案件收辦及回復",
      legalBasisCodes: ["art15-1"],
      legalBasisText: "行政程序法第168條、行政院及所屬各機關處理人民陳情案件要點",
      purposeCodes: ["113"],
      categoryCodes: ["C001"],
      subjectCategories: ["陳情人"],
      items: [{ name: "姓名" }, { name: "地址" }, { name: "電話" }, { name: "電子郵件" }],
      sources: ["當事人"],
      collectionMethods: ["書面", "網路"],
      processingMethod: "both",
      fileTypes: ["paper", "system_db"],
      systems: ["公文管理系統"],
      retentionPeriod: "5年",
      retentionYears: 5,
      retentionBasis: "機關檔案保存年限區分表",
      destructionMethod: "銷毀（碎紙）",
      subjectCount: 1800,
      internalUsers: ["秘書室", "民政課"],
      noticeRequired: true,
      isPublic: true,
      registeredOn: "2019-02-01",
      publishedOn: "2019-02-15",
      lastReviewedOn: "2025-10-01",
      nextReviewOn: "2026-10-01",
    },
    {
      name: "低收入戶及中低收入戶申請",
      unit: "social",
      legalBasisCodes: ["art15-1"],
      legalBasisText: "社會救助法第4條、第4條之1",
      purposeCodes: ["057", "074"],
      categoryCodes: ["C001", "C002", "C021", "C032"],
      subjectCategories: ["申請人", "家庭成員"],
      items: [
        { name: "姓名" },
        { name: "國民身分證統一編號", uniqueIdentifier: true },
        { name: "戶籍地址" },
        { name: "電話" },
        { name: "存簿帳號", kind: "account" },
        { name: "病歷", sensitive: true, classCode: "medical_record" },
      ],
      sources: ["當事人", "戶政機關", "財稅機關"],
      collectionMethods: ["書面申請", "系統介接"],
      processingMethod: "both",
      fileTypes: ["paper", "system_db"],
      systems: ["社會福利資訊系統"],
      retentionPeriod: "10年",
      retentionYears: 10,
      subjectCount: 2300,
      routineRecipients: ["高雄市政府社會局"],
      entrusted: false,
      noticeRequired: true,
      isPublic: true,
      registeredOn: "2018-01-05",
      publishedOn: "2018-01-20",
      nextReviewOn: addYearsIso(-0.02),
    },
    {
      name: "戶籍登記申請",
      unit: "civil-affairs",
      legalBasisCodes: ["art15-1"],
      legalBasisText: "戶籍法",
      purposeCodes: ["015", "023"],
      categoryCodes: ["C001", "C011", "C021"],
      subjectCategories: ["申請人"],
      items: [
        { name: "姓名" },
        { name: "出生年月日" },
        { name: "國民身分證統一編號", uniqueIdentifier: true },
        { name: "地址" },
      ],
      sources: ["當事人"],
      collectionMethods: ["臨櫃"],
      processingMethod: "electronic",
      fileTypes: ["system_db"],
      systems: ["戶役政資訊系統"],
      retentionPeriod: "永久",
      subjectCount: 40000,
      isPublic: true,
      registeredOn: "2016-01-01",
      publishedOn: "2016-01-31",
      nextReviewOn: "2026-12-31",
    },
    {
      name: "鄉鎮市調解案件",
      unit: "civil-affairs",
      legalBasisCodes: ["art15-1"],
      legalBasisText: "鄉鎮市調解條例",
      purposeCodes: ["124"],
      categoryCodes: ["C001", "C038"],
      subjectCategories: ["聲請人", "對造人"],
      items: [{ name: "姓名" }, { name: "地址" }, { name: "電話" }],
      sources: ["當事人"],
      collectionMethods: ["書面聲請"],
      processingMethod: "paper",
      fileTypes: ["paper"],
      retentionPeriod: "15年",
      retentionYears: 15,
      subjectCount: 600,
      isPublic: true,
      registeredOn: "2018-04-01",
      publishedOn: "2018-04-20",
      nextReviewOn: "2026-09-30",
    },
    {
      name: "員工人事資料",
      unit: "personnel",
      legalBasisCodes: ["art15-1"],
      legalBasisText: "公務人員任用法",
      purposeCodes: ["002"],
      categoryCodes: ["C001", "C061", "C068"],
      subjectCategories: ["本所員工"],
      items: [
        { name: "姓名" },
        { name: "國民身分證統一編號", uniqueIdentifier: true },
        { name: "學歷", kind: "other" },
        { name: "薪資", kind: "other" },
      ],
      sources: ["當事人"],
      collectionMethods: ["書面"],
      processingMethod: "both",
      fileTypes: ["paper", "system_db"],
      systems: ["人事服務網"],
      retentionPeriod: "永久",
      subjectCount: 95,
      isPublic: false,
      exemptionReason: "政府資訊公開法第18條第1項第6款",
      registeredOn: "2016-01-01",
      nextReviewOn: "2026-08-31",
    },
    {
      name: "廠商及受款人資料",
      unit: "accounting",
      legalBasisCodes: ["art15-1"],
      legalBasisText: "會計法、支出憑證處理要點",
      purposeCodes: ["129"],
      categoryCodes: ["C001", "C002"],
      subjectCategories: ["受款人"],
      items: [{ name: "姓名" }, { name: "帳戶號碼" }, { name: "電話" }],
      sources: ["當事人"],
      collectionMethods: ["書面"],
      processingMethod: "electronic",
      fileTypes: ["electronic"],
      retentionPeriod: "10年",
      retentionYears: 10,
      subjectCount: 700,
      isPublic: true,
      registeredOn: "2019-07-01",
      publishedOn: "2019-07-15",
      nextReviewOn: "2026-07-31",
    },
    {
      name: "志工管理",
      unit: "social",
      legalBasisCodes: ["art15-1", "art15-2"],
      legalBasisText: "志願服務法",
      purposeCodes: ["043"],
      categoryCodes: ["C001", "C011"],
      subjectCategories: ["志工"],
      items: [
        { name: "姓名" },
        { name: "出生年月日" },
        { name: "電話" },
        { name: "緊急聯絡人", kind: "other" },
      ],
      sources: ["當事人"],
      collectionMethods: ["書面"],
      processingMethod: "both",
      fileTypes: ["paper", "electronic"],
      retentionPeriod: "離隊後3年",
      subjectCount: 150,
      isPublic: true,
      registeredOn: "2020-03-01",
      publishedOn: "2020-03-20",
      nextReviewOn: "2027-02-28",
    },
    {
      name: "廉政檢舉案件",
      unit: "ethics",
      legalBasisCodes: ["art15-1"],
      legalBasisText: "政風機構人員設置管理條例",
      purposeCodes: ["128"],
      categoryCodes: ["C001"],
      subjectCategories: ["檢舉人", "被檢舉人"],
      items: [{ name: "姓名" }, { name: "電話" }, { name: "檢舉內容", kind: "other" }],
      sources: ["當事人", "第三人"],
      collectionMethods: ["書面", "電話"],
      processingMethod: "paper",
      fileTypes: ["paper"],
      retentionPeriod: "10年",
      retentionYears: 10,
      subjectCount: 40,
      isPublic: false,
      exemptionReason: "政府資訊公開法第18條第1項第2款",
      registeredOn: "2017-06-01",
      nextReviewOn: "2026-06-30",
    },
    {
      name: "場所進出登記",
      unit: "secretariat",
      legalBasisCodes: ["art15-2"],
      purposeCodes: ["116"],
      categoryCodes: ["C001"],
      subjectCategories: ["訪客"],
      items: [{ name: "姓名" }, { name: "電話" }],
      sources: ["當事人"],
      collectionMethods: ["登記簿"],
      processingMethod: "paper",
      fileTypes: ["paper"],
      retentionPeriod: "28日",
      subjectCount: 5000,
      isPublic: true,
      registeredOn: "2021-05-01",
      publishedOn: "2021-05-15",
      nextReviewOn: "2026-11-30",
    },
  ],
  provisions: [
    {
      file: "低收入戶及中低收入戶申請",
      recipient: "高雄市政府社會局",
      ground: "art15-1",
      purpose: "社會救助審核及統計",
      items: ["姓名", "國民身分證統一編號"],
      kind: "routine",
      frequency: "每月",
      method: "系統介接",
    },
    {
      file: "陳情案件管理",
      recipient: "虛構地方檢察署",
      ground: "art16-1",
      purpose: "偵查需要函詢",
      items: ["姓名", "地址"],
      kind: "one_off",
      outOfPurpose: true,
      approved: true,
    },
  ],
  entrustments: [
    {
      vendor: "虛構資訊股份有限公司",
      tasks: "社會福利資訊系統維護",
      files: ["低收入戶及中低收入戶申請"],
      startDays: -330,
      endDays: 25,
      met: [
        "tender_capability",
        "tender_evaluation",
        "contract_supervision",
        "contract_penalties",
        "contract_directions",
      ],
      overdueAction: "廠商人員保密切結書補簽",
      staff: ["王小明", "林小華"],
    },
    {
      vendor: "虛構檔案保全有限公司",
      tasks: "紙本檔案銷毀",
      files: ["場所進出登記"],
      startDays: -60,
      endDays: 300,
      met: ["contract_supervision", "contract_penalties"],
    },
  ],
  devices: [
    {
      name: "區公所大廳監視器",
      location: "一樓服務大廳",
      purpose: "維護洽公民眾及公物安全",
      count: 3,
      recordingHours: "全天24小時",
      retentionDays: 30,
      managers: [{ name: "秘書室事務人員", unit: "秘書室", phone: "07-000-0000" }],
    },
    {
      name: "停車場監視器",
      location: "區公所停車場",
      purpose: "車輛及場所安全",
      count: 2,
      recordingHours: "全天24小時",
      retentionDays: 30,
      managers: [{ name: "秘書室事務人員", unit: "秘書室", phone: "07-000-0000" }],
    },
  ],
};

/** A date `years` from today (negative: past), for "review due" examples that stay due. */
function addYearsIso(years: number): string {
  return addDays(new Date().toISOString().slice(0, 10), Math.round(years * 365));
}

const SPECS: Record<string, AgencySpec> = { "hanbit-city": KR, "qingshan-district": TW };

async function seedOne(tx: Tx, agencyId: string, spec: AgencySpec, ledger: LedgerInput[]): Promise<number> {
  const agency = await agencyInfo(tx, agencyId);
  const today = todayIn(agency.timeZone);
  const ctx: RegCtx = {
    tx,
    agencyId,
    agency,
    lists: await agencyLists(tx, agency),
    today,
    locale: agency.defaultLocale,
    actor: { agencyId, actorId: null, actorLabel: "civicpims seed-demo" },
  };
  const unitRows = await tx
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(eq(units.agencyId, agencyId));
  const unitId = (code: string) => {
    const u = unitRows.find((r) => r.code === code) ?? unitRows[0];
    if (!u) throw new Error(`demo agency has no units (${agency.code})`);
    return u.id;
  };
  const systemIds = new Map<string, string>();
  for (const s of spec.systems) {
    const [row] = await tx
      .insert(registrySystems)
      .values({ ...s, entrusted: !!s.entrusted, agencyId })
      .returning({ id: registrySystems.id });
    systemIds.set(s.name, row.id);
  }
  const fileIds = new Map<string, string>();
  for (const { unit, systems, ...f } of spec.files) {
    const input = fileFieldsSchema.parse({
      ...f,
      unitId: unitId(unit),
      accessRequestUnitId: unitId(unit),
      systemIds: (systems ?? []).map((n) => systemIds.get(n) as string),
    });
    const created = await createFile(ctx, input);
    fileIds.set(f.name, created.id);
    // The demo ledger records the registrations, so an auditor sees file names as targets.
    ledger.push({
      agencyId,
      actorLabel: ctx.actor.actorLabel,
      action: "registry.file.create",
      resourceType: "registry_file",
      resourceId: created.id,
    });
  }
  for (const p of spec.provisions) {
    const status = p.kind === "routine" && !p.outOfPurpose ? "active" : p.approved ? "approved" : "pending";
    const [row] = await tx
      .insert(registryProvisions)
      .values({
        agencyId,
        fileId: fileIds.get(p.file),
        recipient: p.recipient,
        legalGroundCode: p.ground,
        items: p.items,
        purpose: p.purpose,
        kind: p.kind,
        outOfPurpose: !!p.outOfPurpose,
        frequency: p.frequency,
        method: p.method,
        status,
        providedOn: p.kind === "one_off" ? addDays(today, -10) : null,
        decidedAt: p.approved ? new Date() : null,
      })
      .returning();
    if (p.approved) {
      await tx.insert(registryOutOfPurposeLog).values({
        agencyId,
        provisionId: row.id,
        fileId: row.fileId,
        fileName: p.file,
        recipient: p.recipient,
        groundCode: p.ground,
        purpose: p.purpose,
        items: p.items,
        kind: p.kind,
        outOfPurpose: !!p.outOfPurpose,
        providedOn: row.providedOn,
      });
    }
  }
  let seq = 0;
  for (const e of spec.entrustments) {
    seq++;
    const [row] = await tx
      .insert(registryEntrustments)
      .values({
        agencyId,
        seq,
        vendor: e.vendor,
        tasks: e.tasks,
        contractStart: addDays(today, e.startDays),
        contractEnd: addDays(today, e.endDays),
        clauses: ctx.lists.entrustmentClauses.map((c) => ({
          code: c.code,
          status: e.met.includes(c.code) ? ("met" as const) : ("missing" as const),
          note: null,
        })),
      })
      .returning({ id: registryEntrustments.id });
    const files = e.files.map((n) => fileIds.get(n)).filter((x): x is string => !!x);
    if (files.length)
      await tx
        .insert(registryEntrustmentFiles)
        .values(files.map((fileId) => ({ agencyId, entrustmentId: row.id, fileId })));
    const [sv] = await tx
      .insert(registrySupervisions)
      .values({
        agencyId,
        entrustmentId: row.id,
        inspectedOn: addDays(today, -45),
        inspector: "privacy officer",
        findings: e.overdueAction ? "Finding recorded at the annual inspection" : "No findings",
      })
      .returning({ id: registrySupervisions.id });
    if (e.overdueAction) {
      await tx.insert(registryCorrectiveActions).values({
        agencyId,
        supervisionId: sv.id,
        entrustmentId: row.id,
        action: e.overdueAction,
        dueOn: addDays(today, -14),
      });
    }
    for (const [i, name] of (e.staff ?? []).entries()) {
      await tx.insert(registryVendorStaff).values({
        agencyId,
        entrustmentId: row.id,
        name,
        role: i === 0 ? "PM" : "operator",
        accountName: `vendor${seq}${i}`,
        joinedOn: addDays(today, e.startDays),
        ...(i === 1
          ? {
              departedOn: addDays(today, -20),
              accountLockedAt: new Date(Date.now() - 20 * 86400000),
              passwordsChangedAt: new Date(Date.now() - 19 * 86400000),
            }
          : {}),
      });
    }
  }
  for (const d of spec.devices) {
    await tx.insert(registryDevices).values({ ...d, agencyId });
  }
  const factors = ctx.lists.riskFactors;
  let k = 0;
  for (const [name, id] of fileIds) {
    if (k++ % 3 !== 0) continue;
    // The first one is a year old and its re-assessment is 10 days late: the dashboard shows an overdue item.
    const late = k === 1;
    const scores = Object.fromEntries(factors.map((f, i) => [f.code, ((name.length + i) % 5) + 1]));
    const r = scoreRisk(scores, factors);
    await tx.insert(registryRiskAssessments).values({
      agencyId,
      fileId: id,
      scores,
      mean: r.mean.toFixed(2),
      level: r.level,
      assessedOn: addDays(today, late ? -375 : -90),
      nextReviewOn: addDays(today, late ? -10 : 275),
      controls: "demo",
    });
  }
  return fileIds.size;
}

/**
 * Seeds the demo register for the demo agencies found in `agencyIdsByCode` (idempotent: an agency that
 * already has files is left alone). Returns the number of files created per agency code.
 */
export async function seedRegistryDemo(
  deps: AppDeps,
  agencyIdsByCode: Record<string, string> | Map<string, string>,
): Promise<Record<string, number>> {
  const entries = agencyIdsByCode instanceof Map ? [...agencyIdsByCode] : Object.entries(agencyIdsByCode);
  const out: Record<string, number> = {};
  await deps.database.db.transaction(async (tx) => {
    const ledger: LedgerInput[] = [];
    for (const [code, agencyId] of entries) {
      const spec = SPECS[code];
      if (!spec) continue;
      const [{ n }] = await tx
        .select({ n: count() })
        .from(registryFiles)
        .where(and(eq(registryFiles.agencyId, agencyId)));
      if (Number(n) > 0) {
        out[code] = 0;
        continue;
      }
      out[code] = await seedOne(tx, agencyId, spec, ledger);
    }
    if (ledger.length) await appendLedger(tx, ledger, deps.ledger);
  });
  return out;
}
