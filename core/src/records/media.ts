// Record media (기록물 형태 / 檔案媒體) [J2, K5]. Seed 003 II counts 문서(권), 카드(매), 도면(매), 전자문서(건);
// the issue adds photo, film and tape. `unit` is what one counted piece is, as the K5 table prints it.
import type { CatalogueLocale } from "../registry/catalogue";

export const RECORD_MEDIA = [
  "paper_volume",
  "card",
  "drawing",
  "electronic",
  "photo",
  "film",
  "tape",
] as const;
export type RecordMedium = (typeof RECORD_MEDIA)[number];

type Names = Record<CatalogueLocale, string>;

export const MEDIUM_NAMES: Record<RecordMedium, { name: Names; unit: Names }> = {
  paper_volume: {
    name: { ko: "문서(대장 포함)", "zh-TW": "紙本案卷", en: "Paper volumes (incl. registers)" },
    unit: { ko: "권", "zh-TW": "卷", en: "volumes" },
  },
  card: {
    name: { ko: "카드", "zh-TW": "卡片", en: "Cards" },
    unit: { ko: "매", "zh-TW": "張", en: "cards" },
  },
  drawing: {
    name: { ko: "도면", "zh-TW": "圖面", en: "Drawings" },
    unit: { ko: "매", "zh-TW": "張", en: "sheets" },
  },
  electronic: {
    name: { ko: "전자문서", "zh-TW": "電子文件", en: "Electronic documents" },
    unit: { ko: "건", "zh-TW": "件", en: "items" },
  },
  photo: {
    name: { ko: "사진", "zh-TW": "照片", en: "Photos" },
    unit: { ko: "매", "zh-TW": "張", en: "photos" },
  },
  film: {
    name: { ko: "필름", "zh-TW": "影片膠卷", en: "Film" },
    unit: { ko: "롤", "zh-TW": "卷", en: "reels" },
  },
  tape: {
    name: { ko: "테이프", "zh-TW": "錄音（影）帶", en: "Tapes" },
    unit: { ko: "개", "zh-TW": "捲", en: "tapes" },
  },
};
