import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

// The durable job scheduler (issue 13, "scheduled work"). Installation-wide: no agency_id, and no row
// holds personal data (the error is a class such as "SmtpError" or "ECONNREFUSED", never a message).

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** One row per registered periodic job; the runner of whichever instance claims it first runs it. */
export const jobs = pgTable(
  "jobs",
  {
    name: text("name").primaryKey(),
    /** "every:<seconds>" or "daily:HH:MM" (server time zone, agency-independent). */
    schedule: text("schedule").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    nextRunAt: ts("next_run_at").notNull(),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: ts("lease_expires_at"),
    /** The run under way (job_runs.id) while leased: an expired lease marks it abandoned. */
    currentRunId: uuid("current_run_id"),
    /** Consecutive failures; 0 after a success. Drives the back-off. */
    attempts: integer("attempts").notNull().default(0),
    lastErrorClass: text("last_error_class"),
    lastRunAt: ts("last_run_at"),
    lastOkAt: ts("last_ok_at"),
    /** Set by "run now": the next tick runs the job whatever its schedule says. */
    runRequestedAt: ts("run_requested_at"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("jobs_due").on(t.nextRunAt).where(sql`${t.enabled}`)],
);

export const jobRuns = pgTable(
  "job_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    job: text("job")
      .notNull()
      .references(() => jobs.name),
    instanceId: text("instance_id").notNull(),
    startedAt: ts("started_at").notNull(),
    finishedAt: ts("finished_at"),
    status: text("status", { enum: ["running", "ok", "failed", "abandoned"] }).notNull(),
    items: integer("items"),
    errorClass: text("error_class"),
    /** "schedule" or "manual" (run now). */
    trigger: text("trigger", { enum: ["schedule", "manual"] })
      .notNull()
      .default("schedule"),
  },
  (t) => [index("job_runs_job_started").on(t.job, t.startedAt)],
);
