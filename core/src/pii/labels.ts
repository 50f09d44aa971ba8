import type { Locale, PiiType } from "./types";

export interface PiiTypeInfo {
  type: PiiType;
  labels: Record<Locale, string>;
  /** Lower-confidence tier: only reported with includeLowConfidence. */
  lowConfidence: boolean;
  /** A unique identifier in the register's sense (주민등록번호 etc.). */
  uniqueIdentifier: boolean;
}

function t(
  type: PiiType,
  ko: string,
  zh: string,
  en: string,
  uniqueIdentifier = false,
  lowConfidence = false,
): PiiTypeInfo {
  return { type, labels: { ko, "zh-TW": zh, en }, lowConfidence, uniqueIdentifier };
}

/** Every type with its labels in ko / zh-TW / en (used for [label] redaction and screens). */
export const PII_TYPES: readonly PiiTypeInfo[] = [
  t("KR_RRN", "주민등록번호", "身分證字號", "RRN", true),
  t("KR_FRN", "외국인등록번호", "外國人登錄號碼", "FRN", true),
  t("KR_BRN", "사업자등록번호", "營業登記號碼", "BRN"),
  t("KR_PASSPORT", "여권번호", "護照號碼", "PASSPORT", true),
  t("KR_DRIVER", "운전면허번호", "駕照號碼", "DRIVER_LICENSE", true),
  t("KR_PHONE", "전화번호", "電話號碼", "PHONE"),
  t("KR_BANK_ACCOUNT", "계좌번호", "銀行帳號", "BANK_ACCOUNT"),
  t("TW_ID", "대만 신분증번호", "身分證字號", "TW_ID", true),
  t("TW_ARC", "대만 거류증번호", "居留證號碼", "TW_ARC", true),
  t("TW_UBN", "대만 통일편호", "統一編號", "UBN"),
  t("TW_PHONE", "전화번호", "電話號碼", "PHONE"),
  t("EMAIL", "이메일", "電子郵件", "EMAIL"),
  t("CREDIT_CARD", "카드번호", "信用卡號", "CARD"),
  t("IP_ADDRESS", "IP주소", "IP位址", "IP"),
  t("PERSON_NAME", "성명", "姓名", "NAME", false, true),
  t("DATE_OF_BIRTH", "생년월일", "出生日期", "DOB", false, true),
];

const BY_TYPE = new Map(PII_TYPES.map((i) => [i.type, i]));

export function piiLabel(type: PiiType, locale: Locale = "ko"): string {
  return BY_TYPE.get(type)?.labels[locale] ?? type;
}
