// Loss types of the administrative-error compensation scheme (행정사무착오 보상제, I4, K9) as rule-pack data.
//
// Seed 003 I-1-아 names two kinds of loss only: "민원인의 경제적, 시간적 손해" (economic and time loss) from
// "행정의 단순한 사무착오 및 민원사무의 지연처리" (simple administrative errors and delayed handling). The
// further entries are what agencies running the scheme commonly pay for (travel, lost documents, other); the
// seed is silent on them, so each is flagged `verify` and an agency may replace them with local entries.
// Taiwan has no such scheme in the seeds: its pack carries the same list, every entry `verify`.
import type { CatalogueEntry } from "../registry/catalogue";

const SEED = "[003 I-1-아]";

const ENTRIES: CatalogueEntry[] = [
  {
    code: "economic",
    names: { ko: "경제적 손해", "zh-TW": "經濟損失", en: "Economic loss" },
    description: { ko: "행정의 단순한 사무착오로 인한 금전적 손해", en: "Money lost through a simple error" },
    source: SEED,
  },
  {
    code: "time",
    names: { ko: "시간적 손해", "zh-TW": "時間損失", en: "Time loss" },
    description: { ko: "민원사무의 지연처리로 인한 손해", en: "Loss from delayed handling of a petition" },
    source: SEED,
  },
  {
    code: "travel",
    names: { ko: "교통비 등 재방문 비용", "zh-TW": "往返交通費用", en: "Cost of a repeat visit" },
    verify: true,
  },
  {
    code: "reissue",
    names: { ko: "서류 재발급 비용", "zh-TW": "文件重新核發費用", en: "Cost of reissuing documents" },
    verify: true,
  },
  {
    code: "other",
    names: { ko: "기타", "zh-TW": "其他", en: "Other" },
    verify: true,
  },
];

export const krCompensationLossTypes: CatalogueEntry[] = ENTRIES;
export const twCompensationLossTypes: CatalogueEntry[] = ENTRIES.map((e) => ({
  ...e,
  source: undefined,
  verify: true,
}));
