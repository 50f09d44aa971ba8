import type { AppDeps } from "../../http/deps";
import { checkpointIfStale } from "../audit/ledger.service";
import { runReminders } from "../cases/reminders";
import { runEscalations } from "../incidents/escalation";
import { deliverOutbox } from "../letters/mail.service";
import { RETENTION_SWEEP_MS, runPiiRetention } from "../pii/retention-job";
import { purgeStaleSubmissions } from "../portal/portal.service";
import { type JobDefinition, JobRunner, type RunnerLog } from "./scheduler";

/** The installation's periodic work: the five former timers, with their functions and periods. */
export function serverJobs(deps: AppDeps, log?: RunnerLog): JobDefinition[] {
  const list: JobDefinition[] = [
    {
      name: "cases.reminders",
      schedule: "every:900",
      run: async ({ now }) => (await runReminders(deps, now)).queued,
    },
    {
      name: "pii.retention",
      schedule: `every:${RETENTION_SWEEP_MS / 1000}`,
      run: ({ now }) => runPiiRetention(deps, now),
    },
    {
      name: "portal.purge",
      schedule: "every:3600",
      run: ({ now }) => purgeStaleSubmissions(deps, now),
    },
    {
      // Incident clocks of 4 hours: a 5-minute period keeps each escalation within minutes of its stage.
      name: "incidents.escalation",
      schedule: "every:300",
      run: ({ now }) => runEscalations(deps, now),
    },
    {
      name: "ledger.checkpoint",
      schedule: `every:${Math.max(1, Math.round(deps.config.ledgerCheckpointMinutes * 60))}`,
      run: async () => ((await checkpointIfStale(deps.database, deps.ledger)) ? 1 : 0),
    },
  ];
  // As before: the outbox runs only where SMTP is configured (otherwise mail waits in the queue).
  if (deps.config.smtpUrl) {
    list.push({
      name: "mail.outbox",
      schedule: "every:30",
      // A batch of 50 mails with SMTP timeouts: a lease of 10 minutes covers it.
      run: async ({ now }) => {
        const r = await deliverOutbox(deps, { now, ...(log ? { log } : {}) });
        return r.sent + r.retrying + r.failed;
      },
    });
  }
  return list;
}

export interface SchedulerOptions {
  instanceId?: string;
  /** Tick interval of the runner loop (default 5 s). */
  tickMs?: number;
  /** Schedule per job name, replacing the default (tests, operators tuning a period). */
  schedules?: Record<string, string>;
  clock?: () => Date;
}

/** Starts this process's one runner loop over the installation's jobs; returns the runner (stop() ends it). */
export async function startScheduler(
  deps: AppDeps,
  log?: RunnerLog,
  opts: SchedulerOptions = {},
): Promise<JobRunner> {
  const jobs = serverJobs(deps, log).map((j) =>
    opts.schedules?.[j.name] ? { ...j, schedule: opts.schedules[j.name] } : j,
  );
  const runner = new JobRunner({
    database: deps.database,
    jobs,
    ...(opts.instanceId ? { instanceId: opts.instanceId } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(log ? { log } : {}),
  });
  await runner.register();
  runner.start(opts.tickMs ?? 5_000);
  return runner;
}
