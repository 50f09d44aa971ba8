import type { Role } from "@civicpims/core/auth/index";
import type { TestApp } from "../../test-support/app";

export type Who = "a" | "b";

export function caller(t: TestApp) {
  return async (
    method: string,
    url: string,
    payload?: unknown,
    who: Who = "a",
    role: Role = "privacy_officer",
    extraHeaders: Record<string, string> = {},
  ) => {
    const headers = { ...(await t.as(role, who)), ...extraHeaders };
    return t.inject({ method: method as "GET", url, payload: payload as object, headers });
  };
}

/** A KR-agency file body with every field filled (agency a is KR in the test app). */
export function krFile(unitId: string, over: Record<string, unknown> = {}) {
  return {
    name: "민원 처리 관리 파일",
    businessProcess: "민원 접수 및 처리",
    unitId,
    custodianUnitId: unitId,
    accessRequestUnitId: unitId,
    managingStaffName: "민원담당 주무관",
    managingStaffContact: "061-000-0000",
    legalBasisCodes: ["art15-1-3"],
    legalBasisText: "민원 처리에 관한 법률 제8조",
    purposeText: "민원인 신원 확인, 처리결과 통보",
    subjectCategories: ["민원인"],
    items: [
      { name: "성명", kind: "name" },
      { name: "주민등록번호", kind: "rrn", uniqueIdentifier: true, classCode: "rrn" },
      { name: "전화번호", kind: "phone" },
      { name: "건강 상태", kind: "health", sensitive: true, classCode: "health" },
    ],
    sources: ["정보주체"],
    collectionMethods: ["서면", "홈페이지"],
    processingMethod: "both",
    fileTypes: ["paper", "system_db"],
    custodyMethod: "잠금 캐비닛, 서버",
    retentionPeriod: "5년",
    retentionYears: 5,
    retentionBasis: "공공기록물 관리에 관한 법률 시행령",
    recordsClassCode: "5y",
    destructionMethodCode: "shred_paper",
    destructionMethod: "파쇄",
    subjectCount: 12000,
    routineRecipients: ["행정안전부"],
    internalUsers: ["민원봉사과"],
    externalProcessors: "한국지역정보개발원",
    entrusted: true,
    entrusteeAccess: "시스템 유지보수 범위",
    securityMeasures: ["암호화", "접근통제"],
    noticeRequired: true,
    isPublic: true,
    registeredOn: "2020-03-02",
    publishedOn: "2020-03-10",
    lastReviewedOn: "2025-01-15",
    nextReviewOn: "2027-01-15",
    notes: "비고",
    ...over,
  };
}

export function twFile(unitId: string, over: Record<string, unknown> = {}) {
  return {
    name: "陳情案件管理檔案",
    unitId,
    legalBasisCodes: ["art15-1"],
    purposeCodes: ["001"],
    categoryCodes: ["C001"],
    subjectCategories: ["陳情人"],
    items: [{ name: "姓名" }, { name: "國民身分證統一編號", uniqueIdentifier: true }, { name: "電子郵件" }],
    processingMethod: "electronic",
    isPublic: true,
    ...over,
  };
}
