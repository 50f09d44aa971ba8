import { ubnValid } from "../checksums";
import type { Recognizer } from "../recognizer";

/** Unified business number: 8 digits with a weak checksum (1 in 5 random numbers pass): context only. */
export const twUbn: Recognizer = {
  id: "tw-ubn",
  types: ["TW_UBN"],
  pattern: /\d(?<![\d*-]\d)\d{7}(?![\d*]|-\d)/g,
  context: ["統編", "統一編號", "统一编号", "營利事業", "扣繳", "ubn", "business no", "tax id", "사업자"],
  priority: 5,
  validate(norm, { start, end }) {
    return ubnValid(norm.slice(start, end)) ? { score: 0.4 } : null;
  },
};
