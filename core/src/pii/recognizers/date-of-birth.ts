import { isValidDate } from "../checksums";
import type { Recognizer } from "../recognizer";

/** Lower-confidence tier: a calendar date reported only with a birth context word nearby. */
export const dateOfBirth: Recognizer = {
  id: "date-of-birth",
  types: ["DATE_OF_BIRTH"],
  pattern:
    /(?<!\d)(?:19|20)\d{2}(?:[-./]\d{1,2}[-./]\d{1,2}|년 ?\d{1,2}월 ?\d{1,2}일|年\d{1,2}月\d{1,2}日)(?!\d)/g,
  context: ["생년월일", "출생", "생일", "出生", "生日", "birth", "dob", "born"],
  priority: 9,
  lowConfidence: true,
  validate(norm, { start, end }) {
    const n = norm.slice(start, end).match(/\d+/g) ?? [];
    if (n.length !== 3 || !isValidDate(Number(n[0]), Number(n[1]), Number(n[2]))) return null;
    return { score: 0.2 };
  },
};
