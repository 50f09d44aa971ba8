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

/** A matched phone text taken apart: country code, national significant number, leading group. */
export interface PhoneParts {
  /** "" for a national form; "82" / "886"; "other" for a "+" the phone plans here do not cover. */
  country: "" | "82" | "886" | "other";
  /** Digits after the country code and the trunk 0 ("+82 (0)10 1234 5678" -> "1012345678"). */
  national: string;
  /** First digit group of the national number without its trunk 0 ("02-..." -> "2"), "" if none. */
  lead: string;
  /** Number of digit groups in the national number (1 = written without separators). */
  groupCount: number;
}

/**
 * Splits any matched phone text. Never throws, whatever the text: the international forms may be
 * compact ("+886223456789": the country code and the number are one digit group), spaced,
 * hyphenated, with "(0)" or with "(+886)" around the code.
 */
export function phoneParts(raw: string): PhoneParts {
  const groups = digitGroups(raw);
  let country: PhoneParts["country"] = "";
  const plus = raw.indexOf("+");
  if (plus !== -1) {
    const first = groups[0] ?? "";
    country = first.startsWith("886") ? "886" : first.startsWith("82") ? "82" : "other";
    const rest = country === "other" ? first : first.slice(country.length);
    if (rest === "") groups.shift();
    else groups[0] = rest;
    if (groups[0] === "0") groups.shift(); // "+886 (0)2 ..."
  }
  const all = groups.join("");
  const national = all[0] === "0" ? all.slice(1) : all;
  const first = groups[0] ?? "";
  return {
    country,
    national,
    lead: first[0] === "0" ? first.slice(1) : first,
    groupCount: groups.length,
  };
}
