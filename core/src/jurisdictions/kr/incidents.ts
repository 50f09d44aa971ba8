// KR incident rules (F6). The seeds (000, 001) give NO breach deadline: they name the privacy officer for
// complaints and relief only. The clocks below come from the statute — PIPA §34 (유출등의 통지·신고) and its
// Enforcement Decree §39 (통지: 72시간) and §40 (신고: 1천명 이상, 민감정보·고유식별정보, 외부 불법접근;
// 72시간) as amended 2023-09-15 — and are therefore marked `verify` for legal review before an agency relies
// on them.
import type { ClockReason, ClockRule, IncidentFacts, IncidentKind, ReportField } from "../../incidents/types";

/** 시행령 §40①1: 1천명 이상의 정보주체. */
export const KR_REPORT_SUBJECT_THRESHOLD = 1000;

/**
 * §34 covers 분실·도난·유출 (유출등). Alteration (위조·변조·훼손) is a §29 safety failure without the §34
 * duties; ransomware counts because encrypted data is lost to the agency and often exfiltrated (verify).
 */
export const KR_COVERED_KINDS: readonly IncidentKind[] = [
  "leak",
  "theft",
  "loss",
  "unauthorised_access",
  "ransomware",
  "misdelivery",
];

const covered = (f: IncidentFacts): ClockReason =>
  KR_COVERED_KINDS.includes(f.kind)
    ? { code: "kind_covered", params: { kind: f.kind } }
    : { code: "kind_not_covered", params: { kind: f.kind } };

/** The §40① thresholds, each one a reason of its own (any one is enough). */
export function krReportThresholds(f: IncidentFacts): ClockReason[] {
  const met: ClockReason[] = [];
  if (f.subjectCount !== null && f.subjectCount >= KR_REPORT_SUBJECT_THRESHOLD)
    met.push({
      code: "subjects_threshold",
      params: { count: f.subjectCount, threshold: KR_REPORT_SUBJECT_THRESHOLD },
    });
  if (f.sensitive) met.push({ code: "sensitive" });
  if (f.uniqueIdentifier) met.push({ code: "unique_identifier" });
  if (f.externalAccess || f.kind === "unauthorised_access" || f.kind === "ransomware")
    met.push({ code: "external_access" });
  return met;
}

export const krIncidentClocks: ClockRule[] = [
  {
    code: "kr_subject_notice",
    jurisdiction: "KR",
    hours: 72,
    names: {
      ko: "정보주체 통지 (72시간)",
      "zh-TW": "通知當事人（72小時）",
      en: "Notify the data subjects (72 hours)",
    },
    citation: "개인정보 보호법 제34조제1항, 같은 법 시행령 제39조제1항",
    source: "F6 (seeds silent; statute)",
    verify: true,
    applies(f) {
      const k = covered(f);
      return { applies: k.code === "kind_covered", reasons: [k] };
    },
  },
  {
    code: "kr_regulator_report",
    jurisdiction: "KR",
    hours: 72,
    names: {
      ko: "개인정보보호위원회·한국인터넷진흥원 신고 (72시간)",
      "zh-TW": "向個人資料保護委員會申報（72小時）",
      en: "Report to the PIPC or KISA (72 hours)",
    },
    citation: "개인정보 보호법 제34조제3항, 같은 법 시행령 제40조제1항",
    source: "F6 (seeds silent; statute)",
    verify: true,
    applies(f) {
      const k = covered(f);
      if (k.code !== "kind_covered") return { applies: false, reasons: [k] };
      const met = krReportThresholds(f);
      if (met.length) return { applies: true, reasons: [k, ...met] };
      const why: ClockReason[] = [k];
      if (f.subjectCount === null)
        why.push({ code: "subjects_unknown", params: { threshold: KR_REPORT_SUBJECT_THRESHOLD } });
      else
        why.push({
          code: "subjects_below",
          params: { count: f.subjectCount, threshold: KR_REPORT_SUBJECT_THRESHOLD },
        });
      why.push({ code: "no_threshold_met" });
      return { applies: false, reasons: why };
    },
  },
];

/** PIPA §34① items (통지·신고 사항), also the fields of the report to the PIPC (§34③). */
export const krRegulatorReportFields: ReportField[] = [
  {
    code: "items",
    names: {
      ko: "유출등이 된 개인정보의 항목",
      "zh-TW": "外洩之個人資料項目",
      en: "Items of personal data involved",
    },
    source: "개인정보 보호법 제34조제1항제1호",
    verify: true,
  },
  {
    code: "when_how",
    names: { ko: "유출등이 된 시점과 그 경위", "zh-TW": "外洩時點及經過", en: "When and how it happened" },
    source: "개인정보 보호법 제34조제1항제2호",
    verify: true,
  },
  {
    code: "advice",
    names: {
      ko: "피해를 최소화하기 위하여 정보주체가 할 수 있는 방법",
      "zh-TW": "當事人可採取之減害方法",
      en: "What the subjects can do to limit harm",
    },
    source: "개인정보 보호법 제34조제1항제3호",
    verify: true,
  },
  {
    code: "measures",
    names: {
      ko: "개인정보처리자의 대응조치 및 피해 구제절차",
      "zh-TW": "機關之因應措施及救濟程序",
      en: "The agency's measures and the relief procedure",
    },
    source: "개인정보 보호법 제34조제1항제4호",
    verify: true,
  },
  {
    code: "contact",
    names: {
      ko: "피해 신고·상담 접수 부서 및 연락처",
      "zh-TW": "受理申訴之單位及聯絡方式",
      en: "Unit and contact receiving reports of harm",
    },
    source: "개인정보 보호법 제34조제1항제5호",
    verify: true,
  },
  {
    code: "subject_count",
    names: {
      ko: "유출등이 된 정보주체의 수",
      "zh-TW": "受影響當事人數",
      en: "Number of data subjects affected",
    },
    source: "개인정보 보호법 시행령 제40조",
    verify: true,
  },
];
