import { scriptHint } from "../context";
import type { Recognizer } from "../recognizer";
import { digitGroups, PHONE_CONTEXT, separatorCount } from "./phone-common";
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

/** Taiwan phones: mobile 09XX-XXX-XXX, landline (0X)XXXX-XXXX or 0X-XXXX-XXXX, +886 forms. */
export const twPhone: Recognizer = {
  id: "tw-phone",
  types: ["TW_PHONE"],
  pattern: PHONE_SHAPE,
  context: PHONE_CONTEXT,
  priority: 2,
  validate(norm, { start, end }) {
    const raw = norm.slice(start, end);
    const groups = digitGroups(raw);
    const intl = raw[0] === "+";
    if (intl && !raw.startsWith("+886")) return null;
    const g = intl ? groups.slice(1) : groups;
    if (g[0] === "0") g.shift(); // "+886 (0)2 ..."
    const national = g.join("").replace(/^0/, "");
    if (national[0] === "9") {
      if (national.length !== 9) return null;
      if (intl) return { score: 0.8 };
      return { score: separatorCount(raw) >= 1 ? 0.8 : 0.6 };
    }
    const area = g[0].replace(/^0/, "");
    const sub = national.slice(area.length);
    const allowed = AREA_SUBSCRIBER[area];
    if (!allowed?.includes(sub.length)) return null;
    if (intl) return { score: 0.8 };
    return { score: 0.7 + 0.05 * -scriptHint(norm, start, end) };
  },
};
