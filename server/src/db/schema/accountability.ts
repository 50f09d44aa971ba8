import { sql } from "drizzle-orm";
import { jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agencies } from "./org";

/**
 * A reviewer's sign-off of one month's access-log review (E3, E11). The findings are recomputed from
 * the ledger on every read; the sign-off keeps the snapshot it signed and the dispositions. The note and
 * the explanations are free text that may name people: stored encrypted with the field key.
 */
export const logReviews = pgTable(
  "log_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    /** YYYY-MM in the agency's time zone. */
    month: text("month").notNull(),
    signedBy: uuid("signed_by").notNull(),
    signedAt: timestamp("signed_at", { withTimezone: true }).notNull().defaultNow(),
    /** Encrypted JSON: { note, dispositions: [{ key, kind, explanation, owner, dueDate }] }. */
    contentEnc: text("content_enc").notNull(),
    /** Findings as signed (rule, severity, counts, entry ids; no free text). */
    findings: jsonb("findings").notNull(),
  },
  (t) => [uniqueIndex("log_reviews_agency_month").on(t.agencyId, t.month)],
);

/** An agency's overrides of the anomaly thresholds (core/src/accountability/anomaly-rules.ts). */
export const logReviewSettings = pgTable("log_review_settings", {
  agencyId: uuid("agency_id")
    .primaryKey()
    .references(() => agencies.id),
  overrides: jsonb("overrides").notNull().default(sql`'{}'::jsonb`),
  updatedBy: uuid("updated_by"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
