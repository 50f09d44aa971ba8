/**
 * Job schedules, kept minimal: "every:<seconds>" or "daily:HH:MM". Daily times are in the server's own
 * time zone (the process's, not any agency's): the work is installation-wide.
 */
export type Schedule = { kind: "every"; seconds: number } | { kind: "daily"; hour: number; minute: number };

export function parseSchedule(s: string): Schedule {
  const every = /^every:(\d{1,7})$/.exec(s);
  if (every && Number(every[1]) > 0) return { kind: "every", seconds: Number(every[1]) };
  const daily = /^daily:(\d{2}):(\d{2})$/.exec(s);
  if (daily && Number(daily[1]) < 24 && Number(daily[2]) < 60)
    return { kind: "daily", hour: Number(daily[1]), minute: Number(daily[2]) };
  throw new Error(`invalid job schedule: ${s}`);
}

/** The regular period in seconds (a day for daily jobs): caps the failure back-off. */
export function periodSeconds(s: Schedule): number {
  return s.kind === "every" ? s.seconds : 86_400;
}

/**
 * The first regular run after `now`. Periodic jobs run on a fixed grid counted from the Unix epoch
 * (every:300 at :00, :05, :10 ...), the same for every instance: a late tick, a retry or a restart does
 * not drift the schedule, and a long outage does not replay every missed period.
 */
export function nextRun(s: Schedule, now: Date): Date {
  if (s.kind === "every") {
    const p = s.seconds * 1000;
    return new Date((Math.floor(now.getTime() / p) + 1) * p);
  }
  const d = new Date(now);
  d.setHours(s.hour, s.minute, 0, 0);
  if (d.getTime() <= now.getTime()) d.setDate(d.getDate() + 1);
  // Re-set the wall time: a daylight-saving change between today and tomorrow moves the hour otherwise.
  d.setHours(s.hour, s.minute, 0, 0);
  return d;
}

/** Failure back-off: 30 s, 60 s, 120 s ... doubling per consecutive failure, capped at one hour. */
export const RETRY_BASE_SECONDS = 30;
export const RETRY_CAP_SECONDS = 3_600;

export function retryDelaySeconds(attempts: number): number {
  return Math.min(RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1), RETRY_CAP_SECONDS);
}

/**
 * The class of an error for the run history: a code ("ECONNREFUSED", "EAUTH") or the error's type name
 * ("TypeError"). Never the message, which can carry an address, a name or a query parameter.
 */
export function errorClass(err: unknown): string {
  const ok = (v: unknown): v is string => typeof v === "string" && /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(v);
  const e = err as { code?: unknown; name?: unknown } | null;
  if (e && ok(e.code)) return e.code;
  if (e && ok(e.name)) return e.name;
  return "Error";
}
