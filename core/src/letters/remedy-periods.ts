// Remedy periods the letters print, as rule-pack data with their sources. `verify`: not confirmed against the
// official text in the domain files (the agency should check; the admin guide lists these).
export interface RemedyPeriod {
  days: number;
  source: string;
  verify?: boolean;
}

export const REMEDY_PERIODS = {
  KR: {
    /**
     * 이의제기 to the agency itself (PIPA §38⑤; Decree §42②, §44②). The statute sets no period; 30 days from
     * the notice mirrors the objection period of the Official Information Disclosure Act §18① (verify).
     */
    objection: {
      days: 30,
      source: "PIPA §38⑤; Decree §42②, §44② (no statutory period: 30 days as 정보공개법 §18①)",
      verify: true,
    },
    /** 이의신청 against a disclosure decision: 30 days from the notice (정보공개법 §18①). */
    disclosureObjection: { days: 30, source: "공공기관의 정보공개에 관한 법률 §18①" },
    adminAppealFromKnowing: { days: 90, source: "행정심판법 §27①" },
    adminAppealFromDecision: { days: 180, source: "행정심판법 §27③" },
    /** 행정소송법 §20①; the one-year limit from the decision is §20② (not in the domain file). */
    litigationFromKnowing: { days: 90, source: "행정소송법 §20①", verify: true },
  },
  TW: {
    appeal: {
      days: 30,
      source: "訴願法 §14① (from the day after delivery), §58① (through the deciding agency)",
    },
  },
} as const satisfies Record<string, Record<string, RemedyPeriod>>;
