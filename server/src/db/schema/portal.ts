import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { CASE_KINDS, cases } from "./cases";
import { agencies, units } from "./org";

const ts = (name: string) => timestamp(name, { withTimezone: true });

/**
 * Resident satisfaction survey after a case closes (issue 12 item 1, seed 003 I-1-가 / I6). Generic on
 * cases; one per case (unique). The unit is the responsible unit when the survey was answered, so the
 * statistics per unit do not move when a case is later re-assigned. The optional comment is masked by
 * the PII engine and then encrypted with the field key; statistics never read it.
 */
export const caseSurveys = pgTable(
  "case_surveys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind", { enum: CASE_KINDS }).notNull(),
    unitId: uuid("unit_id").references(() => units.id),
    speed: integer("speed").notNull(),
    kindness: integer("kindness").notNull(),
    clarity: integer("clarity").notNull(),
    overall: integer("overall").notNull(),
    commentEnc: text("comment_enc"),
    answeredAt: ts("answered_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("case_surveys_case").on(t.caseId),
    index("case_surveys_agency_answered").on(t.agencyId, t.answeredAt),
    check(
      "case_surveys_scores",
      sql`${t.speed} BETWEEN 1 AND 5 AND ${t.kindness} BETWEEN 1 AND 5 AND ${t.clarity} BETWEEN 1 AND 5 AND ${t.overall} BETWEEN 1 AND 5`,
    ),
  ],
);
