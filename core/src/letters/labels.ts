// Fixed words of every letter (field labels, decision names) and the local date formats. Kept apart from
// the kind templates so a new kind only writes its own sentences.
import type { Decision, LetterLocale } from "./types";

export interface LetterLabels {
  number: string;
  issuedDate: string;
  recipient: string;
  recipientSuffix: string;
  subject: string;
  requestNumber: string;
  receivedDate: string;
  requestKind: string;
  columns: { item: string; action: string; decision: string; reason: string };
  decisions: Record<Decision, string>;
  /** Item action codes of the requests module, in words. */
  actions: Record<string, string>;
  delivery: Record<"download" | "email" | "post" | "in_person", string>;
  fees: { heading: string; item: string; amount: string; total: string; waived: string };
  citation: string;
  contact: {
    unit: string;
    officer: string;
    phone: string;
    email: string;
    address: string;
    fax: string;
    /** The officer's telephone in the contact block (KR 연락처). */
    reach: string;
  };
  sealOmitted: string;
  page: string;
  /** TW 函 layout words (文書處理手冊). */
  han: {
    type: string;
    speed: string;
    secrecy: string;
    attachments: string;
    subject: string;
    explanation: string;
    original: string;
    copy: string;
    normalSpeed: string;
    normalSecrecy: string;
    none: string;
  };
  /** Shown for a fee or postage of 0 on access notices. */
  postage: string;
}

export const LABELS: Record<LetterLocale, LetterLabels> = {
  ko: {
    number: "문서번호",
    issuedDate: "시행일",
    recipient: "수신",
    recipientSuffix: " 귀하",
    subject: "제목",
    requestNumber: "접수번호",
    receivedDate: "접수일",
    requestKind: "요구 유형",
    columns: { item: "대상 개인정보(파일)", action: "요구 내용", decision: "결정", reason: "사유·근거" },
    decisions: { granted: "인용", partly: "일부 인용", refused: "거절", deferred: "연기" },
    actions: {
      access: "열람",
      copy: "사본 교부",
      correction: "정정",
      supplement: "보완",
      deletion: "삭제",
      suspension: "처리정지",
      stop_collection: "수집 정지",
      stop_processing: "처리 정지",
      stop_use: "이용 정지",
      query: "조회 답변",
      inspection: "열람",
      transcription: "필사",
    },
    delivery: { download: "온라인 내려받기", email: "전자우편", post: "우편", in_person: "방문 열람" },
    fees: { heading: "수수료", item: "항목", amount: "금액", total: "합계", waived: "면제" },
    citation: "관련 근거: ",
    contact: {
      unit: "담당부서",
      officer: "담당자",
      phone: "전화",
      email: "전자우편",
      address: "주소",
      fax: "전송",
      reach: "연락처",
    },
    sealOmitted: "(직인생략)",
    page: "쪽",
    han: {
      type: "函",
      speed: "속별(速別)",
      secrecy: "비밀등급(密等)",
      attachments: "첨부",
      subject: "주지(主旨)",
      explanation: "설명(說明)",
      original: "정본(正本)",
      copy: "부본(副本)",
      normalSpeed: "보통",
      normalSecrecy: "일반",
      none: "없음",
    },
    postage: "우송료",
  },
  "zh-TW": {
    number: "發文字號",
    issuedDate: "發文日期",
    recipient: "受文者",
    recipientSuffix: " 君",
    subject: "主旨",
    requestNumber: "收件編號",
    receivedDate: "收件日期",
    requestKind: "請求類型",
    columns: { item: "個人資料（檔案）", action: "請求事項", decision: "決定", reason: "理由及依據" },
    decisions: { granted: "准予", partly: "部分准予", refused: "駁回", deferred: "延後" },
    actions: {
      access: "閱覽",
      copy: "製給複製本",
      correction: "更正",
      supplement: "補充",
      deletion: "刪除",
      suspension: "停止處理",
      stop_collection: "停止蒐集",
      stop_processing: "停止處理",
      stop_use: "停止利用",
      query: "答覆查詢",
      inspection: "提供閱覽",
      transcription: "抄錄",
    },
    delivery: { download: "線上下載", email: "電子郵件", post: "郵寄", in_person: "臨櫃閱覽" },
    fees: { heading: "費用", item: "項目", amount: "金額", total: "合計", waived: "免收" },
    citation: "法令依據：",
    contact: {
      unit: "承辦單位",
      officer: "承辦人",
      phone: "電話",
      email: "電子信箱",
      address: "地址",
      fax: "傳真",
      reach: "電話",
    },
    sealOmitted: "",
    page: "頁",
    han: {
      type: "函",
      speed: "速別",
      secrecy: "密等及解密條件或保密期限",
      attachments: "附件",
      subject: "主旨",
      explanation: "說明",
      original: "正本",
      copy: "副本",
      normalSpeed: "普通件",
      normalSecrecy: "普通",
      none: "無",
    },
    postage: "郵寄費用",
  },
  en: {
    number: "Reference",
    issuedDate: "Date",
    recipient: "To",
    recipientSuffix: "",
    subject: "Subject",
    requestNumber: "Request no.",
    receivedDate: "Received",
    requestKind: "Request type",
    columns: {
      item: "Personal data (file)",
      action: "Request",
      decision: "Decision",
      reason: "Reason and legal basis",
    },
    decisions: { granted: "Granted", partly: "Partly granted", refused: "Refused", deferred: "Deferred" },
    actions: {
      access: "Access",
      copy: "Copy",
      correction: "Correction",
      supplement: "Supplement",
      deletion: "Deletion",
      suspension: "Suspension of processing",
      stop_collection: "Stop collection",
      stop_processing: "Stop processing",
      stop_use: "Stop use",
      query: "Answer a query",
      inspection: "Inspection",
      transcription: "Transcription",
    },
    delivery: {
      download: "Online download",
      email: "E-mail",
      post: "Post",
      in_person: "In-person inspection",
    },
    fees: { heading: "Fees", item: "Item", amount: "Amount", total: "Total", waived: "Waived" },
    citation: "Legal basis: ",
    contact: {
      unit: "Department",
      officer: "Officer",
      phone: "Phone",
      email: "E-mail",
      address: "Address",
      fax: "Fax",
      reach: "Contact",
    },
    sealOmitted: "",
    page: "page",
    han: {
      type: "函 (official letter)",
      speed: "Speed",
      secrecy: "Classification",
      attachments: "Attachments",
      subject: "Subject",
      explanation: "Explanation",
      original: "Original to",
      copy: "Copy to",
      normalSpeed: "Normal",
      normalSecrecy: "Unclassified",
      none: "None",
    },
    postage: "Postage",
  },
};

