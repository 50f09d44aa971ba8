import { twIdChecksumValid } from "../checksums";
import type { Recognizer } from "../recognizer";
import { TW_ID_CONTEXT } from "./tw-id";

/** Taiwan resident certificate: new letter + [89] + 8 digits, old letter + [A-D] + 8 digits; checksum. */
export const twArc: Recognizer = {
  id: "tw-arc",
  types: ["TW_ARC"],
  pattern: /(?<![A-Za-z0-9])[A-Z][89A-D]\d{8}(?![A-Za-z0-9])/g,
  context: [...TW_ID_CONTEXT, "居留", "arc", "resident certificate"],
  priority: 1,
  validate(norm, { start, end }) {
    return twIdChecksumValid(norm.slice(start, end)) ? { score: 1 } : null;
  },
};
