import { twIdChecksumValid } from "../checksums";
import type { Recognizer } from "../recognizer";
import { TW_ID_SHAPE } from "./shapes";

export const TW_ID_CONTEXT = [
  "身分證",
  "身份證",
  "統一證號",
  "證號",
  "居留證",
  "national id",
  "id no",
  "신분증",
] as const;

/** Taiwan national ID: letter + [12] + 8 digits with checksum. No random issuance: a failing checksum drops it. */
export const twId: Recognizer = {
  id: "tw-id",
  types: ["TW_ID"],
  pattern: TW_ID_SHAPE,
  context: TW_ID_CONTEXT,
  priority: 1,
  validate(norm, { start, end }) {
    const c = norm.charCodeAt(start + 1);
    if (c !== 49 && c !== 50) return null; // second character 1 or 2
    return twIdChecksumValid(norm.slice(start, end)) ? { score: 1 } : null;
  },
};
