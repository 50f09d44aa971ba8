import type { LoggerOptions } from "pino";

/**
 * pino options shared by the server and the CLI. Secrets and personal data never reach the log:
 * known sensitive paths are censored here, and free text passes through the PII scrubber
 * (installed by setLogTextScrubber once the PII engine is loaded).
 */
let scrub: (text: string) => string = (t) => t;
export function setLogTextScrubber(fn: (text: string) => string): void {
  scrub = fn;
}
export function scrubText(text: string): string {
  return scrub(text);
}

export const REDACT_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  "*.password",
  "*.currentPassword",
  "*.newPassword",
  "*.token",
  "*.secret",
  "*.code",
  "*.identifier",
  "*.rrn",
  "*.email",
  "*.phone",
];

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    formatters: {
      log(obj) {
        if (typeof obj.msg === "string") obj.msg = scrub(obj.msg);
        if (obj.err && typeof (obj.err as { message?: unknown }).message === "string") {
          const err = obj.err as { message: string; stack?: string };
          obj.err = { ...err, message: scrub(err.message), stack: err.stack ? scrub(err.stack) : undefined };
        }
        return obj;
      },
    },
    hooks: {
      logMethod(args, method) {
        // pino passes (obj, msg) or (msg): scrub any string argument.
        const cleaned = args.map((a) => (typeof a === "string" ? scrub(a) : a)) as typeof args;
        method.apply(this, cleaned);
      },
    },
    serializers: {
      req(req: { method: string; url: string; id: string }) {
        // Query strings can carry identifiers: keep only the path.
        return { method: req.method, url: scrub(req.url.split("?")[0]), id: req.id };
      },
    },
  };
}
