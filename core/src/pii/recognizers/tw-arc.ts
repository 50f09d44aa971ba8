import { twIdChecksumValid } from "../checksums";
import type { Recognizer } from "../recognizer";
import { TW_ID_SHAPE } from "./shapes";
import { TW_ID_CONTEXT } from "./tw-id";

/** Taiwan resident certificate: new letter + [89] + 8 digits, old letter + [A-D] + 8 digits; checksum. */
export const twArc: Recognizer = {
  id: "tw-arc",
  types: ["TW_ARC"],
  pattern: TW_ID_SHAPE,
  context: [...TW_ID_CONTEXT, "居留", "arc", "resident certificate"],
  priority: 1,
  validate(norm, { start, end }) {
    const c = norm.charCodeAt(start + 1);
    if (c === 49 || c === 50) return null; // 1 / 2: a national ID, not a certificate
    return twIdChecksumValid(norm.slice(start, end)) ? { score: 1 } : null;
  },
};
