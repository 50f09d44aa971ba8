// Services the PII module offers other modules (petitions, disclosure, open data, registry).

export { openDriftFindings } from "./drift.service";
export {
  type GuardContent,
  type GuardInput,
  type GuardResult,
  guardPublication,
  passes,
  publishableOnly,
} from "./guard.service";
export { runPiiRetention } from "./retention-job";
export { purgeDocuments } from "./review.service";
