// Fee items for TW inspection, transcription and copies of personal data [004 三十, C13]: charged under the
// 檔案閱覽抄錄複製收費標準. The seed names the standard but no amounts, and the amounts could not be confirmed
// against the current official text here, so every item ships with `amountTwd: null` and `verify`: the agency
// fills in the amounts (as a local override) before fees are charged. Postage and media are at cost.
import type { CatalogueEntry } from "../../../registry/catalogue";

const ART = "檔案閱覽抄錄複製收費標準; [004 三十]";

export const twFeeSchedule: CatalogueEntry[] = [
  { code: "inspection", names: { "zh-TW": "閱覽", en: "Inspection" }, attributes: { unit: "per_visit" } },
  {
    code: "transcription",
    names: { "zh-TW": "抄錄", en: "Transcription" },
    attributes: { unit: "per_visit" },
  },
  {
    code: "copy_paper_bw",
    names: { "zh-TW": "紙本複製（黑白）", en: "Paper copy (black and white)" },
    attributes: { unit: "per_page" },
  },
  {
    code: "copy_paper_colour",
    names: { "zh-TW": "紙本複製（彩色）", en: "Paper copy (colour)" },
    attributes: { unit: "per_page" },
  },
  {
    code: "copy_digital",
    names: { "zh-TW": "數位影像或電子檔複製", en: "Digital image or electronic file copy" },
    attributes: { unit: "per_file" },
  },
  {
    code: "copy_audio_video",
    names: { "zh-TW": "錄音、錄影資料複製", en: "Audio or video copy" },
    attributes: { unit: "per_item" },
  },
  {
    code: "storage_medium",
    names: { "zh-TW": "儲存媒體", en: "Storage medium (disc, USB drive)" },
    attributes: { unit: "at_cost" },
  },
  { code: "postage", names: { "zh-TW": "郵寄費用", en: "Postage" }, attributes: { unit: "at_cost" } },
].map((e) => ({
  ...e,
  article: ART,
  verify: true as const,
  attributes: { ...e.attributes, currency: "TWD", amountTwd: null },
}));
