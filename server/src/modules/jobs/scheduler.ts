import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { and, asc, eq, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { Database, Queryable } from "../../db/client";
import { jobRuns, jobs } from "../../db/schema";
import {
  errorClass,
  nextRun,
  parseSchedule,
  periodSeconds,
  retryDelaySeconds,
  type Schedule,
} from "./schedule";

/**
 * The durable job scheduler (issue 13): one row per job in `jobs`, one row per run in `job_runs`.
 * Every process runs one `JobRunner`; each tick claims due jobs with FOR UPDATE SKIP LOCKED inside a
 * short transaction and writes a lease (owner, expiry). The work itself runs outside any transaction,
 * so a slow job never holds a lock, and the lease keeps other instances off it meanwhile. A process that
 * dies mid-run leaves its lease to expire: the next claimer marks that run abandoned and runs the job.
 * Hence with N instances each periodic job runs once per period, on whichever instance gets there first.
 */

export interface JobContext {
  now: Date;
  instanceId: string;
}

export interface JobDefinition {
  name: string;
  /** "every:<seconds>" or "daily:HH:MM" (server time zone). */
  schedule: string;
  /** How long a run may take before another instance presumes it dead (default 10 minutes). */
  leaseSeconds?: number;
  /** The work; returns how many items it processed (mails sent, documents purged ...). */
  run(ctx: JobContext): Promise<number | undefined>;
}

export interface RunnerLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
}

export interface JobRunnerOptions {
  database: Database;
  jobs: JobDefinition[];
  /** Distinguishes instances in leases and the run history (default host-pid-random). */
  instanceId?: string;
  /** Injected clock (tests); defaults to the wall clock. */
  clock?: () => Date;
  log?: RunnerLog;
}

export interface RunOutcome {
  job: string;
  runId: string;
  status: "ok" | "failed" | "lost";
  items?: number;
  errorClass?: string;
}

export interface Claim {
  job: JobDefinition;
  runId: string;
  startedAt: Date;
}

const DEFAULT_LEASE_SECONDS = 600;

