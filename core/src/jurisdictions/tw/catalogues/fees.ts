// Fee items for TW inspection, transcription and copies of personal data [004 三十, C13], charged under the
// 檔案閱覽抄錄複製收費標準 (National Archives Administration; text as amended 2022-12-30, checked against a
// public mirror of the national law database). PDPA Art. 14 allows only the necessary cost.
// Confirmed from the text (Art. 3, 4, 5):
// - inspection / transcription of agency archives: NT$20 per 2 hours, a started period counting as 2 hours;
//   national archives (國家檔案) are free; photographing with one's own device is charged the same way;
// - e-mail or storage-medium delivery: the agency sets the format and media cost; postage at actual cost plus
//   a NT$50 handling fee per mailing.
// The per-page copy amounts are in the attached table (檔案複製收費標準表, a PDF) that could not be read here:
// those items ship with `amountTwd: null` and `verify` for the agency to fill in.
import type { CatalogueEntry } from "../../../registry/catalogue";

const ART = "檔案閱覽抄錄複製收費標準";

const BASE: CatalogueEntry[] = [
  {
    code: "inspection",
    names: { "zh-TW": "閱覽機關檔案", en: "Inspection of agency records" },
    article: `${ART} 第3條`,
    attributes: { unit: "per_2_hours", amountTwd: 20, roundUp: true },
  },
  {
    code: "transcription",
    names: { "zh-TW": "抄錄機關檔案", en: "Transcription of agency records" },
    article: `${ART} 第3條`,
    attributes: { unit: "per_2_hours", amountTwd: 20, roundUp: true },
  },
  {
    code: "own_device_photo",
    names: { "zh-TW": "自備設備翻拍或攝影", en: "Photographing with the requester's own device" },
    article: `${ART} 第4條第2項`,
    attributes: { unit: "per_2_hours", amountTwd: 20, roundUp: true },
  },
  {
    code: "national_archives_viewing",
    names: { "zh-TW": "閱覽、抄錄國家檔案", en: "Inspection or transcription of national archives" },
    article: `${ART} 第3條第2項`,
    attributes: { unit: "free", amountTwd: 0 },
  },
  {
    code: "copy_paper_bw",
    names: { "zh-TW": "紙本複製（黑白）", en: "Paper copy (black and white)" },
    article: `${ART} 第4條; 檔案複製收費標準表`,
    verify: true,
    attributes: { unit: "per_page", amountTwd: null },
  },
  {
    code: "copy_paper_colour",
    names: { "zh-TW": "紙本複製（彩色）", en: "Paper copy (colour)" },
    article: `${ART} 第4條; 檔案複製收費標準表`,
    verify: true,
    attributes: { unit: "per_page", amountTwd: null },
  },
  {
    code: "copy_digital",
    names: { "zh-TW": "數位影像或電子檔複製", en: "Digital image or electronic file copy" },
    article: `${ART} 第4條; 檔案複製收費標準表`,
    verify: true,
    attributes: { unit: "per_file", amountTwd: null },
  },
  {
    code: "copy_audio_video",
    names: { "zh-TW": "錄音、錄影資料複製", en: "Audio or video copy" },
    article: `${ART} 第4條; 檔案複製收費標準表`,
    verify: true,
    attributes: { unit: "per_item", amountTwd: null },
  },
  {
    code: "storage_medium",
    names: { "zh-TW": "電子儲存媒體耗材", en: "Storage medium (disc, USB drive)" },
    article: `${ART} 第5條`,
    attributes: { unit: "set_by_agency", amountTwd: null },
  },
  {
    code: "postage",
    names: { "zh-TW": "郵遞費", en: "Postage" },
    article: `${ART} 第5條`,
    attributes: { unit: "at_cost", amountTwd: null },
  },
  {
    code: "mail_handling",
    names: { "zh-TW": "郵寄處理費", en: "Mailing handling fee" },
    article: `${ART} 第5條`,
    attributes: { unit: "per_mailing", amountTwd: 50 },
  },
];

export const twFeeSchedule: CatalogueEntry[] = BASE.map((e) => ({
  ...e,
  source: "[004 三十]",
  attributes: { ...e.attributes, currency: "TWD" },
}));
