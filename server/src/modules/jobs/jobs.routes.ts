import { desc, eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { jobRuns, jobs } from "../../db/schema";
import type { AppDeps } from "../../http/deps";
import { AppError } from "../../http/errors";
import { defineRoute } from "../../http/route";
import { requestRun } from "./scheduler";
import "./messages";

/** Runs shown per job: enough to see a pattern of failures without paging. */
const RUNS_PER_JOB = 10;

const nameParams = z.object({ name: z.string().regex(/^[a-z][a-z0-9._-]{0,63}$/) });

/**
 * The scheduler's state and run history (issue 13). Jobs are installation-wide and their rows hold no
 * agency data (names, times, counts and error classes only), so an agency's system administrator may see
 * them as well as the local operator; "run now" only brings forward what the schedule would do anyway.
 */
export function registerJobRoutes(app: FastifyInstance, deps: AppDeps): void {
  const tag = "system";
  defineRoute(app, deps, {
    method: "GET",
    url: "/api/system/jobs",
    access: "jobs.read",
    tag,
    summary: "Scheduled jobs with their next run and last runs (installation-wide, no agency data)",
    handler: async ({ tx }) => {
      const list = await tx.select().from(jobs).orderBy(jobs.name);
      // The last runs of every job in one query (window function), newest first.
      const ranked = tx
        .select({
          id: jobRuns.id,
          job: jobRuns.job,
          instanceId: jobRuns.instanceId,
          startedAt: jobRuns.startedAt,
          finishedAt: jobRuns.finishedAt,
          status: jobRuns.status,
          items: jobRuns.items,
          errorClass: jobRuns.errorClass,
          trigger: jobRuns.trigger,
          rn: sql<number>`row_number() over (partition by ${jobRuns.job} order by ${jobRuns.startedAt} desc)`.as(
            "rn",
          ),
        })
        .from(jobRuns)
        .as("ranked");
      const runs = await tx
        .select()
        .from(ranked)
        .where(sql`${ranked.rn} <= ${RUNS_PER_JOB}`)
        .orderBy(ranked.job, desc(ranked.startedAt));
      const iso = (d: Date | null) => d?.toISOString() ?? null;
      return {
        jobs: list.map((j) => ({
          name: j.name,
          schedule: j.schedule,
          enabled: j.enabled,
          nextRunAt: j.nextRunAt.toISOString(),
          running: !!j.leaseExpiresAt,
          runRequested: !!j.runRequestedAt,
          failuresInRow: j.attempts,
          lastErrorClass: j.lastErrorClass,
          lastRunAt: iso(j.lastRunAt),
          lastOkAt: iso(j.lastOkAt),
          runs: runs
            .filter((r) => r.job === j.name)
            .map((r) => ({
              id: r.id,
              instanceId: r.instanceId,
              startedAt: r.startedAt.toISOString(),
              finishedAt: iso(r.finishedAt),
              status: r.status,
              items: r.items,
              errorClass: r.errorClass,
              trigger: r.trigger,
            })),
        })),
      };
    },
    audit: { skip: "installation state: job names, times and counts, no personal data" },
  });

  defineRoute(app, deps, {
    method: "POST",
    url: "/api/system/jobs/:name/run",
    access: "jobs.run",
    tag,
    summary: "Run a job now: the next tick of any instance runs it, whatever its schedule",
    params: nameParams,
    handler: async ({ tx, params }) => {
      const [row] = await tx
        .select({ name: jobs.name, enabled: jobs.enabled })
        .from(jobs)
        .where(eq(jobs.name, params.name));
      if (!row) throw new AppError(404, "jobs.not_found");
      if (!row.enabled) throw new AppError(409, "jobs.disabled");
      await requestRun(tx, row.name);
      return { name: row.name, requested: true };
    },
    audit: { action: "system.jobs.run_now", resourceType: "job", details: (r) => ({ job: r.name }) },
  });
}
