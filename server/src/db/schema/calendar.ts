import type { OfficeHoursInput, RuleOverride } from "@civicpims/core/calendar/types";
import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { agencies, staff } from "./org";

// Agency calendar (issue 6 item 1): what the holiday package and the rule packs cannot know. Every row
// is fed to the deadline engine as CalendarOverrides (server/src/modules/calendar/overrides.repo.ts).

const ts = (name: string) => timestamp(name, { withTimezone: true });

export const CALENDAR_OVERRIDE_KINDS = ["closure", "holiday", "workday", "removal"] as const;

/**
 * One dated entry: an office closure (typhoon day), a temporary holiday (election day), a make-up
 * workday, or the removal of a listed holiday the agency works on. A range covers every day from
 * date_from to date_to inclusive (local dates in the agency's zone).
 */
export const calendarOverrides = pgTable(
  "calendar_overrides",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agencyId: uuid("agency_id")
      .notNull()
      .references(() => agencies.id),
    kind: text("kind", { enum: CALENDAR_OVERRIDE_KINDS }).notNull(),
    dateFrom: date("date_from", { mode: "string" }).notNull(),
    dateTo: date("date_to", { mode: "string" }).notNull(),
    /** Why (shown in every explanation): "颱風停止上班", "제9회 전국동시지방선거". */
    reason: text("reason").notNull(),
    /** Which offices or units the decision covers, the announcement it comes from. */
    scopeNote: text("scope_note"),
    version: integer("version").notNull().default(1),
    createdBy: uuid("created_by").references(() => staff.id),
    createdByLabel: text("created_by_label"),
    createdAt: ts("created_at").notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => staff.id),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("calendar_overrides_agency_date").on(t.agencyId, t.dateFrom)],
);

/**
 * Per-agency settings for the engine: office hours (Civil Petitions Act §19 hour counting) and
 * counting-rule overrides per deadline kind, both shaped by core calendarOverridesSchema.
 */
export const calendarSettings = pgTable("calendar_settings", {
  agencyId: uuid("agency_id")
    .primaryKey()
    .references(() => agencies.id),
  officeHours: jsonb("office_hours").$type<OfficeHoursInput>(),
  rules: jsonb("rules").$type<Record<string, RuleOverride>>(),
  version: integer("version").notNull().default(1),
  updatedBy: uuid("updated_by").references(() => staff.id),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});
