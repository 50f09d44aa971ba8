import { redactFreeText } from "@civicpims/core/pii/index";
import type { LoggerOptions } from "pino";

/**
 * pino options shared by the server and the CLI. Secrets and personal data never reach the log:
 * known sensitive paths are censored here, and every free-text string passes through the PII
 * engine's scrubber, which masks any identifier it recognises (issue 7, "guards").
 */
let scrub: (text: string) => string = (t) => redactFreeText(t);
export function setLogTextScrubber(fn: (text: string) => string): void {
  scrub = fn;
}
export function scrubText(text: string): string {
  return scrub(text);
}

const SENSITIVE_KEYS = [
  "password",
  "currentPassword",
  "newPassword",
  "token",
  "secret",
  "code",
  "identifier",
  "rrn",
  "email",
  "phone",
  "accessCode",
];

/** Censored wherever they appear at the top level or one level down. */
export const REDACT_PATHS = [
  "req.headers.cookie",
  "req.headers.authorization",
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  ...SENSITIVE_KEYS,
  ...SENSITIVE_KEYS.map((k) => `*.${k}`),
];

/** Scrubs every string inside a log object (bounded depth, so huge objects cannot stall logging). */
function scrubDeep(value: unknown, depth: number): unknown {
  if (typeof value === "string") return scrub(value);
  if (depth <= 0 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => scrubDeep(v, depth - 1));
  if (value instanceof Error) {
    const e = value as Error & { code?: unknown };
    return {
      type: e.name,
      message: scrub(e.message),
      stack: e.stack ? scrub(e.stack) : undefined,
      code: e.code,
    };
  }
  // Class instances (a Fastify request, a Buffer) keep their identity for pino's serializers.
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubDeep(v, depth - 1);
  return out;
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
    formatters: {
      log(obj) {
        return scrubDeep(obj, 4) as Record<string, unknown>;
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
      req(req: { method?: string; url?: string; id?: string; raw?: { url?: string } }) {
        // Query strings can carry identifiers: keep only the path, scrubbed.
        const url = req.url ?? req.raw?.url ?? "";
        return { method: req.method, url: scrub(url.split("?")[0]), id: req.id };
      },
    },
  };
}
