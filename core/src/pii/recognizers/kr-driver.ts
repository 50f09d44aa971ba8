import { countCode, type Recognizer } from "../recognizer";

const REGION_NAMES = "서울|부산|대구|인천|광주|대전|울산|경기|강원|충북|충남|전북|전남|경북|경남|제주";

/** Driver licence RR-YY-NNNNNN-CC (region 11-26, 28) or the older "서울 YY-NNNNNN-CC". Low without context. */
export const krDriver: Recognizer = {
  id: "kr-driver",
  types: ["KR_DRIVER"],
  pattern: new RegExp(
    `[12](?<![\\d*][12])\\d-?\\d{2}-?\\d{6}-?\\d{2}(?![\\d*])|(?:${REGION_NAMES}) ?\\d{2}-?\\d{6}-?\\d{2}(?![\\d*])`,
    "g",
  ),
  context: ["운전면허", "면허번호", "면허증", "driver", "licence", "license", "駕照", "駕駛執照"],
  priority: 4,
  validate(norm, { start, end }) {
    const raw = norm.slice(start, end);
    const hyphens = countCode(norm, start, end, 45);
    const named = raw.charCodeAt(0) > 0x7f;
    if (named ? hyphens !== 2 : hyphens !== 0 && hyphens !== 3) return null;
    const region = named ? 0 : Number(raw.slice(0, 2));
    if (!named && (region < 11 || region > 28 || region === 27)) return null;
    return { score: hyphens > 0 ? 0.45 : 0.25 };
  },
};
