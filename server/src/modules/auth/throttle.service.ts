import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";

/**
 * Login rate limit, kept in the database (table login_throttle) so every instance sees the same
 * counts. Fixed one-minute windows per key; keys are hashed so the table never holds an address
 * or a typed user name (which is sometimes a password typed into the wrong field).
 */
export const THROTTLE_WINDOW_SECONDS = 60;

export type ThrottleScope = "ip" | "account";

export interface ThrottleHit {
  scope: ThrottleScope;
  count: number;
  /** Seconds until the window ends (for Retry-After). */
  retryAfter: number;
  /** True for the first refused attempt of a window (only that one is written to the ledger). */
  firstRefusal: boolean;
}

export function throttleKey(scope: ThrottleScope, value: string): string {
  return `${scope}:${createHash("sha256").update(value).digest("hex").slice(0, 40)}`;
}

type Row = { count: number | string; retry_after: number | string };

/** Counts one attempt against the key; returns the state of its window. */
export async function countAttempt(
  q: Queryable,
  key: string,
): Promise<{ count: number; retryAfter: number }> {
  const w = sql.raw(`interval '${THROTTLE_WINDOW_SECONDS} seconds'`);
  const r = (await q.execute(sql`
    INSERT INTO login_throttle AS t (key, window_start, count) VALUES (${key}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN t.window_start <= now() - ${w} THEN 1 ELSE t.count + 1 END,
      window_start = CASE WHEN t.window_start <= now() - ${w} THEN now() ELSE t.window_start END
    RETURNING count, ceil(extract(epoch FROM (window_start + ${w} - now())))::int AS retry_after`)) as unknown as {
    rows: Row[];
  };
  const row = r.rows[0];
  return { count: Number(row.count), retryAfter: Math.max(1, Number(row.retry_after)) };
}

/**
 * Counts a login attempt against the client address and against the account name; returns the
 * first limit exceeded, or null. Both counters advance on every attempt, so spreading guesses
 * over many addresses still hits the per-account limit.
 */
export async function checkLoginThrottle(
  q: Queryable,
  input: { clientIp: string; agencyCode: string; username: string; limitPerMinute: number },
): Promise<ThrottleHit | null> {
  const keys: Array<[ThrottleScope, string]> = [
    ["ip", throttleKey("ip", input.clientIp)],
    [
      "account",
      throttleKey("account", `${input.agencyCode.toLowerCase()}\u0000${input.username.toLowerCase()}`),
    ],
  ];
  let hit: ThrottleHit | null = null;
  for (const [scope, key] of keys) {
    const { count, retryAfter } = await countAttempt(q, key);
    if (count > input.limitPerMinute && !hit) {
      hit = { scope, count, retryAfter, firstRefusal: count === input.limitPerMinute + 1 };
    }
  }
  // Old windows are useless; sweep a few now and then instead of running a job.
  if (Math.random() < 0.02) {
    await q.execute(sql`DELETE FROM login_throttle WHERE window_start < now() - interval '1 hour'`);
  }
  return hit;
}
