// TW grounds to restrict disclosure, 政府資訊公開法 (Freedom of Government Information Law) Art. 18(1) items 1-9
// [J1, J4]. `attributes.short` is the label burned into every redaction box of a partial disclosure ("18Ⅰ6"),
// as US agencies print "(b)(6)": the requester sees where and why. Art. 18(2): the rest is still disclosed.
import type { CatalogueEntry } from "../../../registry/catalogue";

const ART = "政府資訊公開法第18條第1項";
const item = (n: number, zh: string, en: string): CatalogueEntry => ({
  code: `art18-1-${n}`,
  names: { "zh-TW": zh, en },
  article: `${ART}第${n}款`,
  attributes: { short: `18Ⅰ${n}` },
});

export const twDisclosureGrounds: CatalogueEntry[] = [
  item(
    1,
    "經依法核定為國家機密或其他法律、法規命令規定應秘密事項或限制、禁止公開者",
    "Classified as a state secret, or secret, restricted or prohibited by another law or regulation",
  ),
  item(
    2,
    "公開或提供有礙犯罪之偵查、追訴、執行或足以妨害刑事被告受公正之裁判或有危害他人生命、身體、自由、財產者",
    "Would hinder criminal investigation, prosecution or enforcement, a fair trial, or endanger another's life, body, liberty or property",
  ),
  item(
    3,
    "政府機關作成意思決定前，內部單位之擬稿或其他準備作業",
    "Internal drafts or preparatory work before the agency decides (unless public interest requires)",
  ),
  item(
    4,
    "為實施監督、管理、檢（調）查、取締等業務而取得或製作之資料，其公開或提供將對實施目的造成困難或妨害者",
    "Supervision, inspection or enforcement material whose disclosure would frustrate its purpose",
  ),
  item(
    5,
    "有關專門知識、技能或資格所為之考試、檢定或鑑定等有關資料，其公開或提供將影響其公正效率之執行者",
    "Examination, certification or appraisal material whose disclosure would affect their fairness",
  ),
  item(
    6,
    "公開或提供有侵害個人隱私、職業上秘密或著作權人之公開發表權者",
    "Would infringe personal privacy, professional secrets or an author's right of first publication",
  ),
  item(
    7,
    "個人、法人或團體營業上秘密或經營事業有關之資訊，其公開或提供有侵害其權利、競爭地位或其他正當利益者",
    "Trade secrets or business information of a person, company or body whose disclosure would harm their rights or competitive position",
  ),
  item(
    8,
    "為保存文化資產必須特別管理，而公開或提供有滅失或減損其價值之虞者",
    "Cultural heritage under special care that disclosure could destroy or diminish",
  ),
  item(
    9,
    "公營事業機構經營之有關資料，其公開或提供將妨害其經營上之正當利益者",
    "Operating material of a state-owned enterprise whose disclosure would harm its legitimate business interests",
  ),
];
