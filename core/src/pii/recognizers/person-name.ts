import type { Recognizer } from "../recognizer";

/** Lower-confidence tier: a name right after a name label (성명, 姓名, Name:). */
export const personName: Recognizer = {
  id: "person-name",
  types: ["PERSON_NAME"],
  pattern:
    /(?:성명|이름|신청인|청구인|민원인|작성자|姓名|申請人|陳情人|聯絡人|Name|NAME)[ \t]?[:：]?[ \t]?(?:[가-힣]{2,3}|[\u4E00-\u9FFF]{2,3}|[A-Z][a-z]{1,20} [A-Z][a-z]{1,20})/g,
  context: [],
  priority: 8,
  lowConfidence: true,
  validate(norm, { start, end }) {
    const raw = norm.slice(start, end);
    const m = /(?:[가-힣]{2,3}|[\u4E00-\u9FFF]{2,3}|[A-Z][a-z]{1,20} [A-Z][a-z]{1,20})$/.exec(raw);
    if (!m) return null;
    return { score: 0.6, start: end - m[0].length, end };
  },
};
