// KR deadline rules as data (deadlines.md "Korea"). An agency can override counting, period and the
// extension bound per kind through CalendarOverrides.rules.
import type { DeadlineRule } from "../../calendar/types";

const CIVIL_ACT =
  "Framework Act on Public Administration §6(1) -> Civil Act §157 (first day excluded), §159 (ends at the end of the last day), §161 (a Saturday or public holiday end moves to the next day)";
export const KR_PETITION_19 =
  "Civil Petitions Act §19: periods of 5 days or less in working hours from receipt (1 day = 8 working hours, Saturdays and public holidays excluded); 6 days or more in days, first day included, Saturdays and public holidays excluded";

export const krDeadlineRules: Record<string, DeadlineRule> = {
  pipa_access: {
    jurisdiction: "KR",
    kind: "pipa_access",
    title: "PIPA access request (열람)",
    period: { amount: 10, unit: "days" },
    counting: "kr_civil_act",
    citations: ["PIPA §35(3)", "PIPA Enforcement Decree §41(4)", CIVIL_ACT],
    extension: {
      allowed: true,
      maxCount: 1,
      maxDays: null,
      defaultDays: null,
      countedFrom: "day_after_original_end",
      citation: "PIPA §35(3) second sentence, Decree §41(5): deferral while a justified reason lasts",
      notice: "notify the requester of the deferral and its reason within the original period",
      verify: true,
    },
  },
  pipa_correction: {
    jurisdiction: "KR",
    kind: "pipa_correction",
    title: "PIPA correction or deletion request (정정·삭제)",
    period: { amount: 10, unit: "days" },
    counting: "kr_civil_act",
    citations: ["PIPA §36(2)", "PIPA Enforcement Decree §43(3)", CIVIL_ACT],
    extension: { allowed: false, citation: "PIPA §36, Decree §43: no extension in the law" },
  },
  pipa_suspension: {
    jurisdiction: "KR",
    kind: "pipa_suspension",
    title: "PIPA suspension of processing (처리정지)",
    period: { amount: 10, unit: "days" },
    counting: "kr_civil_act",
    citations: ["PIPA §37", "PIPA Enforcement Decree §44", CIVIL_ACT],
    extension: { allowed: false, citation: "PIPA §37, Decree §44: no extension in the law" },
  },
  minwon: {
    jurisdiction: "KR",
    kind: "minwon",
    title: "Civil petition (민원)",
    period: null,
    counting: "kr_petition_19",
    citations: ["Civil Petitions Act §17 (processing periods)", KR_PETITION_19],
    extension: {
      allowed: true,
      maxCount: 1,
      maxDays: "original",
      defaultDays: "original",
      countedFrom: "day_after_original_end",
      citation: "Civil Petitions Act §21, Enforcement Decree §21: once, up to the original period",
      notice: "notify the petitioner of the reason and the new date",
      verify: true,
    },
    verify: [
      "Petition periods by type come from the Enforcement Decree and the agency's 민원처리기준표 (verify)",
    ],
  },
  foi: {
    jurisdiction: "KR",
    kind: "foi",
    title: "Information disclosure request (정보공개청구)",
    period: { amount: 10, unit: "days" },
    counting: "kr_petition_19",
    citations: ["Official Information Disclosure Act §11(1)", KR_PETITION_19],
    extension: {
      allowed: true,
      maxCount: 1,
      maxDays: 10,
      defaultDays: 10,
      countedFrom: "day_after_original_end",
      citation: "Official Information Disclosure Act §11(2)",
      notice: "notify the requester of the extension, its reason and the new date",
    },
    verify: ["Disclosure requests counted as petitions under Civil Petitions Act §19(2) (verify)"],
  },
};

/** Petition periods by type (Enforcement Decree of the Civil Petitions Act; verify) and I2 seed items. */
export const krMinwonPeriods: Record<
  string,
  { days?: number; hours?: number; source: string; verify?: boolean }
> = {
  immediate: { hours: 3, source: "즉시 = within 3 working hours (Civil Petitions Act Decree)", verify: true },
  online_certificate: { hours: 4, source: "I2: online certificates within 4 hours [003 I-1-사]" },
  system_question: {
    days: 7,
    source: "Civil Petitions Act Decree: questions on systems/procedures",
    verify: true,
  },
  law_interpretation: {
    days: 14,
    source: "Civil Petitions Act Decree: interpretation of laws",
    verify: true,
  },
  proposal: { days: 14, source: "Civil Petitions Act Decree: proposals", verify: true },
  grievance: { days: 7, source: "Civil Petitions Act Decree: grievances", verify: true },
};
