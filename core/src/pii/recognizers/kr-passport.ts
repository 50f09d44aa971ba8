import type { Recognizer } from "../recognizer";

/** Korean passport: [MSROD] + 8 digits, or + 3 digits, a letter, 4 digits. No checksum: needs context. */
export const krPassport: Recognizer = {
  id: "kr-passport",
  types: ["KR_PASSPORT"],
  pattern: /[MSROD](?<![A-Za-z0-9][MSROD])(?:\d{8}|\d{3}[A-Z]\d{4})(?![A-Za-z0-9])/g,
  context: ["여권", "passport", "護照", "旅券"],
  priority: 4,
  validate() {
    return { score: 0.3 };
  },
};
