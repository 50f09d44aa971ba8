// TW deadline rules as data (deadlines.md "Taiwan"). Counting: Administrative Procedure Act Art 48.
import type { DeadlineRule } from "../../calendar/types";

export const TW_APA_48 =
  "Administrative Procedure Act Art 48: first day excluded; last day on a Sunday, national holiday or other rest day -> the next day; last day on a Saturday -> the following Monday 12:00";

export const twDeadlineRules: Record<string, DeadlineRule> = {
  tw_pdpa_access: {
    jurisdiction: "TW",
    kind: "tw_pdpa_access",
    title: "PDPA query, inspection or copy (查詢、閱覽、製給複製本; Art 10)",
    period: { amount: 15, unit: "days" },
    counting: "tw_apa_48",
    citations: ["PDPA Art 13(1)", "TW-002 第14點", TW_APA_48],
    extension: {
      allowed: true,
      maxCount: 1,
      maxDays: 15,
      defaultDays: 15,
      countedFrom: "day_after_original_end",
      citation: "PDPA Art 13(1)",
      notice: "written notice of the reason to the requester before the first period ends",
    },
  },
  tw_pdpa_correction: {
    jurisdiction: "TW",
    kind: "tw_pdpa_correction",
    title: "PDPA correction, supplement, stop or deletion (Art 11)",
    period: { amount: 30, unit: "days" },
    counting: "tw_apa_48",
    citations: ["PDPA Art 13(2)", TW_APA_48],
    extension: {
      allowed: true,
      maxCount: 1,
      maxDays: 30,
      defaultDays: 30,
      countedFrom: "day_after_original_end",
      citation: "PDPA Art 13(2)",
      notice: "written notice of the reason to the requester",
    },
  },
  tw_foi: {
    jurisdiction: "TW",
    kind: "tw_foi",
    title: "Government information request (政府資訊公開)",
    period: { amount: 15, unit: "days" },
    counting: "tw_apa_48",
    citations: ["Freedom of Government Information Law Art 12", TW_APA_48],
    extension: {
      allowed: true,
      maxCount: 1,
      maxDays: 15,
      defaultDays: 15,
      countedFrom: "day_after_original_end",
      citation: "Freedom of Government Information Law Art 12",
      notice: "notify the requester of the extension",
    },
  },
};
