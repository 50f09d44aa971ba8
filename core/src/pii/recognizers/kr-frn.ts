import { frnCheckDigit, rrnDateValid } from "../checksums";
import { countCode, digitsIn, type Recognizer } from "../recognizer";
import { KR_ID_CONTEXT, RRN_UNCHECKED_HYPHEN, RRN_UNCHECKED_PLAIN } from "./kr-rrn";
import { KR_RESIDENT_SHAPE } from "./shapes";

/** Foreign registration number: RRN shape with G in 5-8 and its own check digit. */
export const krFrn: Recognizer = {
  id: "kr-frn",
  types: ["KR_FRN"],
  pattern: KR_RESIDENT_SHAPE,
  context: [...KR_ID_CONTEXT, "외국인", "foreigner", "alien registration", "外國人"],
  priority: 1,
  validate(norm, { start, end }) {
    const d = digitsIn(norm, start, end);
    const g = d.charCodeAt(6) - 48;
    if (g < 5 || g > 8 || !rrnDateValid(d)) return null;
    if (frnCheckDigit(d.slice(0, 12)) === d.charCodeAt(12) - 48) return { score: 1 };
    return { score: countCode(norm, start, end, 45) > 0 ? RRN_UNCHECKED_HYPHEN : RRN_UNCHECKED_PLAIN };
  },
};
