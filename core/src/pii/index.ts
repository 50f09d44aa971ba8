// Public API of the PII engine (pure: no I/O). See shared/domain/pii.md for the facts it encodes.
export { falsePositiveHash } from "./hash";
export { PII_TYPES, type PiiTypeInfo, piiLabel } from "./labels";
export { normalizeForScan } from "./normalize";
export { CONTEXT_BOOST, DEFAULT_THRESHOLD } from "./recognizer";
export { maskValue, type RedactOptions, redactFreeText, redactText } from "./redact";
export { defaultTimeBudgetMs, scanText } from "./scan";
export type {
  CorePiiType,
  Locale,
  LowConfidencePiiType,
  PiiSpan,
  PiiType,
  RedactionPolicy,
  ScanOptions,
  ScanResult,
} from "./types";
