import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";

/**
 * Login throttling, kept in the database (table login_throttle) so every instance sees the same
 * counts. Fixed windows per key. Only failed attempts are counted: an office behind one NAT address
 * where everyone signs in at 9:00 is never throttled, while guessing is. Keys are hashed so the
 * table never holds an address or a typed user name (sometimes a password typed into the wrong box).
 *
 * Two keys, both tied to the caller's address so a stranger elsewhere can never use them against a
 * staff member:
 * - "ip": failures from one address, `loginRateLimitPerMinute` per minute;
 * - "pair": failures for one typed agency + user name from one address, `lockoutThreshold` per
 *   `lockoutMinutes`. The typed name decides, not whether it exists, so a name nobody holds and a
 *   staff member's name are stopped alike (no oracle for which accounts exist).
 * Failures across addresses are counted on the account itself (lockout.service.ts).
 */
export type ThrottleScope = "ip" | "pair";

export interface ThrottleHit {
  scope: ThrottleScope;
  /** Seconds until the window ends (for Retry-After). */
  retryAfter: number;
  /** True for the first refused attempt of a window (only that one is written to the ledger). */
  firstRefusal: boolean;
}

export interface ThrottleInput {
  clientIp: string;
  agencyCode: string;
  username: string;
  /** Failures per address per minute. */
  limitPerMinute: number;
  /** Failures per address and account name per `pairMinutes`. */
  pairLimit: number;
  pairMinutes: number;
}

export function throttleKey(scope: ThrottleScope, value: string): string {
  return `${scope}:${createHash("sha256").update(value).digest("hex").slice(0, 40)}`;
}

interface KeySpec {
  scope: ThrottleScope;
  key: string;
  limit: number;
  windowSeconds: number;
}

function keysFor(input: ThrottleInput): KeySpec[] {
  const name = `${input.agencyCode.toLowerCase()}\u0000${input.username.toLowerCase()}`;
  return [
    { scope: "ip", key: throttleKey("ip", input.clientIp), limit: input.limitPerMinute, windowSeconds: 60 },
    {
      scope: "pair",
      key: throttleKey("pair", `${input.clientIp}\u0000${name}`),
      limit: input.pairLimit,
      windowSeconds: input.pairMinutes * 60,
    },
  ];
}

const interval = (seconds: number) => sql`make_interval(secs => ${seconds}::int)`;

/** Counts one event against the key; returns the count in the current window. */
async function bump(q: Queryable, k: KeySpec): Promise<number> {
  const w = interval(k.windowSeconds);
  const r = (await q.execute(sql`
    INSERT INTO login_throttle AS t (key, window_start, count) VALUES (${k.key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN t.window_start <= now() - ${w} THEN 1 ELSE t.count + 1 END,
      window_start = CASE WHEN t.window_start <= now() - ${w} THEN now() ELSE t.window_start END
    RETURNING count`)) as unknown as { rows: Array<{ count: number | string }> };
  return Number(r.rows[0].count);
}

/**
 * Before any password work: refuses when a key already has its limit of failures in its window.
 * A refusal is itself counted, so the first refusal of a window can be told apart (count limit+1).
 */
export async function checkLoginThrottle(q: Queryable, input: ThrottleInput): Promise<ThrottleHit | null> {
  for (const k of keysFor(input)) {
    const w = interval(k.windowSeconds);
    const r = (await q.execute(sql`
      SELECT count, ceil(extract(epoch FROM (window_start + ${w} - now())))::int AS retry_after
      FROM login_throttle WHERE key = ${k.key} AND window_start > now() - ${w}`)) as unknown as {
      rows: Array<{ count: number | string; retry_after: number | string }>;
    };
    const row = r.rows[0];
    if (row && Number(row.count) >= k.limit) {
      const count = await bump(q, k);
      return {
        scope: k.scope,
        retryAfter: Math.max(1, Number(row.retry_after)),
        firstRefusal: count === k.limit + 1,
      };
    }
  }
  return null;
}

/** After a failed attempt: one more against the address and the address + account name. */
export async function countLoginFailure(q: Queryable, input: ThrottleInput): Promise<void> {
  for (const k of keysFor(input)) await bump(q, k);
  // Old windows are useless; sweep now and then instead of running a job.
  if (Math.random() < 0.02) {
    await q.execute(sql`DELETE FROM login_throttle WHERE window_start < now() - interval '1 day'`);
  }
}
