import { scriptHint } from "../context";
import type { Recognizer } from "../recognizer";
import { PHONE_CONTEXT, phoneParts, separatorCount } from "./phone-common";
import { PHONE_SHAPE } from "./shapes";

/** National number without the leading 0: mobile, Seoul, other areas, 070, 080, 050X. */
const KR_NATIONAL = /^(?:10\d{8}|1[16789]\d{7,8}|2\d{7,8}|[3-6][1-5]\d{7,8}|70\d{8}|80\d{7,8}|50\d{8,9})$/;

/**
 * Korean phones: mobile 01X, area codes 02 / 0[3-6][1-5], 070, 050X, 080, "(02)" / "(010)" and
 * +82 forms (compact "+821012345678", spaced, hyphenated, "+82 (0)10", "(+82) 10").
 * Bare digit strings are only medium (mobile) or need context (landline).
 */
export const krPhone: Recognizer = {
  id: "kr-phone",
  types: ["KR_PHONE"],
  pattern: PHONE_SHAPE,
  context: PHONE_CONTEXT,
  priority: 2,
  validate(norm, { start, end }) {
    const raw = norm.slice(start, end);
    const { country, national } = phoneParts(raw);
    const intl = country !== "";
    if (intl && country !== "82") return null;
    if (!intl && raw[0] !== "0" && !raw.startsWith("(0")) return null;
    // Korean numbering plan (010 numbers always have a four-digit middle block).
    if (!KR_NATIONAL.test(national)) return null;
    const mobile = national[0] === "1";
    if (intl) return { score: 0.8 };
    const seps = separatorCount(raw) + (raw[0] === "(" ? 1 : 0);
    if (mobile) {
      if (seps >= 1) return { score: 0.8 };
      // Bare digits: 010 + 8 is almost always a phone, older 10-digit forms need context, and
      // in Chinese text a bare 01... run is more likely a document number.
      const bare = national.length === 10 && national.startsWith("10") ? 0.6 : 0.4;
      return { score: scriptHint(norm, start, end) < 0 ? bare - 0.3 : bare };
    }
    if (seps < 2) return { score: 0.3 };
    // Seoul "02" numbers look the same in Taipei: let the surrounding script decide.
    return { score: 0.7 + 0.05 * scriptHint(norm, start, end) };
  },
};
