import type { AppDeps } from "../../http/deps";

/**
 * Limits and retention of the review workflow. The upload cap is the server's maxUploadBytes (never more
 * than 50 MB: review formats are loaded whole); retention of originals defaults to 90 days and can be set
 * with CIVICPIMS_PII_RETENTION_DAYS until the shared configuration carries it.
 */
export const MAX_REVIEW_BYTES = 50 * 1024 * 1024;
export const DEFAULT_RETENTION_DAYS = 90;

export function reviewLimitBytes(deps: AppDeps): number {
  return Math.min(MAX_REVIEW_BYTES, deps.config.maxUploadBytes);
}

export function retentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.CIVICPIMS_PII_RETENTION_DAYS);
  return Number.isInteger(n) && n > 0 && n <= 3650 ? n : DEFAULT_RETENTION_DAYS;
}

/** Formats the screen accepts (the real type comes from the bytes). */
export const REVIEW_FORMATS = ["txt", "csv", "xlsx", "docx", "pdf", "hwpx"] as const;
/** Formats whose redacted output the documents layer can write (hwpx is read-only there). */
export const REDACTABLE_FORMATS = new Set(["txt", "csv", "xlsx", "docx", "pdf"]);
