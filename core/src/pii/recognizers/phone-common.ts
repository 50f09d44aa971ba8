/** Context words for telephone numbers in ko / zh-TW / en. */
export const PHONE_CONTEXT = [
  "전화",
  "연락처",
  "휴대폰",
  "핸드폰",
  "휴대전화",
  "연락",
  "tel",
  "phone",
  "mobile",
  "cell",
  "fax",
  "팩스",
  "電話",
  "手機",
  "聯絡",
  "連絡",
  "行動",
  "傳真",
] as const;

/** Splits a matched phone text into its digit groups (hand-written: this runs for every candidate). */
export function digitGroups(raw: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < raw.length) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < raw.length && raw.charCodeAt(j) >= 48 && raw.charCodeAt(j) <= 57) j++;
    out.push(raw.slice(i, j));
    i = j;
  }
  return out;
}

/** Number of separator characters (hyphen, dot, space) between digit groups. */
export function separatorCount(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 45 || c === 46 || c === 32 || c === 41) n++; // - . space )
  }
  return n;
}
