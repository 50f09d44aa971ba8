import { scriptHint } from "../context";
import type { Recognizer } from "../recognizer";
import { digitGroups, PHONE_CONTEXT, separatorCount } from "./phone-common";

/**
 * Korean phones: mobile 01X, area codes 02 / 0[3-6][1-5], 070, 050X, 080, "(02)" and +82 forms.
 * Bare digit strings are only medium (mobile) or need context (landline).
 */
export const krPhone: Recognizer = {
  id: "kr-phone",
  types: ["KR_PHONE"],
  pattern:
    /(?<![\d*+])(?:0(?:1[016789]|2|[3-6][1-5]|[78]0|50\d)[-. ]?\d{3,4}[-. ]?\d{4}|\(0(?:2|[3-6][1-5]|70)\) ?\d{3,4}[-. ]?\d{4}|\+82[-. ]?(?:\(0\))?(?:1[016789]|2|[3-6][1-5]|70)[-. ]?\d{3,4}[-. ]?\d{4})(?![\d*])/g,
  baselineSource: "0\\d{1,2}[-. ]?\\d{3,4}[-. ]?\\d{4}|\\+82[-. ]?\\d{1,2}[-. ]?\\d{3,4}[-. ]?\\d{4}",
  context: PHONE_CONTEXT,
  priority: 2,
  validate(norm, { start, end }) {
    const raw = norm.slice(start, end);
    const groups = digitGroups(raw);
    const intl = raw[0] === "+";
    const national = intl ? groups.slice(1).join("").replace(/^0/, "") : groups.join("").slice(1);
    const mobile = national[0] === "1";
    // 010 numbers always have a four-digit middle block.
    if (national.startsWith("10") && national.length !== 10) return null;
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
