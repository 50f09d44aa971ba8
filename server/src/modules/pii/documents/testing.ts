import { createHmac } from "node:crypto";
import type { PiiEngine, Span } from "./types";

/**
 * A tiny stand-in detector for document tests: RRN-shaped numbers, Korean mobiles and Taiwanese ID
 * shapes, no checksums. It lets the document layer be tested apart from the real engine.
 */
const PATTERNS: Array<[RegExp, string]> = [
  [/(?<!\d)\d{6}-[1-4]\d{6}(?!\d)/g, "KR_RRN"],
  [/(?<!\d)01[016789]-\d{3,4}-\d{4}(?!\d)/g, "KR_PHONE"],
  [/(?<![A-Za-z])[A-Z][12]\d{8}(?!\d)/g, "TW_ID"],
];

export function fakeMask(type: string, value: string): string {
  if (type === "KR_RRN") return value.slice(0, 8) + "*".repeat(value.length - 8);
  return value.slice(0, 3) + "*".repeat(Math.max(0, value.length - 3));
}

export const fakeEngine: PiiEngine = {
  scan(text) {
    const spans: Span[] = [];
    for (const [re, type] of PATTERNS) {
      for (const m of text.matchAll(re))
        spans.push({ start: m.index, end: m.index + m[0].length, type, score: 0.9 });
    }
    spans.sort((a, b) => a.start - b.start);
    return { status: "ok", spans };
  },
  redact(text, spans, policy, opts) {
    let out = "";
    let at = 0;
    for (const s of [...spans].sort((a, b) => a.start - b.start)) {
      const value = text.slice(s.start, s.end);
      out += text.slice(at, s.start);
      if (policy === "mask") out += fakeMask(s.type, value);
      else if (policy === "label") out += `[${s.type}]`;
      else if (policy === "pseudonym") {
        out += `<${s.type}:${createHmac("sha256", opts?.key ?? "k")
          .update(value)
          .digest("hex")
          .slice(0, 8)}>`;
      }
      at = s.end;
    }
    return out + text.slice(at);
  },
  mask: fakeMask,
};
