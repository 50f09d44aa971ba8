import type { PiiEngine, RedactionPolicy, Span, TextScanResult } from "./types";

let loading: Promise<PiiEngine> | undefined;

/** The real detector from core, loaded on first use so commands that never scan do not pay for it. */
export function defaultEngine(): Promise<PiiEngine> {
  loading ??= (async () => {
    // A variable specifier keeps this file compiling while core/pii is still being written.
    const spec = "@civicpims/core/pii/index";
    const core = (await import(spec)) as {
      scanText(text: string): TextScanResult;
      redactText(
        text: string,
        spans: Span[],
        policy: RedactionPolicy,
        opts?: { key?: Uint8Array | string },
      ): string;
      maskValue(type: string, value: string): string;
    };
    return {
      scan: (text) => core.scanText(text),
      redact: (text, spans, policy, opts) => core.redactText(text, spans, policy, opts),
      mask: (type, value) => core.maskValue(type, value),
    };
  })();
  return loading;
}