const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Calendar parts of an instant in a time zone. */
export function zonedParts(
  instant: Date,
  timeZone: string,
): { year: number; month: number; day: number; hour: number; minute: number } {
  const f = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
  return { year: +p.year, month: +p.month, day: +p.day, hour: +p.hour, minute: +p.minute };
}

/** A date-only ISO string ("2026-11-23") is a calendar day, not an instant: it is never shifted by zones. */
function partsOf(value: string | Date, timeZone: string) {
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split("-").map(Number);
    return { year: y, month: m, day: d, hour: 0, minute: 0, dateOnly: true };
  }
  const d = typeof value === "string" ? new Date(value) : value;
  if (Number.isNaN(d.getTime())) throw new RangeError(`invalid date: ${String(value)}`);
  return { ...zonedParts(d, timeZone), dateOnly: false };
}

/**
 * Local date formats of official letters: KR "2026. 11. 23." (행정 업무의 운영 및 혁신에 관한 규정 style),
 * TW "中華民國115年11月23日" (ROC year), English "23 November 2026".
 */
export function formatLetterDate(value: string | Date, locale: LetterLocale, timeZone: string): string {
  const p = partsOf(value, timeZone);
  if (locale === "ko") return `${p.year}. ${p.month}. ${p.day}.`;
  if (locale === "zh-TW") return `中華民國${p.year - 1911}年${p.month}月${p.day}日`;
  return `${p.day} ${EN_MONTHS[p.month - 1]} ${p.year}`;
}

export function formatLetterDateTime(value: string | Date, locale: LetterLocale, timeZone: string): string {
  const p = partsOf(value, timeZone);
  const date = formatLetterDate(value, locale, timeZone);
  if (p.dateOnly) return date;
  const hm = `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
  return `${date} ${hm}`;
}

/** Money with grouping; TWD and KRW have no minor unit on letters. */
export function formatAmount(amount: number, currency: string | undefined, locale: LetterLocale): string {
  const n = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 }).format(amount);
  if (currency === "TWD") return locale === "zh-TW" ? `新臺幣${n}元` : `NT$${n}`;
  if (currency === "KRW") return locale === "ko" ? `${n}원` : `KRW ${n}`;
  return currency ? `${currency} ${n}` : n;
}
