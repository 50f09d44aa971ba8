import { twIdChecksumValid } from "../checksums";
import type { Recognizer } from "../recognizer";

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
  pattern: /(?<![A-Za-z0-9])[A-Z][12]\d{8}(?![A-Za-z0-9])/g,
  context: TW_ID_CONTEXT,
  priority: 1,
  validate(norm, { start, end }) {
    return twIdChecksumValid(norm.slice(start, end)) ? { score: 1 } : null;
  },
};
