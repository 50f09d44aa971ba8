import { scriptHint } from "../context";
import type { Recognizer } from "../recognizer";
import { PHONE_CONTEXT, phoneParts, separatorCount } from "./phone-common";
import { PHONE_SHAPE } from "./shapes";

/** Taiwan area code -> subscriber number length. */
const AREA_SUBSCRIBER: Record<string, number[]> = {
  "2": [8],
  "3": [7],
  "37": [6],
  "4": [7, 8],
  "49": [7],
  "5": [7],
  "6": [7],
  "7": [7],
  "8": [7],
  "89": [6],
  "82": [6],
  "826": [5],
  "836": [4],
};

function areaFits(area: string, national: string): boolean {
  const allowed = AREA_SUBSCRIBER[area];
  return (
    allowed !== undefined && national.startsWith(area) && allowed.includes(national.length - area.length)
  );
}

/** Taiwan phones: mobile 09XX-XXX-XXX, landline (0X)XXXX-XXXX or 0X-XXXX-XXXX, +886 forms. */
export const twPhone: Recognizer = {
  id: "tw-phone",
  types: ["TW_PHONE"],
  pattern: PHONE_SHAPE,
  context: PHONE_CONTEXT,
  priority: 2,
  validate(norm, { start, end }) {
    const raw = norm.slice(start, end);
    const { country, national, lead, groupCount } = phoneParts(raw);
    const intl = country !== "";
    if (intl && country !== "886") return null;
    if (national[0] === "9") {
      if (national.length !== 9) return null;
      if (intl) return { score: 0.8 };
      return { score: separatorCount(raw) >= 1 ? 0.8 : 0.6 };
    }
    if (intl) {
      // After +886 the number is a phone whatever its grouping; a compact one ("+886223456789")
      // does not show where the area code ends, so any area code whose length plan fits will do.
      const written =
        groupCount > 1 && lead.length <= 3 ? [lead] : [1, 2, 3].map((n) => national.slice(0, n));
      return written.some((a) => areaFits(a, national)) ? { score: 0.8 } : null;
    }
    // National forms: the area code is the group the writer separated ("02-", "(049)").
    if (!areaFits(lead, national)) return null;
    return { score: 0.7 + 0.05 * -scriptHint(norm, start, end) };
  },
};
