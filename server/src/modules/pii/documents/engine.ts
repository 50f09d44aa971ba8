import { falsePositiveHash, maskValue, type PiiType, redactText, scanText } from "@civicpims/core/pii/index";
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

/**
 * core's detector for one agency: its confirmed false positives are skipped (ignoreHashes), and every
 * finding carries the keyed hash of its value (fingerprint) so a reviewer can confirm one more.
 * Pure (no database): the upload workers build it from the key and hashes the request thread loaded.
 */
export function engineFor(key: Uint8Array, ignoreHashes: ReadonlySet<string>): PiiEngine {
  const k = Buffer.from(key);
  return {
    ...coreEngine,
    scan: (text, opts) =>
      scanText(text, {
        contextHint: opts?.contextHint,
        ignoreHashes: ignoreHashes as Set<string>,
        ignoreKey: k,
      }),
    fingerprint: (type, value) => falsePositiveHash(type as PiiType, value, k),
  };
}
