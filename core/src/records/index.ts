// Records management (기록관리 / 檔案管理) [J2, J3, K5]: media list, schedule arithmetic, reconciliation and
// the K5 holdings table. Retention classes are rule-pack data (catalogue `recordsRetentionClasses`).
export * from "./holdings";
export * from "./media";
export * from "./reconcile";
export * from "./schedule";

/** Outcomes of an expiry review (보존기간 경과 기록물 평가): keep longer, reclassify, or destroy. */
export const REVIEW_DECISIONS = ["keep", "reclassify", "destroy"] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * Record status. `transferred` = moved to the agency's own archive (still held); `transferred_out` = handed
 * to another institution (leaves the holdings); `destruction_pending` = destroy approved, waiting for the
 * destruction workflow (issue 13) which sets `destroyed`.
 */
export const RECORD_STATUSES = [
  "held",
  "transferred",
  "transferred_out",
  "reclassified",
  "destruction_pending",
  "destroyed",
] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];
