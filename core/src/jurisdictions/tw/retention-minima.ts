// Legal minimum retention of CivicPIMS's own records in Taiwan [D1]. 004 三十九 lists the records and
// evidence an agency keeps (consent, notices, rights claims, logs, audits, incidents) and requires at least
// five years unless another law says otherwise: the ledger and rights requests therefore keep 5 years.
import type { RetentionMinimum } from "../../retention/types";

const P39 = "[004 三十九]";

export const twRetentionMinima: RetentionMinimum[] = [
  { kind: "ledger", months: 60, citation: `${P39} (四) 軌跡紀錄(log)，應至少保存五年` },
  { kind: "rights_request", months: 60, citation: `${P39} (三) 當事人主張權利，應至少保存五年` },
  {
    kind: "petition",
    months: 36,
    citation: "檔案法 第12條；機關檔案保存年限及銷毀辦法 (人民陳情案件)",
    verify: true,
  },
  { kind: "disclosure", months: 36, citation: "政府資訊公開法；機關檔案保存年限及銷毀辦法", verify: true },
  { kind: "attachment", months: 0, citation: "follows the case it belongs to" },
  { kind: "mail", months: 60, citation: `${P39} (二) 告知或通知當事人，應至少保存五年` },
];

// TW destruction methods [D7]: deletion must leave the data impossible to restore or recombine
// (004 二十四); the 機關檔案保存年限及銷毀辦法 (may be used as a guide) names the usual ways. `verify` where
// the seed only points to the regulation.
export const twDestructionMethods = [
  {
    code: "irreversible_technical",
    names: {
      "zh-TW": "以無法還原或再組合之技術方式刪除",
      en: "Delete so it cannot be restored or recombined",
    },
    source: "[004 二十四]",
    attributes: { medium: "electronic" },
  },
  {
    code: "overwrite",
    names: { "zh-TW": "覆寫或初始化", en: "Overwrite or initialise" },
    source: "[004 二十四]",
    attributes: { medium: "electronic" },
    verify: true,
  },
  {
    code: "shred_paper",
    names: { "zh-TW": "碎紙或銷毀處理", en: "Shredding (paper)" },
    source: "[004 二十四] 機關檔案保存年限及銷毀辦法",
    attributes: { medium: "paper" },
    verify: true,
  },
  {
    code: "physical",
    names: { "zh-TW": "實體破壞(焚燬、粉碎)", en: "Physical destruction" },
    source: "[004 二十四] 機關檔案保存年限及銷毀辦法",
    attributes: { medium: "any" },
    verify: true,
  },
];
