import { luhnValid } from "../checksums";
import type { Recognizer } from "../recognizer";

/** Issuer prefixes in use (Visa, Mastercard 51-55 / 2221-2720, Amex, JCB, Diners, Discover/UnionPay). */
function issuerPlausible(d: string): boolean {
  const p2 = Number(d.slice(0, 2));
  const p4 = Number(d.slice(0, 4));
  if (d[0] === "4") return d.length === 13 || d.length === 16 || d.length === 19;
  if (p2 >= 51 && p2 <= 55) return d.length === 16;
  if (p4 >= 2221 && p4 <= 2720) return d.length === 16;
  if (p2 === 34 || p2 === 37) return d.length === 15;
  if (p2 === 35) return d.length >= 16;
  if (p2 === 36 || p2 === 38 || p2 === 30) return d.length >= 14;
  if (p2 === 60 || p2 === 62 || p2 === 64 || p2 === 65) return d.length >= 16;
  return false;
}

/** Payment card numbers: 13-19 digits (4-4-4-4(-3) or 4-6-5 groups), Luhn, plausible issuer prefix. */
export const creditCard: Recognizer = {
  id: "credit-card",
  types: ["CREDIT_CARD"],
  pattern: /\d(?<![\d*]\d)(?:\d{3}[ -]?\d{4}[ -]?\d{4}[ -]?\d{1,7}|\d{3}[ -]?\d{6}[ -]?\d{4,5})(?![\d*])/g,
  context: ["카드", "card", "信用卡", "卡號", "visa", "master"],
  priority: 3,
  validate(norm, { start, end }) {
    // One walk collects the digits, the separator and the group lengths.
    let d = "";
    let sep = 0;
    let groupLen = 0;
    const groups: number[] = [];
    for (let i = start; i < end; i++) {
      const c = norm.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        d += norm[i];
        groupLen++;
        continue;
      }
      if (sep !== 0 && c !== sep) return null; // mixed separators
      sep = c;
      groups.push(groupLen);
      groupLen = 0;
    }
    groups.push(groupLen);
    if (d.length < 13 || d.length > 19) return null;
    if (!issuerPlausible(d)) return null;
    if (sep !== 0) {
      // Separators must sit on group boundaries: 4-4-4-4(-x) or 4-6-5.
      const ok =
        (groups[0] === 4 && groups[1] === 4 && groups[2] === 4) ||
        (groups.length === 3 && groups[0] === 4 && groups[1] === 6);
      if (!ok) return null;
    }
    if (!luhnValid(d)) return null;
    return { score: sep !== 0 ? 1 : 0.85 };
  },
};
