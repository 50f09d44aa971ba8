import type { LabelLocale, PiiEngine, RedactionPolicy, Span } from "./types";
import { escapeXmlText, type Replacement } from "./xml-text";

/** Drops spans that overlap an earlier (or, at the same start, longer) span. */
export function nonOverlapping(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) if (!out.length || s.start >= out[out.length - 1].end) out.push(s);
  return out;
}

/**
 * The replacement text of each span under a policy. Each value is redacted on its own, so the result
 * can be placed into whatever structure held the value (runs, cells, PDF boxes). `seen` collects
 * value -> replacement for the later sweep and verification.
 */
export function replacementsFor(
  engine: PiiEngine,
  text: string,
  spans: Span[],
  redact: { policy: RedactionPolicy; key?: Uint8Array | string; locale?: LabelLocale },
  seen: Map<string, string>,
): Replacement[] {
  return nonOverlapping(spans).map((s) => {
    const value = text.slice(s.start, s.end);
    const replacement = engine.redact(value, [{ ...s, start: 0, end: value.length }], redact.policy, {
      key: redact.key,
      locale: redact.locale,
    });
    seen.set(value, replacement);
    return { start: s.start, end: s.end, replacement };
  });
}

/**
 * Replaces any remaining literal occurrence of a redacted value in an XML part (attributes such as
 * mailto: link targets, parts the paragraph walker does not know). Returns null when nothing changed.
 */
export function sweepXml(xml: string, seen: Map<string, string>): string | null {
  let out = xml;
  for (const [value, replacement] of seen) {
    if (value.length < 4) continue; // too short to be a safe literal replacement
    for (const form of new Set([value, escapeXmlText(value)])) {
      if (out.includes(form)) out = out.split(form).join(escapeXmlText(replacement));
    }
  }
  return out === xml ? null : out;
}

/**
 * The language a document is written in, for labels: any Hangul means Korean (Korean text mixes in
 * Hanja), Han characters without Hangul mean Traditional Chinese, anything else English.
 */
export function guessLocale(sample: string): LabelLocale {
  let hangul = 0;
  let han = 0;
  for (const ch of sample.slice(0, 20_000)) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f))
      hangul++;
    else if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff))
      han++;
  }
  if (hangul > 0 && hangul * 4 >= han) return "ko";
  if (han > 0) return "zh-TW";
  return hangul > 0 ? "ko" : "en";
}
