import { rrnCheckDigit, rrnDateValid } from "../checksums";
import { countCode, digitsIn, type Recognizer } from "../recognizer";
import { KR_RESIDENT_SHAPE } from "./shapes";

/** Context words shared by RRN and FRN. */
export const KR_ID_CONTEXT = [
  "주민등록번호",
  "주민번호",
  "주민등록",
  "생년월일",
  "등록번호",
  "외국인등록",
  "resident registration",
  "registration no",
  "rrn",
  "身分證",
  "身份證",
  "居民登錄",
  "住民登錄",
] as const;

/** Score of a number whose date part is valid but whose checksum fails (issued since Oct 2020). */
export const RRN_UNCHECKED_HYPHEN = 0.55;
export const RRN_UNCHECKED_PLAIN = 0.3;

/**
 * YYMMDD-GNNNNNN with G in 1-4, 9, 0 (the shape is shared with FRN). Checksum pass -> 1.0. Since October 2020 the trailing digits
 * are random, so a failing checksum is kept at medium confidence when the date is valid.
 */
export const krRrn: Recognizer = {
  id: "kr-rrn",
  types: ["KR_RRN"],
  pattern: KR_RESIDENT_SHAPE,
  context: KR_ID_CONTEXT,
  priority: 1,
  validate(norm, { start, end }) {
    const d = digitsIn(norm, start, end);
    const g = d.charCodeAt(6) - 48;
    if ((g >= 5 && g <= 8) || !rrnDateValid(d)) return null;
    if (rrnCheckDigit(d.slice(0, 12)) === d.charCodeAt(12) - 48) return { score: 1 };
    return { score: countCode(norm, start, end, 45) > 0 ? RRN_UNCHECKED_HYPHEN : RRN_UNCHECKED_PLAIN };
  },
};
