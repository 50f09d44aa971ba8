import { brnValid } from "../checksums";
import { countCode, digitsIn, type Recognizer } from "../recognizer";

/**
 * Business registration number NNN-NN-NNNNN. With both hyphens and a valid checksum it is
 * reported on its own; ten bare digits pass the checksum 1 time in 10, so they need context.
 */
export const krBrn: Recognizer = {
  id: "kr-brn",
  types: ["KR_BRN"],
  pattern: /\d(?<![\d*-]\d)\d{2}-?\d{2}-?\d{5}(?![\d*]|-\d)/g,
  context: [
    "사업자등록번호",
    "사업자번호",
    "사업자",
    "등록번호",
    "business registration",
    "brn",
    "營業登記",
    "事業者",
  ],
  priority: 3,
  validate(norm, { start, end }) {
    const hyphens = countCode(norm, start, end, 45);
    if (hyphens === 1) return null;
    const d = digitsIn(norm, start, end);
    if (d.startsWith("000") || !brnValid(d)) return null;
    return { score: hyphens === 2 ? 1 : 0.4 };
  },
};