export function newInstanceId(): string {
  return `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
}

export class JobRunner {
  readonly instanceId: string;
  private readonly db: Database["db"];
  private readonly defs = new Map<string, JobDefinition & { parsed: Schedule }>();
  private readonly clock: () => Date;
  private readonly log?: RunnerLog;
  private timer: NodeJS.Timeout | null = null;
  private current: Promise<unknown> | null = null;
  private registered = false;

  constructor(opts: JobRunnerOptions) {
    this.db = opts.database.db;
    this.instanceId = opts.instanceId ?? newInstanceId();
    this.clock = opts.clock ?? (() => new Date());
    this.log = opts.log;
    for (const j of opts.jobs) this.defs.set(j.name, { ...j, parsed: parseSchedule(j.schedule) });
  }

  /**
   * Makes sure every job of this process has its row. A new job is first due at its next grid point (at most
   * one period from now, as with the timers it replaces); a changed schedule takes effect from now, an unchanged row is left alone
   * (another instance may hold its lease).
   */
  async register(): Promise<void> {
    const now = this.clock();
    for (const d of this.defs.values()) {
      const first = nextRun(d.parsed, now);
      await this.db
        .insert(jobs)
        .values({ name: d.name, schedule: d.schedule, nextRunAt: first, updatedAt: now })
        .onConflictDoUpdate({
          target: jobs.name,
          set: { schedule: d.schedule, nextRunAt: first, updatedAt: now },
          setWhere: sql`${jobs.schedule} <> ${d.schedule}`,
        });
    }
    this.registered = true;
  }

  /**
   * Claims one due job of this process (enabled, next run reached or "run now" asked, no live lease).
   * An expired lease's run is marked abandoned in the same transaction. Returns null when nothing is due.
   */
  async claim(): Promise<Claim | null> {
    if (!this.registered) await this.register();
    const now = this.clock();
    const names = [...this.defs.keys()];
    if (!names.length) return null;
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(jobs)
        .where(
          and(
            inArray(jobs.name, names),
            eq(jobs.enabled, true),
            or(lte(jobs.nextRunAt, now), isNotNull(jobs.runRequestedAt)),
            or(isNull(jobs.leaseExpiresAt), lte(jobs.leaseExpiresAt, now)),
          ),
        )
        .orderBy(asc(jobs.nextRunAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!row) return null;
      const def = this.defs.get(row.name);
      if (!def) return null;
      if (row.currentRunId) {
        await tx
          .update(jobRuns)
          .set({ status: "abandoned", finishedAt: now, errorClass: "LeaseExpired" })
          .where(and(eq(jobRuns.id, row.currentRunId), eq(jobRuns.status, "running")));
      }
      const [run] = await tx
        .insert(jobRuns)
        .values({
          job: row.name,
          instanceId: this.instanceId,
          startedAt: now,
          status: "running",
          trigger: row.runRequestedAt && row.nextRunAt > now ? "manual" : "schedule",
        })
        .returning({ id: jobRuns.id });
      await tx
        .update(jobs)
        .set({
          leaseOwner: this.instanceId,
          leaseExpiresAt: new Date(now.getTime() + (def.leaseSeconds ?? DEFAULT_LEASE_SECONDS) * 1000),
          currentRunId: run.id,
          runRequestedAt: null,
          lastRunAt: now,
          updatedAt: now,
        })
        .where(eq(jobs.name, row.name));
      return { job: def, runId: run.id, startedAt: now };
    });
  }

  /** Runs a claimed job and records the result; releases the lease unless another instance took it over. */
  async execute(claim: Claim): Promise<RunOutcome> {
    let items: number | undefined;
    let failure: string | undefined;
    try {
      items = (await claim.job.run({ now: claim.startedAt, instanceId: this.instanceId })) ?? undefined;
    } catch (err) {
      failure = errorClass(err);
      this.log?.warn({ job: claim.job.name, errorClass: failure }, "scheduled job failed");
    }
    const now = this.clock();
    const def = this.defs.get(claim.job.name) as JobDefinition & { parsed: Schedule };
    return this.db.transaction(async (tx) => {
      const [row] = await tx.select().from(jobs).where(eq(jobs.name, claim.job.name)).for("update");
      // Lease lost (this run took too long and was abandoned): the new owner records the job's state.
      if (!row || row.currentRunId !== claim.runId)
        return { job: claim.job.name, runId: claim.runId, status: "lost" };
      const regular = nextRun(def.parsed, now);
      const attempts = failure ? row.attempts + 1 : 0;
      // A failed job retries sooner than its period, backing off; never later than its regular next run.
      const retryAt = new Date(
        now.getTime() + Math.min(retryDelaySeconds(attempts), periodSeconds(def.parsed)) * 1000,
      );
      await tx
        .update(jobs)
        .set({
          leaseOwner: null,
          leaseExpiresAt: null,
          currentRunId: null,
          attempts,
          nextRunAt: failure && retryAt < regular ? retryAt : regular,
          lastErrorClass: failure ?? row.lastErrorClass,
          ...(failure ? {} : { lastOkAt: now }),
          updatedAt: now,
        })
        .where(eq(jobs.name, row.name));
      await tx
        .update(jobRuns)
        .set({
          status: failure ? "failed" : "ok",
          finishedAt: now,
          items: items ?? null,
          errorClass: failure ?? null,
        })
        .where(eq(jobRuns.id, claim.runId));
      return failure
        ? { job: row.name, runId: claim.runId, status: "failed", errorClass: failure }
        : { job: row.name, runId: claim.runId, status: "ok", ...(items !== undefined ? { items } : {}) };
    });
  }

  /** One tick: claim and run due jobs one after another until none is due. */
  async tick(): Promise<RunOutcome[]> {
    const out: RunOutcome[] = [];
    // Bounded: a job that is due again at once (a zero-length back-off) cannot spin the tick forever.
    for (let i = 0; i < this.defs.size * 2; i++) {
      const claim = await this.claim();
      if (!claim) break;
      out.push(await this.execute(claim));
    }
    return out;
  }

  /** The process's one runner loop: a single interval that ticks (never two ticks at once). */
  start(everyMs = 5_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.current) return;
      this.current = this.tick()
        .catch((err) => this.log?.warn({ errorClass: errorClass(err) }, "job runner tick failed"))
        .finally(() => {
          this.current = null;
        });
    }, everyMs);
    this.timer.unref();
  }

  /** Stops the loop and waits for a run under way (tests, shutdown). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.current;
  }
}

/** "Run now": the next tick of any instance runs the job, whatever its schedule. */
export async function requestRun(q: Queryable, name: string, now = new Date()): Promise<boolean> {
  const rows = await q
    .update(jobs)
    .set({ runRequestedAt: now, updatedAt: now })
    .where(eq(jobs.name, name))
    .returning({ name: jobs.name });
  return rows.length > 0;
}
