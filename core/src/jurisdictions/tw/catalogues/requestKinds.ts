// Rights-request kinds for TW agencies [C1]: PDPA Art. 3 rights as exercised under Art. 10 (query, inspection,
// copies; 004 三十 adds transcription, 抄錄) and Art. 11(1)-(4) (supplement/correction, stop collection/processing/
// use, deletion). PDPA Art. 13: Art. 10 requests are decided within 15 days, Art. 11 requests within 30 days, each
// extendable once: hence the two deadline kinds.
import type { CatalogueEntry } from "../../../registry/catalogue";

const KINDS: CatalogueEntry[] = [
  {
    code: "query",
    names: { "zh-TW": "答覆查詢", en: "Answer a query" },
    article: "PDPA Art. 3(1), Art. 10",
    deadlineKind: "tw_pdpa_access",
  },
  {
    code: "inspection",
    names: { "zh-TW": "提供閱覽", en: "Inspection" },
    article: "PDPA Art. 3(1), Art. 10",
    deadlineKind: "tw_pdpa_access",
  },
  {
    code: "copy",
    names: { "zh-TW": "製給複製本", en: "Copies" },
    article: "PDPA Art. 3(2), Art. 10",
    deadlineKind: "tw_pdpa_access",
  },
  {
    code: "transcription",
    names: { "zh-TW": "抄錄", en: "Transcription" },
    article: "PDPA Art. 10; [004 三十]",
    deadlineKind: "tw_pdpa_access",
  },
  {
    code: "correction",
    names: { "zh-TW": "補充或更正", en: "Supplement or correction" },
    article: "PDPA Art. 3(3), Art. 11(1)",
    deadlineKind: "tw_pdpa_correction",
  },
  {
    code: "stop_processing",
    names: { "zh-TW": "停止蒐集、處理或利用", en: "Stop collection, processing or use" },
    article: "PDPA Art. 3(4), Art. 11(2)-(4)",
    deadlineKind: "tw_pdpa_correction",
  },
  {
    code: "deletion",
    names: { "zh-TW": "刪除", en: "Deletion" },
    article: "PDPA Art. 3(5), Art. 11(3)-(4)",
    deadlineKind: "tw_pdpa_correction",
  },
];

export const twRequestKinds: CatalogueEntry[] = KINDS.map((e) => ({
  ...e,
  source: "[004 二十九, 三十; 002 第14點]",
}));
