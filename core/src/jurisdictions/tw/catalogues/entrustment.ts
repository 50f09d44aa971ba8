// TW outsourcing supervision checklist [004 三十三–三十五, 四十一; 002 第20點; G8, G9]. `group` says when the
// item is checked: tender, contract, performance (during the contract) or termination.
import type { CatalogueEntry } from "../../../registry/catalogue";

export const twEntrustmentChecklist: CatalogueEntry[] = [
  {
    code: "tender_capability",
    group: "tender",
    names: {
      "zh-TW": "招標文件要求投標廠商具備個人資料保護管理能力",
      en: "Tender requires bidders to have personal-data protection capability",
    },
    article: "[004 三十三]",
  },
  {
    code: "tender_evaluation",
    group: "tender",
    names: {
      "zh-TW": "招標文件訂定個人資料保護評選項目",
      en: "Tender sets data-protection evaluation items",
    },
    article: "[004 三十三]",
  },
  {
    code: "contract_supervision",
    group: "contract",
    names: { "zh-TW": "採購契約訂定監督事項", en: "Contract sets supervision items" },
    article: "[004 三十三]",
  },
  {
    code: "contract_penalties",
    group: "contract",
    names: { "zh-TW": "採購契約訂定罰則條款", en: "Contract sets penalty clauses" },
    article: "[004 三十三]",
  },
  {
    code: "contract_directions",
    group: "contract",
    names: {
      "zh-TW": "將本機關個人資料保護管理要點列入採購契約文件供廠商遵循",
      en: "The agency's data-protection directions are attached to the contract for the vendor to follow",
    },
    article: "[004 三十三]",
  },
  {
    code: "vendor_staff_briefing",
    group: "performance",
    names: {
      "zh-TW": "首次得標廠商員工詳閱要點及契約內容，廠商提供必要教育訓練",
      en: "First-time vendor staff read the directions and contract; the vendor trains its staff",
    },
    article: "[004 四十一]",
  },
  {
    code: "periodic_check",
    group: "performance",
    names: {
      "zh-TW": "履約期間定期確認廠商執行個人資料保護措施並予以記錄",
      en: "Regularly confirm and record the vendor's data-protection measures during the contract",
    },
    article: "[004 三十五]",
  },
  {
    code: "staff_departure_lock",
    group: "performance",
    names: {
      "zh-TW": "廠商員工離職或留職停薪時，說明系統存取權限及完成鎖定帳號或停止權限之時點",
      en: "On vendor staff departure or unpaid leave, record their system access and when the account was locked",
    },
    article: "[004 三十四 II]",
  },
  {
    code: "staff_departure_passwords",
    group: "performance",
    names: {
      "zh-TW": "更換離職或留職停薪員工曾接觸之密碼",
      en: "Change the passwords that departed staff had access to",
    },
    article: "[004 三十四 II]",
  },
  {
    code: "termination_return",
    group: "termination",
    names: {
      "zh-TW": "契約終止、解除或屆滿時返還、刪除或交接所保有之個人資料",
      en: "At contract end, the vendor returns, deletes or hands over the personal data it holds",
    },
    article: "[004 三十四 I]",
  },
  {
    code: "termination_access",
    group: "termination",
    names: { "zh-TW": "刪除廠商存取權限", en: "Remove the vendor's access rights" },
    article: "[004 三十四 I]",
  },
  {
    code: "termination_affidavit",
    group: "termination",
    names: {
      "zh-TW": "廠商切結未以任何形式保留備份或影本（續約廠商不在此限）",
      en: "The vendor signs that it kept no backup or copy in any form (not required on renewal)",
    },
    article: "[004 三十四 I]",
    attributes: { exemptOnRenewal: true },
  },
].map((e) => ({ ...e, source: "[004 三十三–三十五; 002 第20點]" }));
