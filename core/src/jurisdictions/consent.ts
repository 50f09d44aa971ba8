// The notice shown before a citizen agrees to the processing of the data in an online rights request
// (issue 11 item 7; H1). Each jurisdiction's pack lists the items its law requires, in the law's order,
// with the citation; the portal renders them as they are (no wording lives in the web app).

export type NoticeLocale = "ko" | "zh-TW" | "en";
export type NoticeText = Record<NoticeLocale, string>;

export interface ConsentNoticeItem {
  /** Stable key of the statutory item (purpose, items, retention, refusal, ...). */
  key: string;
  /** The item as the law names it. */
  label: NoticeText;
  /** What this agency's request form does for that item. `{agency}` is replaced by the agency's name. */
  text: NoticeText;
  /** Set where the value is an agency-level default the privacy officer should confirm. */
  verify?: boolean;
}

export interface ConsentNotice {
  /** The provision that lists the items ("개인정보 보호법 제15조제2항"), in each language. */
  citation: NoticeText;
  items: readonly ConsentNoticeItem[];
  /** The check box's label. */
  agree: NoticeText;
}

/** A notice text in the given language, with the agency's name filled in. */
export function noticeText(t: NoticeText, locale: string, agencyName = ""): string {
  const s = t[(locale in t ? locale : "en") as NoticeLocale];
  return s.replaceAll("{agency}", agencyName);
}
