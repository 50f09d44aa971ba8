import { maskValue, type PiiType, redactText, scanText } from "@civicpims/core/pii/index";
import type { PiiEngine } from "./types";

/** The real detector from core: scanText / redactText / maskValue behind the document layer's interface. */
export const coreEngine: PiiEngine = {
  scan: (text, opts) => scanText(text, { contextHint: opts?.contextHint }),
  redact: (text, spans, policy, opts) =>
    redactText(
      text,
      spans.map((s) => ({ ...s, type: s.type as PiiType })),
      policy,
      { pseudonymKey: opts?.key, locale: opts?.locale },
    ),
  mask: (type, value) => maskValue(type as PiiType, value),
};

export async function defaultEngine(): Promise<PiiEngine> {
  return coreEngine;
}
