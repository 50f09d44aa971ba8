import { luhnValid } from "../checksums";
import type { Recognizer } from "../recognizer";

/** Payment card numbers: 13-19 digits (4-4-4-4(-3) or 4-6-5 groups), Luhn, plausible issuer prefix. */
export const creditCard: Recognizer = {
  id: "credit-card",
  types: ["CREDIT_CARD"],
  pattern: /(?<![\d*])(?:\d{4}[ -]?\d{4}[ -]?\d{4}[ -]?\d{1,7}|\d{4}[ -]?\d{6}[ -]?\d{4,5})(?![\d*])/g,
  baselineSource: "\\d{4}[ -]?\\d{4}[ -]?\\d{4}[ -]?\\d{1,7}|\\d{4}[ -]?\\d{6}[ -]?\\d{4,5}",
  context: ["카드", "card", "信用卡", "卡號", "visa", "master"],
  priority: 3,
  validate(norm, { start, end }) {
    const raw = norm.slice(start, end);
    const seps = raw.replace(/\d/g, "");
    if (seps.length > 0 && seps !== seps[0].repeat(seps.length)) return null;
    const d = raw.replace(/\D/g, "");
    if (d.length < 13 || d.length > 19) return null;
    const first = d.charCodeAt(0) - 48;
    if (first < 2 || first > 6 || (d.length === 13 && first !== 4)) return null;
    if (seps.length > 0) {
      // Separators must sit on group boundaries: 4-4-4-4(-x) or 4-6-5.
      const groups = raw.split(seps[0]).map((g) => g.length);
      const ok =
        (groups[0] === 4 && groups[1] === 4 && groups[2] === 4) ||
        (groups.length === 3 && groups[0] === 4 && groups[1] === 6);
      if (!ok) return null;
    }
    if (!luhnValid(d)) return null;
    return { score: seps.length > 0 ? 1 : 0.85 };
  },
};
